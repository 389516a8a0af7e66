/// The rules that give ASCII punctuation its Chinese (fullwidth) form in
/// Chinese context, and the reverse for ``PunctuationStyle/ascii``.
///
/// In ``PunctuationStyle/cjk`` mode, on each line, outside URLs and e-mail
/// addresses:
///
/// 1. A matched pair of parentheses `( … )` becomes `（ … ）` when its content
///    contains a Chinese character, when its partner is already fullwidth, or
///    when at least one outside neighbour is Chinese and the other is Chinese,
///    the line's edge, a shared mark (`“”‘’…—·`) or one of the five sentence
///    marks (`两湖(东湖与日内瓦湖)对话`, `行業(yè)發展`, `業(yè)“兩`, `鎮(zhèn),2023`). An
///    unmatched `(` becomes `（` when the character after it is Chinese; an
///    unmatched `)` becomes `）` when the character before it is Chinese.
/// 2. `,` `;` `:` `!` `?` become `，；：！？` when the character directly before
///    is Chinese (`强调,当前`, `组长:刘东喜`, `日,2023`), or when the character
///    directly after is Chinese and the one before is not a space
///    (`129%,实现`, `CEO,卢放`, and at the start of a line `,中`). Quotation
///    marks are looked through: in `你好”,“周` the mark sits between 好 and 周.
/// 3. The rules are applied until nothing changes, so the result is a fixed
///    point: running the cleanup again changes nothing.
///
/// "Chinese" means Han ideographs, CJK punctuation (including fullwidth forms),
/// kana and bopomofo; shared marks such as `“”`, `…` and `—` are neutral.
/// So `38.8万` (no listed mark), `10:30`, `1,000` (digits on both sides),
/// `Notice: The content` (Latin before, space after) and `http://a.cn/?q=1`
/// (inside a URL) are unchanged.
enum PunctuationWidth {
  /// Buffers the rules reuse from line to line (see ``UnicodeCleaner/Workspace``).
  struct Workspace {
    /// Positions of the ASCII sentence marks `, : ; ! ?`.
    var marks: [Int] = []
    /// Positions of the parentheses, ASCII and fullwidth, in order.
    var parentheses: [Int] = []
    /// Matched pairs of parentheses (positions of the opener and the closer).
    var pairs: [(open: Int, close: Int)] = []
    /// Openers without a closer.
    var unmatchedOpeners: [Int] = []
    /// Closers without an opener.
    var unmatchedClosers: [Int] = []
  }

  /// Applies `style` to `scalars` in place; returns the number of marks changed.
  static func apply(_ style: PunctuationStyle, to scalars: inout [UInt32]) -> Int {
    var workspace = Workspace()
    return apply(style, to: &scalars, workspace: &workspace)
  }

  /// Applies `style` to `scalars` in place, with buffers from `workspace`;
  /// returns the number of marks changed.
  static func apply(_ style: PunctuationStyle, to scalars: inout [UInt32], workspace: inout Workspace) -> Int {
    switch style {
    case .keep: return 0
    case .ascii: return toASCII(&scalars)
    case .cjk: return toCJK(&scalars, &workspace)
    }
  }

  @inline(__always)
  static func fullwidth(of v: UInt32) -> UInt32? {
    switch v {
    case 0x2C: return 0xFF0C  // ,
    case 0x3A: return 0xFF1A  // :
    case 0x3B: return 0xFF1B  // ;
    case 0x21: return 0xFF01  // !
    case 0x3F: return 0xFF1F  // ?
    case 0x28: return 0xFF08  // (
    case 0x29: return 0xFF09  // )
    default: return nil
    }
  }

  @inline(__always)
  static func ascii(of v: UInt32) -> UInt32? {
    switch v {
    case 0xFF0C: return 0x2C
    case 0xFF1A: return 0x3A
    case 0xFF1B: return 0x3B
    case 0xFF01: return 0x21
    case 0xFF1F: return 0x3F
    case 0xFF08: return 0x28
    case 0xFF09: return 0x29
    default: return nil
    }
  }

