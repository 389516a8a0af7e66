/// The `unicode` step as a pipeline stage.
///
/// Cleans each line with ``UnicodeCleaner`` and, across lines: makes every line
/// terminator LF, ends the document with a line break, removes blank lines at
/// the start and end of a document and collapses runs of blank lines to one
/// (``BlankLineRule``). A line that cleaning leaves empty (only spaces, or
/// only invisible characters) counts as blank. Holds back at most one blank line.
///
/// When `unicode` is the only step, ``RawCleanupPath`` does the same to the
/// decoded lines without making blocks.
struct UnicodeCleanupStage: PipelineStage {
  var step: PipelineStep { .unicode }

  let cleaner: UnicodeCleaner
  private var workspace = UnicodeCleaner.Workspace()
  /// What the cleaner changed in the current batch, added to the statistics
  /// once per batch (a dictionary update per changed line showed in profiles).
  private var counts = UnicodeCleaner.Counts()
  private var blanks = BlankLineRule()
  /// The blank line held back from an earlier batch.
  private var heldBlank: Block?
  private var insidePartialLine = false

  init(options: UnicodeCleanupOptions) {
    cleaner = UnicodeCleaner(options: options)
  }

  mutating func process(_ block: Block, into output: inout StageOutput) {
    var blocks = [block]
    process(&blocks, into: &output)
  }

  // The blocks are rewritten in place and the array is handed on, so a line
  // that needs no change costs no copy and no reference counting. Removed
  // blank lines are compacted away by moving later blocks down (swaps); a
  // blank line held within the batch stays in place.
  mutating func process(_ blocks: inout [Block], into output: inout StageOutput) {
    var kept = 0
    for index in blocks.indices {
      switch blanks.admit(isBlank: clean(&blocks[index], into: &output)) {
      case .remove:
        output.count(.blankLine)
        continue
      case .hold:
        break
      case .write(let afterHeldBlank):
        if afterHeldBlank, let blank = heldBlank {
          // Held from an earlier batch; nothing of this batch is kept yet.
          output.emit(blank)
          heldBlank = nil
        }
      }
      if kept != index { blocks.swapAt(kept, index) }
      kept += 1
    }
    if blanks.isHolding && heldBlank == nil {
      // A blank line at the end of the batch waits: the document may end here.
      kept -= 1
      heldBlank = blocks[kept]
    }
    blocks.removeSubrange(kept...)
    output.add(counts)
    counts = UnicodeCleaner.Counts()
    output.emit(contentsOf: &blocks)
  }

  /// Cleans `block` in place; returns whether it is a blank line.
  private mutating func clean(_ block: inout Block, into output: inout StageOutput) -> Bool {
    let continuesLine = insidePartialLine
    insidePartialLine = block.isPartialLine
    if let change = Self.lineEndChange(terminator: block.terminator, isPartialLine: block.isPartialLine) {
      block.terminator = .lineFeed
      output.count(change)
    }
    cleaner.clean(&block, trimTrailingWhitespace: !block.isPartialLine, counts: &counts, workspace: &workspace)
    return block.utf8Count == 0 && !block.isPartialLine && !continuesLine
  }

  /// What the step does to the end of a line: nothing for a segment of an
  /// overlong line (its end is not the end of the line) or a line ending in
  /// LF; otherwise the line ends in LF, counted as `final-newline` (the
  /// document's last line had none) or `line-ending`.
  static func lineEndChange(terminator: LineTerminator, isPartialLine: Bool) -> ChangeKind? {
    if isPartialLine || terminator == .lineFeed { return nil }
    return terminator == .none ? .finalNewline : .lineEnding
  }

  mutating func finishDocument(into output: inout StageOutput) {
    if blanks.finishDocument() { output.count(.blankLine) }
    heldBlank = nil
    insidePartialLine = false
  }
}

extension UnicodeCleaner {
  /// Cleans `block` in place, counting what changed in `output`. The text is
  /// read from the block's bytes; a block that needs nothing keeps its storage.
  func clean(_ block: inout Block, trimTrailingWhitespace: Bool, into output: inout StageOutput) {
    var counts = Counts()
    var workspace = Workspace()
    clean(&block, trimTrailingWhitespace: trimTrailingWhitespace, counts: &counts, workspace: &workspace)
    output.add(counts)
  }

  /// Cleans `block` in place, adding what changed to `counts`, with buffers
  /// from `workspace`. A block that needs nothing keeps its storage.
  func clean(_ block: inout Block, trimTrailingWhitespace: Bool, counts: inout Counts, workspace: inout Workspace) {
    let profile = block.byteProfile
    let changed = block.withUTF8 { utf8 in
      needsWork(utf8: utf8, profile: profile, trimTrailingWhitespace: trimTrailingWhitespace)
        && clean(
          utf8: utf8, trimTrailingWhitespace: trimTrailingWhitespace, isPlain: profile.isPlain, counts: &counts,
          workspace: &workspace)
    }
    if changed { block.storage = Self.blockText(from: workspace.scalars) }
  }
}

extension StageOutput {
  /// Adds the cleaner's counts to the statistics of the current step.
  mutating func add(_ counts: UnicodeCleaner.Counts) {
    statistics.add(counts, by: step)
  }
}

extension DocumentStatistics {
  /// Adds the cleaner's counts, as changes made by `step`.
  mutating func add(_ counts: UnicodeCleaner.Counts, by step: PipelineStep) {
    add(counts.controlCharacters, .controlCharacter, by: step)
    add(counts.invisibleCharacters, .invisibleCharacter, by: step)
    add(counts.widthVariants, .widthVariant, by: step)
    add(counts.canonicalCompositions, .canonicalComposition, by: step)
    add(counts.punctuationMarks, .punctuationWidth, by: step)
    add(counts.spaceVariants, .spaceVariant, by: step)
    add(counts.trailingWhitespace, .trailingWhitespace, by: step)
  }
}
