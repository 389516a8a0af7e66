// The fast check: whether a line needs the cleaner at all.
//
// This is the hot path: most lines of real Chinese text need nothing. It runs
// over the UTF-8 bytes, sixteen at a time where it can, and skips the whole
// CJK Unified Ideographs block by its lead bytes (E4–E9 encode U+4000–U+9FFF,
// all inert) without decoding them.
extension UnicodeCleaner {
  /// ``needsWork(utf8:trimTrailingWhitespace:)`` for a string.
  func needsWork(_ text: String, trimTrailingWhitespace: Bool) -> Bool {
    var text = text
    return text.withUTF8 { needsWork(utf8: $0, trimTrailingWhitespace: trimTrailingWhitespace) }
  }

  /// Whether some rule may change the line with these UTF-8 bytes. `false`
  /// is a proof that ``clean(_:trimTrailingWhitespace:counts:)`` returns
  /// the line unchanged.
  func needsWork(utf8: UnsafeBufferPointer<UInt8>, trimTrailingWhitespace: Bool) -> Bool {
    let count = utf8.count
    guard count > 0 else { return false }
    if trimTrailingWhitespace && Self.endsWithWhitespace(utf8) { return true }
    // The vector check reads eighteen bytes: the last bytes of a line are
    // checked in a copy padded with spaces (which no rule inside a line looks
    // at), so that short lines and the ends of lines take the vector path
    // too. Real Chinese text has many short lines (titles, menu items).
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: PlainBytes.paddedTailCapacity) {
      needsWork(utf8, paddedTail: $0.baseAddress!)
    }
  }

  /// ``needsWork(utf8:trimTrailingWhitespace:)``, answered from the decoder's
  /// profile of the line where it can be (most lines of real text), which
  /// saves reading the line again. O(1) then, O(n) otherwise.
  func needsWork(utf8: UnsafeBufferPointer<UInt8>, profile: LineByteProfile, trimTrailingWhitespace: Bool) -> Bool {
    guard let answer = needsWork(profile: profile) else {
      return needsWork(utf8: utf8, trimTrailingWhitespace: trimTrailingWhitespace)
    }
    return answer || (trimTrailingWhitespace && Self.endsWithWhitespace(utf8))
  }

  /// Whether a rule other than trimming may change a line with this profile,
  /// or `nil` if the profile cannot tell and the line must be read. A line
  /// without ``LineByteProfile/uncommon`` characters holds only characters no
  /// rule changes on their own: what is left is the punctuation style's
  /// business with ASCII or fullwidth marks.
  func needsWork(profile: LineByteProfile) -> Bool? {
    guard profile.isPlain else { return nil }
    switch options.punctuation {
    case .cjk: return profile.contains(.asciiMark) && profile.contains(.nonASCII)
    case .ascii: return profile.contains(.fullwidthPunctuation) ? nil : false
    case .keep: return false
    }
  }

  /// Whether the line ends with whitespace that trimming removes: a space, a
  /// tab or U+3000. (Tabs are sometimes kept, so this may say `true` of a
  /// line that trimming leaves alone.) O(1).
  @inline(__always)
  static func endsWithWhitespace(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = utf8.count
    guard count > 0 else { return false }
    let last = utf8[count - 1]
    if last == 0x20 || last == 0x09 { return true }
    return count >= 3 && last == 0x80 && utf8[count - 2] == 0x80 && utf8[count - 3] == 0xE3  // U+3000
  }

  /// ``needsWork(utf8:trimTrailingWhitespace:)`` but the trailing whitespace
  /// check, with room for a padded copy of the line's last bytes at `tail`.
  private func needsWork(_ utf8: UnsafeBufferPointer<UInt8>, paddedTail tail: UnsafeMutablePointer<UInt8>) -> Bool {
    let count = utf8.count
    let cjk = options.punctuation == .cjk
    let ascii = options.punctuation == .ascii
    var sawASCIIMark = false
    var sawNonASCII = false
    var i = 0
    var tailStart = -1
    let classes = Self.byteClasses
    let bytes = utf8.baseAddress!
    while i < count {
      // Sixteen bytes at a time while they are plain (see `PlainBytes`); the
      // first character that is not is checked on its own, below.
      let window: UnsafePointer<UInt8>
      if i &+ PlainBytes.readLength <= count {
        window = bytes + i
      } else {
        if tailStart < 0 {
          tailStart = i
          tail.initialize(repeating: 0x20, count: PlainBytes.paddedTailCapacity)
          tail.update(from: bytes + i, count: count &- i)
        }
        window = UnsafePointer(tail + (i &- tailStart))
      }
      let plain = PlainBytes(window, needsMarks: !sawASCIIMark, fullwidthMarksArePlain: !ascii)
      if plain.count > 0 {
        sawASCIIMark = sawASCIIMark || plain.hasASCIIMark
        sawNonASCII = sawNonASCII || plain.hasNonASCII
        // With CJK punctuation, a line with both may need rule 5: the answer
        // is known, whatever the rest of the line holds.
        if cjk && sawASCIIMark && sawNonASCII { return true }
        i &+= plain.count
        if plain.count == 16 {
          // The vector may end inside a character (already judged): finish it.
          while i < count && bytes[i] & 0xC0 == 0x80 { i &+= 1 }
          continue
        }
        // Otherwise `i` is at a character the vector does not take (or past
        // the end, if the rest was padding).
        guard i < count else { break }
      }
      // One character, byte by byte. One table lookup decides the common
      // bytes (a chain of comparisons per ASCII byte cost more than the rest
      // of the check).
      let byte = bytes[i]
      switch classes[Int(byte)] {
      case Self.inertASCII:
        i &+= 1
        // Latin words come in runs (this matters where there is no vector
        // path): skip eight plain bytes at a time.
        while i &+ 8 <= count && Self.isPlainASCII(UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self)) {
          i &+= 8
        }
        continue
      case Self.han:
        sawNonASCII = true
        i &+= 3
        continue
      case Self.asciiMark:
        sawASCIIMark = true
        i &+= 1
        continue
      case Self.control:
        return true
      default:
        sawNonASCII = true
      }
      // The commonest non-ASCII characters of Chinese text are decided from
      // their bytes: Han (lead bytes E4–E9, above), CJK punctuation (E3 80 xx),
      // kana and Ext A (other E3), fullwidth punctuation (EF BC/BD xx).
      switch byte {
      case 0xE3:
        let b1 = bytes[i &+ 1]
        let b2 = bytes[i &+ 2]
        if b1 == 0x80 {
          if b2 >= 0xAA && b2 <= 0xAF { return true }  // U+302A–302F combine
        } else if b1 == 0x82 && (b2 == 0x99 || b2 == 0x9A) {
          return true  // combining kana voicing marks
        }
        i &+= 3
        continue
      case 0xEF:
        let b1 = bytes[i &+ 1]
        let b2 = bytes[i &+ 2]
        if b1 == 0xBC || b1 == 0xBD {
          let v = 0xFF00 | (UInt32(b1 & 0x01) << 6) | UInt32(b2 & 0x3F)
          if ScalarClass.fullwidthAlphanumeric(v) != nil || ScalarClass.halfwidthCJKPunctuation(v) != nil { return true }
          if ascii && PunctuationWidth.ascii(of: v) != nil { return true }
          i &+= 3
          continue
        }
      default:
        break
      }
      let (v, length) = Self.decodeScalar(utf8, at: i)
      if v < 0x10000 {
        if CleanupTables.shared.needsSlowPath(v) { return true }
      } else if !ScalarClass.isInertSupplementary(v) {
        return true
      }
      if ascii && PunctuationWidth.ascii(of: v) != nil { return true }
      i &+= length
    }
    // ASCII marks matter only on a line that also has non-ASCII characters.
    return sawASCIIMark && cjk && sawNonASCII
  }

  /// Whether all eight bytes of `word` are letters, digits, space or one of
  /// `@[\]^_`{|}~` — bytes no rule looks at. (Other ASCII punctuation is left
  /// to the byte-by-byte check.) SWAR: for bytes below 0x80, adding `0x80 − k`
  /// sets a byte's top bit exactly when it is ≥ k, with no carry between bytes.
  @inline(__always)
  static func isPlainASCII(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    guard word & highs == 0 else { return false }
    @inline(__always) func atLeast(_ k: UInt64) -> UInt64 { (word &+ (0x80 &- k) &* ones) & highs }
    let below20 = ~atLeast(0x20)
    let symbols21to2F = atLeast(0x21) & ~atLeast(0x30)
    let symbols3Ato3F = atLeast(0x3A) & ~atLeast(0x40)
    let delete = atLeast(0x7F)
    return (below20 | symbols21to2F | symbols3Ato3F | delete) & highs == 0
  }

  // Byte classes of the fast check.
  fileprivate static let inertASCII: UInt8 = 0
  fileprivate static let asciiMark: UInt8 = 1  // , : ; ! ? ( )
  fileprivate static let control: UInt8 = 2  // C0 controls but TAB, and DEL
  fileprivate static let han: UInt8 = 3  // lead bytes E4–E9
  fileprivate static let otherNonASCII: UInt8 = 4

  /// The class of each byte value, for ``needsWork(utf8:trimTrailingWhitespace:)``:
  /// 256 bytes, allocated once and never freed or written again, read
  /// through a pointer (an array's bounds check per byte showed in profiles).
  nonisolated(unsafe) fileprivate static let byteClasses: UnsafePointer<UInt8> = {
    let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    for byte in 0..<256 {
      switch byte {
      case 0x09: table[byte] = inertASCII
      case 0x00..<0x20, 0x7F: table[byte] = control
      case 0x2C, 0x3A, 0x3B, 0x21, 0x3F, 0x28, 0x29: table[byte] = asciiMark
      case 0x20..<0x80: table[byte] = inertASCII
      case 0xE4...0xE9: table[byte] = han
      default: table[byte] = otherNonASCII
      }
    }
    return UnsafePointer(table)
  }()
}

