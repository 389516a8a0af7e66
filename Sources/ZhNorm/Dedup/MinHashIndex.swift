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
/// remembers the latest paragraph per slot with 32 bits of its band key.
/// Memory: 392 bytes × capacity (32 768 by default: 12.3 MiB). Older paragraphs drop out of the index, so
/// near-duplicates are found within that window; exact duplicates are found
/// in the whole scope by ``ExactIndex``.
struct MinHashIndex {
  static let bands = 8
  static let rows = 8

  let capacity: Int
  private var signatures: [UInt32]
  private var positions: [UInt64]
  private var tables: [UInt64]  // (band key's top 32 bits) << 32 | sequence
  private let tableMask: Int
  /// Sequence number of the last inserted paragraph (0: none). Slot values are sequence numbers.
  private var sequence: UInt32 = 0

  static func bytes(capacity: Int) -> Int { capacity * (Fingerprinter.signatureSize * 4 + 8 + bands * 2 * 8) }

  /// An index using at most `byteLimit` bytes (the capacity is a power of two, at least 256).
  init(byteLimit: Int) {
    var capacity = 256
    while MinHashIndex.bytes(capacity: capacity * 2) <= byteLimit && capacity < (1 << 20) { capacity *= 2 }
    self.capacity = capacity
    signatures = [UInt32](repeating: 0, count: capacity * Fingerprinter.signatureSize)
    positions = [UInt64](repeating: 0, count: capacity)
    tables = [UInt64](repeating: 0, count: MinHashIndex.bands * capacity * 2)
    tableMask = capacity * 2 - 1
  }

  mutating func removeAll() {
    for i in tables.indices { tables[i] = 0 }
    sequence = 0
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
  func bestMatch(for signature: [UInt32], threshold: Double) -> (position: UInt64, similarity: Double)? {
    guard sequence > 0 else { return nil }
    let needed = Int((threshold * Double(Fingerprinter.signatureSize)).rounded(.up))
    var best: (position: UInt64, matches: Int)?
    signature.withUnsafeBufferPointer { sig in
      signatures.withUnsafeBufferPointer { stored in
        for band in 0..<MinHashIndex.bands {
          let key = MinHashIndex.bandKey(sig, band: band)
          let entry = tables[band * (tableMask + 1) + Int(truncatingIfNeeded: key) & tableMask]
          let candidate = UInt32(truncatingIfNeeded: entry)
          guard entry >> 32 == key >> 32, candidate != 0, sequence &- candidate < UInt32(capacity) else { continue }
          let slot = Int(candidate &- 1) & (capacity - 1)
          let base = slot * Fingerprinter.signatureSize
          var matches = 0
          for i in 0..<Fingerprinter.signatureSize where stored[base + i] == sig[i] { matches += 1 }
          if matches >= needed && matches > (best?.matches ?? -1) {
            best = (positions[slot], matches)
          }
        }
      }
    }
    guard let best else { return nil }
    return (best.position, Double(best.matches) / Double(Fingerprinter.signatureSize))
  }

  mutating func insert(_ signature: [UInt32], position: UInt64) {
    sequence &+= 1
    if sequence == 0 { sequence = 1 }
    let slot = Int(sequence &- 1) & (capacity - 1)
    let base = slot * Fingerprinter.signatureSize
    positions[slot] = position
    signature.withUnsafeBufferPointer { sig in
      for i in 0..<Fingerprinter.signatureSize { signatures[base + i] = sig[i] }
      for band in 0..<MinHashIndex.bands {
        let key = MinHashIndex.bandKey(sig, band: band)
        tables[band * (tableMask + 1) + Int(truncatingIfNeeded: key) & tableMask] = (key >> 32) << 32 | UInt64(sequence)
      }
    }
  }
}
