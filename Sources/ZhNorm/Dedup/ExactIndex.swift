import CZhNormPrefetch

/// The set of exact fingerprints of the paragraphs kept so far, with where
/// each was first seen: a bucketed hash table of 64-bit fingerprints.
///
/// Memory: 8 bytes per slot (16 when positions are kept for the report).
/// Buckets of 8 slots (one cache line); a fingerprint goes to the first free
/// slot of its home bucket or of the next ``maximumProbe`` − 1 buckets, and
/// the table doubles when it is 7/8 full (or, rarely, when those buckets are
/// all full), so a distinct paragraph costs 9–18 bytes (18–37 with
/// positions). A lookup reads one cache line, rarely two. O(1). The slots
/// live in a ``ZeroedTable`` (huge pages: at 64 MiB, 4 KiB pages miss the TLB
/// on nearly every lookup; see the README's dedup benchmark).
///
/// Bounded: the table never grows past `byteLimit`. Once it is at its limit,
/// a fingerprint that finds no free slot replaces a pseudo-random slot of its
/// home bucket: old paragraphs are forgotten at random, so a later copy of one
/// of them is kept. Degradation only ever keeps duplicates; it never removes a
/// paragraph that is not one. Below the limit nothing is ever forgotten.
struct ExactIndex {
  static let bucketSize = 8
  /// Buckets searched for a fingerprint: its home bucket and the ones after it.
  static let maximumProbe = 4
  static let initialSlots = 1 << 10

  private var slots: ZeroedTable
  private var positions: ZeroedTable?
  private let byteLimit: Int
  private(set) var count = 0
  /// How many fingerprints were forgotten to stay under the limit.
  private(set) var evictions = 0

  init(keepsPositions: Bool, byteLimit: Int) {
    self.byteLimit = byteLimit
    slots = ZeroedTable(count: ExactIndex.initialSlots)
    positions = keepsPositions ? ZeroedTable(count: ExactIndex.initialSlots) : nil
  }

  private var keepsPositions: Bool { positions != nil }
  var bytesPerSlot: Int { keepsPositions ? 16 : 8 }
  var byteCount: Int { slots.words.count * bytesPerSlot }
  /// Whether every fingerprint ever inserted is still there.
  var isComplete: Bool { evictions == 0 }
  private var canGrow: Bool { slots.words.count * 2 * bytesPerSlot <= byteLimit }

  /// Forgets everything; a table that grew large goes back to its initial size.
  mutating func removeAll() {
    guard count > 0 || evictions > 0 else { return }
    if slots.words.count <= 1 << 12 && isKnownUniquelyReferenced(&slots) {
      slots.words.update(repeating: 0)
    } else {
      slots = ZeroedTable(count: ExactIndex.initialSlots)
      if keepsPositions { positions = ZeroedTable(count: ExactIndex.initialSlots) }
    }
    count = 0
    evictions = 0
  }

  /// The first slot of the home bucket of `key` in a table of `slotCount` slots.
  @inline(__always)
  private static func home(of key: UInt64, slotCount: Int) -> Int {
    (Int(truncatingIfNeeded: key >> 20) & (slotCount / bucketSize - 1)) &* bucketSize
  }

  /// Where `key` is (`found`), or else the first free slot on its probe path
  /// (nil when there is none).
  @inline(__always)
  private static func search(_ key: UInt64, in slots: UnsafeMutableBufferPointer<UInt64>) -> (slot: Int?, found: Bool) {
    var start = home(of: key, slotCount: slots.count)
    for _ in 0..<maximumProbe {
      for i in start..<(start &+ bucketSize) {
        if slots[i] == key { return (i, true) }
        if slots[i] == 0 { return (i, false) }
      }
      start = (start &+ bucketSize) & (slots.count &- 1)
    }
    return (nil, false)
  }

