/// The pipeline when its only step is `unicode` (`--only unicode`): the
/// decoder's lines are cleaned and written out directly, without blocks
/// (``UnicodeLineWriter``).
///
/// The output, the statistics and the diagnostics are the block pipeline's.
struct RawCleanupPath {
  private var decoder: LineDecoder
  private var writer: UnicodeLineWriter

  init(options: UnicodeCleanupOptions, maximumLineBytes: Int) {
    decoder = LineDecoder(maximumLineBytes: maximumLineBytes)
    writer = UnicodeLineWriter(options: options)
  }

  /// Cleans the next chunk; appends the output that is final to `result`.
  ///
  /// The chunk goes to the decoder ``NormalizationStream/sliceBytes`` at a
  /// time, as in the block pipeline, so the decoder's buffer stays small
  /// whatever the size of a push.
  mutating func push(
    _ bytes: UnsafeRawBufferPointer, appendingTo result: inout [UInt8],
    statistics: inout DocumentStatistics, diagnostics: inout [Diagnostic]
  ) {
    swap(&writer.output, &result)
    defer { swap(&writer.output, &result) }
    var start = 0
    repeat {
      let end = min(bytes.count, start + NormalizationStream.sliceBytes)
      decoder.push(UnsafeRawBufferPointer(rebasing: bytes[start..<end]), into: &writer, statistics: &statistics)
      start = end
    } while start < bytes.count
    diagnostics += decoder.takeDiagnostics()
  }

  /// Ends the document: writes the last line, and resets.
  mutating func finish(
    appendingTo result: inout [UInt8], statistics: inout DocumentStatistics, diagnostics: inout [Diagnostic]
  ) {
    swap(&writer.output, &result)
    defer { swap(&writer.output, &result) }
    decoder.finish(into: &writer, statistics: &statistics)
    writer.finishDocument(statistics: &statistics)
    diagnostics += decoder.takeDiagnostics()
  }
}
