/// A line that is not one well-formed JSON value (RFC 8259).
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The byte offset in the line (0-based) where the problem was found.
  public var byteOffset: Int
  /// What is wrong, in words ("unterminated string").
  public var reason: String

  /// Creates an error.
  public init(byteOffset: Int, reason: String) {
    self.byteOffset = byteOffset
    self.reason = reason
  }

  /// The error in words, with its 1-based byte position in the line.
  public var description: String { "malformed JSON at byte \(byteOffset + 1) of the line: \(reason)" }
}
