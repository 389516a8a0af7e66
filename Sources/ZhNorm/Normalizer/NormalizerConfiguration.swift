/// What a ``Normalizer`` does: which steps run, and their options.
///
/// ```swift
/// var configuration = NormalizerConfiguration()
/// configuration.unicode.punctuation = .keep
/// configuration.steps.remove(.unicode)
/// ```
public struct NormalizerConfiguration: Sendable, Hashable {
  /// The steps that run. Steps always run in ``PipelineStep`` order.
  /// Default: every step that is on by default (``defaultSteps``).
  public var steps: Set<PipelineStep>
  /// Options of the `unicode` step.
  public var unicode: UnicodeCleanupOptions
  /// Options of the `repair` step.
  public var repair: RepairOptions
  /// Options of the `convert` step: an OpenCC profile, a target script, and
  /// stray-character fixing (on by default).
  public var convert: ConvertOptions
  /// Options of the `dedup` step.
  public var dedup: DedupOptions = DedupOptions()
  /// The encoding of the input (converted to UTF-8 before the pipeline).
  /// Default: ``InputEncoding/utf8``.
  public var inputEncoding: InputEncoding = .utf8
  /// Whether the first 8 KiB of each document are held back until they are
  /// checked for NUL bytes, so that a ``Diagnostic/Kind/binaryInput`` comes
  /// before any output of the document (what lets the command line refuse
  /// binary input cleanly). Turn it off for interactive use, where each line
  /// should come out as soon as it can: the check then happens as bytes
  /// arrive. ``InputEncoding/automatic`` holds back its 64 KiB detection
  /// block either way. Default: `true`.
  public var holdsBackFirstBlock = true
  /// Whether mojibake that can be undone losslessly (UTF-8 read as GBK or
  /// Latin-1/Windows-1252 and saved again) is repaired, before every other
  /// step (see ``MojibakeRepair``). Default: `false`.
  public var fixesMojibake = false
  /// Lines longer than this many bytes are processed in segments, which keeps
  /// memory bounded on input without line breaks. Default: 4 MiB.
  public var maximumLineBytes: Int
  /// Whether ``ChangeRecord``s are made for removals and merges (for
  /// `--report`). Counts are always kept. Default: `false`.
  public var recordsChanges: Bool

  /// The steps that run when none are chosen.
  public static let defaultSteps: Set<PipelineStep> = [.unicode, .repair, .convert, .dedup]

  /// Creates a configuration with the defaults.
  public init(
    steps: Set<PipelineStep> = NormalizerConfiguration.defaultSteps,
    unicode: UnicodeCleanupOptions = UnicodeCleanupOptions(),
    repair: RepairOptions = RepairOptions(),
    convert: ConvertOptions = ConvertOptions(),
    maximumLineBytes: Int = 4 << 20,
    recordsChanges: Bool = false
  ) {
    self.steps = steps
    self.unicode = unicode
    self.repair = repair
    self.convert = convert
    self.maximumLineBytes = maximumLineBytes
    self.recordsChanges = recordsChanges
  }
}
