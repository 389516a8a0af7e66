/// The `repair` step as a pipeline stage.
///
/// Per line (cheap byte checks first, so that most lines pass untouched, with
/// no `String` made): pinyin annotations are removed (``PinyinAnnotation``),
/// continuation markers, page-number lines and running headers and footers
/// dropped (``PageFurniture``, ``RunningLines``). Across lines: a block that
/// ends without sentence punctuation and is not structure is held back until
/// the next block shows whether it continues there (``JoinDecision``).
///
/// Every decision is a fixed point, so a second run changes nothing: text the
/// step changed is cleaned again by the `unicode` rules when that step runs
/// (a join makes new neighbours), blank lines that a removal brings together
/// are merged, and decisions rest only on evidence that a second run sees
/// again or weaker (page breaks and removed furniture are gone by then).
///
/// Holds at most two paragraphs (of at most ``maximumParagraphBytes``: the
/// held one and, when dedup runs, the one set aside before it), the blank
/// lines after each and one suspected running footer, plus a fixed window of
/// recent paragraph hashes and line widths, and, at the start of a document,
/// the lines read ahead to seed the wrap profile (``Lookahead``: at most 32
/// lines or 32 KiB).
struct RepairStage: PipelineStage {
  var step: PipelineStep { .repair }
  let options: RepairOptions
  /// The `unicode` step's cleaner, when that step runs: text this step changed
  /// is cleaned again, so that the output is what `unicode` would leave.
  let cleaner: UnicodeCleaner?

  /// A held paragraph grows by joins up to this size; then it is written.
  static let maximumParagraphBytes = 64 * 1024
  static let maximumBlanksBetween = 3

  /// A block that may continue in the next one.
  private var pending: Block?
  /// Its facts, computed only when a decision needs them.
  private var pendingFacts: LineFacts?
  /// The last scalar of `pending`.
  private var pendingLast: UInt32 = 0
  /// The wrap profile said hard wrap when `pending` was held.
  private var pendingHeldWithWrap = false
  /// Display width of the last input line of `pending`.
  private var pendingLastLineWidth = 0
  /// Display width of `pending` as one line.
  private var pendingWidth = 0
  /// Blank blocks seen after the last text block written or held.
  private var between: [Block] = []
  /// Page-break evidence (furniture, a form feed) seen after `pending`.
  private var pageBreak = false
  /// Text was written or held in this document.
  private var wroteText = false
  /// A line was removed since the last text block: blank lines on both sides
  /// of it would make a run (merged), and blank lines at the end are dropped.
  private var removedSinceText = false
  /// The next text line is the first after a page break.
  private var afterPageBreak = false
  /// The next text line is the first of the document (the top of page one).
  private var atDocumentStart = true
  /// The hash of the first line of the document, when short, learned as a
  /// running header at the first page break.
  private var firstLineHash: UInt64?
  /// The hash of the last text line processed, when short (a running footer
  /// candidate, learned at a page break).
  private var lastLineHash: UInt64?
  /// A short line seen before next to a page break: it is a running footer
  /// when a page break follows it.
  private var suspect: Block?
  /// Display width of the widest text line of the document so far.
  private var widestLine = 0
  /// Width of the previous non-blank input line, when the next one follows directly.
  private var previousLineWidth: Int?
  /// Blocks since a dangling fragment was left unjoined.
  private var sinceRefusal = Int.max
  private var profile = WrapProfile()
  private var recent = RecentParagraphs()
  /// What the `dedup` step will remove, when it runs after this one: a block
  /// that dedup would remove as an exact or truncated copy is then removed
  /// here on arrival (see ``removeEarlyDuplicate(_:into:)``).
  private var early: EarlyDuplicates?
  /// The paragraph written before `pending` while `pending` may still grow
  /// into a copy (see ``SetAsideParagraph``); only when `early` is on.
  private var setAside: SetAsideParagraph?
  /// The early duplicate check counts `pending` as written already (it was
  /// set aside, then held again).
  private var pendingRemembered = false
  /// `pending` was joined into a copy of a paragraph written before, with no
  /// paragraph set aside to hold again (see ``removeJoinedCopy(_:into:)``):
  /// dedup removes it, so a refusal to join it is none a second run sees.
  private var pendingIsCopy = false
  /// The first lines of the document, read ahead to seed the wrap profile
  /// (see ``receive(_:into:)``).
  private var lookahead = Lookahead()
  /// While the lines read ahead are taken: what they said, and their widths
  /// as a second run will read them, with the joins and removals made so far
  /// (see ``changesReadAhead(joining:width:)``).
  private var taking: (widths: Lookahead.Widths, seed: WrapProfile.Wrap?)?
  private var running = RunningLines()

