import FuzzSupport
import ZhNorm

/// The decoder alone (no steps): valid UTF-8 must come back unchanged, and
/// invalid input must be counted. And the decoder feeding the `unicode` step
/// alone, which writes lines straight out without blocks: the same output,
/// statistics and diagnostics as the block pipeline (which a stream that
/// traces lines uses).
let passthrough = Normalizer(configuration: NormalizerConfiguration(steps: []))
let unicodeOnly = Normalizer(configuration: NormalizerConfiguration(steps: [.unicode]))

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

  checkPipelineProperties(input, normalizer: unicodeOnly)
  var direct = unicodeOnly.makeStream()
  var traced = unicodeOnly.makeStream(tracingLines: true)
  var directOutput = direct.push(input)
  direct.finishDocument(appendingTo: &directOutput)
  var tracedOutput = traced.push(input)
  traced.finishDocument(appendingTo: &tracedOutput)
  fuzzCheck(directOutput == tracedOutput, "--only unicode: the output differs from the block pipeline's")
  fuzzCheck(direct.statistics == traced.statistics, "--only unicode: the statistics differ from the block pipeline's")
  fuzzCheck(
    direct.takeDiagnostics() == traced.takeDiagnostics(), "--only unicode: the diagnostics differ from the block pipeline's")
  return 0
}
