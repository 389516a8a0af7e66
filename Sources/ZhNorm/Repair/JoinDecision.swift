/// The decision whether two blocks are halves of one paragraph, with the
/// evidence it rests on (kept for `--report` and `--explain`).
///
/// A wrong join is worse than a missed one: structure is never joined, and
/// otherwise evidence must add up to ``threshold``.
///
/// Features (points):
/// - a word across the join by ICU's dictionary word break (`其|中`): +3;
///   a Latin word continuing (`…the` ⏎ `house`) or a hyphenated cut: +3
/// - the second half starts with a mark no paragraph starts with (`，` `。` `）`): +3
/// - the first half ends with `，` `、` or a function character that cannot end a
///   sentence (`的` `和` `与` `对` `把` …): +2
/// - the second half's first clause is short (≤ 12 scalars: `第一。`): +2, (≤ 24): +1;
///   counted only when the first half is body-length (≥ 24 scalars)
/// - (features of the second half beyond its first character count only across a
///   blank line, and as the best they could become while the second half does not
///   end a sentence: it may still grow by joins, and a second run must not find
///   more evidence than the first)
/// - the segment after the join is a one-character word that does not usually
///   start a sentence (`机械|臂`): +1
/// - one half is body-length (≥ 40 scalars): +1; both short (< 40): −2
/// - the second half ends like a sentence (body text): +1
/// - page-break evidence between the halves (removed furniture, a form feed): +1
/// - a dangling fragment was left unjoined just before (an interleaved column
///   layout: the next block may belong to the other column): −2
/// Blocks are separated by blank lines; with no blank between them, the halves
/// are joined only when the line-length profile says hard wrap (and the first
/// line is full, and the next does not start a capitalised item), or with
/// overwhelming evidence (``strongThreshold``) that includes evidence at the
/// join point (a word across it, or a mark no paragraph starts with), and
/// never when the first line ends in Latin.
struct JoinDecision {
  static let threshold = 3
  static let strongThreshold = 5

  var joins: Bool
  var score: Int
  var evidence: [String]
  /// Insert one space between the halves (Latin on both sides).
  var insertsSpace: Bool = false
  /// Remove the hyphen ending the first half.
  var removesHyphen: Bool = false

  /// ASCII marks that attach to the text before them: `.` `,` `;` `:` `!` `?` `%` `)` `]` `}`.
  static let attachesToPrevious: Set<UInt32> = Set(".,;:!?%)]}".unicodeScalars.map(\.value))
  /// ASCII marks that attach to the text after them: `(` `[` `{`.
  static let opensGroup: Set<UInt32> = Set("([{".unicodeScalars.map(\.value))
  static let functionCharacters: Set<UInt32> = Set("的和与及或把被从向对在将为是而并之以于让使给跟同比由但且如若就都也还所其".unicodeScalars.map(\.value))
  static let sentenceStarters: Set<UInt32> = Set("在据对为从由将把被我你他她它这那但而又也还并如若因所当自与和及以向让使今近记各每该其此本全上下中总首第一二三等是有不就都要会可".unicodeScalars.map(\.value))

  struct Context {
    var blankLines: Int
    var pageBreak: Bool
    var interleaved: Bool
    var wrap: WrapProfile.Wrap?
    /// Display width of the last input line of the first half.
    var lastLineWidth: Int
    /// Display width of the widest line of the document so far (this one included).
    var widestLine: Int = 0
    /// Display width of the first half as one line (all its input lines, as
    /// joined so far) and of the next block: what a second run would see.
    var paragraphWidth: Int
    var nextWidth: Int
  }

