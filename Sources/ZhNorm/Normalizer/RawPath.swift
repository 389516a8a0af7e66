/// A way through the pipeline without blocks, for a configuration whose only
/// step needs none: ``RawConversionPath`` (`--only convert` with a profile)
/// and ``RawCleanupPath`` (`--only unicode`).
///
/// A raw path gives the block pipeline's output, statistics and diagnostics;
/// it exists for speed. The stream uses the block pipeline instead when it
/// traces lines (`--explain` shows blocks) or repairs mojibake (a stage of
/// its own).
protocol RawPath {
  /// Takes the next chunk of the document; appends the output that is final
  /// to `result`, counts in `statistics` (all but ``DocumentStatistics/bytesOut``,
  /// which the stream counts) and adds problems found to `diagnostics`.
  mutating func push(
    _ bytes: UnsafeRawBufferPointer, appendingTo result: inout [UInt8],
    statistics: inout DocumentStatistics, diagnostics: inout [Diagnostic])

  /// Ends the document: appends the rest of its output, and resets for the next.
  mutating func finish(
    appendingTo result: inout [UInt8], statistics: inout DocumentStatistics, diagnostics: inout [Diagnostic])
}

extension RawConversionPath: RawPath {}
extension RawCleanupPath: RawPath {}
