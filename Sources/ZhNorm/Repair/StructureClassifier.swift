/// What a line looks like: body text, or structure that is never joined
/// (headings, list items, bylines, dates and signatures, table rows).
///
/// Computed only for candidate blocks (a line that ends without sentence
/// punctuation, and the block after it), never for every line. One pass over
/// the bytes; only the first and last ``edge`` scalars are kept.
struct LineFacts {
  /// How many scalars ``head`` and ``tail`` keep.
  static let edge = 32
  /// The first scalars of the line (at most ``edge``).
  var head: [UInt32]
  /// The last scalars of the line (at most ``edge``).
  var tail: [UInt32]
  /// Length in scalars.
  var length: Int
  var hasTab: Bool
  /// A clause or sentence mark other than 、 (，；：。) before the last scalar.
  var hasInnerClauseMark: Bool
  /// A space between two Han characters: the title style `新能源车 与中国合作`.
  var hasSpaceBetweenHan: Bool
  /// Scalars before the first clause or sentence mark (the whole length when none).
  var firstClauseLength: Int
  /// Whether the line has a Han character, a letter or a digit: a line of
  /// symbols only (`-----`, `/////`, replacement characters) is not text.
  var hasWordCharacter: Bool

  init(_ utf8: UnsafeBufferPointer<UInt8>) {
    head = []
    head.reserveCapacity(Self.edge)
    length = 0
    hasTab = false
    hasInnerClauseMark = false
    hasSpaceBetweenHan = false
    firstClauseLength = -1
    hasWordCharacter = false
    var beforePrevious: UInt32 = 0
    var previous: UInt32 = 0
    var sawMark = false
    var i = 0
    while i < utf8.count {
      let (s, n) = TextFacts.scalar(utf8, at: i)
      i += n
      if length < Self.edge { head.append(s) }
      if sawMark { hasInnerClauseMark = true }
      if s == 0x09 { hasTab = true }
      if !hasWordCharacter, TextFacts.isHan(s) || (Unicode.Scalar(s)?.properties.isAlphabetic ?? false) || (0x30...0x39).contains(s) {
        hasWordCharacter = true
      }
      if TextFacts.isClauseMark(s) {
        if firstClauseLength < 0 { firstClauseLength = length }
        // 、 is left out: titles list things with it (`盛阅春会见小米集团合伙人、总裁卢伟冰一行`).
        if s != 0x3001 { sawMark = true }
      }
      if (previous == 0x20 || previous == 0x3000), TextFacts.isHan(beforePrevious), TextFacts.isHan(s) {
        hasSpaceBetweenHan = true
      }
      beforePrevious = length == 0 ? 0 : previous
      previous = s
      length += 1
    }
    if firstClauseLength < 0 { firstClauseLength = length }
    // The tail: walk back from the end.
    var start = utf8.count
    var reversed: [UInt32] = []
    reversed.reserveCapacity(Self.edge)
    while start > 0 && reversed.count < Self.edge {
      let s = TextFacts.startOfScalar(before: start, in: utf8)
      reversed.append(TextFacts.scalar(utf8, at: s).0)
      start = s
    }
    tail = reversed.reversed()
  }

  var first: UInt32 { head.first ?? 0 }
  var last: UInt32 { tail.last ?? 0 }
}

enum StructureClassifier {
  /// A line that starts structure: a Markdown heading, a list item, a bullet.
  static func startsStructure(_ f: LineFacts) -> String? {
    let s = f.head
    guard let first = s.first else { return nil }
    if first == 0x23 { return "a heading mark (#)" }
    if !f.hasWordCharacter { return "no text (symbols only: a separator or debris)" }
    if [0x2022, 0x25CF, 0x25A0, 0x25C6, 0x25B2, 0x2605, 0x25CB, 0x25A1, 0x2606, 0x00B7, 0x30FB, 0x2023, 0x2043].contains(first) {
      return "a bullet"
    }
    if (first == 0x2D || first == 0x2A || first == 0x2B), s.count > 1, s[1] == 0x20 { return "a bullet" }
    if listMarkerLength(s) != nil { return "a list marker" }
    if f.length <= 16, isDate(s) { return "a date line" }
    return nil
  }

