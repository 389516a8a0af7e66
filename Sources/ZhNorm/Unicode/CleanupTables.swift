import CZhNormICU

/// Lookup tables for the Unicode cleanup, built once per process.
///
/// `slowPath` marks every BMP scalar that a cleanup rule may change, so that
/// the cleaner can prove with one bit test per scalar that a line needs no
/// work; `nfc` marks the scalars that need NFC attention, and `removal` those
/// that rules 1–2 of ``UnicodeCleaner`` remove or map. Each is an 8 KiB
/// bitmap, built in about a millisecond from ICU's properties the first time
/// a line contains a scalar outside the always-inert fast ranges (ASCII and
/// the CJK Unified Ideographs), so a run over plain Chinese never builds them.
final class CleanupTables: Sendable {
  /// The tables, built on first use (thread-safe lazy initialization).
  static let shared = CleanupTables()

  private let nfc: [UInt64]
  private let removal: [UInt64]
  private let slowPath: [UInt64]

  private init() {
    var nfcBits = [UInt64](repeating: 0, count: 1024)
    nfcBits.withUnsafeMutableBufferPointer { zhn_nfc_fill_attention_bitmap($0.baseAddress) }
    var removalBits = [UInt64](repeating: 0, count: 1024)
    var slow = nfcBits
    for v in UInt32(0)..<0x10000 {
      let bit: UInt64 = 1 << UInt64(v & 63)
      if ScalarClass.isRemovableControl(v) || ScalarClass.isAlwaysRemovableFormat(v)
        || ScalarClass.isJoinControl(v) || ScalarClass.isBidiControl(v)
        || ScalarClass.fullwidthAlphanumeric(v) != nil || ScalarClass.halfwidthCJKPunctuation(v) != nil
      {
        removalBits[Int(v >> 6)] |= bit
        slow[Int(v >> 6)] |= bit
      }
      if ScalarClass.isSpaceVariant(v) { slow[Int(v >> 6)] |= bit }
    }
    nfc = nfcBits
    removal = removalBits
    slowPath = slow
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
