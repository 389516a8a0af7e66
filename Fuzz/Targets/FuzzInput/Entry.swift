import FuzzSupport
import ZhNorm

/// The input side: `--from` (GB18030, Big5, UTF-16LE, Shift_JIS, auto) and
/// `--fix-mojibake`, chosen by the first byte, with no other step (so the
/// output is the decoded, repaired text). Valid UTF-8 out, the accounting
/// adds up (bytes in), output independent of chunking — the detection block
/// and characters cut between chunks must not matter — and, for the mojibake
/// repair, idempotence on the UTF-8 output.
let encodings: [InputEncoding] = [
  .automatic, try! InputEncoding("GB18030"), try! InputEncoding("Big5"), try! InputEncoding("UTF-16LE"),
  try! InputEncoding("Shift_JIS"),
]
let decoders = encodings.map { encoding in
  var configuration = NormalizerConfiguration(steps: [])
  configuration.inputEncoding = encoding
  return Normalizer(configuration: configuration)
}
let mojibake: Normalizer = {
  var configuration = NormalizerConfiguration(steps: [])
  configuration.fixesMojibake = true
  return Normalizer(configuration: configuration)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
  guard count > 0, let data else { return 0 }
  let input = UnsafeBufferPointer(start: data + 1, count: count - 1)
  let choice = Int(data[0]) % (decoders.count + 1)
  if choice == decoders.count {
    checkPipelineProperties(input, normalizer: mojibake)
  } else {
    // Decoding is not idempotent in general (the output is UTF-8, not the encoding).
    checkPipelineProperties(input, normalizer: decoders[choice], idempotent: false)
  }
  return 0
}
