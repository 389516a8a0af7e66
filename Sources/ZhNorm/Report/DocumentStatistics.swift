/// Counts of what the pipeline did to one document.
///
/// Memory is O(number of distinct change kinds), whatever the input size.
public struct DocumentStatistics: Sendable {
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
  public var changes: [PipelineStep: [ChangeKind: Int]] {
    get {
      var result: [PipelineStep: [ChangeKind: Int]] = [:]
      for entry in entries { result[entry.step, default: [:]][entry.kind, default: 0] += entry.count }
      return result
    }
    set {
      entries = newValue.flatMap { step, kinds in kinds.map { Entry(step: step, kind: $0.key, count: $0.value) } }
    }
  }

  /// The counts, one entry per step and kind, in the order first counted.
  ///
  /// Counting is a hot path (stages count every removed duplicate and blank
  /// line): with a nested dictionary it cost ~800 instructions per count,
  /// hashing the kind's string twice; a document has a few dozen kinds at
  /// most, whose names are small strings that compare in two words.
  private var entries: [Entry] = []

  private struct Entry: Sendable {
    var step: PipelineStep
    var kind: ChangeKind
    var count: Int
  }

  /// Creates empty statistics.
  public init() {}

  /// Adds `count` changes of `kind` made by `step`. O(number of kinds so far).
  public mutating func add(_ count: Int, _ kind: ChangeKind, by step: PipelineStep) {
    guard count != 0 else { return }
    // The kind counted last is the likeliest to come again.
    for index in entries.indices.reversed() where entries[index].step == step && entries[index].kind == kind {
      entries[index].count += count
      return
    }
    entries.append(Entry(step: step, kind: kind, count: count))
  }

  /// The number of changes of `kind` made by `step`.
  public func count(_ kind: ChangeKind, by step: PipelineStep) -> Int {
    entries.first { $0.step == step && $0.kind == kind }?.count ?? 0
  }

  /// The total number of changes made by `step`.
  public func total(for step: PipelineStep) -> Int {
    entries.reduce(0) { $0 + ($1.step == step ? $1.count : 0) }
  }
}

extension DocumentStatistics: Hashable {
  /// Statistics are equal when all their counts are, whatever the order in
  /// which the kinds were first counted.
  public static func == (lhs: DocumentStatistics, rhs: DocumentStatistics) -> Bool {
    lhs.bytesIn == rhs.bytesIn && lhs.bytesOut == rhs.bytesOut && lhs.linesIn == rhs.linesIn
      && lhs.linesOut == rhs.linesOut && lhs.encoding == rhs.encoding
      && lhs.invalidSequences == rhs.invalidSequences && lhs.firstInvalidOffset == rhs.firstInvalidOffset
      && lhs.changes == rhs.changes
  }

  /// Hashes the counts (kinds in any order, as for equality).
  public func hash(into hasher: inout Hasher) {
    hasher.combine(bytesIn)
    hasher.combine(bytesOut)
    hasher.combine(linesIn)
    hasher.combine(linesOut)
    hasher.combine(encoding)
    hasher.combine(invalidSequences)
    hasher.combine(firstInvalidOffset)
    hasher.combine(changes)
  }
}