  /// Creates the stage. With `dedup` (the dedup step's options, when it
  /// runs), copies are removed on arrival; `reportsCopies` keeps where each
  /// kept copy was, for the report's "duplicate of line N";
  /// `dedupTakesVerdicts`: the dedup step keeps no exact index of its own
  /// (see ``DedupStage/takesEarlyVerdicts(in:)``).
  init(
    options: RepairOptions, cleaner: UnicodeCleaner? = nil, dedup: DedupOptions? = nil, reportsCopies: Bool = true,
    dedupTakesVerdicts: Bool = false
  ) {
    self.options = options
    self.cleaner = cleaner
    early = dedup.map {
      EarlyDuplicates(options: $0, keepsPositions: reportsCopies, standsForDedupIndex: dedupTakesVerdicts)
    }
  }

  mutating func process(_ block: Block, into output: inout StageOutput) {
    receive(block, into: &output)
  }

  /// Takes the blocks one by one off the end of the reversed array, so that
  /// each is moved, not copied, through the stage.
  mutating func process(_ blocks: inout [Block], into output: inout StageOutput) {
    if early != nil { early!.warm(&blocks) }
    blocks.withUnsafeMutableBufferPointer { $0.reverse() }  // moves, where Array's reverse copies
    while let block = blocks.popLast() { receive(block, into: &output) }
  }

  /// Takes `block`, or, at the start of a document, reads it ahead.
  private mutating func receive(_ block: consuming Block, into output: inout StageOutput) {
    guard lookahead.isActive else { return take(block, into: &output) }
    let width = Lookahead.isTextLine(block) ? readAheadWidth(of: block) : nil
    lookahead.add(block, width: width)
    if lookahead.isComplete { endLookahead(into: &output) }
  }

  /// The width of a text line read ahead as this step will see it when it
  /// takes the line, after the line's own repairs (pinyin annotations and
  /// continuation markers removed, the text cleaned again), or nil when
  /// those repairs remove it (page furniture), so that it is no line at all.
  /// A second run reads ahead the lines as this run wrote them: measured
  /// before the repairs, a line that lost an annotation was a line of
  /// another width to it (fuzz-pipeline-b9908d04). The tests are those of
  /// ``processText(_:into:checkRunning:)``, in its order, without the early
  /// duplicate check (which depends on what was written). O(n) in the line.
  /// Not inlined: it runs on a document's first lines only, and inlined into
  /// `receive` it slowed the path every line takes.
  @inline(never)
  private func readAheadWidth(of block: Block) -> Int? {
    var line = block
    var scratch = StageOutput(recordsChanges: false)
    let options = options
    var profile = line.byteProfile
    var needs = line.withUTF8 { LineSummary.repairs($0, profile: profile, options: options) }
    if needs.mayHaveAnnotation, removeAnnotations(&line, into: &scratch) {
      profile = line.byteProfile
      needs = line.withUTF8 { LineSummary.repairs($0, profile: profile, options: options) }
    }
    if needs.mayBeFurniture && line.withUTF8(PageFurniture.classify) != nil { return nil }
    if needs.mayHaveInlineMarker, case .removedLine = stripInlineMarkers(&line, into: &scratch) { return nil }
    return line.withUTF8(WrapProfile.width)
  }

  /// Seeds the wrap profile with what the lines read ahead say, takes them in
  /// order, and forgets the seed: after them the profile speaks alone (a seed
  /// that outlived its lines let a second run, whose first lines differ,
  /// judge later lines by another wrap width than the first run did).
  private mutating func endLookahead(into output: inout StageOutput) {
    guard lookahead.isActive else { return }
    let widths = lookahead.widths
    let seed = widths.seedWrap
    profile.seed(seed)
    var ahead = lookahead
    lookahead = Lookahead()  // not shared while `ahead` is emptied (no copy of its blocks)
    taking = (widths, seed)
    ahead.finish { block in take(block, into: &output) }
    taking = nil
    lookahead = ahead
    profile.unseed()
  }

