/// Which width the seven context-sensitive punctuation marks `, : ; ! ? ( )` take.
public enum PunctuationStyle: String, Sendable, CaseIterable, Codable {
  /// The Chinese convention (GB/T 15834): ASCII marks in Chinese context become
  /// fullwidth (`，：；！？（）`). Decimals, times, URLs, e-mail addresses and
  /// Latin sentences are left alone. The exact rules are in the README (step `unicode`, punctuation).
  case cjk
  /// Every fullwidth `，：；！？（）` becomes its ASCII form.
  case ascii
  /// Punctuation is left as it is.
  case keep
}
