/// The entry point of the library: normalizes Chinese text.
///
/// ```swift
/// import ZhNorm
///
/// let normalizer = Normalizer()
/// normalizer.normalize("湖北日报讯(记者许旷)11月8日,论坛在武汉举行。")
/// // "湖北日报讯（记者许旷）11月8日，论坛在武汉举行。\n"
/// ```
///
/// `normalize(_:)` treats its argument as one document. For input that does
/// not fit in memory, use ``makeStream()`` and feed it chunks of bytes, or the
/// ``normalized(_:)`` `AsyncSequence` adapter. All three give the same output.
///
/// A `Normalizer` is an immutable value: share it between threads freely; each
/// stream it makes has its own state.
public struct Normalizer: Sendable {
  /// What this normalizer does.
  public let configuration: NormalizerConfiguration

  /// Creates a normalizer.
  public init(configuration: NormalizerConfiguration = NormalizerConfiguration()) {
    self.configuration = configuration
  }

  /// Normalizes `text` as one document.
  ///
  /// Complexity: O(n).
  public func normalize(_ text: String) -> String {
    normalizeWithStatistics(text).text
  }

  /// Normalizes `text` as one document and says what changed.
  public func normalizeWithStatistics(_ text: String) -> (text: String, statistics: DocumentStatistics) {
    var stream = makeStream()
    var bytes = stream.push(Array(text.utf8))
    bytes += stream.finishDocument()
    return (String(decoding: bytes, as: UTF8.self), stream.statistics)
  }

  /// Makes a stream that normalizes input given in chunks, in bounded memory.
  public func makeStream() -> NormalizationStream {
    NormalizationStream(configuration: configuration)
  }

  /// Builds the stages for `configuration`, in step order.
  ///
  /// `dedupTakesVerdicts: false` makes the dedup step check every paragraph
  /// itself even where it could take the repair step's verdicts (for tests
  /// that compare the two).
  static func stages(for configuration: NormalizerConfiguration, dedupTakesVerdicts: Bool = true) -> [any PipelineStage] {
    let takesVerdicts = dedupTakesVerdicts && DedupStage.takesEarlyVerdicts(in: configuration)
    var stages: [any PipelineStage] = []
    if configuration.fixesMojibake { stages.append(MojibakeStage()) }
    for step in PipelineStep.allCases where configuration.steps.contains(step) {
      switch step {
      case .unicode: stages.append(UnicodeCleanupStage(options: configuration.unicode))
      case .repair:
        // Text the repair step changes is cleaned again when the unicode step runs.
        let cleaner = configuration.steps.contains(.unicode) ? UnicodeCleaner(options: configuration.unicode) : nil
        let dedup = configuration.steps.contains(.dedup) ? configuration.dedup : nil
        stages.append(
          RepairStage(
            options: configuration.repair, cleaner: cleaner, dedup: dedup, reportsCopies: configuration.recordsChanges,
            dedupTakesVerdicts: takesVerdicts))
      case .convert: stages.append(ConvertStage(options: configuration.convert))
      case .dedup:
        stages.append(
          DedupStage(
            options: configuration.dedup, keepsPositions: configuration.recordsChanges, takesEarlyVerdicts: takesVerdicts))
      }
    }
    return stages
  }
}
