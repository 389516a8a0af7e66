/// Reusable buffers for `ConversionEngine`'s unmatched runs.
struct RunScratch {
  var run: [UInt32] = []
  var spare: [UInt32] = []
  init() {
    run.reserveCapacity(256)
    spare.reserveCapacity(256)
  }
}
