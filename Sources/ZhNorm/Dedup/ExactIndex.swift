/// The set of exact fingerprints of the paragraphs kept so far, with where
/// each was first seen: a set-associative hash table of 64-bit fingerprints.
///
/// Memory: 8 bytes per slot (16 when positions are kept for the report).
/// Buckets of 8 slots (one cache line) are filled to at most 7/8 on average
/// before the table doubles, so a distinct paragraph costs 9–18 bytes (18–37
/// with positions) — at most 18 bytes and 37 bytes respectively.
///
/// Bounded: the table never grows past `byteLimit`. Once it is at its limit,
/// a fingerprint whose bucket is full replaces a pseudo-random slot of that
/// bucket: old paragraphs are forgotten at random, so a later copy of one of
/// them is kept. Degradation only ever keeps duplicates; it never removes a
/// paragraph that is not one.
struct ExactIndex {
  static let bucketSize = 8

  private var slots: [UInt64]
  private var positions: [UInt64]
  private let keepsPositions: Bool
  private let byteLimit: Int
  private(set) var count = 0
  /// How many fingerprints were forgotten to stay under the limit.
  private(set) var evictions = 0

  init(keepsPositions: Bool, byteLimit: Int) {
    self.keepsPositions = keepsPositions
    self.byteLimit = byteLimit
    let initial = 1 << 10
    slots = [UInt64](repeating: 0, count: initial)
    positions = keepsPositions ? [UInt64](repeating: 0, count: initial) : []
  }

  var bytesPerSlot: Int { keepsPositions ? 16 : 8 }
  var byteCount: Int { slots.count * bytesPerSlot }
  /// Whether every fingerprint ever inserted is still there.
  var isComplete: Bool { evictions == 0 }

  /// Forgets everything; a table that grew large goes back to its initial size.
  mutating func removeAll() {
    guard count > 0 || evictions > 0 else { return }
    if slots.count <= 1 << 12 {
      for i in slots.indices { slots[i] = 0 }
    } else {
      slots = [UInt64](repeating: 0, count: 1 << 10)
      if keepsPositions { positions = [UInt64](repeating: 0, count: 1 << 10) }
    }
    count = 0
    evictions = 0
  }

  @inline(__always)
  private func bucket(of key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: key >> 20) & mask
  }

  /// The position stored with `key` (0 when positions are not kept), or nil.
  func lookup(_ key: UInt64) -> UInt64? {
    let mask = slots.count / ExactIndex.bucketSize - 1
    let start = bucket(of: key, mask: mask) * ExactIndex.bucketSize
    return slots.withUnsafeBufferPointer { s in
      for i in start..<(start + ExactIndex.bucketSize) {
        if s[i] == key { return keepsPositions ? positions[i] : 0 }
        if s[i] == 0 { return nil }
      }
      return nil
    }
  }

  /// Inserts `key` (known to be absent) with `position`.
  mutating func insert(_ key: UInt64, position: UInt64) {
    if count * 8 >= slots.count * 7, slots.count * 2 * bytesPerSlot <= byteLimit {
      grow()
    }
    while true {
      let mask = slots.count / ExactIndex.bucketSize - 1
      let start = bucket(of: key, mask: mask) * ExactIndex.bucketSize
      for i in start..<(start + ExactIndex.bucketSize) where slots[i] == 0 {
        slots[i] = key
        if keepsPositions { positions[i] = position }
        count += 1
        return
      }
      // The bucket is full.
      if slots.count * 2 * bytesPerSlot <= byteLimit && count * 2 >= slots.count {
        grow()
        continue
      }
      let victim = start + Int(truncatingIfNeeded: key & 7)
      slots[victim] = key
      if keepsPositions { positions[victim] = position }
      evictions += 1
      return
    }
  }

  private mutating func grow() {
    let oldSlots = slots
    let oldPositions = positions
    let capacity = slots.count * 2
    slots = [UInt64](repeating: 0, count: capacity)
    if keepsPositions { positions = [UInt64](repeating: 0, count: capacity) }
    count = 0
    let mask = capacity / ExactIndex.bucketSize - 1
    for (i, key) in oldSlots.enumerated() where key != 0 {
      let start = bucket(of: key, mask: mask) * ExactIndex.bucketSize
      for j in start..<(start + ExactIndex.bucketSize) where slots[j] == 0 {
        slots[j] = key
        if keepsPositions { positions[j] = oldPositions[i] }
        count += 1
        break
      }
    }
  }
}
