/// The last few kept paragraphs, for the truncation check: a paragraph that
/// is a strict prefix (after normalization for comparison) of one of them was
/// cut by a page break and repeated.
///
/// Bounded: at most `capacity` paragraphs (64) whose raw text is kept in a
/// byte ring of `byteLimit` bytes (256 KiB); the oldest go first. Each entry
/// keeps the hash of its first normalized scalars and its normalized length,
/// so the check is a scan of two small arrays; only an entry with the same
/// prefix hash is normalized and compared byte for byte. A truncated copy
/// whose whole paragraph is further back than that is not recognized.
struct TruncationWindow {
  let capacity: Int
  let byteLimit: Int
  private var prefixes: [UInt64]
  private var lengths: [Int]
  private var starts: [Int]  // absolute offsets in the ring
  private var sizes: [Int]
  private var positions: [UInt64]
  private var head = 0
  private var filled = 0
  private var ring: [UInt8]
  private var written = 0

  init(capacity: Int = 64, byteLimit: Int = 256 << 10) {
    self.capacity = capacity
    self.byteLimit = byteLimit
    prefixes = Array(repeating: 0, count: capacity)
    lengths = Array(repeating: 0, count: capacity)
    starts = Array(repeating: 0, count: capacity)
    sizes = Array(repeating: 0, count: capacity)
    positions = Array(repeating: 0, count: capacity)
    ring = Array(repeating: 0, count: byteLimit)
  }

  mutating func removeAll() {
    head = 0
    filled = 0
  }

  mutating func append(_ utf8: UnsafeBufferPointer<UInt8>, fingerprint: ParagraphFingerprint, position: UInt64) {
    guard utf8.count <= byteLimit else { return }
    if filled == capacity {
      head = (head + 1) % capacity
      filled -= 1
    }
    let index = (head + filled) % capacity
    prefixes[index] = fingerprint.prefix
    lengths[index] = fingerprint.length
    starts[index] = written
    sizes[index] = utf8.count
    positions[index] = position
    filled += 1
    ring.withUnsafeMutableBufferPointer { ring in
      var offset = written % byteLimit
      var copied = 0
      while copied < utf8.count {
        let run = min(utf8.count - copied, byteLimit - offset)
        _ = UnsafeMutableBufferPointer(rebasing: ring[offset..<(offset + run)])
          .update(fromContentsOf: UnsafeBufferPointer(rebasing: utf8[copied..<(copied + run)]))
        copied += run
        offset = 0
      }
    }
    written += utf8.count
  }

  /// Calls `body` with the raw bytes of entry `index`: in place when they do
  /// not wrap around the end of the ring, else from a copy.
  private func withBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let start = starts[index] % byteLimit
    let size = sizes[index]
    return ring.withUnsafeBufferPointer { ring in
      if start + size <= byteLimit {
        return body(UnsafeBufferPointer(rebasing: ring[start..<(start + size)]))
      }
      var copy = Array(ring[start...])
      copy.append(contentsOf: ring[..<(size - copy.count)])
      return copy.withUnsafeBufferPointer(body)
    }
  }

  /// The position of the most recent paragraph that the paragraph `utf8`
  /// (fingerprinted as `fingerprint`) is a strict prefix of, if any.
  ///
  /// O(capacity) comparisons of prefix hashes and lengths; only an entry that
  /// passes both is compared scalar by scalar (no allocation unless its bytes
  /// wrap around the ring). This runs for every candidate paragraph that is
  /// not an exact duplicate, so it avoids the `%` of ring arithmetic in the loop.
  func paragraph(extending utf8: UnsafeBufferPointer<UInt8>, fingerprint: ParagraphFingerprint) -> UInt64? {
    guard fingerprint.length >= Fingerprinter.prefixLength, filled > 0 else { return nil }
    // Most paragraphs share their opening with no recent one: one tight scan
    // of the prefix hashes settles them before the ring walk below.
    guard prefixes.contains(fingerprint.prefix) else { return nil }
    var index = head + filled - 1
    if index >= capacity { index -= capacity }
    for _ in 0..<filled {
      if prefixes[index] == fingerprint.prefix && lengths[index] > fingerprint.length
        && written - starts[index] <= byteLimit
        && withBytes(at: index, { Fingerprinter.isNormalizedPrefix(utf8, of: $0) })
      {
        return positions[index]
      }
      index = index == 0 ? capacity - 1 : index - 1
    }
    return nil
  }
}
