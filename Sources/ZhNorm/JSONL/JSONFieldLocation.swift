/// Where ``JSONLineScanner`` found a field in a JSON line.
public enum JSONFieldLocation: Sendable, Hashable {
  /// The field is a string. `content` is the byte range between its quotes,
  /// escapes not decoded; `hasEscapes` tells whether it contains a backslash
  /// (when it does not, the bytes are the text itself).
  case string(content: Range<Int>, hasEscapes: Bool)
  /// The field exists but is a number, object, array, `true`, `false` or `null`.
  case notString
  /// The record has no such field: the key is absent, the line is not an
  /// object, or a value on the way to the field is not an object.
  case missing
}