  /// Decides whether `q` continues `p`. With `explains` false no evidence text
  /// is built (the decision is the same): the stage asks again with `true`
  /// for the joins it records.
  static func decide(_ p: LineFacts, _ q: LineFacts, _ context: Context, explains: Bool = true) -> JoinDecision {
    var decision = JoinDecision(joins: false, score: 0, evidence: [])
    func note(_ why: @autoclosure () -> String) {
      if explains { decision.evidence.append(why()) }
    }
    guard let pLast = p.tail.last, let qFirst = q.head.first else { return decision }
    if let structure = StructureClassifier.startsStructure(q) {
      note("the next block starts with \(structure)")
      return decision
    }
    if q.hasTab {
      note("the next block is a table row")
      return decision
    }
    // Latin halves join with one space, Chinese halves (or a hyphen) with none.
    // Digits on both sides are one number cut in two (`40` ⏎ `00多个`): no space.
    // Nor before a mark that attaches to what precedes it, or after an opening
    // bracket: a line cut by columns, not at a space (`66` ⏎ `.7%`, `16.62` ⏎
    // `%`; word wrap never starts a line with one either).
    decision.insertsSpace = pLast < 0x80 && pLast != 0x2D && qFirst < 0x80 && qFirst > 0x20
      && !((0x30...0x39).contains(pLast) && (0x30...0x39).contains(qFirst))
      && !Self.attachesToPrevious.contains(qFirst) && !Self.opensGroup.contains(pLast)
    decision.removesHyphen = Hyphenation.removesHyphen(left: p.tail, right: q.head)

    // Hard wrap: consecutive lines.
    // A line wider than the wrap width was not wrapped (and a paragraph joined
    // on a first run is never "full" on the second).
    // A capital letter after a full line that does not end in `,` or `-` starts
    // a new item (menus, lists: `Choose Sheet - …` ⏎ `Choose Sheet - …`).
    let startsItem = (0x41...0x5A).contains(qFirst) && pLast != 0x2C && pLast != 0x2D
    // Full: at the wrap width, or (word-wrapped Latin) the next line's first
    // word would not have fitted after it.
    var firstWord = 0
    while firstWord < q.head.count, q.head[firstWord] > 0x20, q.head[firstWord] < 0x80 { firstWord += 1 }
    // A document with a line wider than the wrap width is not hard-wrapped at
    // it (this also keeps a second run from re-flowing again: the paragraphs
    // joined on the first run are such lines).
    if context.blankLines == 0, let wrap = context.wrap, context.lastLineWidth <= wrap.width, !startsItem,
      context.widestLine <= wrap.width + wrap.tolerance,
      context.lastLineWidth >= wrap.width - wrap.tolerance
        || (TextFacts.isASCIILetter(qFirst) && context.lastLineWidth + 1 + firstWord > wrap.width)
    {
      // A paragraph whose joined line would itself fit the wrap width is left
      // as it is: a second run would see that line as a full one (the widest,
      // it even sets the wrap width) and join the next line to it, which the
      // first run, judging the short last piece, did not.
      let joinedWidth = context.paragraphWidth + context.nextWidth + (decision.insertsSpace ? 1 : 0)
        - (decision.removesHyphen ? 1 : 0)
      if joinedWidth <= wrap.width + wrap.tolerance {
        note("hard-wrapped text, but the joined line (\(joinedWidth) columns) would fit the wrap width \(wrap.width): a second run would take it for a full line")
        return decision
      }
      decision.joins = true
      note("hard-wrapped text: the line is \(context.lastLineWidth) columns wide, at the wrap width \(wrap.width) of \(wrap.near) of the last \(wrap.of) lines")
      if decision.removesHyphen { note("the hyphen cut a word") }
      return decision
    }

    if context.blankLines == 0 && !(TextFacts.isHan(pLast) || TextFacts.isCJKPunctuation(pLast)) {
      note("consecutive lines that do not end in Chinese are left as they are (code, commands, lists) unless the text is hard-wrapped")
      return decision
    }

    func add(_ points: Int, _ why: @autoclosure () -> String) {
      decision.score += points
      if explains { decision.evidence.append("\(why()) (\(points > 0 ? "+" : "")\(points))") }
    }
    var atJoinPoint = false
    let hanJoin = TextFacts.isHan(pLast) && TextFacts.isHan(qFirst)
    if hanJoin {
      // ICU's word break is asked last, below.
    } else if TextFacts.isASCIILetter(pLast) && (0x61...0x7A).contains(qFirst) {
      add(3, "a Latin sentence continues in lower case")
    } else if pLast == 0x2D && (0x61...0x7A).contains(qFirst) {
      add(3, "a Latin word continues after a line-end hyphen")
    }
    if TextFacts.cannotStartParagraph(qFirst) {
      atJoinPoint = true
      add(3, "the next block starts with a mark no paragraph starts with")
    }
    if pLast == 0xFF0C || pLast == 0x3001 || pLast == 0x2C {
      add(2, "the block ends with a comma")
    } else if functionCharacters.contains(pLast) {
      add(2, "the block ends with a function character that cannot end a sentence")
    }
    // Features of the next block beyond its first character. They must not
    // grow on a second run, where the next block may come already joined to
    // what followed it: they are counted only across a blank line, and when
    // the next block is unsettled (it does not end a sentence, so it may still
    // grow) they are counted as the best it could become.
    let consecutive = context.blankLines == 0
    let settled = TextFacts.endsUnit(q.last)
    if !consecutive && p.length >= 24 {
      let clause = settled || q.firstClauseLength < q.length ? q.firstClauseLength : q.length
      let complete = q.firstClauseLength < q.length || !settled
      if clause <= 12 && complete {
        add(2, "the next block's first clause is short (\(clause) characters): it completes a sentence")
      } else if clause <= 24 && complete {
        add(1, "the next block's first clause is short-ish (\(clause) characters)")
      }
    }
    if consecutive {
      if p.length >= 40 { add(1, "the block is body-length text (\(p.length) characters)") }
    } else if max(p.length, q.length) >= 40 || !settled {
      add(1, "body-length text (\(p.length) + \(q.length)\(settled ? "" : " or more") characters)")
    } else {
      add(-2, "both halves are short (\(p.length) and \(q.length) characters)")
    }
    if !consecutive && q.length >= 2 {
      add(1, settled ? "the next block ends like a sentence" : "the next block may end like a sentence")
    }
    if context.pageBreak && p.length >= 24 { add(1, "page-break evidence between the halves") }
    if context.interleaved { add(-2, "a fragment was left unjoined just before (interleaved columns?)") }
    let needed = context.blankLines == 0 ? strongThreshold : threshold
    // ICU's word break is slow (~18 MB/s) and only adds points: ask it only
    // when its answer can change the decision (or to explain one).
    // (On consecutive lines it is the required join-point evidence: asked whenever the score suffices with it.)
    if hanJoin && (explains || (decision.score + 3 >= needed && (decision.score < needed || context.blankLines == 0))) {
      if let answer = WordBreak.around(left: p.tail[...], right: q.head[...]) {
        if answer.straddles {
          atJoinPoint = true
          add(3, "ICU's word break puts a word across the join")
        } else if answer.after == 1, !sentenceStarters.contains(qFirst), q.length > 1 {
          add(1, "the next block starts with a one-character word that rarely starts a sentence")
        }
      }
    }
    decision.joins = decision.score >= needed
    // Consecutive lines (no blank, no hard wrap) are documentation's headings,
    // list items and commands far more often than a cut paragraph: they are
    // joined only with evidence at the join point itself (a word across it, or
    // a mark no paragraph starts with), on top of the score.
    if decision.joins && context.blankLines == 0 && !atJoinPoint {
      decision.joins = false
      note("consecutive lines need evidence at the join point (a word across it, or a mark no paragraph starts with)")
    }
    note("score \(decision.score), \(decision.joins ? "at least" : "below") \(needed)")
    return decision
  }
}
