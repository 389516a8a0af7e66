/// Counts of what the pipeline did to one document.
///
/// Memory is O(number of distinct change kinds), whatever the input size.
public struct DocumentStatistics: Sendable, Hashable {
  /// Bytes read from the input.
  public var bytesIn = 0
  /// Bytes written to the output.
  public var bytesOut = 0
  /// Lines read from the input (a last line without a terminator counts).
  public var linesIn = 0
  /// Lines written to the output.
  public var linesOut = 0
  /// The input's encoding and how it was chosen (once the first block is read).
  public var encoding: EncodingDecision?
  /// Ill-formed UTF-8 sequences (or, with another input encoding, invalid or
  /// unmappable sequences) replaced by U+FFFD while decoding.
  public var invalidSequences = 0
  /// The byte offset of the first ill-formed sequence, if any.
  public var firstInvalidOffset: Int?
  /// Per step, how many changes of each kind it made.
  public var changes: [PipelineStep: [ChangeKind: Int]] = [:]

  /// Creates empty statistics.
  public init() {}

  /// Adds `count` changes of `kind` made by `step`.
  public mutating func add(_ count: Int, _ kind: ChangeKind, by step: PipelineStep) {
    guard count != 0 else { return }
    changes[step, default: [:]][kind, default: 0] += count
  }

  /// The number of changes of `kind` made by `step`.
  public func count(_ kind: ChangeKind, by step: PipelineStep) -> Int {
    changes[step]?[kind] ?? 0
  }

  /// The total number of changes made by `step`.
  public func total(for step: PipelineStep) -> Int {
    changes[step]?.values.reduce(0, +) ?? 0
  }
}
