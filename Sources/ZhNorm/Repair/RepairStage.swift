/// The `repair` step as a pipeline stage.
///
/// Per line (cheap byte checks first, so that most lines pass untouched):
/// pinyin annotations are removed (``PinyinAnnotation``), continuation markers
/// and page-number lines dropped (``PageFurniture``). Across lines: a block
/// that ends without sentence punctuation and is not structure is held back
/// until the next block shows whether it continues there (``JoinDecision``).
///
/// Holds at most one paragraph plus the blank lines after it (bounded), and a
/// fixed window of recent paragraphs and line widths.
struct RepairStage: PipelineStage {
  var step: PipelineStep { .repair }
  let options: RepairOptions

  /// A block that may continue in the next one.
  private var pending: Block?
  private var pendingFacts: LineFacts?
  /// Display width of the last input line of `pending`.
  private var pendingLastLineWidth = 0
  /// Blank blocks seen after `pending`.
  private var between: [Block] = []
  /// Furniture or a page break seen after `pending`.
  private var pageBreak = false
  /// The previous block written or held was blank (or the document start).
  private var afterBlank = true
  /// A furniture line was just removed: a blank after it is redundant.
  private var furnitureJustRemoved = false
  /// Width of the previous non-blank input line, when the next one follows directly.
  private var previousLineWidth: Int?
  /// Blocks since a dangling fragment was left unjoined.
  private var sinceRefusal = Int.max
  private var profile = WrapProfile()
  private var recent = RecentParagraphs()

  static let maximumBlanksBetween = 3

  init(options: RepairOptions) {
    self.options = options
  }

  mutating func process(_ block: Block, into output: inout StageOutput) {
    var block = block
    if block.isPartialLine || block.terminator != .lineFeed {
      // Segments of overlong lines and raw terminators (no unicode step) pass as they are.
      flush(into: &output)
      previousLineWidth = nil
      afterBlank = false
      output.emit(block)
      return
    }
    if block.isBlank {
      previousLineWidth = nil
      if furnitureJustRemoved && (afterBlank || !between.isEmpty) {
        furnitureJustRemoved = false
        return  // the blank after a removed furniture line would double a blank
      }
      furnitureJustRemoved = false
      if pending != nil {
        if between.count >= Self.maximumBlanksBetween { flush(into: &output) ; output.emit(block) } else { between.append(block) }
      } else {
        output.emit(block)
      }
      afterBlank = true
      return
    }
    if block.followsPageBreak && pending != nil { pageBreak = true }

    // Per-line repairs.
    if options.removesAnnotations {
      var removals: [PinyinAnnotation.Removal] = []
      if let repaired = block.withUTF8({ PinyinAnnotation.removingAnnotations($0, removals: &removals) }) {
        block.text = repaired
        for removal in removals {
          output.record(.pinyinAnnotation, line: block.lines.lowerBound, text: removal.text,
            detail: "removed the pinyin \(removal.text.unicodeScalars.dropFirst()) after \(removal.text.unicodeScalars.first!): it is a reading of that character in Unihan")
        }
      }
    }
    if options.removesFurniture {
      if let kind = block.withUTF8(PageFurniture.classify) {
        output.record(.pageFurniture, line: block.lines.lowerBound, text: block.text,
          detail: "removed a \(kind.rawValue) line")
        if pending != nil { pageBreak = true }
        furnitureJustRemoved = true
        previousLineWidth = nil
        return
      }
      stripInlineMarkers(&block, into: &output)
    }
    furnitureJustRemoved = false

    let width = block.withUTF8(WrapProfile.width)
    let directlyAfterLine = previousLineWidth != nil
    if let previous = previousLineWidth { profile.add(previous) }
    previousLineWidth = width

    if var p = pending, let pFacts = pendingFacts {
      let qFacts = block.withUTF8 { LineFacts($0) }
      let duplicate = p.withUTF8 { recent.containsPrefix($0) }
      var decision: JoinDecision
      if duplicate {
        decision = JoinDecision(joins: false, score: 0, evidence: [])
        output.record(.joinDeclined, line: p.lines.upperBound, text: p.text,
          detail: "did not join line \(p.lines.upperBound) to line \(block.lines.lowerBound): the first half repeats a recent paragraph (a truncated duplicate, left for dedup)")
      } else {
        let context = JoinDecision.Context(
          blankLines: directlyAfterLine && between.isEmpty ? 0 : max(1, between.count),
          pageBreak: pageBreak, interleaved: sinceRefusal <= 6,
          wrap: profile.wrap, lastLineWidth: pendingLastLineWidth)
        decision = JoinDecision.decide(pFacts, qFacts, context)
      }
      if decision.joins {
        var text = p.text
        if decision.removesHyphen {
          text.unicodeScalars.removeLast()
          output.record(.hyphenation, line: p.lines.upperBound, text: nil, detail: "removed the line-end hyphen of a cut word")
        }
        if decision.insertsSpace { text += " " }
        let qText = block.text
        let joinedAt = text.unicodeScalars.count
        text += qText
        output.record(.paragraphJoin, line: p.lines.upperBound, text: excerpt(text, around: joinedAt),
          detail: "joined line \(p.lines.upperBound) to line \(block.lines.lowerBound)\(between.isEmpty ? "" : " across \(between.count) blank line\(between.count == 1 ? "" : "s")"): " + decision.evidence.joined(separator: "; "))
        p.text = text
        p.lines = p.lines.lowerBound...max(p.lines.upperBound, block.lines.upperBound)
        between.removeAll(keepingCapacity: true)
        pageBreak = false
        afterBlank = false
        sinceRefusal = sinceRefusal == Int.max ? sinceRefusal : sinceRefusal + 1
        pending = nil
        pendingFacts = nil
        hold(p, lastLineWidth: width, into: &output)
        return
      }
      if !duplicate { sinceRefusal = 0 }
      flush(into: &output)
    }
    sinceRefusal = sinceRefusal == Int.max ? sinceRefusal : sinceRefusal + 1
    afterBlank = false
    hold(block, lastLineWidth: width, into: &output)
  }

