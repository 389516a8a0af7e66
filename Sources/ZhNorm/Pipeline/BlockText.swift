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
enum BlockText: @unchecked Sendable {
  // @unchecked: the buffer points into the chunk the case also holds, which
  // keeps it alive and is immutable once shared (see ``DecodedChunk``).

  /// A range of UTF-8 bytes in a shared, validated chunk. The buffer is kept
  /// next to the chunk so that reading the bytes does not touch the chunk's
  /// reference count (a retain and a release per access were ~10% of the
  /// pipeline's time).
  case slice(DecodedChunk, UnsafeBufferPointer<UInt8>)
  /// A string of its own.
  case owned(String)

  /// The bytes `range` of `chunk`.
  static func slice(_ chunk: DecodedChunk, _ range: Range<Int>) -> BlockText {
    .slice(chunk, UnsafeBufferPointer(start: chunk.base + range.lowerBound, count: range.count))
  }

  var string: String {
    switch self {
    case .owned(let text):
      return text
    case .slice(_, let bytes):
      return String(unsafeUninitializedCapacity: bytes.count) { target in
        _ = target.initialize(fromContentsOf: bytes)
        return bytes.count
      }
    }
  }

  func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    switch self {
    case .owned(let text):
      if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
      var copy = text
      return try copy.withUTF8(body)
    case .slice(_, let bytes):
      return try body(bytes)
    }
  }

  /// For a slice that its chunk follows with a line feed: the bytes of the
  /// text and of that line feed, which ``BlockEncoder`` copies together with
  /// its neighbours' when they are adjacent. `nil` for other texts.
  var bytesWithFollowingLineFeed: UnsafeBufferPointer<UInt8>? {
    guard case .slice(let chunk, let bytes) = self else { return nil }
    return chunk.withFollowingLineFeed(bytes)
  }

  var utf8Count: Int {
    switch self {
    case .owned(let text): text.utf8.count
    case .slice(_, let bytes): bytes.count
    }
  }
}

/// A batch of decoded, valid UTF-8 shared by the blocks made from it.
///
/// The decoder fills a chunk with input bytes as they arrive, and once it has
/// found and validated whole lines in it, hands the chunk to the blocks of
/// those lines (moving the unfinished last line to a fresh chunk): the bytes
/// are copied once on their way in, never per line. The bytes live in memory
/// of the chunk's own rather than in a `String`, so that reaching them costs no
/// reference counting beyond the chunk's.
final class DecodedChunk: @unchecked Sendable {
  // Mutated only by the decoder that creates it, before any block shares it;
  // immutable from then on, hence safe to share between threads.
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private(set) var capacity: Int

  /// An empty chunk with room for `capacity` bytes.
  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  /// A chunk holding a copy of `source`, which the caller has validated.
  convenience init(copying source: UnsafeBufferPointer<UInt8>) {
    self.init(capacity: source.count)
    append(UnsafeRawBufferPointer(source))
  }

  deinit {
    base.deallocate()
  }

  /// Lets `body` write into the free capacity and counts the bytes it says
  /// it wrote (only while the chunk is not shared yet). The bytes must be
  /// valid UTF-8.
  func fill(_ body: (UnsafeMutablePointer<UInt8>) -> Int) -> Int {
    let written = body(base + count)
    precondition(written >= 0 && count + written <= capacity, "wrote past the chunk's capacity")
    count += written
    return written
  }

  /// Appends bytes (only while the chunk is not shared yet).
  func append(_ bytes: UnsafeRawBufferPointer) {
    if count + bytes.count > capacity {
      let newCapacity = max(count + bytes.count, capacity * 2)
      let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
      newBase.update(from: base, count: count)
      base.deallocate()
      base = newBase
      capacity = newCapacity
    }
    if let source = bytes.baseAddress, !bytes.isEmpty {
      (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    }
    count += bytes.count
  }

  @inline(__always)
  func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    try body(UnsafeBufferPointer(start: base, count: count))
  }

  /// `bytes` (a range of this chunk) and the line feed that follows them in
  /// the chunk, or `nil` when no line feed does. O(1).
  @inline(__always)
  func withFollowingLineFeed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
    guard let start = bytes.baseAddress else { return nil }
    let end = start + bytes.count
    guard end < base + count, end.pointee == 0x0A else { return nil }
    return UnsafeBufferPointer(start: start, count: bytes.count + 1)
  }
}
