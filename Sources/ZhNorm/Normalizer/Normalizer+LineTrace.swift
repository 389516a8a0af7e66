extension Normalizer {
  /// Makes a stream that also collects a ``LineTrace``: the text of every
  /// input line and of every output line with the input lines it came from,
  /// for showing changes line by line (``ExplainRenderer``, `zhnorm --explain`).
  ///
  /// Tracing copies each line's text once on the way in and once on the way
  /// out; the output is the same as without it. Profile conversion alone
  /// (normally streamed without splitting lines) goes through the line
  /// pipeline when traced.
  public func makeStream(tracingLines: Bool) -> NormalizationStream {
    NormalizationStream(configuration: configuration, tracingLines: tracingLines)
  }
}
