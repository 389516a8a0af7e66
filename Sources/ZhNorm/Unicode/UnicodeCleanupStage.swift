/// The `unicode` step as a pipeline stage.
///
/// Cleans each line with ``UnicodeCleaner`` and, across lines: makes every line
/// terminator LF, ends the document with a line break, removes blank lines at
/// the start and end of a document and collapses runs of blank lines to one.
/// A line that cleaning leaves empty (only spaces, or only invisible
/// characters) counts as blank. Holds back at most one blank line.
struct UnicodeCleanupStage: PipelineStage {
  var step: PipelineStep { .unicode }

  let cleaner: UnicodeCleaner
  private var workspace = UnicodeCleaner.Workspace()
  /// What the cleaner changed in the current batch, added to the statistics
  /// once per batch (a dictionary update per changed line showed in profiles).
  private var counts = UnicodeCleaner.Counts()
  private var heldBlank: Block?
  private var atDocumentStart = true
  private var insidePartialLine = false

  init(options: UnicodeCleanupOptions) {
    cleaner = UnicodeCleaner(options: options)
  }

  mutating func process(_ block: Block, into output: inout StageOutput) {
    var blocks = [block]
    process(&blocks, into: &output)
  }

  // The blocks are rewritten in place and the array is handed on, so a line
  // that needs no change costs no copy and no reference counting. Dropped
  // blank lines are compacted away by moving later blocks down (swaps).
  mutating func process(_ blocks: inout [Block], into output: inout StageOutput) {
    var kept = 0
    var lastKeptIsBlank = false
    for index in blocks.indices {
      if clean(&blocks[index], into: &output) {
        if atDocumentStart || lastKeptIsBlank || heldBlank != nil {
          output.count(.blankLine)
          continue
        }
        lastKeptIsBlank = true
      } else {
        if let blank = heldBlank {
          // Held from the previous batch; nothing of this batch is kept yet.
          output.emit(blank)
          heldBlank = nil
        }
        lastKeptIsBlank = false
        atDocumentStart = false
      }
      if kept != index { blocks.swapAt(kept, index) }
      kept += 1
    }
    if lastKeptIsBlank {
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
    if block.isPartialLine {
      // A segment of an overlong line: its end is not the end of the line.
    } else if block.terminator == .none {
      block.terminator = .lineFeed
      output.count(.finalNewline)
    } else if block.terminator != .lineFeed {
      block.terminator = .lineFeed
      output.count(.lineEnding)
    }

    cleaner.clean(&block, trimTrailingWhitespace: !block.isPartialLine, counts: &counts, workspace: &workspace)
    return block.utf8Count == 0 && !block.isPartialLine && !continuesLine
  }

  mutating func finishDocument(into output: inout StageOutput) {
    if heldBlank != nil { output.count(.blankLine) }
    heldBlank = nil
    atDocumentStart = true
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
  /// Adds the cleaner's counts to the statistics of the `unicode` step.
  mutating func add(_ counts: UnicodeCleaner.Counts) {
    count(.controlCharacter, counts.controlCharacters)
    count(.invisibleCharacter, counts.invisibleCharacters)
    count(.widthVariant, counts.widthVariants)
    count(.canonicalComposition, counts.canonicalCompositions)
    count(.punctuationWidth, counts.punctuationMarks)
    count(.spaceVariant, counts.spaceVariants)
    count(.trailingWhitespace, counts.trailingWhitespace)
  }
}
