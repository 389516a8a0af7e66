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
  private var heldBlank: Block?
  private var atDocumentStart = true
  private var insidePartialLine = false

  init(options: UnicodeCleanupOptions) {
    cleaner = UnicodeCleaner(options: options)
  }

  mutating func process(_ block: Block, into output: inout StageOutput) {
    var block = block
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

    let trims = !block.isPartialLine
    if block.withUTF8({ cleaner.needsWork(utf8: $0, trimTrailingWhitespace: trims) }) {
      var counts = UnicodeCleaner.Counts()
      block.text = cleaner.clean(block.text, trimTrailingWhitespace: trims, counts: &counts)
      output.add(counts)
    }

    if block.utf8Count == 0 && !block.isPartialLine && !continuesLine {
      if atDocumentStart || heldBlank != nil {
        output.count(.blankLine)
      } else {
        heldBlank = block
      }
      return
    }
    if let blank = heldBlank {
      output.emit(blank)
      heldBlank = nil
    }
    atDocumentStart = false
    output.emit(block)
  }

  mutating func finishDocument(into output: inout StageOutput) {
    if heldBlank != nil { output.count(.blankLine) }
    heldBlank = nil
    atDocumentStart = true
    insidePartialLine = false
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