  /// Holds `block` if it may continue in the next block; writes it out otherwise.
  private mutating func hold(_ block: Block, lastLineWidth: Int, into output: inout StageOutput) {
    if options.joinsParagraphs, let last = block.withUTF8(TextFacts.lastScalar), !TextFacts.endsUnit(last) {
      let facts = block.withUTF8 { LineFacts($0) }
      if StructureClassifier.isStandalone(facts) == nil || (profile.wrap != nil && !facts.hasTab && facts.length >= 24) {
        pending = block
        pendingFacts = facts
        pendingLastLineWidth = lastLineWidth
        return
      }
    }
    write(block, into: &output)
  }

  private mutating func write(_ block: Block, into output: inout StageOutput) {
    block.withUTF8 { recent.remember($0) }
    output.emit(block)
  }

  /// Writes out the held paragraph and the blanks after it.
  private mutating func flush(into output: inout StageOutput) {
    if let p = pending { write(p, into: &output) }
    for blank in between { output.emit(blank) }
    pending = nil
    pendingFacts = nil
    between.removeAll(keepingCapacity: true)
    pageBreak = false
  }

  /// Removes a continuation marker at the start (`（上接第一版）要坚持…`) or end of a line.
  private mutating func stripInlineMarkers(_ block: inout Block, into output: inout StageOutput) {
    let candidate = block.withUTF8 { utf8 -> Bool in
      guard utf8.count >= 6 else { return false }
      let first = utf8[0] == 0x28 || (utf8[0] == 0xEF && utf8[1] == 0xBC && utf8[2] == 0x88) || (utf8[0] == 0xE3 && utf8[1] == 0x80 && utf8[2] == 0x90)
      let n = utf8.count
      let last = utf8[n - 1] == 0x29 || (utf8[n - 3] == 0xEF && utf8[n - 2] == 0xBC && utf8[n - 1] == 0x89) || (utf8[n - 3] == 0xE3 && utf8[n - 2] == 0x80 && utf8[n - 1] == 0x91)
      return first || last
    }
    guard candidate else { return }
    var scalars = block.withUTF8(TextFacts.scalars)
    var removed: [String] = []
    if let length = PageFurniture.leadingMarker(scalars) {
      removed.append(string(scalars[..<length]))
      scalars.removeFirst(length)
      if pending != nil { pageBreak = true }
    }
    if let start = PageFurniture.trailingMarker(scalars) {
      removed.append(string(scalars[start...]))
      scalars.removeSubrange(start...)
    }
    guard !removed.isEmpty else { return }
    for marker in removed {
      output.record(.pageFurniture, line: block.lines.lowerBound, text: marker,
        detail: "removed the continuation marker \(marker) from the text of the line")
    }
    block.text = string(scalars[...])
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
    flush(into: &output)
    afterBlank = true
    furnitureJustRemoved = false
    previousLineWidth = nil
    sinceRefusal = Int.max
    profile.reset()
    recent.removeAll()
  }
}
