/// The script (and regional standard) a "target script" conversion produces
/// (`--to` on the command line).
public enum ConversionTarget: String, CaseIterable, Sendable, Codable {
  /// Simplified Chinese.
  case hans
  /// Traditional Chinese, OpenCC standard forms.
  case hant
  /// Traditional Chinese, Taiwan standard forms.
  case tw
  /// Traditional Chinese, Hong Kong standard forms.
  case hk

  /// The script of the target.
  public var script: Script { self == .hans ? .hans : .hant }

  /// The OpenCC profile that converts a Simplified text to this target
  /// (nil for `.hans`).
  public var fromSimplified: ConversionProfile? {
    switch self {
    case .hans: nil
    case .hant: .s2t
    case .tw: .s2tw
    case .hk: .s2hk
    }
  }

  /// The OpenCC profile that converts a Traditional text to this target
  /// (nil when a Traditional text needs nothing: `.hant`).
  public var fromTraditional: ConversionProfile? {
    switch self {
    case .hans: .t2s
    case .hant: nil
    case .tw: .t2tw
    case .hk: .t2hk
    }
  }
}
