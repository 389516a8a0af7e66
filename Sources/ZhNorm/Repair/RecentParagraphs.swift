/// A small window of the paragraphs most recently written out by the `repair`
/// step, kept byte for byte, for one question about a held fragment that is
/// about to be joined to what follows: is it a prefix of one of them
/// (``containsPrefix(_:)``)? Then gluing it to what follows would hide a
/// truncated duplicate, as extraction leaves them; the join is refused. (With
/// the `dedup` step on, such a fragment is usually gone already: see
/// `EarlyDuplicates`.)
///
/// Bounded: the last ``capacity`` paragraphs, each up to ``maximumStoredBytes``
/// (longer ones are remembered by length and first bytes only, and never
/// match), in a ``ByteRing`` of at most `capacity × maximumStoredBytes / 4`
/// bytes (allocated as it fills); the oldest go first. A check compares the first eight bytes of each entry (one load)
/// and only then the bytes themselves: O(capacity + n).
struct RecentParagraphs {
  static let capacity = 32
  /// Longer paragraphs are not kept byte for byte.
  static let maximumStoredBytes = 16 << 10
  /// Fragments shorter than this are not taken for truncated copies when a
  /// join is refused (a short opening such as `  * ` repeats by chance).
  static let minimumBytes = 64
  private static let ringBytes = capacity * maximumStoredBytes / 4

  private var lengths = [Int](repeating: 0, count: capacity)
  /// The first eight bytes of each paragraph (zero-padded).
  private var heads = [UInt64](repeating: 0, count: capacity)
  /// Where each paragraph's bytes start in the ring (an absolute offset), or
  /// -1 when they were not kept.
  private var starts = [Int](repeating: -1, count: capacity)
  private var ring = ByteRing(limit: ringBytes)
  private var next = 0

  /// Remembers a paragraph written out.
  /// O(n) in its length (one copy).
  mutating func remember(_ utf8: UnsafeBufferPointer<UInt8>) {
    guard !utf8.isEmpty else { return }
    lengths[next] = utf8.count
    heads[next] = Self.head(utf8)
    if utf8.count <= Self.maximumStoredBytes {
      starts[next] = ring.append(utf8)
    } else {
      starts[next] = -1
    }
    next = (next + 1) % Self.capacity
  }

  /// Whether `utf8`, at least ``minimumBytes`` long, equals or is a prefix of
  /// a remembered paragraph.
  func containsPrefix(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    utf8.count >= Self.minimumBytes && slot(extendedBy: utf8) != nil
  }

  /// Forgets the paragraph remembered last (a paragraph set aside and then
  /// held again: it was not written after all). O(1).
  mutating func forgetLast() {
    next = next == 0 ? Self.capacity - 1 : next - 1
    lengths[next] = 0
    heads[next] = 0
    starts[next] = -1
  }

  mutating func removeAll() {
    for i in lengths.indices {
      lengths[i] = 0
      starts[i] = -1
    }
    next = 0
  }

  /// The most recent slot whose paragraph starts with all of `utf8`.
  private func slot(extendedBy utf8: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !utf8.isEmpty else { return nil }
    let count = utf8.count
    let head = Self.head(utf8)
    let mask: UInt64 = count >= 8 ? .max : (1 << UInt64(count * 8)) - 1
    // Most blocks start unlike every recent paragraph: one tight scan settles them.
    if count >= 8 && !heads.contains(head) { return nil }
    var slot = next
    for _ in 0..<Self.capacity {
      slot = slot == 0 ? Self.capacity - 1 : slot - 1
      guard lengths[slot] >= count, heads[slot] & mask == head, starts[slot] >= 0,
        ring.holds(starts[slot], count: lengths[slot]), ring.bytes(at: starts[slot], startWith: utf8)
      else { continue }
      return slot
    }
    return nil
  }

  /// The first eight bytes of `utf8`, zero-padded, as one word.
  @inline(__always)
  private static func head(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
    if utf8.count >= 8 { return UnsafeRawPointer(utf8.baseAddress!).loadUnaligned(as: UInt64.self) }
    var word: UInt64 = 0
    for (index, byte) in utf8.enumerated() { word |= UInt64(byte) << UInt64(index * 8) }
    return word
  }
}