  private static func toASCII(_ scalars: inout [UInt32]) -> Int {
    var changed = 0
    for i in scalars.indices {
      if let mapped = ascii(of: scalars[i]) {
        scalars[i] = mapped
        changed += 1
      }
    }
    return changed
  }

  private static func toCJK(_ s: inout [UInt32], _ w: inout Workspace) -> Int {
    // Only the positions of candidate marks are visited in the loops below, so
    // a long line with a few commas costs one scan plus work per comma.
    // (Emptying an empty array still costs a call; most of these are empty.)
    if !w.marks.isEmpty { w.marks.removeAll(keepingCapacity: true) }
    if !w.parentheses.isEmpty { w.parentheses.removeAll(keepingCapacity: true) }
    var sawASCIIParenthesis = false
    var mayContainSpan = false
    s.withUnsafeBufferPointer { scalars in
      for i in 0..<scalars.count {
        let v = scalars[i]
        // One branch per scalar, taken rarely: a candidate is picked out of
        // the ASCII below 0x40 by a bit mask, and the fullwidth parentheses
        // and `@` by comparisons, without branching on which it is (real
        // text alternates ASCII and Han, and such a branch mispredicted).
        // Arithmetic on 0/1 values, because as a conditional expression the
        // compiler kept the branch on `v < 0x40`.
        let isLow: UInt64 = v < 0x40 ? 1 : 0
        let isLowCandidate = (Self.candidates >> UInt64(v & 0x3F)) & isLow
        let isParenthesis: UInt64 = (v | 1) == 0xFF09 ? 1 : 0
        let isAt: UInt64 = v == 0x40 ? 1 : 0
        guard isLowCandidate | isParenthesis | isAt != 0 else { continue }
        switch v {
        case 0x3A:
          w.marks.append(i)
          mayContainSpan = mayContainSpan || ProtectedSpans.isSpanHint(s, at: i)
        case 0x2C, 0x3B, 0x21, 0x3F: w.marks.append(i)
        case 0x28, 0x29: w.parentheses.append(i); sawASCIIParenthesis = true
        case 0xFF08, 0xFF09: w.parentheses.append(i)
        case 0x40, 0x2E: mayContainSpan = mayContainSpan || ProtectedSpans.isSpanHint(s, at: i)
        default: break
        }
      }
    }
    guard !w.marks.isEmpty || sawASCIIParenthesis else { return 0 }
    let protected = ProtectedSpans(s, mayContainSpan: mayContainSpan)
    if !protected.isEmpty {
      w.marks.removeAll(where: protected.contains)
      w.parentheses.removeAll(where: protected.contains)
    }
    // Pairing depends only on which marks open and which close, and no rule
    // changes that, so it is done once for all rounds.
    if sawASCIIParenthesis { pairParentheses(s, &w) }
    var total = 0
    // Each rule only ever turns ASCII marks fullwidth, and fullwidth marks only
    // make more context Chinese, so iterating to a fixed point terminates; the
    // two sweep directions let chains (",,,,中") settle in one round.
    while true {
      var changed = sawASCIIParenthesis ? convertParentheses(&s, w) : 0
      changed += convertSentenceMarks(&s, w.marks)
      changed += convertSentenceMarks(&s, w.marks.reversed())
      total += changed
      if changed == 0 { return total }
    }
  }

  /// The ASCII below 0x40 that ``toCJK(_:_:)`` looks at, as bits: the
  /// marks `, : ; ! ? ( )` (0x2C 0x3A 0x3B 0x21 0x3F 0x28 0x29) and `.`
  /// (0x2E), a hint of a URL or number. A literal, so that it is a constant
  /// (a computed initializer would be run lazily, checked at each use).
  private static let candidates: UInt64 = 0x8C00_5302_0000_0000

  @inline(__always)
  private static func isChinese(_ s: [UInt32], _ i: Int) -> Bool {
    i >= 0 && i < s.count && ScalarClass.isChinese(s[i])
  }