  /// Starts loading the home bucket of `key` into the cache, so that a
  /// ``lookup(_:)`` of `key` soon after finds it there.
  ///
  /// Why: once the table is tens of MiB (a gigabyte of input), every lookup
  /// misses the cache, and a miss costs more than the rest of a paragraph's
  /// dedup work. Lookups come one at a time, each waiting for its miss; a
  /// caller that prefetches the buckets of a whole batch first has those
  /// misses in flight together. A prefetch, not a load: a load (what this
  /// was until session 12) holds up the instructions after it until its line
  /// arrives, a prefetch retires at once (on the 200 MB dedup input, 2.6 to
  /// 4.7% less time for the default pipeline in two measurements). O(1).
  @inline(__always)
  func prefetch(_ key: UInt64) {
    zhnorm_prefetch(slots.words.baseAddress! + ExactIndex.home(of: key, slotCount: slots.words.count))
  }

  /// The position stored with `key` (0 when positions are not kept), or nil.
  func lookup(_ key: UInt64) -> UInt64? {
    let (slot, found) = ExactIndex.search(key, in: slots.words)
    guard found, let slot else { return nil }
    return positions?.words[slot] ?? 0
  }

  /// Inserts `key` with `position` unless it is there already; returns the
  /// position stored with it when it was (0 when positions are not kept),
  /// else nil. The same as ``lookup(_:)`` and then, on a miss,
  /// ``insert(_:position:)``, with one search of the table instead of two
  /// unless the table must grow or be copied first. O(1).
  @discardableResult
  mutating func insertIfAbsent(_ key: UInt64, position: UInt64) -> UInt64? {
    let (slot, found) = ExactIndex.search(key, in: slots.words)
    if found, let slot { return positions?.words[slot] ?? 0 }
    // The free slot found is where `insert` would put the key, unless it
    // grows the table or copies it first: then it searches again itself.
    guard let slot, !isDueToGrow, isKnownUniquelyReferenced(&slots),
      positions == nil || isKnownUniquelyReferenced(&positions)
    else {
      insert(key, position: position)
      return nil
    }
    store(key, position: position, at: slot)
    return nil
  }

  /// Whether the next insertion grows the table first: it is 7/8 full and
  /// may grow.
  private var isDueToGrow: Bool { count * 8 >= slots.words.count * 7 && canGrow }

  /// Puts `key` and `position` in the free `slot`.
  private mutating func store(_ key: UInt64, position: UInt64, at slot: Int) {
    slots.words[slot] = key
    positions?.words[slot] = position
    count += 1
  }

  /// Inserts `key` (known to be absent) with `position`.
  mutating func insert(_ key: UInt64, position: UInt64) {
    if !isKnownUniquelyReferenced(&slots) { slots = slots.copy() }
    if positions != nil && !isKnownUniquelyReferenced(&positions) { positions = positions?.copy() }
    if isDueToGrow { grow() }
    while true {
      if let free = ExactIndex.search(key, in: slots.words).slot {
        store(key, position: position, at: free)
        return
      }
      // No free slot on the probe path.
      if canGrow {
        grow()
        continue
      }
      let victim = ExactIndex.home(of: key, slotCount: slots.words.count) + Int(truncatingIfNeeded: key & 7)
      slots.words[victim] = key
      positions?.words[victim] = position
      evictions += 1
      return
    }
  }

  /// Doubles the table. Every fingerprint finds a place: the new table is at
  /// most 7/16 full, and a probe path that is full in it is doubled again.
  private mutating func grow() {
    var capacity = slots.words.count * 2
    while true {
      if let grown = rehashed(capacity: capacity) {
        slots = grown.slots
        positions = grown.positions
        return
      }
      capacity *= 2
    }
  }

  private func rehashed(capacity: Int) -> (slots: ZeroedTable, positions: ZeroedTable?)? {
    let newSlots = ZeroedTable(count: capacity)
    let newPositions = keepsPositions ? ZeroedTable(count: capacity) : nil
    for (i, key) in slots.words.enumerated() where key != 0 {
      guard let free = ExactIndex.search(key, in: newSlots.words).slot else { return nil }
      newSlots.words[free] = key
      newPositions?.words[free] = positions!.words[i]
    }
    return (newSlots, newPositions)
  }
}
