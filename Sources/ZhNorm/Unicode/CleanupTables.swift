import CZhNormICU

/// Lookup tables for the Unicode cleanup, built once per process.
///
/// `slowPath` marks every BMP scalar that a cleanup rule may change, so that
/// the cleaner can prove with one bit test per scalar that a line needs no
/// work; `nfc` marks the scalars that need NFC attention. Both are 8 KiB
/// bitmaps, built in about a millisecond from ICU's properties the first time
/// a line contains a scalar outside the always-inert fast ranges (ASCII and
/// the CJK Unified Ideographs), so a run over plain Chinese never builds them.
final class CleanupTables: Sendable {
  /// The tables, built on first use (thread-safe lazy initialization).
  static let shared = CleanupTables()

  private let nfc: [UInt64]
  private let slowPath: [UInt64]

  private init() {
    var nfcBits = [UInt64](repeating: 0, count: 1024)
    nfcBits.withUnsafeMutableBufferPointer { zhn_nfc_fill_attention_bitmap($0.baseAddress) }
    var slow = nfcBits
    func mark(_ v: UInt32) { slow[Int(v >> 6)] |= 1 << UInt64(v & 63) }
    for v in UInt32(0)..<0x10000 {
      if ScalarClass.isRemovableControl(v) || ScalarClass.isAlwaysRemovableFormat(v)
        || ScalarClass.isJoinControl(v) || ScalarClass.isBidiControl(v) || ScalarClass.isSpaceVariant(v)
        || ScalarClass.fullwidthAlphanumeric(v) != nil || ScalarClass.halfwidthCJKPunctuation(v) != nil
      {
        mark(v)
      }
    }
    nfc = nfcBits
    slowPath = slow
  }

  /// Whether BMP scalar `v` needs NFC attention. O(1).
  @inline(__always)
  func nfcAttention(_ v: UInt32) -> Bool {
    nfc[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0
  }

  /// Whether BMP scalar `v` may be changed by some cleanup rule. O(1).
  @inline(__always)
  func needsSlowPath(_ v: UInt32) -> Bool {
    slowPath[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0
  }
}