  /// Whether the neighbour at `i` lets a parenthesis pair with Chinese on its
  /// other side be Chinese: a Chinese character, the edge of the line, a mark
  /// shared by Chinese and Latin typography, or an ASCII sentence mark.
  @inline(__always)
  private static func admitsChineseParentheses(_ s: [UInt32], _ i: Int) -> Bool {
    guard i >= 0 && i < s.count else { return true }
    switch s[i] {
    case 0x2018...0x201F, 0x2026, 0x2014, 0x2015, 0x00B7, 0x2C, 0x3A, 0x3B, 0x21, 0x3F: return true
    default: return ScalarClass.isChinese(s[i])
    }
  }

  /// Matches the parentheses at `w.parentheses` (ASCII and fullwidth alike)
  /// into `w.pairs`, `w.unmatchedOpeners` and `w.unmatchedClosers`.
  private static func pairParentheses(_ s: [UInt32], _ w: inout Workspace) {
    if !w.pairs.isEmpty { w.pairs.removeAll(keepingCapacity: true) }
    if !w.unmatchedOpeners.isEmpty { w.unmatchedOpeners.removeAll(keepingCapacity: true) }
    if !w.unmatchedClosers.isEmpty { w.unmatchedClosers.removeAll(keepingCapacity: true) }
    for i in w.parentheses {
      if s[i] == 0x28 || s[i] == 0xFF08 {
        w.unmatchedOpeners.append(i)
      } else if let open = w.unmatchedOpeners.popLast() {
        w.pairs.append((open, i))
      } else {
        w.unmatchedClosers.append(i)
      }
    }
  }

  /// Rule 1, over the parentheses as paired by ``pairParentheses(_:_:)``.
  private static func convertParentheses(_ s: inout [UInt32], _ w: Workspace) -> Int {
    var changed = 0
    for (open, close) in w.pairs where s[open] == 0x28 || s[close] == 0x29 {
      let partnerFullwidth = s[open] == 0xFF08 || s[close] == 0xFF09
      let contentChinese = s[(open + 1)..<close].contains(where: ScalarClass.isChinese)
      let outside =
        admitsChineseParentheses(s, open - 1) && admitsChineseParentheses(s, close + 1)
        && (isChinese(s, open - 1) || isChinese(s, close + 1))
      if partnerFullwidth || contentChinese || outside {
        if s[open] == 0x28 { s[open] = 0xFF08; changed += 1 }
        if s[close] == 0x29 { s[close] = 0xFF09; changed += 1 }
      }
    }
    for open in w.unmatchedOpeners where s[open] == 0x28 && isChinese(s, open + 1) {
      s[open] = 0xFF08
      changed += 1
    }
    for close in w.unmatchedClosers where s[close] == 0x29 && isChinese(s, close - 1) {
      s[close] = 0xFF09
      changed += 1
    }
    return changed
  }

  @inline(__always)
  private static func isQuotationMark(_ v: UInt32) -> Bool { (0x2018...0x201F).contains(v) }

  /// Rule 2, over the positions of the sentence marks, in the given order.
  private static func convertSentenceMarks(_ s: inout [UInt32], _ positions: some Sequence<Int>) -> Int {
    var changed = 0
    for i in positions {
      guard let mapped = fullwidth(of: s[i]) else { continue }  // already converted
      var b = i - 1
      while b >= 0 && isQuotationMark(s[b]) { b -= 1 }
      var a = i + 1
      while a < s.count && isQuotationMark(s[a]) { a += 1 }
      let before = b >= 0 ? s[b] : nil
      let afterChinese = isChinese(s, a)
      if let before, ScalarClass.isChinese(before) || (!ScalarClass.isWhitespace(before) && afterChinese) {
        s[i] = mapped
        changed += 1
      } else if before == nil && afterChinese {
        s[i] = mapped
        changed += 1
      }
    }
    return changed
  }
}
