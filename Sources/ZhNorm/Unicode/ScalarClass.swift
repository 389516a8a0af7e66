/// Classification of Unicode scalars used by the cleanup rules.
///
/// The functions take raw `UInt32` scalar values and are plain range checks,
/// cheap enough for per-scalar use on hot paths.
enum ScalarClass {
  /// Han ideographs: CJK Unified Ideographs and extensions, compatibility
  /// ideographs, radicals, and the ideographic iteration mark and zero (々 〇).
  @inline(__always)
  static func isHan(_ v: UInt32) -> Bool {
    switch v {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x323AF, 0xF900...0xFAFF,
      0x2F800...0x2FA1F, 0x2E80...0x2FDF, 0x3005, 0x3007, 0x3021...0x3029:
      return true
    default:
      return false
    }
  }

  /// Punctuation and symbols that belong to CJK typography: CJK Symbols and
  /// Punctuation (except the ideographic space and the combining tone marks),
  /// fullwidth ASCII punctuation, CJK compatibility, vertical and small forms.
  /// Quotes, dashes and ellipses shared with Latin typography are not included.
  @inline(__always)
  static func isCJKPunctuation(_ v: UInt32) -> Bool {
    switch v {
    case 0x3001...0x3004, 0x3008...0x3020, 0x3030...0x303F,
      0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65,
      0xFE10...0xFE1F, 0xFE30...0xFE4F, 0xFE50...0xFE6F:
      return true
    default:
      return false
    }
  }

  /// Kana and Bopomofo, which appear in Chinese text as phonetic annotation.
  @inline(__always)
  static func isKanaOrBopomofo(_ v: UInt32) -> Bool {
    (0x3041...0x30FF).contains(v) || (0x3100...0x312F).contains(v) || (0x31A0...0x31BF).contains(v)
  }

  /// Characters that make their surroundings Chinese text for the punctuation
  /// and space rules: Han, CJK punctuation, kana and bopomofo.
  @inline(__always)
  static func isChinese(_ v: UInt32) -> Bool {
    isHan(v) || isCJKPunctuation(v) || isKanaOrBopomofo(v)
  }

  /// Space characters other than the ASCII space that the cleanup turns into a
  /// plain space (or removes between Chinese characters). The ideographic space
  /// U+3000 is not among them: it is the space of CJK typography.
  @inline(__always)
  static func isSpaceVariant(_ v: UInt32) -> Bool {
    v == 0xA0 || v == 0x1680 || (0x2000...0x200A).contains(v) || v == 0x202F || v == 0x205F
  }

  /// Horizontal whitespace: tab, space, the space variants and U+3000.
  @inline(__always)
  static func isWhitespace(_ v: UInt32) -> Bool {
    v == 0x20 || v == 0x09 || v == 0x3000 || isSpaceVariant(v)
  }

  /// C0 and C1 control characters, and DEL, except TAB. (Line-breaking
  /// controls never reach a block's text: the decoder splits lines there.)
  @inline(__always)
  static func isRemovableControl(_ v: UInt32) -> Bool {
    (v < 0x20 && v != 0x09) || (0x7F...0x9F).contains(v)
  }

  /// Invisible format characters that carry nothing in running text: the byte
  /// order mark / zero-width no-break space, zero-width space, word joiner,
  /// soft hyphen, Mongolian vowel separator and invisible math operators.
  /// (ZWJ, ZWNJ and bidirectional controls depend on context; see the cleaner.)
  @inline(__always)
  static func isAlwaysRemovableFormat(_ v: UInt32) -> Bool {
    switch v {
    case 0xFEFF, 0x200B, 0x2060, 0x00AD, 0x180E, 0x2061...0x2064:
      return true
    default:
      return false
    }
  }

  /// Zero-width joiner and non-joiner.
  @inline(__always)
  static func isJoinControl(_ v: UInt32) -> Bool { v == 0x200C || v == 0x200D }

  /// Bidirectional marks, embeddings, overrides and isolates.
  @inline(__always)
  static func isBidiControl(_ v: UInt32) -> Bool {
    v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
  }

  /// Characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, …),
  /// in whose presence bidirectional controls are kept.
  @inline(__always)
  static func isRightToLeft(_ v: UInt32) -> Bool {
    (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFE).contains(v)
      || (0x10800...0x10FFF).contains(v) || (0x1E800...0x1EFFF).contains(v)
  }

  /// A scalar a ZWJ or ZWNJ may legitimately join: not ASCII, not Chinese,
  /// not whitespace and not itself a format character. Emoji and letters of
  /// scripts that use joiners (Indic, Arabic, Persian) qualify.
  @inline(__always)
  static func isJoinable(_ v: UInt32) -> Bool {
    v >= 0x80 && !isChinese(v) && !isWhitespace(v) && !isJoinControl(v) && !isAlwaysRemovableFormat(v)
      && !isBidiControl(v) && !isRemovableControl(v)
  }

  /// ASCII digits.
  @inline(__always)
  static func isDigit(_ v: UInt32) -> Bool { (0x30...0x39).contains(v) }

  /// Fullwidth digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ), mapped to ASCII.
  @inline(__always)
  static func fullwidthAlphanumeric(_ v: UInt32) -> UInt32? {
    switch v {
    case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return v - 0xFEE0
    default: return nil
    }
  }

  /// Halfwidth CJK punctuation (｡ ｢ ｣ ､), mapped to its normal (full) width.
  @inline(__always)
  static func halfwidthCJKPunctuation(_ v: UInt32) -> UInt32? {
    switch v {
    case 0xFF61: return 0x3002
    case 0xFF62: return 0x300C
    case 0xFF63: return 0x300D
    case 0xFF64: return 0x3001
    default: return nil
    }
  }

  /// Supplementary-plane scalars that need no cleanup and are stable under
  /// NFC: Han extensions (but not the compatibility ideographs at U+2F800),
  /// and emoji and pictographs.
  @inline(__always)
  static func isInertSupplementary(_ v: UInt32) -> Bool {
    (0x20000...0x2F7FF).contains(v) || (0x30000...0x323AF).contains(v) || (0x1F000...0x1FAFF).contains(v)
  }
}
