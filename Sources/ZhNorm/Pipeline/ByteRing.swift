#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The bytes of the last few paragraphs a stage wants to compare against,
/// in a ring of at most `limit` bytes: each append returns an absolute offset,
/// and the bytes at that offset stay readable until `limit` more bytes have
/// been appended after them.
///
/// The ring grows as it fills (doubling, from 4 KiB) and wraps only once it
/// reaches `limit`: a stream over a short text — one call of
/// `Normalizer.normalize(_:)` on a sentence — allocates a few KiB, not the
/// whole window (which, at 128 KiB and more, `malloc` would map and the kernel
/// would zero page by page, per stream). Before the first wrap, absolute
/// offsets are physical ones, so growing never moves an entry.
struct ByteRing {
  let limit: Int
  private var storage: [UInt8] = []
  /// Bytes appended so far (the absolute offset of the next append).
  private(set) var written = 0
  /// Bytes allocated now (at most `limit`).
  var capacity: Int { storage.count }

  init(limit: Int) {
    self.limit = limit
  }

  /// Appends `bytes` (at most `limit` of them) and returns their absolute
  /// offset. O(n), amortized.
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    precondition(bytes.count <= limit, "ByteRing: more bytes than the ring holds")
    let start = written
    let end = written + bytes.count
    if end > storage.count && storage.count < limit {
      // Not wrapped yet: grow, so that `start` stays a physical offset.
      let grown = min(limit, max(end, storage.count * 2, 4096))
      storage.append(contentsOf: repeatElement(0, count: grown - storage.count))
    }
    storage.withUnsafeMutableBufferPointer { ring in
      var offset = start % ring.count
      var copied = 0
      while copied < bytes.count {
        let run = min(bytes.count - copied, ring.count - offset)
        (ring.baseAddress! + offset).update(from: bytes.baseAddress! + copied, count: run)
        copied += run
        offset = 0
      }
    }
    written = end
    return start
  }

  /// Whether the `count` bytes appended at `start` are still in the ring.
  func holds(_ start: Int, count: Int) -> Bool {
    start >= 0 && written - start <= limit && start + count <= written
  }

  /// Calls `body` with the `count` bytes appended at `start` (which the ring
  /// must still hold): in place, or from a copy when they wrap around.
  func withBytes<R>(at start: Int, count: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    storage.withUnsafeBufferPointer { ring in
      guard count > 0 else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
      let offset = start % ring.count
      if offset + count <= ring.count {
        return body(UnsafeBufferPointer(rebasing: ring[offset..<(offset + count)]))
      }
      var copy = Array(ring[offset...])
      copy.append(contentsOf: ring[..<(count - copy.count)])
      return copy.withUnsafeBufferPointer(body)
    }
  }

  /// Whether the `count` bytes appended at `start` begin with `prefix`
  /// (`prefix.count <= count`). O(prefix.count), no copy.
  func bytes(at start: Int, startWith prefix: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !prefix.isEmpty else { return true }
    return storage.withUnsafeBufferPointer { ring in
      var offset = start % ring.count
      var compared = 0
      while compared < prefix.count {
        let run = min(prefix.count - compared, ring.count - offset)
        if memcmp(ring.baseAddress! + offset, prefix.baseAddress! + compared, run) != 0 { return false }
        compared += run
        offset = 0
      }
      return true
    }
  }
}