  /// Whether joining the block being taken, across a blank line, to the held
  /// paragraph (input `lines`, `width` columns joined) would change what the
  /// lines read ahead say to a second run: it reads the joined paragraph as
  /// one line where the first run read the block, and a line near the other
  /// widths could make it see hard wrap, or another wrap width, where the
  /// first run saw none (fuzz-pipeline-9062a4fe: it then re-flowed the
  /// document's first lines). The lines are those the second run will read:
  /// with the joins made so far, which add up (fuzz-pipeline-818ecd33), and
  /// without the lines removed so far (fuzz-pipeline-3a12e89f: a running
  /// footer counted as a line). Only while the lines read ahead are taken; a
  /// joined line that makes them say nothing is harmless (a second run then
  /// sees no hard wrap, and leaves the lines the first run joined as they are).
  /// O(n) in the lines read ahead.
  private func changesReadAhead(joining lines: ClosedRange<Int>, width: Int) -> Bool {
    guard let taking else { return false }
    guard let second = taking.widths.seedWrap(joining: lines, width: width) else { return false }
    return second.width != taking.seed?.width
  }

  private mutating func take(_ block: consuming Block, into output: inout StageOutput) {
    if let held = suspect {
      suspect = nil
      if block.followsPageBreak || (!block.isBlank && isPageNumber(block)) {
        output.record(.pageFurniture, line: held.lines.lowerBound, text: held.text,
          detail: "removed a running footer: the line was seen next to an earlier page break and a page break follows it")
        removed(held.lines)
      } else {
        processText(held, into: &output, checkRunning: false)
      }
    }
    if block.isPartialLine || block.terminator != .lineFeed {
      // Segments of overlong lines and raw terminators (no unicode step) pass as they are.
      flush(into: &output)
      emitBetween(into: &output)
      previousLineWidth = nil
      wroteText = true
      removedSinceText = false
      output.emit(block)
      return
    }
    if block.isBlank {
      previousLineWidth = nil
      if removedSinceText && (!between.isEmpty || !wroteText) {
        output.count(.blankLine)  // a removal brought two blank lines together
        return
      }
      if between.count >= Self.maximumBlanksBetween {
        // Only without the unicode step (which collapses runs): keep memory bounded.
        flush(into: &output)
        emitBetween(into: &output)
      }
      between.append(block)
      return
    }
    processText(block, into: &output, checkRunning: true)
  }

  private func isPageNumber(_ block: Block) -> Bool {
    options.removesFurniture && block.withUTF8(PageFurniture.classify) == .pageNumber
  }

  /// Bookkeeping after a whole line (input `lines`) was removed.
  private mutating func removed(_ lines: ClosedRange<Int>) {
    if pending != nil { pageBreak = true }
    removedSinceText = true
    taking?.widths.remove(lines)
  }

  /// A page break (a form feed or a removed page-number line): the line
  /// before it may be a running footer, the line after it a running header.
  private mutating func pageBreakSeen() {
    if pending != nil { pageBreak = true }
    if let hash = firstLineHash { running.add(hash) }
    if let hash = lastLineHash { running.add(hash) }
    firstLineHash = nil
    lastLineHash = nil
    afterPageBreak = true
  }

  // `mutating` though it reads only `options`: made non-mutating, it was
  // inlined into `take` with a copy of the whole stage (a memmove per line,
  // ≈ 4% of the default pipeline's CPU time, session 10).
  private mutating func summarize(_ block: Block) -> LineSummary {
    let profile = block.byteProfile
    return block.withUTF8 { LineSummary($0, profile: profile, options: options) }
  }

