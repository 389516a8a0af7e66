/// A run of bytes, adjacent in memory, not yet copied to the output: lines
/// left as they were still lie side by side, with their line feeds, in the
/// chunk they were decoded into, and a run of them is copied with one
/// `append` instead of one or two per line (per-line appends were ~7% of the
/// `unicode` step's time).
///
/// The bytes must stay valid until ``flush(to:)``: callers flush before the
/// chunk they point into may go away. O(1) per piece, plus the copy.
struct ByteRun {
  private var start: UnsafePointer<UInt8>?
  private var end: UnsafePointer<UInt8>?

  /// An empty run.
  init() {}

  /// Adds `piece`: it extends the run if it starts where the run ends;
  /// otherwise the run is copied to `output` first and `piece` starts a new one.
  @inline(__always)
  mutating func add(_ piece: UnsafeBufferPointer<UInt8>, flushingTo output: inout [UInt8]) {
    guard let base = piece.baseAddress else { return }
    if end != UnsafePointer(base) { flush(to: &output) }
    if start == nil { start = UnsafePointer(base) }
    end = UnsafePointer(base) + piece.count
  }

  /// Copies the run to `output` and empties it.
  @inline(__always)
  mutating func flush(to output: inout [UInt8]) {
    if let start, let end {
      output.append(contentsOf: UnsafeBufferPointer(start: start, count: end - start))
    }
    start = nil
    end = nil
  }
}
