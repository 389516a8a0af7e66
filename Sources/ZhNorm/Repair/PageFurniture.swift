/// Page furniture: what a page layout adds around the text and extraction
/// leaves in it.
///
/// - Continuation markers: `(上接第1版)`, `（下转第2版）`, `接上页`, `转下页`,
///   `续第3页`, on a line of their own or at the start or end of a paragraph.
/// - Page-number lines: `— 12 —`, `- 7 -`, `第3页`, `第 3 页 共 10 页`, `Page 3 of 10`.
///
/// Lines are matched whole, on scalars, and only short lines are looked at.
enum PageFurniture {
  enum Kind: String {
    case continuationMarker = "continuation marker"
    case pageNumber = "page number"
  }

  /// The longest line (in bytes) that can be furniture on its own.
  static let maximumLineBytes = 64

  /// The scalars a furniture line can start with (brackets, dashes, spaces,
  /// `P`, `第`, `共` and the first characters of the continuation verbs).
  static let furnitureStarts: Set<UInt32> = Set("(（【-~—–―‒−－ \u{3000}Pp第共上下接转轉续續紧緊".unicodeScalars.map(\.value))
  /// The first characters of the continuation verbs.
  static let verbStarts: Set<UInt32> = Set("上下接转轉续續紧緊".unicodeScalars.map(\.value))

  /// Whether the line may be furniture as a whole: short, and its first scalar
  /// can start furniture. Bytes only; `false` proves ``classify(_:)`` is nil.
  @inline(__always)
  static func mayBeFurniture(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !utf8.isEmpty, utf8.count <= maximumLineBytes else { return false }
    switch utf8[0] {
    case 0x28, 0x2D, 0x7E, 0x20, 0x50, 0x70: return true  // ( - ~ space P p
    case 0xE2...0xE8, 0xEF:  // lead bytes of the others
      return furnitureStarts.contains(TextFacts.scalar(utf8, at: 0).0)
    default: return false
    }
  }

  /// Whether a bracketed continuation marker may start or end the line: an
  /// opening bracket followed by a verb at the start, or one of the last 14
  /// scalars before a closing bracket at the end. Decodes only those scalars.
  static func mayHaveInlineMarker(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = utf8.count
    guard count >= 6 else { return false }
    func isOpening(_ s: UInt32) -> Bool { s == 0xFF08 || s == 0x28 || s == 0x3010 }
    func verbFollows(_ index: Int) -> Bool {
      var i = index
      while i < count {
        let (s, n) = TextFacts.scalar(utf8, at: i)
        if s == 0x20 || s == 0x3000 { i += n; continue }
        return verbStarts.contains(s)
      }
      return false
    }
    let (first, firstLength) = TextFacts.scalar(utf8, at: 0)
    if isOpening(first), verbFollows(firstLength) { return true }
    let lastStart = TextFacts.startOfScalar(before: count, in: utf8)
    let last = TextFacts.scalar(utf8, at: lastStart).0
    guard last == 0xFF09 || last == 0x29 || last == 0x3011 else { return false }
    var end = lastStart
    var seen = 0
    while end > 0 && seen < 14 {
      let start = TextFacts.startOfScalar(before: end, in: utf8)
      let (s, n) = TextFacts.scalar(utf8, at: start)
      if isOpening(s) { return verbFollows(start + n) }
      end = start
      seen += 1
    }
    return false
  }

  /// Whether the whole line is furniture.
  static func classify(_ utf8: UnsafeBufferPointer<UInt8>) -> Kind? {
    guard mayBeFurniture(utf8) else { return nil }
    let s = TextFacts.scalars(utf8)
    if let end = markerLength(s[...]), end == s.count { return .continuationMarker }
    if isPageNumber(s) { return .pageNumber }
    return nil
  }

  /// A continuation marker at the start of the line followed by text
  /// (`（上接第一版）要坚持…`): the length in scalars of the marker, or nil.
  static func leadingMarker(_ scalars: [UInt32]) -> Int? {
    guard let first = scalars.first, first == 0xFF08 || first == 0x28 || first == 0x3010 else { return nil }
    guard let length = markerLength(scalars[...]), length < scalars.count else { return nil }
    return length
  }

  /// A bracketed continuation marker at the end of the line (`…发展。（下转第2版）`):
  /// the index where it starts, or nil.
  static func trailingMarker(_ scalars: [UInt32]) -> Int? {
    guard let last = scalars.last, last == 0xFF09 || last == 0x29 || last == 0x3011 else { return nil }
    let lowest = max(0, scalars.count - 14)
    var start = scalars.count - 2
    while start >= lowest {
      let s = scalars[start]
      if s == 0xFF08 || s == 0x28 || s == 0x3010 {
        if start > 0, markerLength(scalars[start...]) == scalars.count - start { return start }
        return nil
      }
      start -= 1
    }
    return nil
  }

  static let verbs: [[UInt32]] = [
    "上接", "下转", "下轉", "接上", "转下", "轉下", "续上", "續上", "紧接", "緊接", "转至", "轉至", "接", "转", "轉", "续", "續",
  ].map { $0.unicodeScalars.map(\.value) }
  static let numerals: Set<UInt32> = Set("0123456789一二三四五六七八九十百〇零两ABCDEFGH".unicodeScalars.map(\.value))