  private mutating func processText(_ block: consuming Block, into output: inout StageOutput, checkRunning: Bool) {
    if block.followsPageBreak && checkRunning { pageBreakSeen() }
    var summary = summarize(block)

    // Per-line repairs.
    if summary.mayHaveAnnotation, removeAnnotations(&block, into: &output) { summary = summarize(block) }
    // After annotations (a repeat compares as the paragraph was written), before
    // anything that keeps state.
    if early != nil && removeEarlyDuplicate(&block, into: &output) { return }
    if options.removesFurniture {
      if summary.mayBeFurniture, let kind = block.withUTF8(PageFurniture.classify) {
        output.record(.pageFurniture, line: block.lines.lowerBound, text: block.text,
          detail: "removed a \(kind.rawValue) line")
        removed(block.lines)
        if kind == .pageNumber { pageBreakSeen() }
        return
      }
      if summary.mayHaveInlineMarker {
        switch stripInlineMarkers(&block, into: &output) {
        case .removedLine:
          removed(block.lines)  // notes the page break too, when a paragraph is held
          return
        case .stripped(let leading):
          // Without its marker, the line may be a copy dedup removes (a
          // paragraph repeated after a page break, marker and all). A second
          // run never sees it, so it goes now, leaving no trace: not even the
          // page break its marker announced.
          if early != nil && removeEarlyDuplicate(&block, into: &output) { return }
          // A marker at the start says the text continues from an earlier page.
          if leading && pending != nil { pageBreak = true }
          summary = summarize(block)
        case .unchanged: break
        }
      }
      if checkRunning && (afterPageBreak || !running.isEmpty), let hash = summary.runningHash {
        if afterPageBreak {
          if running.contains(hash) {
            output.record(.pageFurniture, line: block.lines.lowerBound, text: block.text,
              detail: "removed a running header: the line was seen next to an earlier page break")
            removed(block.lines)
            return  // still at the top of the page: the next line is looked at too, as a second run would
          }
          afterPageBreak = false
          running.add(hash)
        } else if !running.isEmpty && running.contains(hash) {
          suspect = block  // a running footer if a page break follows
          return
        }
      }
      if atDocumentStart { firstLineHash = summary.runningHash }
      atDocumentStart = false
      afterPageBreak = false
      lastLineHash = summary.runningHash
    }

    let width = summary.width
    widestLine = max(widestLine, width)
    let directlyAfterLine = previousLineWidth != nil
    if let previous = previousLineWidth { profile.add(previous) }
    previousLineWidth = width

    var facts: LineFacts? = nil
    if var p = pending {
      let consecutive = directlyAfterLine && between.isEmpty
      let wrap = profile.wrap
      // Consecutive lines without hard wrap join only with evidence at the join
      // point (see JoinDecision): when the first scalars cannot give it, refuse
      // without looking closer (most lines of documentation end here).
      if consecutive && wrap == nil && !TextFacts.cannotStartParagraph(summary.firstScalar)
        && !(TextFacts.isHan(pendingLast) && TextFacts.isHan(summary.firstScalar)
          && (JoinDecision.functionCharacters.contains(pendingLast) || pageBreak))
      {
        setAsidePending(sinceRefusal: sinceRefusal, into: &output)
        sinceRefusal = sinceRefusal == Int.max ? sinceRefusal : sinceRefusal + 1
        emitBetween(into: &output)
        hold(block, summary: summary, facts: nil, lastLineWidth: width, into: &output)
        return
      }
      let pFacts = pendingFacts ?? p.withUTF8 { LineFacts($0) }
      if StructureClassifier.isStandalone(pFacts) != nil && !(pendingHeldWithWrap && !pFacts.hasTab && pFacts.length >= 24) {
        // Structure: it was never a candidate (held only until its facts were needed).
        flush(into: &output)
        sinceRefusal = sinceRefusal == Int.max ? sinceRefusal : sinceRefusal + 1
        emitBetween(into: &output)
        hold(block, summary: summary, facts: nil, lastLineWidth: width, into: &output)
        return
      }
      let qFacts = block.withUTF8 { LineFacts($0) }
      facts = qFacts
      let sinceRefusalBefore = sinceRefusal
      let context = JoinDecision.Context(
        blankLines: directlyAfterLine && between.isEmpty ? 0 : max(1, between.count),
        pageBreak: pageBreak, interleaved: sinceRefusal <= 6,
        wrap: wrap, lastLineWidth: pendingLastLineWidth, widestLine: widestLine, paragraphWidth: pendingWidth,
        nextWidth: width)
      var decision = JoinDecision.decide(pFacts, qFacts, context, explains: false)
      if decision.joins && output.recordsChanges { decision = JoinDecision.decide(pFacts, qFacts, context) }
      // (`checkRunning`: the block is the one being taken, not a held footer taken late.)
      if decision.joins && context.blankLines > 0 && checkRunning
        && changesReadAhead(
          joining: p.lines.lowerBound...block.lines.upperBound, width: pendingWidth + width + (decision.insertsSpace ? 1 : 0))
      {
        decision.joins = false
        output.record(.joinDeclined, line: p.lines.upperBound, text: p.text,
          detail: "did not join line \(p.lines.upperBound) to line \(block.lines.lowerBound): the joined line would make the document's first lines look hard-wrapped to a second run")
      } else if decision.joins && p.withUTF8({ recent.containsPrefix($0) }) {
        decision.joins = false
        output.record(.joinDeclined, line: p.lines.upperBound, text: p.text,
          detail: "did not join line \(p.lines.upperBound) to line \(block.lines.lowerBound): the first half repeats the start of a recent paragraph (a truncated duplicate, left for dedup)")
      } else if !decision.joins && !consecutive && StructureClassifier.isStandalone(pFacts) == nil && !pendingIsCopy {
        // A fragment left across a blank line. (Not a line that looks like
        // structure, decided on only because the text looked hard-wrapped
        // when it was held: a second run, which sees the joined lines and no
        // hard wrap, takes it for structure and would not count it.)
        sinceRefusal = 0
      }
      if decision.joins {
        join(&p, block, decision, into: &output)
        pending = nil
        pendingFacts = nil
        pendingRemembered = false
        between.removeAll(keepingCapacity: true)
        pageBreak = false
        sinceRefusal = sinceRefusal == Int.max ? sinceRefusal : sinceRefusal + 1
        let copy = early == nil ? .none : removeJoinedCopy(&p, into: &output)
        if copy == .removed { return }
        let isCopy = copy == .leftForDedup
        let joinedSummary = summarize(p)
        if isCopy {
          taking?.widths.remove(p.lines)  // dedup removes it: a second run reads no line there
        } else {
          taking?.widths.join(p.lines, width: joinedSummary.width)
        }
        var lastLineWidth = width
        // Joined without a blank line and without hard wrap (by evidence at
        // the join point, often across a form feed): a second run reads the
        // two lines as the one line they are in the output, so the profile
        // forgets the first line's sample, taken when this block arrived,
        // and goes on with the joined line, as below. Counting both pieces
        // let a second run see hard wrap where the first saw none: its line
        // was as wide as its neighbours, the pieces were not, and the wrap
        // it then saw changed how it read the lines after it (a heading held
        // as a hard-wrapped line and joined; fuzz-pipeline-3ff29fa1).
        let joinedAsOneLine = context.blankLines == 0 && wrap == nil
        if joinedAsOneLine { profile.removeLast() }
        if joinedAsOneLine || context.blankLines > 0 && (wrap == nil || joinedSummary.width <= WrapProfile.maximumWidth) {
          // Joined across a blank line: for the line-width profile, the
          // paragraph is from now on the one line it is in the output, as it
          // is to a second run. (Counting its last piece instead let a second
          // run see hard wrap where the first saw none — a joined paragraph as
          // wide as the lines after it — or keep seeing it where the first
          // had stopped: the last piece, short, had pushed the wide lines
          // below the share the profile asks for.) In hard-wrapped text a
          // joined paragraph wider than any believable wrap width is left
          // out: the pieces keep counting, as the profile must go on
          // recognising the wrap (a second run sees no hard wrap there at all).
          lastLineWidth = joinedSummary.width
          previousLineWidth = lastLineWidth
          widestLine = max(widestLine, lastLineWidth)
        }
        hold(p, summary: joinedSummary, facts: nil, lastLineWidth: lastLineWidth, isCopy: isCopy, into: &output)
        return
      }
      setAsidePending(sinceRefusal: sinceRefusalBefore, into: &output)
    }
    sinceRefusal = sinceRefusal == Int.max ? sinceRefusal : sinceRefusal + 1
    emitBetween(into: &output)
    hold(block, summary: summary, facts: facts, lastLineWidth: width, into: &output)
  }

