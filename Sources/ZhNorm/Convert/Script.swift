/// The script a piece of Chinese text is written in.
public enum Script: String, CaseIterable, Sendable, Codable {
  /// Simplified Chinese.
  case hans
  /// Traditional Chinese.
  case hant
  /// Both scripts' exclusive characters occur in significant numbers.
  case mixed
  /// No script-exclusive character at all (no Chinese, or only characters
  /// shared by both scripts, such as 中文 or 乾隆).
  case none
}
