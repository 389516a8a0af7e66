import FuzzSupport
import ZhNorm

/// Profile conversion (`-c P --only convert`, the raw streaming path): for the
/// profile chosen by the first byte, the output must equal the converter's on
/// the whole (repaired) text, whatever the chunking, and be valid UTF-8.
let normalizers = ConversionProfile.allCases.map { profile in
  Normalizer(configuration: NormalizerConfiguration(steps: [.convert], convert: ConvertOptions(profile: profile)))
}
let converters = ConversionProfile.allCases.map(ScriptConverter.init(profile:))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
  guard count > 0, let data else { return 0 }
  let index = Int(data[0]) % normalizers.count
  let input = UnsafeBufferPointer(start: data + 1, count: count - 1)
  checkPipelineProperties(input, normalizer: normalizers[index], idempotent: false)
  var stream = normalizers[index].makeStream()
  var output = stream.push(input)
  stream.finishDocument(appendingTo: &output)
  let expected = converters[index].convert(String(decoding: input, as: UTF8.self))
  fuzzCheck(output.elementsEqual(expected.utf8), "raw conversion differs from whole-text conversion")
  return 0
}
