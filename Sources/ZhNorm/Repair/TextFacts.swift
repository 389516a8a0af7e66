/// Byte- and scalar-level facts about UTF-8 text used by the repair step.
///
/// Everything here works on valid UTF-8 buffers (blocks are validated by the
/// decoder) and never makes a `String`.
enum TextFacts {
  /// Decodes the scalar starting at `index`; returns it and its length in bytes.
  @inline(__always)
  static func scalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
    let b0 = UInt32(utf8[index])
    if b0 < 0x80 { return (b0, 1) }
    if b0 < 0xE0 { return (((b0 & 0x1F) << 6) | (UInt32(utf8[index + 1]) & 0x3F), 2) }
    if b0 < 0xF0 {
      return (((b0 & 0x0F) << 12) | ((UInt32(utf8[index + 1]) & 0x3F) << 6) | (UInt32(utf8[index + 2]) & 0x3F), 3)
    }
    return (
      ((b0 & 0x07) << 18) | ((UInt32(utf8[index + 1]) & 0x3F) << 12) | ((UInt32(utf8[index + 2]) & 0x3F) << 6)
        | (UInt32(utf8[index + 3]) & 0x3F), 4
    )
  }

  /// The start of the scalar that ends right before byte `end` (`end > 0`).
  @inline(__always)
  static func startOfScalar(before end: Int, in utf8: UnsafeBufferPointer<UInt8>) -> Int {
    var start = end - 1
    while start > 0 && utf8[start] & 0xC0 == 0x80 { start -= 1 }
    return start
  }

  /// The last scalar of the text, or nil when it is empty.
  static func lastScalar(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt32? {
    guard !utf8.isEmpty else { return nil }
    return scalar(utf8, at: startOfScalar(before: utf8.count, in: utf8)).0
  }

  /// The scalars of the text (for short texts and candidate blocks only).
  static func scalars(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt32] {
    var result: [UInt32] = []
    result.reserveCapacity(utf8.count / 2)
    var i = 0
    while i < utf8.count {
      let (s, n) = scalar(utf8, at: i)
      result.append(s)
      i += n
    }
    return result
  }

  /// CJK unified and compatibility ideographs (all planes).
  @inline(__always)
  static func isHan(_ s: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(s) || (0x3400...0x4DBF).contains(s) || (0x20000...0x3FFFF).contains(s)
      || (0xF900...0xFAFF).contains(s) || s == 0x3007
  }

  @inline(__always)
  static func isASCIIAlphanumeric(_ s: UInt32) -> Bool {
    (0x30...0x39).contains(s) || (0x41...0x5A).contains(s) || (0x61...0x7A).contains(s)
  }

  @inline(__always)
  static func isASCIILetter(_ s: UInt32) -> Bool { (0x41...0x5A).contains(s) || (0x61...0x7A).contains(s) }

  /// Marks that end a sentence or a paragraph-level unit: 。！？…；：and their
  /// ASCII forms, and the closing quotes and brackets that follow them.
  @inline(__always)
  static func endsUnit(_ s: UInt32) -> Bool {
    switch s {
    case 0x3002, 0xFF01, 0xFF1F, 0x2026, 0xFF1B, 0xFF1A, 0xFF0E,  // 。！？…；：．
      0x2E, 0x21, 0x3F, 0x3B, 0x3A,  // . ! ? ; :
      0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x300B, 0x3011, 0x22, 0x27, 0xFE42, 0xFE44:  // ”’」』）)》】"'
      return true
    default:
      return false
    }
  }

  /// Marks that separate clauses inside a sentence.
  @inline(__always)
  static func isClauseMark(_ s: UInt32) -> Bool {
    switch s {
    case 0xFF0C, 0x3001, 0xFF1B, 0xFF1A, 0x3002, 0xFF01, 0xFF1F, 0x2C, 0x3B, 0x3A, 0x21, 0x3F: return true
    default: return false
    }
  }

  /// Whether the text has a clause or sentence mark other than 、 (see
  /// ``isClauseMark(_:)``). Bytes only.
  static func containsClauseMark(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = utf8.count
    while i < n {
      let b = utf8[i]
      switch b {
      case 0x2C, 0x3B, 0x3A, 0x21, 0x3F: return true
      case 0xEF:
        if i + 2 < n, utf8[i + 1] == 0xBC, [0x8C, 0x9B, 0x9A, 0x81, 0x9F].contains(utf8[i + 2]) { return true }
      case 0xE3:
        if i + 2 < n, utf8[i + 1] == 0x80, utf8[i + 2] == 0x82 { return true }
      default: break
      }
      i += 1
    }
    return false
  }

  /// Marks that cannot start a paragraph: a block starting with one continues the previous.
  @inline(__always)
  static func cannotStartParagraph(_ s: UInt32) -> Bool {
    switch s {
    case 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0xFF09, 0x300D, 0x300F, 0x201D, 0x300B, 0x3011:
      return true
    default:
      return false
    }
  }

  /// CJK punctuation (U+3000–U+303F) and fullwidth forms (U+FF00–U+FF60).
  @inline(__always)
  static func isCJKPunctuation(_ s: UInt32) -> Bool {
    (0x3000...0x303F).contains(s) || (0xFF00...0xFF60).contains(s)
  }

  /// Display width: 2 for wide (CJK) scalars, 1 otherwise.
  @inline(__always)
  static func width(_ s: UInt32) -> Int {
    (s >= 0x1100 && (isHan(s) || (0x3000...0x303F).contains(s) || (0xFF00...0xFF60).contains(s)
      || (0x2E80...0x2FFF).contains(s) || (0x3040...0x33FF).contains(s) || (0xAC00...0xD7A3).contains(s))) ? 2 : 1
  }

  /// The display width of the text.
  static func width(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
    var total = 0
    var i = 0
    while i < utf8.count {
      let b = utf8[i]
      if b < 0x80 { total += 1; i += 1; continue }
      let (s, n) = scalar(utf8, at: i)
      total += width(s)
      i += n
    }
    return total
  }

  /// 64-bit FNV-1a over bytes.
  static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
  }
}
