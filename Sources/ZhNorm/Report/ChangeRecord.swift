/// One change worth telling a person about: a removal, a join, a replacement.
///
/// Frequent, self-explanatory edits (a comma made fullwidth) are only counted
/// in ``DocumentStatistics``; a record is made when text is removed or blocks
/// are merged, so that `--report` can list what went and why.
public struct ChangeRecord: Sendable, Hashable {
  /// The step that made the change.
  public var step: PipelineStep
  /// What kind of change it is.
  public var kind: ChangeKind
  /// The input line (1-based) where the change happened.
  public var line: Int
  /// The text that was removed or replaced, if any.
  public var text: String?
  /// The evidence for the decision, in words (e.g. "duplicate of line 12").
  public var detail: String?

  /// Creates a record.
  public init(step: PipelineStep, kind: ChangeKind, line: Int, text: String? = nil, detail: String? = nil) {
    self.step = step
    self.kind = kind
    self.line = line
    self.text = text
    self.detail = detail
  }
}