  /// Removes `block` when the `dedup` step would remove it as an exact or a
  /// truncated copy of a paragraph written out in this document or of the
  /// held one (see `EarlyDuplicates`); returns whether it did.
  ///
  /// Why here: decisions of this step rest on the blocks around a candidate
  /// join (what stands between two halves, whether a fragment was left
  /// unjoined a few blocks before). A repeat that dedup removes afterwards is
  /// seen by this run and not by the next, which could then decide otherwise.
  /// Removing it on arrival, and leaving all other state (widths, blank lines,
  /// refusals) as if it had never been there, makes every decision the one the
  /// second run makes.
  private mutating func removeEarlyDuplicate(_ block: inout Block, into output: inout StageOutput) -> Bool {
    guard let match = early!.match(&block, held: &pending) else { return false }
    recordEarlyRemoval(of: block, match, into: &output)
    return true
  }

  /// Dedup's removal, made early on its behalf: counted and reported as dedup's.
  private mutating func recordEarlyRemoval(
    of block: Block, _ match: (line: Int, kind: ChangeKind), into output: inout StageOutput
  ) {
    let step = output.step
    output.step = .dedup
    output.record(match.kind, line: block.lines.lowerBound, text: block.text,
      detail: "duplicate of line \(match.line) (\(match.kind == .exactDuplicate ? "exact" : "truncated: a prefix of it"))")
    output.step = step
    removedSinceText = true  // the blank lines on both sides of it merge
    taking?.widths.remove(block.lines)
  }

