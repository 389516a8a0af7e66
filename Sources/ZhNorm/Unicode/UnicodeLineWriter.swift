/// The `unicode` step over decoded lines, writing UTF-8 straight out: what
/// ``UnicodeCleanupStage`` does to blocks, without making them.
///
/// Used by ``RawCleanupPath`` when `unicode` is the only step. Most lines of
/// real text need nothing (the decoder's ``LineByteProfile`` says so in
/// O(1)): such a line costs no block, no reference count and no copy of its
/// own — the lines that need nothing are copied out in runs (``ByteRun``),
/// with their line feeds, from the decoder's chunk. Making a block
/// per line, handing it through the stage and writing it back was about a
/// third of the step's time.
///
/// The output and the statistics are the block pipeline's, byte for byte
/// (a test compares them).
struct UnicodeLineWriter: DecodedLineSink {
  /// The bytes written so far; the caller takes them.
  var output: [UInt8] = []
  private let cleaner: UnicodeCleaner
  private var workspace = UnicodeCleaner.Workspace()
  /// What the cleaner changed in the current batch.
  private var counts = UnicodeCleaner.Counts()
  private var blanks = BlankLineRule()
  private var insidePartialLine = false
  /// Unchanged lines (with their line feeds) of the current chunk not yet
  /// copied to ``output``.
  private var run = ByteRun()

  /// Creates a writer that cleans with these options.
  init(options: UnicodeCleanupOptions) {
    cleaner = UnicodeCleaner(options: options)
  }

  mutating func receive(_ line: DecodedLine, in chunk: DecodedChunk, statistics: inout DocumentStatistics) {
    let bytes = line.bytes
    let trims = !line.isSegment
    let changed =
      cleaner.needsWork(utf8: bytes, profile: line.profile, trimTrailingWhitespace: trims)
      && cleaner.clean(
        utf8: bytes, trimTrailingWhitespace: trims, isPlain: line.profile.isPlain, counts: &counts,
        workspace: &workspace)
    let continuesLine = insidePartialLine
    insidePartialLine = line.isSegment
    if let change = UnicodeCleanupStage.lineEndChange(terminator: line.terminator, isPartialLine: line.isSegment) {
      statistics.add(1, change, by: .unicode)
    }
    let isEmpty = changed ? workspace.scalars.isEmpty : bytes.isEmpty
    switch blanks.admit(isBlank: isEmpty && !line.isSegment && !continuesLine) {
    case .remove:
      statistics.add(1, .blankLine, by: .unicode)
      return
    case .hold:
      return
    case .write(let afterHeldBlank):
      if afterHeldBlank {
        run.flush(to: &output)
        output.append(0x0A)
        statistics.linesOut += 1
      }
    }
    if !line.isSegment { statistics.linesOut += 1 }
    // The line feed that ended the line follows it in the chunk (unless
    // the line was decoded into a chunk of its own).
    if !changed && line.terminator == .lineFeed, let withLineFeed = chunk.withFollowingLineFeed(bytes) {
      run.add(withLineFeed, flushingTo: &output)
      return
    }
    run.flush(to: &output)
    if changed {
      UnicodeCleaner.appendUTF8(of: workspace.scalars, to: &output)
    } else {
      output.append(contentsOf: bytes)
    }
    if !line.isSegment { output.append(0x0A) }
  }

  mutating func finishBatch(statistics: inout DocumentStatistics) {
    run.flush(to: &output)
    statistics.add(counts, by: .unicode)
    counts = UnicodeCleaner.Counts()
  }

  /// Ends the document: a blank line still held is removed.
  mutating func finishDocument(statistics: inout DocumentStatistics) {
    run.flush(to: &output)
    if blanks.finishDocument() { statistics.add(1, .blankLine, by: .unicode) }
    insidePartialLine = false
  }
}
