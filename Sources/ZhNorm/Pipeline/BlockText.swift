/// The storage of a block's text.
///
/// The decoder validates each batch of complete lines once and keeps it as
/// one ``DecodedChunk``; every block of the batch refers to its range there.
/// This saves an allocation and a validation call per line, which dominated
/// the cost of the pipeline on real text (lines average ~55 bytes). A stage
/// that rewrites a block's text gives it its own `String`.
///
/// A block keeps its chunk alive: a stage that holds blocks for long should
/// hold few of them (as the protocol asks anyway).
enum BlockText: Sendable {
  /// A range of UTF-8 bytes in a shared, validated chunk.
  case slice(DecodedChunk, Range<Int>)
  /// A string of its own.
  case owned(String)

  var string: String {
    switch self {
    case .owned(let text):
      return text
    case .slice(let chunk, let range):
      return chunk.withUTF8 { utf8 in
        String(unsafeUninitializedCapacity: range.count) { target in
          _ = target.initialize(fromContentsOf: UnsafeBufferPointer(rebasing: utf8[range]))
          return range.count
        }
      }
    }
  }

  func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    switch self {
    case .owned(var text):
      return try text.withUTF8(body)
    case .slice(let chunk, let range):
      return try chunk.withUTF8 { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
  }

  var utf8Count: Int {
    switch self {
    case .owned(let text): text.utf8.count
    case .slice(_, let range): range.count
    }
  }
}

/// A batch of decoded, valid UTF-8 shared by the blocks made from it.
///
/// The bytes live in memory of its own rather than in a `String`, so that
/// reaching them costs no reference counting beyond the chunk's own.
final class DecodedChunk: @unchecked Sendable {
  // Immutable after init, hence safe to share between threads.
  private let bytes: UnsafeMutableBufferPointer<UInt8>

  /// Copies `source`, which the caller has validated as UTF-8.
  init(copying source: UnsafeBufferPointer<UInt8>) {
    bytes = .allocate(capacity: max(source.count, 1))
    _ = bytes.initialize(fromContentsOf: source)
  }

  deinit {
    bytes.deallocate()
  }

  @inline(__always)
  func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    try body(UnsafeBufferPointer(bytes))
  }
}