  /// The arriving block will not join the held paragraph: the paragraph
  /// counts as written from now on, but, when dedup runs, its output waits
  /// (see ``SetAsideParagraph``) until what follows is known not to grow into
  /// a copy. `sinceRefusal` is the count before this refusal, restored if the
  /// paragraph is held again. The blank lines after it go with it.
  private mutating func setAsidePending(sinceRefusal: Int, into output: inout StageOutput) {
    guard early != nil, var p = pending else {
      flush(into: &output)
      return
    }
    emitSetAside(into: &output)
    remember(&p, early: !pendingRemembered)
    var blanks: [Block] = []
    if !between.isEmpty { swap(&blanks, &between) }  // moved, not copied
    setAside = SetAsideParagraph(
      block: p, facts: pendingFacts, lastScalar: pendingLast, heldWithWrap: pendingHeldWithWrap,
      lastLineWidth: pendingLastLineWidth, width: pendingWidth, pageBreak: pageBreak, sinceRefusal: sinceRefusal,
      between: blanks)
    pending = nil
    pendingFacts = nil
    pendingRemembered = false
    pageBreak = false
  }

  /// Writes out the set-aside paragraph and the blank lines after it.
  private mutating func emitSetAside(into output: inout StageOutput) {
    guard let aside = setAside else { return }
    setAside = nil
    output.emit(aside.block)
    for blank in aside.between { output.emit(blank) }
  }

  /// What ``removeJoinedCopy(_:into:)`` did with a paragraph just joined.
  private enum JoinedCopy {
    /// It is no copy of a paragraph written before.
    case none
    /// It was a copy: removed, and the set-aside paragraph held again.
    case removed
    /// It is a copy, but no paragraph was set aside: it stays held, for
    /// dedup to remove.
    case leftForDedup
  }

