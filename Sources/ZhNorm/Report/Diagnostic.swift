/// A problem found in the input that did not stop processing.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: String, Sendable, Hashable {
    /// Ill-formed UTF-8 bytes were replaced with U+FFFD.
    case invalidUTF8 = "invalid-utf8"
  }

  /// What went wrong.
  public var kind: Kind
  /// The byte offset in the input document where it happened.
  public var byteOffset: Int
  /// The input line (1-based).
  public var line: Int
  /// How many bytes were affected.
  public var length: Int

  /// Creates a diagnostic.
  public init(kind: Kind, byteOffset: Int, line: Int, length: Int) {
    self.kind = kind
    self.byteOffset = byteOffset
    self.line = line
    self.length = length
  }

  /// The problem in words, with its byte offset and line.
  public var description: String {
    switch kind {
    case .invalidUTF8:
      "invalid UTF-8 (\(length) byte\(length == 1 ? "" : "s")) at byte offset \(byteOffset), line \(line)"
    }
  }
}