  static let chineseNumerals: Set<UInt32> = Set("一二三四五六七八九十百零〇两".unicodeScalars.map(\.value))

  /// `一、` `（一）` `(1)` `1.` `1、` `①` `第一章`, `一是`: the marker's length.
  static func listMarkerLength(_ s: [UInt32]) -> Int? {
    guard let first = s.first else { return nil }
    if (0x2460...0x2473).contains(first) || (0x2776...0x2793).contains(first) || (0x2160...0x217F).contains(first) {
      return 1
    }
    var i = 0
    if first == 0xFF08 || first == 0x28 {
      i = 1
      let start = i
      while i < s.count, chineseNumerals.contains(s[i]) || (0x30...0x39).contains(s[i]) { i += 1 }
      if i > start, i - start <= 3, i < s.count, s[i] == 0xFF09 || s[i] == 0x29 { return i + 1 }
      return nil
    }
    let start = i
    if chineseNumerals.contains(first) {
      while i < s.count, chineseNumerals.contains(s[i]) { i += 1 }
      if i - start <= 3, i < s.count, s[i] == 0x3001 || s[i] == 0xFF0E { return i + 1 }  // 一、
      if i - start <= 2, i < s.count, s[i] == 0x662F { return i + 1 }  // 一是
      return nil
    }
    if (0x30...0x39).contains(first) {
      while i < s.count, (0x30...0x39).contains(s[i]) { i += 1 }
      guard i - start <= 3, i < s.count else { return nil }
      if s[i] == 0x3001 || s[i] == 0xFF0E { return i + 1 }
      if s[i] == 0x2E || s[i] == 0x29 || s[i] == 0xFF09 {
        // `1.` but not `38.8万`
        if i + 1 < s.count, (0x30...0x39).contains(s[i + 1]) { return nil }
        return i + 1
      }
      return nil
    }
    if first == 0x7B2C {  // 第…章/节/条/部分
      i = 1
      while i < s.count, chineseNumerals.contains(s[i]) || (0x30...0x39).contains(s[i]) { i += 1 }
      if i > 1, i < s.count, [0x7AE0, 0x8282, 0x6761, 0x90E8, 0x7BC7, 0x8BB2, 0x8B1B].contains(s[i]) { return i + 1 }
    }
    return nil
  }

  /// A line that is only a date: `2022年7月18日`, `2024-07-04`, `二〇二二年七月十八日`.
  static func isDate(_ s: [UInt32]) -> Bool {
    guard s.count <= 16, let first = s.first, (0x30...0x39).contains(first) || chineseNumerals.contains(first) else {
      return false
    }
    let allowed: Set<UInt32> = Set("0123456789年月日-/.一二三四五六七八九十〇零 ".unicodeScalars.map(\.value))
    return s.allSatisfy { allowed.contains($0) } && (s.contains(0x65E5) || s.contains(0x6708) || s.contains(0x2D))
  }

  /// Why a line that ends without sentence punctuation is not body text cut
  /// short, or nil when it may be: a heading, byline, signature, caption or
  /// table row. Short lines without a clause mark inside are taken as titles.
  static func isStandalone(_ f: LineFacts) -> String? {
    if f.hasTab { return "a table row (tabs)" }
    if !f.hasWordCharacter { return "no text (symbols only: a separator or debris)" }
    if let structure = startsStructure(f), f.length < 40 { return structure }
    if f.hasSpaceBetweenHan && f.length < 50 { return "title-style spacing" }
    if f.length < 32 && !f.hasInnerClauseMark { return "a short line without clause marks (title, byline or signature)" }
    return nil
  }
}
