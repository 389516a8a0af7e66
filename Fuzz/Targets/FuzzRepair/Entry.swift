import FuzzSupport
import ZhNorm

/// The repair step alone (`--only repair`): valid UTF-8 out, the accounting
/// adds up (every removed character is in a furniture or annotation record,
/// an annotation record's text starting with the character it annotated;
/// every removed hyphen counted), output independent of chunking,
/// idempotence. The first byte picks which repairs are on.
let normalizers = (0..<8).map { bits in
  Normalizer(configuration: NormalizerConfiguration(
    steps: [.repair],
    repair: RepairOptions(joinsParagraphs: bits & 1 == 0, removesFurniture: bits & 2 == 0, removesAnnotations: bits & 4 == 0),
    recordsChanges: true))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
  guard count > 0, let data else { return 0 }
  let normalizer = normalizers[Int(data[0]) % normalizers.count]
  let input = UnsafeBufferPointer(start: data + 1, count: count - 1)
  checkPipelineProperties(input, normalizer: normalizer)
  checkRemovalAccounting(input, normalizer: normalizer,
    removalKinds: [.pageFurniture, .pinyinAnnotation], characterKinds: [.hyphenation], anchoredKinds: [.pinyinAnnotation])
  return 0
}
