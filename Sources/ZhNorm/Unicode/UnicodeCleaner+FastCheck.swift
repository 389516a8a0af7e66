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
    if trimTrailingWhitespace {
      let last = utf8[count - 1]
      if last == 0x20 || last == 0x09 { return true }
      if count >= 3 && last == 0x80 && utf8[count - 2] == 0x80 && utf8[count - 3] == 0xE3 { return true }  // U+3000
    }
    let cjk = options.punctuation == .cjk
    let ascii = options.punctuation == .ascii
    var sawASCIIMark = false
    var sawNonASCII = false
    var i = 0
    let classes = Self.byteClasses
    let bytes = utf8.baseAddress!
    while i < count {
      // Sixteen bytes at a time while they are plain (see `PlainBytes`); a
      // vector that holds anything else is checked character by character.
      if i &+ 18 <= count,
        let plain = PlainBytes(bytes + i, needsMarks: !sawASCIIMark, fullwidthMarksArePlain: !ascii)
      {
        sawASCIIMark = sawASCIIMark || plain.hasASCIIMark
        sawNonASCII = sawNonASCII || plain.hasNonASCII
        // With CJK punctuation, a line with both may need rule 5: the answer
        // is known, whatever the rest of the line holds.
        if cjk && sawASCIIMark && sawNonASCII { return true }
        i &+= 16
        // The vector may end inside a character (already judged): finish it.
        while i < count && bytes[i] & 0xC0 == 0x80 { i &+= 1 }
        continue
      }
      let stop = min(i &+ 16, count)
      checking: while i < stop {
        let byte = bytes[i]
        // One table lookup decides the common bytes (a chain of comparisons
        // per ASCII byte cost more than the rest of the check).
        switch classes[Int(byte)] {
        case Self.inertASCII:
          i &+= 1
          // Latin words come in runs: skip eight plain bytes at a time.
          while i &+ 8 <= count
            && Self.isPlainASCII(UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self))
          {
            i &+= 8
          }
          continue checking
        case Self.han:
          // CJK Unified Ideographs (U+4000–U+9FFF), the commonest case, come
          // in runs: a tight loop takes the rest of the run.
          sawNonASCII = true
          i &+= 3
          while i < stop && bytes[i] &- 0xE4 < 6 { i &+= 3 }
          continue checking
        case Self.asciiMark:
          sawASCIIMark = true
          i &+= 1
          continue checking
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
          continue checking
        case 0xEF:
          let b1 = bytes[i &+ 1]
          let b2 = bytes[i &+ 2]
          if b1 == 0xBC || b1 == 0xBD {
            let v = 0xFF00 | (UInt32(b1 & 0x01) << 6) | UInt32(b2 & 0x3F)
            if ScalarClass.fullwidthAlphanumeric(v) != nil || ScalarClass.halfwidthCJKPunctuation(v) != nil { return true }
            if ascii && PunctuationWidth.ascii(of: v) != nil { return true }
            i &+= 3
            continue checking
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

/// What the fast check learns from sixteen bytes at once, if they are all
/// plain: printable ASCII (the marks `, : ; ! ? ( )` included), TAB,
/// continuation bytes, lead bytes E4–E9 (U+4000–U+9FFF, which no rule
/// changes), and the lead bytes of the commonest punctuation of Chinese
/// text where the bytes after them show a character no rule changes:
/// E3 (CJK punctuation, kana, Ext A: all but U+302A–302F and the combining
/// kana voicing marks), E2 80 90–A7 (dashes, curly quotes, `•`, `…`) and,
/// unless marks become ASCII, EF BC (fullwidth punctuation, not digits or
/// capital letters). Everything else goes to the byte-by-byte check.
///
/// Deciding the punctuation here keeps the vector path going through a
/// sentence: Chinese text has a mark every fifteen characters or so, and
/// each one used to send the next sixteen bytes to the byte-by-byte check.
/// The lead byte's followers are read with two more overlapping loads, so
/// eighteen bytes must be readable.
///
/// About thirty SSE2 instructions for sixteen bytes (see ``ByteVector``);
/// elsewhere than x86-64 `init` returns `nil` and every byte takes the
/// byte-by-byte path.
struct PlainBytes {
  /// Whether one of the ASCII marks `, : ; ! ? ( )` is among the bytes
  /// (looked for only when asked).
  let hasASCIIMark: Bool
  /// Whether a non-ASCII byte is among them.
  let hasNonASCII: Bool

  /// Examines the sixteen bytes at `bytes` (with two more readable after
  /// them); `nil` if one is not plain. Pass `needsMarks: false` to skip
  /// looking for ASCII marks, and `fullwidthMarksArePlain: false` when the
  /// fullwidth marks are to become ASCII.
  @inline(__always)
  init?(_ bytes: UnsafePointer<UInt8>, needsMarks: Bool, fullwidthMarksArePlain: Bool) {
    #if arch(x86_64)
    let v = ByteVector(bytes)
    var plain = v.within(0x20, 0x7E) | v.equal(0x09) | v.within(0x80, 0xBF) | v.within(0xE4, 0xE9)
    if plain.mask != 0xFFFF {
      let next = ByteVector(bytes + 1)
      let third = ByteVector(bytes + 2)
      let cjkPunctuation = v.equal(0xE3)
        .removing(next.equal(0x82) | (next.equal(0x80) & third.within(0xAA, 0xAF)))
      let generalPunctuation = v.equal(0xE2) & next.equal(0x80) & third.within(0x90, 0xA7)
      plain = plain | cjkPunctuation | generalPunctuation
      if fullwidthMarksArePlain {
        let fullwidth = (v.equal(0xEF) & next.equal(0xBC))
          .removing(third.within(0x90, 0x99) | third.within(0xA1, 0xBA))
        plain = plain | fullwidth
      }
      guard plain.mask == 0xFFFF else { return nil }
    }
    hasNonASCII = v.mask != 0
    if needsMarks {
      let marks = v.equal(0x2C) | v.equal(0x3A) | v.equal(0x3B) | v.equal(0x21) | v.equal(0x3F) | v.within(0x28, 0x29)
      hasASCIIMark = marks.mask != 0
    } else {
      hasASCIIMark = false
    }
    #else
    return nil
    #endif
  }
}