  /// When the held paragraph, just joined, is an exact or truncated copy of
  /// a paragraph written before: removes it, as dedup would, and holds the
  /// set-aside paragraph again, with the blank lines that were after it (the
  /// blank lines on both sides of the copy merge). With no paragraph set
  /// aside the copy stays held, for dedup to remove (`.leftForDedup`): a
  /// refusal to join it to the next block is then not counted as a fragment
  /// left unjoined, since a second run never sees it (fuzz-pipeline-16570d4c).
  /// O(n) in the paragraph plus a lookup.
  private mutating func removeJoinedCopy(_ p: inout Block, into output: inout StageOutput) -> JoinedCopy {
    var none: Block? = nil
    guard let match = early!.match(&p, held: &none) else { return .none }
    guard let aside = setAside else { return .leftForDedup }
    recordEarlyRemoval(of: p, match, into: &output)
    setAside = nil
    recent.forgetLast()  // held, not written (the early check keeps it: see `pendingRemembered`)
    pending = aside.block
    pendingFacts = aside.facts
    pendingLast = aside.lastScalar
    pendingHeldWithWrap = aside.heldWithWrap
    pendingLastLineWidth = aside.lastLineWidth
    pendingWidth = aside.width
    pendingRemembered = true
    pendingIsCopy = false
    pageBreak = aside.pageBreak
    sinceRefusal = aside.sinceRefusal
    between = aside.between
    return .removed
  }

  /// Joins `q` to the held paragraph `p`, records the join, and cleans the
  /// joined text again (new neighbours at the join).
  private mutating func join(_ p: inout Block, _ q: Block, _ decision: JoinDecision, into output: inout StageOutput) {
    var text = p.text
    if decision.removesHyphen {
      text.unicodeScalars.removeLast()
      output.record(.hyphenation, line: p.lines.upperBound, text: nil, detail: "removed the line-end hyphen of a cut word")
    }
    if decision.insertsSpace { text += " " }
    let joinedAt = text.unicodeScalars.count
    text += q.text
    output.record(.paragraphJoin, line: p.lines.upperBound, text: excerpt(text, around: joinedAt),
      detail: "joined line \(p.lines.upperBound) to line \(q.lines.lowerBound)\(between.isEmpty ? "" : " across \(between.count) blank line\(between.count == 1 ? "" : "s")"): " + decision.evidence.joined(separator: "; "))
    p.text = text
    p.lines = p.lines.lowerBound...max(p.lines.upperBound, q.lines.upperBound)
    if options.removesAnnotations { removeAnnotations(&p, into: &output) }
    clean(&p, into: &output)
  }

  /// Holds `block` if it may continue in the next block; writes it out otherwise.
  /// `isCopy`: the block is a joined copy left for dedup (see ``pendingIsCopy``).
  private mutating func hold(
    _ block: consuming Block, summary: LineSummary, facts: LineFacts?, lastLineWidth: Int, isCopy: Bool = false,
    into output: inout StageOutput
  ) {
    wroteText = true
    removedSinceText = false
    pendingIsCopy = false
    if options.joinsParagraphs, !summary.endsUnit, !summary.isShortTitle, block.utf8Count < Self.maximumParagraphBytes {
      // Held lazily: whether it is structure is looked at when the next block
      // needs a decision (often the first scalars already say no).
      pending = block
      pendingIsCopy = isCopy
      pendingFacts = facts
      pendingLast = summary.lastScalar
      pendingHeldWithWrap = profile.wrap != nil
      pendingLastLineWidth = lastLineWidth
      pendingWidth = summary.width
      return
    }
    write(block, into: &output)
  }

  /// Writes out a paragraph, after the set-aside one if any. `remembered`:
  /// the early duplicate check counts it as written already.
  private mutating func write(_ block: consuming Block, remembered: Bool = false, into output: inout StageOutput) {
    remember(&block, early: !remembered)
    emitSetAside(into: &output)
    output.emit(block)
  }

  /// Notes a paragraph as written, for the checks that look back at them
  /// (`early`: for the early duplicate check too).
  private mutating func remember(_ block: inout Block, early includesEarly: Bool = true) {
    block.withUTF8 { recent.remember($0) }
    if includesEarly { early?.remember(&block) }
  }

  private mutating func emitBetween(into output: inout StageOutput) {
    for blank in between { output.emit(blank) }
    between.removeAll(keepingCapacity: true)
  }

  /// Writes out the held paragraph (the blanks after it stay in `between`).
  private mutating func flush(into output: inout StageOutput) {
    if let p = pending { write(p, remembered: pendingRemembered, into: &output) }
    emitSetAside(into: &output)
    pending = nil
    pendingFacts = nil
    pendingRemembered = false
    pageBreak = false
  }

