/// A small window of the paragraphs most recently written out, so that a join
/// whose first half repeats one of them (a truncated duplicate, as extraction
/// leaves them) can be refused and the repeat left for the `dedup` step.
///
/// No text is copied: each paragraph is kept as hashes of its prefixes at every
/// ``step`` bytes up to ``maximumBytes`` (and its length). A first half matches
/// when it is at least ``minimumBytes`` long, no longer than the paragraph, and
/// its prefix at the largest multiple of ``step`` has the paragraph's hash there
/// (so up to `step − 1` trailing bytes are not compared). Memory is fixed:
/// `capacity × maximumBytes / step` hashes.
struct RecentParagraphPrefixes {
  static let capacity = 32
  static let step = 32
  static let maximumBytes = 1024
  /// Shorter first halves are never taken as repeats (a short prefix such as
  /// `  * ` or a common opening repeats by chance).
  static let minimumBytes = 64
  static let hashesPerParagraph = maximumBytes / step

  private var hashes = [UInt64](repeating: 0, count: capacity * hashesPerParagraph)
  private var lengths = [Int](repeating: 0, count: capacity)
  private var next = 0

  /// Remembers a paragraph written out.
  mutating func remember(_ utf8: UnsafeBufferPointer<UInt8>) {
    guard utf8.count >= Self.minimumBytes else { return }
    let base = next * Self.hashesPerParagraph
    lengths[next] = utf8.count
    hashes.withUnsafeMutableBufferPointer { hashes in
      Self.prefixHashes(utf8, limit: min(utf8.count, Self.maximumBytes)) { index, hash in hashes[base + index] = hash }
    }
    next = (next + 1) % Self.capacity
  }

  /// Whether `utf8` equals or is a prefix of a remembered paragraph (up to the
  /// precision described above).
  func containsPrefix(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    guard utf8.count >= Self.minimumBytes else { return false }
    let compared = min(utf8.count, Self.maximumBytes) / Self.step * Self.step
    var probe: UInt64 = 0
    Self.prefixHashes(utf8, limit: compared) { _, hash in probe = hash }
    let index = compared / Self.step - 1
    for slot in 0..<Self.capacity where lengths[slot] >= utf8.count {
      if hashes[slot * Self.hashesPerParagraph + index] == probe { return true }
    }
    return false
  }

  mutating func removeAll() {
    for i in lengths.indices { lengths[i] = 0 }
    next = 0
  }

  /// Calls `body(k, h)` with the hash of the first `(k + 1) × step` bytes, for
  /// each whole step within `limit`. Eight bytes at a time.
  @inline(__always)
  static func prefixHashes(_ utf8: UnsafeBufferPointer<UInt8>, limit: Int, _ body: (Int, UInt64) -> Void) {
    guard let base = utf8.baseAddress else { return }
    let raw = UnsafeRawPointer(base)
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15
    var offset = 0
    while offset + step <= limit {
      for word in 0..<(step / 8) {
        let w = raw.loadUnaligned(fromByteOffset: offset + word * 8, as: UInt64.self)
        h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 32
      }
      offset += step
      body(offset / step - 1, h)
    }
  }
}
