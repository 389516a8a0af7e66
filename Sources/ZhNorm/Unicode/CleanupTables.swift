import CZhNormTables

/// Lookup tables for the Unicode cleanup, built once per process.
///
/// `slowPath` marks every BMP scalar that a cleanup rule may change, so that
/// the cleaner can prove with one bit test per scalar that a line needs no
/// work; `nfc` marks the scalars that need NFC attention, and `removal` those
/// that rules 1–2 of ``UnicodeCleaner`` remove or map. Each is an 8 KiB
/// bitmap, made the first time a line contains a scalar outside the
/// always-inert fast ranges (ASCII and the CJK Unified Ideographs). The NFC
/// bitmap comes from ICU's properties at build time (`tables/nfc-attention.bin`,
/// embedded): asking ICU at run time — loading it and querying 65 536 scalars —
/// cost ~19 million instructions (~4 ms) at the first line with punctuation.
/// `CleanupTablesTests` checks it against the system ICU.
final class CleanupTables: Sendable {
  /// The tables, built on first use (thread-safe lazy initialization).
  static let shared = CleanupTables()

  private let nfc: [UInt64]
  private let removal: [UInt64]
  private let slowPath: [UInt64]

  private init() {
    let embedded = UnsafeRawPointer(zhnorm_nfc_attention_bytes()!)
    let nfcBits = (0..<1024).map { embedded.load(fromByteOffset: $0 * 8, as: UInt64.self).littleEndian }
    var removalBits = [UInt64](repeating: 0, count: 1024)
    var slow = nfcBits
    // Every rule below holds only in these two ranges (`CleanupTablesTests`
    // checks the whole BMP), so the rest is not looked at.
    for range in Self.ruleRanges {
      for v in range {
        let bit: UInt64 = 1 << UInt64(v & 63)
        if Self.isRemovedOrMappedByRule(v) {
          removalBits[Int(v >> 6)] |= bit
          slow[Int(v >> 6)] |= bit
        }
        if ScalarClass.isSpaceVariant(v) { slow[Int(v >> 6)] |= bit }
      }
    }
    nfc = nfcBits
    removal = removalBits
    slowPath = slow
  }

  /// The BMP ranges outside which no removal, mapping or space rule applies.
  static let ruleRanges: [Range<UInt32>] = [0..<0x2070, 0xFE00..<0x10000]

  /// Whether rules 1–2 of the cleaner remove or map scalar `v`.
  static func isRemovedOrMappedByRule(_ v: UInt32) -> Bool {
    ScalarClass.isRemovableControl(v) || ScalarClass.isAlwaysRemovableFormat(v)
      || ScalarClass.isJoinControl(v) || ScalarClass.isBidiControl(v)
      || ScalarClass.fullwidthAlphanumeric(v) != nil || ScalarClass.halfwidthCJKPunctuation(v) != nil
  }

  /// Whether a rule of the cleaner applies to scalar `v`: it is removed,
  /// mapped, or a space variant.
  static func isRuleScalar(_ v: UInt32) -> Bool {
    isRemovedOrMappedByRule(v) || ScalarClass.isSpaceVariant(v)
  }

  /// Whether BMP scalar `v` needs NFC attention. O(1).
  @inline(__always)
  func nfcAttention(_ v: UInt32) -> Bool {
    nfc[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0
  }

  /// Whether scalar `v` is removed or mapped by rules 1–2 of the cleaner. O(1).
  @inline(__always)
  func isRemovedOrMapped(_ v: UInt32) -> Bool {
    v < 0x10000 && removal[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0
  }

  /// Whether BMP scalar `v` may be changed by some cleanup rule. O(1).
  @inline(__always)
  func needsSlowPath(_ v: UInt32) -> Bool {
    slowPath[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0
  }
}