/// What the fast check learns from sixteen bytes at once: how many of them,
/// from the first, are plain, and what those hold.
///
/// Plain are: printable ASCII (the marks `, : ; ! ? ( )` included), TAB,
/// continuation bytes, lead bytes E4–E9 (U+4000–U+9FFF, which no rule
/// changes), and the lead bytes of the commonest punctuation of Chinese
/// text where the bytes after them show a character no rule changes: E3
/// (CJK punctuation, kana, Ext A; all but U+302A–302F and the combining
/// kana voicing marks), E2 80 90–A7 (dashes, curly quotes, `•`, `…`) and,
/// unless marks become ASCII, EF BC (fullwidth punctuation; not digits or
/// capital letters). The first character that is anything else ends the
/// plain bytes and goes to the byte-by-byte check.
///
/// Deciding the punctuation here keeps the vector path going through a
/// sentence: Chinese text has a mark every fifteen characters or so, and
/// each one used to send the next sixteen bytes to the byte-by-byte check.
/// The lead byte's followers are read with two more overlapping loads, so
/// eighteen bytes must be readable.
///
/// About thirty SSE2 instructions for sixteen bytes (see ``ByteVector``);
/// elsewhere than x86-64 no byte is plain and every character takes the
/// byte-by-byte path.
struct PlainBytes {
  /// How many bytes a check reads: the sixteen of the vector and two more.
  static let readLength = 18
  /// Room for a padded copy of a line's last bytes: fewer than
  /// ``readLength``, plus the vector read from the last of them: 2 × 18 (a
  /// literal, not a product of constants, so that it is folded at compile time).
  static let paddedTailCapacity = 36

