/// Counts of what ``JSONLStream`` did with the lines of one input.
public struct JSONLStatistics: Sendable, Hashable {
  /// Lines read (a last line without a terminator counts).
  public var lines = 0
  /// Records whose field was a string and was normalized (changed or not).
  public var normalized = 0
  /// Of ``normalized``, those whose text changed.
  public var changed = 0
  /// Records without the field (or not a JSON object), passed through.
  public var missingField = 0
  /// Records whose field is not a string, passed through.
  public var notString = 0
  /// Lines that are not well-formed JSON, passed through.
  public var malformed = 0
  /// Blank lines (empty or only whitespace), passed through.
  public var blank = 0
  /// Records dropped because their text became empty (``JSONLNormalizer/dropsEmpty``).
  public var dropped = 0
  /// Unpaired `\uD800`–`\uDFFF` escapes in the field, replaced with U+FFFD.
  public var unpairedSurrogates = 0

  /// Creates empty statistics.
  public init() {}
}
