import FuzzSupport
import ZhNorm

/// The whole pipeline with default options.
let normalizer = Normalizer()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
  checkPipelineProperties(UnsafeBufferPointer(start: data, count: count), normalizer: normalizer)
  return 0
}
