#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The normalized bytes of the last few kept paragraphs, for the truncation
/// check: a paragraph that is a strict prefix of one of them was cut by a page
/// break and repeated.
///
/// Bounded: at most `capacity` paragraphs and `byteLimit` bytes (64 and
/// 256 KiB by default); the oldest go first. A truncated copy whose whole
/// paragraph is further back than that is not recognized (the near-duplicate
/// index may still catch it when most of the paragraph is there).
struct RecentParagraphs {
  private var entries: [[UInt8]]
  private var positions: [UInt64]
  private var head = 0
  private var filled = 0
  private var byteCount = 0
  let capacity: Int
  let byteLimit: Int

  init(capacity: Int = 64, byteLimit: Int = 256 << 10) {
    self.capacity = capacity
    self.byteLimit = byteLimit
    entries = Array(repeating: [], count: capacity)
    positions = Array(repeating: 0, count: capacity)
  }

  mutating func removeAll() {
    while filled > 0 { removeOldest() }
  }

  private mutating func removeOldest() {
    byteCount -= entries[head].count
    entries[head] = []
    head = (head + 1) % capacity
    filled -= 1
  }

  mutating func append(_ bytes: [UInt8], position: UInt64) {
    guard bytes.count <= byteLimit else { return }
    while filled > 0 && (filled == capacity || byteCount + bytes.count > byteLimit) { removeOldest() }
    let index = (head + filled) % capacity
    entries[index] = bytes
    positions[index] = position
    filled += 1
    byteCount += bytes.count
  }

  /// The position of the most recent paragraph that `prefix` is a strict
  /// prefix of, if any.
  func paragraph(extending prefix: [UInt8]) -> UInt64? {
    guard !prefix.isEmpty else { return nil }
    for k in stride(from: filled - 1, through: 0, by: -1) {
      let index = (head + k) % capacity
      let whole = entries[index]
      guard whole.count > prefix.count, whole[0] == prefix[0] else { continue }
      let equal = whole.withUnsafeBufferPointer { w in
        prefix.withUnsafeBufferPointer { p in memcmp(w.baseAddress!, p.baseAddress!, p.count) == 0 }
      }
      if equal { return positions[index] }
    }
    return nil
  }
}
