/// Options of the `unicode` step.
public struct UnicodeCleanupOptions: Sendable, Hashable {
  /// The width of `, : ; ! ? ( )`. Default: ``PunctuationStyle/cjk``.
  public var punctuation: PunctuationStyle

  /// Creates options.
  public init(punctuation: PunctuationStyle = .cjk) {
    self.punctuation = punctuation
  }
}