  /// How many of the sixteen bytes, from the first, are plain (0 to 16). A
  /// byte that is not plain is a lead byte or ASCII, so this is a character
  /// boundary (or 16).
  let count: Int
  /// Whether one of the ASCII marks `, : ; ! ? ( )` is among the plain bytes
  /// (looked for only when asked).
  let hasASCIIMark: Bool
  /// Whether a non-ASCII byte is among the plain bytes.
  let hasNonASCII: Bool

  /// Examines the sixteen bytes at `bytes` (with two more readable after
  /// them). Pass `needsMarks: false` to skip looking for ASCII marks, and
  /// `fullwidthMarksArePlain: false` when the fullwidth marks are to become
  /// ASCII.
  @inline(__always)
  init(_ bytes: UnsafePointer<UInt8>, needsMarks: Bool, fullwidthMarksArePlain: Bool) {
    #if arch(x86_64)
    let v = ByteVector(bytes)
    var plain = v.plainBytes
    var lanes: UInt32 = 0xFFFF
    var count = 16
    if plain.mask != 0xFFFF {
      plain =
        plain
        | v.inertPunctuationLeads(
          next: ByteVector(bytes + 1), third: ByteVector(bytes + 2), fullwidthMarks: fullwidthMarksArePlain)
      // The lanes before the first byte that is not plain (bit 16 stands
      // for "none": then all sixteen). Counted with `trailingZeroBitCount`:
      // baseline x86-64 has no POPCNT instruction.
      let notPlain = (~plain.mask & 0xFFFF) | 0x1_0000
      lanes = (notPlain & (0 &- notPlain)) &- 1
      count = notPlain.trailingZeroBitCount
    }
    self.count = count
    hasNonASCII = v.mask & lanes != 0
    if needsMarks {
      hasASCIIMark = v.asciiMarks.mask & lanes != 0
    } else {
      hasASCIIMark = false
    }
    #else
    count = 0
    hasASCIIMark = false
    hasNonASCII = false
    #endif
  }
}
