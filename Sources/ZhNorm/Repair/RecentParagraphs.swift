/// A small window of the paragraphs most recently written out by the `repair`
/// step, for two questions about a new block:
///
/// - Is it a prefix of one of them (``containsPrefix(_:)``)? Then a join whose
///   first half it is would glue a truncated duplicate, as extraction leaves
///   them, to whatever follows; the join is refused and the repeat left for the
///   `dedup` step.
/// - Is it an exact copy of one of them (``lineOfCopy(_:)``)? Then, with the
///   `dedup` step on, dedup would remove it after this step has made its
///   decisions around it; the repair step removes it itself, so that they are
///   the decisions a second run makes.
///
/// No text is copied: each paragraph is kept as its length, the hash of all
/// its bytes and its first input line, and, when at least ``minimumBytes``
/// long, hashes of its prefixes at every ``step`` bytes up to ``maximumBytes``.
/// A first half matches when it is at least ``minimumBytes`` long, no longer
/// than the paragraph, and its prefix at the largest multiple of ``step`` has
/// the paragraph's hash there (so up to `step − 1` trailing bytes are not
/// compared). Memory is fixed: `capacity × (maximumBytes / step + 3)` words.
struct RecentParagraphs {
  static let capacity = 32
  static let step = 32
  static let maximumBytes = 1024
  /// Shorter first halves are never taken as repeats (a short prefix such as
  /// `  * ` or a common opening repeats by chance).
  static let minimumBytes = 64
  static let hashesPerParagraph = maximumBytes / step

  private var hashes = [UInt64](repeating: 0, count: capacity * hashesPerParagraph)
  private var lengths = [Int](repeating: 0, count: capacity)
  private var wholeHashes = [UInt64](repeating: 0, count: capacity)
  private var firstLines = [Int](repeating: 0, count: capacity)
  private var next = 0

  /// Remembers a paragraph written out, whose first input line is `line`.
  /// O(n) in its length.
  mutating func remember(_ utf8: UnsafeBufferPointer<UInt8>, line: Int) {
    guard !utf8.isEmpty else { return }
    lengths[next] = utf8.count
    wholeHashes[next] = Self.wholeHash(utf8)
    firstLines[next] = line
    if utf8.count >= Self.minimumBytes {
      let base = next * Self.hashesPerParagraph
      hashes.withUnsafeMutableBufferPointer { hashes in
        Self.prefixHashes(utf8, limit: min(utf8.count, Self.maximumBytes)) { index, hash in hashes[base + index] = hash }
      }
    }
    next = (next + 1) % Self.capacity
  }

  /// The first input line of a remembered paragraph with exactly these bytes
  /// (up to a 64-bit hash collision), or `nil`. O(n) in the length of `utf8`,
  /// and O(1) when no remembered paragraph has that length.
  func lineOfCopy(_ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !utf8.isEmpty, lengths.contains(utf8.count) else { return nil }
    let hash = Self.wholeHash(utf8)
    for slot in 0..<Self.capacity where lengths[slot] == utf8.count && wholeHashes[slot] == hash {
      return firstLines[slot]
    }
    return nil
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

  /// A hash of all the bytes of `utf8`, eight at a time.
  static func wholeHash(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
    guard let base = utf8.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    var h: UInt64 = 0x2545_F491_4F6C_DD1D ^ UInt64(utf8.count)
    var offset = 0
    while offset + 8 <= utf8.count {
      h = (h ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 29
      offset += 8
    }
    while offset < utf8.count {
      h = (h ^ UInt64(utf8[offset])) &* 0x1000_0000_01B3
      offset += 1
    }
    h ^= h >> 32
    return h
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
