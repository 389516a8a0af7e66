import FuzzSupport
import ZhNorm

/// The decoder alone (no steps): valid UTF-8 must come back unchanged, and
/// invalid input must be counted.
let passthrough = Normalizer(configuration: NormalizerConfiguration(steps: []))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
  let input = UnsafeBufferPointer(start: data, count: count)
  checkPipelineProperties(input, normalizer: passthrough)
  var stream = passthrough.makeStream()
  var output = stream.push(input)
  stream.finishDocument(appendingTo: &output)
  let valid = String(validating: input, as: UTF8.self) != nil
  fuzzCheck(valid == (stream.statistics.invalidSequences == 0), "invalid sequences miscounted")
  if valid { fuzzCheck(output.elementsEqual(input), "valid input not passed through unchanged") }
  return 0
}
