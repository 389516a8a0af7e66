/// The last few kept paragraphs, for the truncation check: a paragraph that
/// is a strict prefix (after normalization for comparison) of one of them was
/// cut by a page break and repeated.
///
/// Bounded: at most `capacity` paragraphs (64) whose raw text is kept in a
/// ``ByteRing`` of at most `byteLimit` bytes (256 KiB, allocated as it
/// fills); the oldest go first. Each entry keeps the hash of its first
/// normalized scalars and its normalized length. A 4096-entry count of the
/// prefix hashes' top 12 bits answers most checks with one load (with 64
/// entries, at most one paragraph in 64 gets past it by chance); the rest
/// are a scan of two small arrays, and only an entry with the same prefix
/// hash is normalized and compared byte for byte. A truncated copy whose
/// whole paragraph is further back than that is not recognized.
struct TruncationWindow {
  let capacity: Int
  let byteLimit: Int
  private var prefixes: [UInt64]
  private var lengths: [Int]
  private var starts: [Int]  // absolute offsets in the ring
  private var sizes: [Int]
  private var positions: [UInt64]
  /// How many entries' prefix hashes have each top 12 bits (see ``bucket(_:)``).
  private var prefixCounts: [UInt8]
  private var head = 0
  private var filled = 0
  private var ring: ByteRing

  init(capacity: Int = 64, byteLimit: Int = 256 << 10) {
    self.capacity = capacity
    self.byteLimit = byteLimit
    prefixes = Array(repeating: 0, count: capacity)
    lengths = Array(repeating: 0, count: capacity)
    starts = Array(repeating: 0, count: capacity)
    sizes = Array(repeating: 0, count: capacity)
    positions = Array(repeating: 0, count: capacity)
    precondition(capacity <= Int(UInt8.max), "prefixCounts holds up to 255 entries per slot")
    prefixCounts = Array(repeating: 0, count: 1 << 12)
    ring = ByteRing(limit: byteLimit)
  }

  mutating func removeAll() {
    if filled > 0 { prefixCounts.withUnsafeMutableBufferPointer { $0.update(repeating: 0) } }
    head = 0
    filled = 0
  }

  /// The slot of `prefix` in ``prefixCounts``: its top 12 bits (FNV-1a's low
  /// bits depend only on the low bits of the scalars; its top bits on all).
  @inline(__always)
  private static func bucket(_ prefix: UInt64) -> Int { Int(truncatingIfNeeded: prefix >> 52) }

  mutating func append(_ utf8: UnsafeBufferPointer<UInt8>, fingerprint: ParagraphFingerprint, position: UInt64) {
    guard utf8.count <= byteLimit else { return }
    if filled == capacity {
      prefixCounts[Self.bucket(prefixes[head])] -= 1
      head = (head + 1) % capacity
      filled -= 1
    }
    let index = (head + filled) % capacity
    prefixes[index] = fingerprint.prefix
    prefixCounts[Self.bucket(fingerprint.prefix)] += 1
    lengths[index] = fingerprint.length
    sizes[index] = utf8.count
    positions[index] = position
    filled += 1
    starts[index] = ring.append(utf8)
  }

  /// Calls `body` with the raw bytes of entry `index`.
  private func withBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    ring.withBytes(at: starts[index], count: sizes[index], body)
  }

  /// The position of the most recent paragraph that the paragraph `utf8`
  /// (fingerprinted as `fingerprint`) is a strict prefix of, if any.
  ///
  /// O(1) when no entry's prefix hash has the same top 12 bits (most
  /// paragraphs); else O(capacity) comparisons of prefix hashes and lengths,
  /// and only an entry that passes both is compared scalar by scalar (no
  /// allocation unless its bytes wrap around the ring). This runs for every
  /// candidate paragraph that is not an exact duplicate, so it avoids the `%`
  /// of ring arithmetic in the loop.
  func paragraph(extending utf8: UnsafeBufferPointer<UInt8>, fingerprint: ParagraphFingerprint) -> UInt64? {
    guard fingerprint.length >= Fingerprinter.prefixLength, filled > 0 else { return nil }
    // Most paragraphs share their opening with no recent one: one load
    // settles them before the ring walk below.
    guard prefixCounts[Self.bucket(fingerprint.prefix)] != 0 else { return nil }
    var index = head + filled - 1
    if index >= capacity { index -= capacity }
    for _ in 0..<filled {
      if prefixes[index] == fingerprint.prefix && lengths[index] > fingerprint.length
        && ring.holds(starts[index], count: sizes[index])
        && withBytes(at: index, { Fingerprinter.isNormalizedPrefix(utf8, of: $0) })
      {
        return positions[index]
      }
      index = index == 0 ? capacity - 1 : index - 1
    }
    return nil
  }
}
