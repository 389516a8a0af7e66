/// How ``ExplainRenderer`` lays out its account of the changes.
///
/// ```swift
/// var style = ExplainStyle()
/// style.colors = true        // ANSI colours, for a terminal
/// style.context = 12         // unchanged scalars shown around each change
/// ```
public struct ExplainStyle: Sendable, Hashable {
  /// ANSI colours (deletions red and struck through, insertions green)
  /// instead of the plain markers `[-deleted-]` and `{+inserted+}`.
  /// Default: `false`.
  public var colors: Bool
  /// How many unchanged scalars are shown on each side of a change; longer
  /// unchanged stretches are cut to `…`. Default: 20.
  public var context: Int
  /// The longest removed or quoted text shown in full, in scalars; longer
  /// text is cut with `…`. Default: 160.
  public var maximumQuotedScalars: Int
  /// How many input lines (and pending records) the renderer keeps while
  /// the output has not reached them yet. Past that, the oldest are let go
  /// (their lines are then explained without a diff), which bounds memory
  /// when a stage removes a long stretch of text. Default: 4096.
  public var maximumPendingLines: Int

  /// Creates a style.
  public init(colors: Bool = false, context: Int = 20, maximumQuotedScalars: Int = 160, maximumPendingLines: Int = 4096) {
    self.colors = colors
    self.context = context
    self.maximumQuotedScalars = maximumQuotedScalars
    self.maximumPendingLines = maximumPendingLines
  }
}