  /// The length of a continuation marker at the start of `s` (with its
  /// brackets, if any), or nil.
  static func markerLength(_ s: ArraySlice<UInt32>) -> Int? {
    var i = s.startIndex
    var close: UInt32? = nil
    if i < s.endIndex {
      switch s[i] {
      case 0xFF08: close = 0xFF09
      case 0x28: close = 0x29
      case 0x3010: close = 0x3011
      default: break
      }
      if close != nil { i += 1 }
    }
    func skipSpaces() { while i < s.endIndex, s[i] == 0x20 || s[i] == 0x3000 { i += 1 } }
    skipSpaces()
    guard let verb = verbs.first(where: { v in s[i...].starts(with: v) }) else { return nil }
    i += verb.count
    skipSpaces()
    var hasUnit = false
    // 上页 / 下页 / 前页 / 次页 / 本版
    if i + 1 < s.endIndex, [0x4E0A, 0x4E0B, 0x524D, 0x6B21, 0x672C].contains(s[i]),
      [0x9875, 0x9801, 0x7248].contains(s[i + 1])
    {
      i += 2
      hasUnit = true
    } else {
      if i < s.endIndex, s[i] == 0x7B2C { i += 1 }  // 第
      skipSpaces()
      var digits = 0
      while i < s.endIndex, numerals.contains(s[i]) { i += 1; digits += 1 }
      skipSpaces()
      if digits > 0, i < s.endIndex, [0x7248, 0x9875, 0x9801, 0x9762].contains(s[i]) {  // 版 页 頁 面
        i += 1
        hasUnit = true
      }
    }
    guard hasUnit else { return nil }
    skipSpaces()
    if let close {
      guard i < s.endIndex, s[i] == close || s[i] == 0xFF09 || s[i] == 0x29 || s[i] == 0x3011 else { return nil }
      i += 1
    }
    return i - s.startIndex
  }

  /// `— 12 —`, `- 7 -`, `－7－`, `第3页`, `第 3 页 / 共 10 页`, `共10页 第3页`, `Page 3 of 10`.
  private static let pageWords: [[UInt32]] = ["Page", "page", "PAGE"].map { $0.unicodeScalars.map(\.value) }
  private static let of: [UInt32] = "of".unicodeScalars.map(\.value)

  static func isPageNumber(_ s: [UInt32]) -> Bool {
    var i = 0
    func spaces() { while i < s.count, s[i] == 0x20 || s[i] == 0x3000 { i += 1 } }
    func number() -> Bool {
      let start = i
      while i < s.count, (0x30...0x39).contains(s[i]) { i += 1 }
      return i > start && i - start <= 5
    }
    // (Literals are scalar values, not strings: this runs on every line that
    // starts like furniture, and building sets and scalar arrays per call
    // showed in profiles.)
    func literal(_ v: UInt32) -> Bool {
      guard i < s.count, s[i] == v else { return false }
      i += 1
      return true
    }
    func literal(_ scalars: [UInt32]) -> Bool {
      guard s[i...].starts(with: scalars) else { return false }
      i += scalars.count
      return true
    }
    func isDash(_ v: UInt32) -> Bool {
      switch v {
      case 0x2D, 0x2014, 0x2013, 0xFF0D, 0x2015, 0x2012, 0x2212, 0x7E: return true
      default: return false
      }
    }
    // Dashed page number.
    if let first = s.first, isDash(first) {
      while i < s.count, isDash(s[i]) { i += 1 }
      spaces()
      guard number() else { return false }
      spaces()
      let before = i
      while i < s.count, isDash(s[i]) { i += 1 }
      return i > before && i == s.count
    }
    let di: UInt32 = 0x7B2C  // 第
    let gong: UInt32 = 0x5171  // 共
    let ye: UInt32 = 0x9875  // 页
    let yeTraditional: UInt32 = 0x9801  // 頁
    // 第3页 (共10页)
    func chinesePage() -> Bool {
      guard literal(di) else { return false }
      spaces()
      guard number() else { return false }
      spaces()
      return literal(ye) || literal(yeTraditional)
    }
    func chineseTotal() -> Bool {
      guard literal(gong) else { return false }
      spaces()
      guard number() else { return false }
      spaces()
      return literal(ye) || literal(yeTraditional)
    }
    spaces()
    let start = i
    if chinesePage() {
      spaces()
      if i < s.count, s[i] == 0x2F || s[i] == 0xFF0F || s[i] == 0xFF0C || s[i] == 0x2C { i += 1; spaces() }
      if i < s.count { guard chineseTotal() else { return false } }
      spaces()
      return i == s.count
    }
    i = start
    if chineseTotal() {
      spaces()
      guard chinesePage() else { return false }
      spaces()
      return i == s.count
    }
    i = start
    if Self.pageWords.contains(where: literal) {
      spaces()
      guard number() else { return false }
      spaces()
      if i < s.count {
        guard literal(Self.of) || literal(0x2F) else { return false }  // of /
        spaces()
        guard number() else { return false }
        spaces()
      }
      return i == s.count
    }
    return false
  }
}
