/// The `unicode` step over decoded lines, writing UTF-8 straight out: what
/// ``UnicodeCleanupStage`` does to blocks, without making them.
///
/// Used by ``RawCleanupPath`` when `unicode` is the only step. Most lines of
/// real text need nothing (the decoder's ``LineByteProfile`` says so in
/// O(1)): such a line costs no block, no reference count and no copy of its
/// own — the lines that need nothing and lie side by side in the decoder's
/// chunk, with their line feeds, are copied out as one run. Making a block
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
  /// The run of unchanged lines (with their line feeds), adjacent in the
  /// current chunk, not yet copied to ``output``.
  private var run: (start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>)?

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
        flushRun()
        output.append(0x0A)
        statistics.linesOut += 1
      }
    }
    if !line.isSegment { statistics.linesOut += 1 }
    if !changed && line.terminator == .lineFeed, let start = bytes.baseAddress {
      // The line feed that ended the line follows it in the chunk (unless
      // the line was decoded into a chunk of its own).
      let end = start + bytes.count
      if end < chunk.base + chunk.count && end.pointee == 0x0A {
        if let current = run, current.end == start {
          run = (current.start, end + 1)
        } else {
          flushRun()
          run = (start, end + 1)
        }
        return
      }
    }
    flushRun()
    if changed {
      UnicodeCleaner.appendUTF8(of: workspace.scalars, to: &output)
    } else {
      output.append(contentsOf: bytes)
    }
    if !line.isSegment { output.append(0x0A) }
  }

  mutating func finishBatch(statistics: inout DocumentStatistics) {
    flushRun()
    statistics.add(counts, by: .unicode)
    counts = UnicodeCleaner.Counts()
  }

  /// Ends the document: a blank line still held is removed.
  mutating func finishDocument(statistics: inout DocumentStatistics) {
    flushRun()
    if blanks.finishDocument() { statistics.add(1, .blankLine, by: .unicode) }
    insidePartialLine = false
  }

  private mutating func flushRun() {
    guard let current = run else { return }
    output.append(contentsOf: UnsafeBufferPointer(start: current.start, count: current.end - current.start))
    run = nil
  }
}
