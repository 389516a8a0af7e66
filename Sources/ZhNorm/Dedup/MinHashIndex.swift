/// Near-duplicate index: MinHash signatures of the most recent kept
/// paragraphs, found through locality-sensitive hashing.
///
/// Signatures have 64 one-permutation bins of 32 bits over character
/// 5-grams (see ``Fingerprinter``). LSH splits them into 8 bands of 8 rows;
/// two paragraphs become candidates when one band is equal. With Jaccard
/// similarity s, that happens with probability 1 − (1 − s⁸)⁸: 0.92 at 0.85,
/// 0.99 at 0.9, 0.41 at 0.7 — each candidate is then checked by the share of
/// equal bins (the MinHash estimate of s) against the threshold.
///
/// Bounded: a ring of `capacity` signatures (the last `capacity` paragraphs
/// kept) and, per band, a direct-mapped table of 2 × `capacity` slots that
/// remembers the latest paragraph per slot (its ring slot, and the top bits
/// of its band key in the rest of 32 bits). Memory: 332 bytes × capacity
/// (32 768 by default: 10.4 MiB). Older paragraphs drop out of the index, so
/// near-duplicates are found within that window; exact duplicates are found
/// in the whole scope by ``ExactIndex``.
struct MinHashIndex {
  static let bands = 8
  static let rows = 8

  let capacity: Int
  private var signatures: [UInt32]
  private var positions: [UInt64]
  private var tables: [UInt32]  // band key's top bits << slotBits | ring slot
  private let slotBits: Int
  private let tableMask: Int
  /// Sequence number of the last inserted paragraph (0: none). Slot values are sequence numbers.
  private var sequence: UInt32 = 0
  /// Paragraphs with a sequence number up to this were forgotten.
  private var base: UInt32 = 0
  /// The sequence number of the paragraph in each ring slot.
  private var ringSequences: [UInt32]

  static func bytes(capacity: Int) -> Int { capacity * (Fingerprinter.signatureSize * 4 + 12 + bands * 2 * 4) }

  /// An index using at most `byteLimit` bytes (the capacity is a power of two, at least 256).
  init(byteLimit: Int) {
    var capacity = 256
    while MinHashIndex.bytes(capacity: capacity * 2) <= byteLimit && capacity < (1 << 16) { capacity *= 2 }
    self.capacity = capacity
    // The arrays (about 10 MiB) are made at the first insertion: a run over a
    // short input, such as `echo 测试 | zhnorm`, never pays for zeroing them.
    signatures = []
    positions = []
    ringSequences = []
    tables = []
    slotBits = capacity.trailingZeroBitCount
    tableMask = capacity * 2 - 1
  }

  /// Forgets every paragraph, in O(1): entries not newer than `base` do not count.
  mutating func removeAll() {
    base = sequence
  }

  @inline(__always)
  private static func bandKey(_ signature: UnsafeBufferPointer<UInt32>, band: Int) -> UInt64 {
    var h = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
    let start = band * rows
    for r in start..<(start + rows) {
      h = (h ^ UInt64(signature[r])) &* 0x100_0000_01b3
    }
    return Fingerprinter.mix(h)
  }

  /// The most similar indexed paragraph at or above `threshold`: its position and similarity.
  func bestMatch(for sig: UnsafeBufferPointer<UInt32>, threshold: Double) -> (position: UInt64, similarity: Double)? {
    guard sequence > base else { return nil }
    let needed = Int((threshold * Double(Fingerprinter.signatureSize)).rounded(.up))
    var best: (position: UInt64, matches: Int)?
    let allowedMismatches = Fingerprinter.signatureSize - needed
    signatures.withUnsafeBufferPointer { stored in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: MinHashIndex.bands * 2) { scratch in
        // All band slots first, so that their cache misses overlap.
        for band in 0..<MinHashIndex.bands {
          let key = MinHashIndex.bandKey(sig, band: band)
          scratch[band] = UInt32(truncatingIfNeeded: key >> (32 + slotBits))
          scratch[MinHashIndex.bands + band] = tables[band * (tableMask + 1) + Int(truncatingIfNeeded: key) & tableMask]
        }
        for band in 0..<MinHashIndex.bands {
          let entry = scratch[MinHashIndex.bands + band]
          let slot = Int(entry) & (capacity - 1)
          guard entry != 0, entry >> slotBits == scratch[band], ringSequences[slot] > base else { continue }
          // The same paragraph found through an earlier band: already checked.
          var seen = false
          for earlier in 0..<band where scratch[MinHashIndex.bands + earlier] == entry { seen = true }
          if seen { continue }
          let start = slot * Fingerprinter.signatureSize
          var mismatches = 0
          for i in 0..<Fingerprinter.signatureSize where stored[start + i] != sig[i] {
            mismatches += 1
            if mismatches > allowedMismatches { break }
          }
          let matches = Fingerprinter.signatureSize - mismatches
          if mismatches <= allowedMismatches && matches > (best?.matches ?? -1) {
            best = (positions[slot], matches)
          }
        }
      }
    }
    guard let best else { return nil }
    return (best.position, Double(best.matches) / Double(Fingerprinter.signatureSize))
  }

  mutating func insert(_ sig: UnsafeBufferPointer<UInt32>, position: UInt64) {
    if tables.isEmpty {
      signatures = [UInt32](repeating: 0, count: capacity * Fingerprinter.signatureSize)
      positions = [UInt64](repeating: 0, count: capacity)
      ringSequences = [UInt32](repeating: 0, count: capacity)
      tables = [UInt32](repeating: 0, count: MinHashIndex.bands * capacity * 2)
    }
    sequence &+= 1
    if sequence == 0 { sequence = 1 }
    let slot = Int(sequence &- 1) & (capacity - 1)
    let base = slot * Fingerprinter.signatureSize
    positions[slot] = position
    ringSequences[slot] = sequence
    do {
      for i in 0..<Fingerprinter.signatureSize { signatures[base + i] = sig[i] }
      for band in 0..<MinHashIndex.bands {
        let key = MinHashIndex.bandKey(sig, band: band)
        tables[band * (tableMask + 1) + Int(truncatingIfNeeded: key) & tableMask] =
          UInt32(truncatingIfNeeded: key >> (32 + slotBits)) << slotBits | UInt32(slot)
      }
    }
  }
}
