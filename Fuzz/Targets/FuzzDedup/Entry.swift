import FuzzSupport
import ZhNorm

/// The dedup step alone (`--only dedup`), exact and truncated copies, with
/// and without near-duplicates: valid UTF-8 out, every removed character is in
/// a duplicate record, output independent of chunking, idempotence (a second
/// run over the output finds nothing more to remove). The first byte picks
/// the options.
let normalizers = [false, true].map { near in
  var configuration = NormalizerConfiguration(steps: [.dedup], recordsChanges: true)
  configuration.dedup.nearDuplicateThreshold = near ? 0.8 : nil
  return Normalizer(configuration: configuration)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
  guard count > 0, let data else { return 0 }
  let normalizer = normalizers[Int(data[0]) % normalizers.count]
  let input = UnsafeBufferPointer(start: data + 1, count: count - 1)
  checkPipelineProperties(input, normalizer: normalizer)
  checkRemovalAccounting(input, normalizer: normalizer,
    removalKinds: [.exactDuplicate, .truncatedDuplicate, .nearDuplicate])
  return 0
}
