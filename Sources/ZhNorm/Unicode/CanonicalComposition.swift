import CZhNormICU

/// NFC normalization, with a fast check that skips ICU for text that is
/// already normalized (nearly all Chinese text).
enum CanonicalComposition {
  /// Whether `v` can change under NFC or interact with a neighbour.
  ///
  /// BMP scalars are looked up in a bitmap built once from ICU's properties
  /// (NFC_Quick_Check ≠ Yes, or canonical combining class ≠ 0); supplementary
  /// scalars count as needing attention unless they are Han or emoji.
  /// O(1).
  @inline(__always)
  static func needsAttention(_ v: UInt32) -> Bool {
    if v < 0x10000 {
      return CleanupTables.shared.nfcAttention(v)
    }
    return !ScalarClass.isInertSupplementary(v)
  }

  /// Normalizes `scalars` to NFC in place, through ICU. Returns `true` if the
  /// text changed. O(n), with a UTF-8 round trip.
  static func normalize(_ scalars: inout [UInt32]) -> Bool {
    var utf8: [UInt8] = []
    utf8.reserveCapacity(scalars.count * 3)
    for v in scalars {
      UTF8.encode(Unicode.Scalar(v)!) { utf8.append($0) }
    }
    var capacity = utf8.count * 3 + 16
    while true {
      var output = [UInt8](repeating: 0, count: capacity)
      let length = utf8.withUnsafeBufferPointer { source in
        output.withUnsafeMutableBufferPointer { destination in
          zhn_nfc_normalize_utf8(source.baseAddress, Int32(source.count), destination.baseAddress, Int32(destination.count))
        }
      }
      if length < 0 { return false }  // ICU failed: leave the text as it was
      if Int(length) > capacity {
        capacity = Int(length)
        continue
      }
      if output[..<Int(length)].elementsEqual(utf8) { return false }
      scalars = String(decoding: output[..<Int(length)], as: UTF8.self).unicodeScalars.map(\.value)
      return true
    }
  }
}