  /// Cleans the block's text again with the `unicode` rules, when that step runs.
  private func clean(_ block: inout Block, into output: inout StageOutput) {
    cleaner?.clean(&block, trimTrailingWhitespace: true, into: &output)
  }

  /// Removes pinyin annotations; returns whether the text changed.
  @discardableResult
  private func removeAnnotations(_ block: inout Block, into output: inout StageOutput) -> Bool {
    var removals: [PinyinAnnotation.Removal] = []
    guard let repaired = block.withUTF8({ PinyinAnnotation.removingAnnotations($0, removals: &removals) }) else {
      return false
    }
    block.text = repaired
    for removal in removals {
      output.record(.pinyinAnnotation, line: block.lines.lowerBound, text: removal.text,
        detail: "removed the pinyin \(String(String.UnicodeScalarView(removal.text.unicodeScalars.dropFirst()))) after \(String(removal.text.unicodeScalars.first!)): it is a reading of that character in Unihan")
    }
    clean(&block, into: &output)
    return true
  }

  /// What ``stripInlineMarkers(_:into:)`` did. `leading`: a marker was
  /// removed from the start of the line (the text continues from a page
  /// before); the caller notes that page break once the line is known to stay.
  enum MarkerResult { case unchanged, stripped(leading: Bool), removedLine }

  /// Removes continuation markers at the start (`（上接第一版）要坚持…`) or end of
  /// a line, repeatedly. The line is removed when what is left is itself
  /// furniture (or nothing): the caller notes the removal.
  private func stripInlineMarkers(_ block: inout Block, into output: inout StageOutput) -> MarkerResult {
    var scalars = block.withUTF8(TextFacts.scalars)
    var removed: [String] = []
    var strippedLeading = false
    var changed = true
    while changed {
      changed = false
      if let length = PageFurniture.leadingMarker(scalars) {
        removed.append(string(scalars[..<length]))
        scalars.removeFirst(length)
        while let first = scalars.first, first == 0x20 || first == 0x3000 { scalars.removeFirst() }
        strippedLeading = true
        changed = true
      }
      if let start = PageFurniture.trailingMarker(scalars) {
        removed.append(string(scalars[start...]))
        scalars.removeSubrange(start...)
        changed = true
      }
    }
    guard !removed.isEmpty else { return .unchanged }
    for marker in removed {
      output.record(.pageFurniture, line: block.lines.lowerBound, text: marker,
        detail: "removed the continuation marker \(marker) from the text of the line")
    }
    block.text = string(scalars[...])
    clean(&block, into: &output)
    if block.isBlank || block.withUTF8(PageFurniture.classify) != nil {
      if !block.isBlank {
        output.record(.pageFurniture, line: block.lines.lowerBound, text: block.text, detail: "removed a furniture line")
      }
      return .removedLine
    }
    return .stripped(leading: strippedLeading)
  }

  private func string(_ scalars: ArraySlice<UInt32>) -> String {
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars.map { Unicode.Scalar($0)! })
    return text
  }

  private func excerpt(_ text: String, around index: Int) -> String {
    let scalars = Array(text.unicodeScalars)
    let low = max(0, index - 12)
    let high = min(scalars.count, index + 12)
    var result = low > 0 ? "…" : ""
    result.unicodeScalars.append(contentsOf: scalars[low..<index])
    result += "|"
    result.unicodeScalars.append(contentsOf: scalars[index..<high])
    if high < scalars.count { result += "…" }
    return result
  }

  mutating func finishDocument(into output: inout StageOutput) {
    endLookahead(into: &output)
    if let held = suspect {
      suspect = nil
      processText(held, into: &output, checkRunning: false)
    }
    flush(into: &output)
    if removedSinceText {
      output.count(.blankLine, between.count)  // blank lines a removal left at the end
      between.removeAll(keepingCapacity: true)
    }
    emitBetween(into: &output)
    wroteText = false
    removedSinceText = false
    afterPageBreak = false
    atDocumentStart = true
    firstLineHash = nil
    lastLineHash = nil
    previousLineWidth = nil
    widestLine = 0
    sinceRefusal = Int.max
    profile.reset()
    lookahead.restart()
    recent.removeAll()
    early?.removeAll()
    running.removeAll()
  }
}
