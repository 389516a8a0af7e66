@testable import ZhNorm

extension Normalizer {
  /// Normalizes `bytes` as one document, fed in chunks of the given sizes
  /// (cycled), and returns the output bytes.
  func normalize(_ bytes: [UInt8], chunkSizes: [Int]) -> [UInt8] {
    streamed(bytes, chunkSizes: chunkSizes).output
  }

  /// Normalizes `bytes` as one document, fed in chunks of the given sizes
  /// (cycled) to a stream made with `makeStream(tracingLines:)`; returns the
  /// output and the finished stream (for its statistics and diagnostics).
  func streamed(_ bytes: [UInt8], chunkSizes: [Int], tracingLines: Bool = false) -> (
    output: [UInt8], stream: NormalizationStream
  ) {
    var stream = makeStream(tracingLines: tracingLines)
    var output: [UInt8] = []
    var index = 0
    var size = 0
    while index < bytes.count {
      let length = min(chunkSizes[size % chunkSizes.count], bytes.count - index)
      stream.push(bytes[index..<(index + length)], appendingTo: &output)
      index += length
      size += 1
    }
    stream.finishDocument(appendingTo: &output)
    return (output, stream)
  }

  /// Normalizes `bytes` as one document in one chunk.
  func normalize(_ bytes: [UInt8]) -> [UInt8] {
    normalize(bytes, chunkSizes: [max(bytes.count, 1)])
  }
}

/// Cleans one line with the default options.
func cleaned(_ text: String, punctuation: PunctuationStyle = .cjk) -> String {
  UnicodeCleaner(options: UnicodeCleanupOptions(punctuation: punctuation)).clean(text)
}
