/// Where a stage puts what it produces: blocks for the next stage, counts and
/// change records for the report.
///
/// The driver sets ``step`` before it calls a stage, so a stage only says what
/// it did, never who it is.
public struct StageOutput {
  /// The blocks emitted, in order, since the driver last collected them.
  public internal(set) var blocks: [Block] = []
  /// Counts of what the pipeline did to the current document.
  public internal(set) var statistics = DocumentStatistics()
  /// Records of removals and merges since the driver last collected them.
  public internal(set) var records: [ChangeRecord] = []
  /// Problems found that change nothing (see ``diagnose(_:)``), since the
  /// stream last collected them.
  public internal(set) var diagnostics: [Diagnostic] = []
  /// The step currently running.
  public internal(set) var step: PipelineStep = .unicode
  /// Whether stages should make ``ChangeRecord``s (counts are always kept).
  public internal(set) var recordsChanges = false

  /// Creates an empty output.
  public init(recordsChanges: Bool = false) {
    self.recordsChanges = recordsChanges
  }

  /// Passes `block` on to the next stage.
  public mutating func emit(_ block: consuming Block) {
    blocks.append(block)
  }

  /// Passes all of `blocks` on, in order, and leaves `blocks` empty. When
  /// nothing was emitted yet in this call, the array itself is handed over
  /// (no block is copied); a stage that rewrites a batch in place ends with this.
  public mutating func emit(contentsOf blocks: inout [Block]) {
    if self.blocks.isEmpty {
      swap(&self.blocks, &blocks)
    } else {
      self.blocks.append(contentsOf: blocks)
    }
    blocks.removeAll(keepingCapacity: true)
  }

  /// Reports a problem in the input that the stage does not (or cannot) fix.
  public mutating func diagnose(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  /// Counts `count` changes of `kind` made by the current step.
  public mutating func count(_ kind: ChangeKind, _ count: Int = 1) {
    statistics.add(count, kind, by: step)
  }

  /// Counts one change of `kind` and, when records are wanted, records it.
  ///
  /// The text and the detail are built only when records are wanted (both are
  /// autoclosures), so evidence costs nothing in the common, unreported case —
  /// not even a copy of the block's text.
  public mutating func record(
    _ kind: ChangeKind, line: Int, text: @autoclosure () -> String? = nil, detail: @autoclosure () -> String? = nil
  ) {
    statistics.add(1, kind, by: step)
    if recordsChanges {
      records.append(ChangeRecord(step: step, kind: kind, line: line, text: text(), detail: detail()))
    }
  }
}
