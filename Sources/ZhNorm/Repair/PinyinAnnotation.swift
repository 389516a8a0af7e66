#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Pinyin annotations glued to characters, as some content platforms add them
/// when converting to Traditional script: `行業(yè)`, `產（chǎn）`, `調(diào)`.
///
/// A parenthesised text is removed only when it is one pinyin syllable with a
/// tone (mark or digit) that is a reading of the character right before it
/// (``PinyinReadings``). Anything else in parentheses stays:
/// `董事長（創（chuàng）始人）` → `董事長（創始人）`.
enum PinyinAnnotation {
  struct Removal {
    /// The annotation as written, with its character: `業(yè)`.
    var text: String
  }

  /// Whether the text may hold an annotation: `(` or `（` right after a
  /// character of three or four bytes (Han) and right before an ASCII letter or
  /// a Latin letter with a tone mark (lead bytes C3–C7). Bytes only, found
  /// with `memchr` (0x28 and the lead byte 0xEF of `（`), so a line without
  /// either costs a vectorized scan.
  @inline(__always)
  static func mayContain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = utf8.baseAddress, utf8.count >= 6 else { return false }
    let n = utf8.count
    func opensAnnotation(at i: Int, after: Int) -> Bool {
      guard i >= 3, after < n, utf8[i - 1] >= 0x80, utf8[i - 3] >= 0xE0 || (i >= 4 && utf8[i - 4] >= 0xF0) else {
        return false
      }
      let c = utf8[after]
      return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || (c >= 0xC3 && c <= 0xC7)
    }
    for (byte, width) in [(UInt8(0x28), 1), (UInt8(0xEF), 3)] {
      var from = 0
      while from < n, let hit = memchr(base + from, Int32(byte), n - from) {
        let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if width == 1 || (i + 2 < n && utf8[i + 1] == 0xBC && utf8[i + 2] == 0x88) {
          if opensAnnotation(at: i, after: i + width) { return true }
        }
        from = i + 1
      }
    }
    return false
  }

  /// The text with its annotations removed, or nil when there is none.
  static func removingAnnotations(_ utf8: UnsafeBufferPointer<UInt8>, removals: inout [Removal]) -> String? {
    guard mayContain(utf8) else { return nil }
    let scalars = TextFacts.scalars(utf8)
    var output: [UInt32] = []
    output.reserveCapacity(scalars.count)
    var changed = false
    var i = 0
    while i < scalars.count {
      let s = scalars[i]
      if (s == 0x28 || s == 0xFF08), let last = output.last, TextFacts.isHan(last) {
        // Find the closing parenthesis within a syllable's length.
        var j = i + 1
        while j < scalars.count, j - i <= 9, scalars[j] != 0x29, scalars[j] != 0xFF09 { j += 1 }
        if j < scalars.count, j - i <= 9, j > i + 1,
          let reading = PinyinReadings.readingID(scalars[(i + 1)..<j]),
          PinyinReadings.isReading(reading, of: last)
        {
          var text = String(Unicode.Scalar(last)!)
          for k in i...j { text.unicodeScalars.append(Unicode.Scalar(scalars[k])!) }
          removals.append(Removal(text: text))
          changed = true
          i = j + 1
          continue
        }
      }
      output.append(s)
      i += 1
    }
    guard changed else { return nil }
    var result = ""
    result.unicodeScalars.append(contentsOf: output.map { Unicode.Scalar($0)! })
    return result
  }
}
