/// Which encoding a document was read in, and why.
public struct EncodingDecision: Sendable, Hashable, CustomStringConvertible {
  /// How the encoding was chosen.
  public enum Source: String, Sendable, Hashable {
    /// The configuration named it (`--from NAME`), or UTF-8 by default.
    case specified
    /// A byte order mark at the start of the document (`--from auto`).
    case byteOrderMark = "byte-order-mark"
    /// UTF-16 or UTF-32 without a byte order mark, recognised by where the
    /// NUL bytes of its ASCII characters are (`--from auto`).
    case nulPattern = "nul-pattern"
    /// The first block is valid UTF-8 (`--from auto`).
    case validUTF8 = "valid-utf8"
    /// ICU's charset detection over the first block (`--from auto`).
    case detection
    /// Nothing was confident enough: UTF-8 (`--from auto`).
    case fallback
  }

  /// The encoding's name, as given or detected ("UTF-8", "GB18030", "Big5", "UTF-16LE", …).
  public var name: String
  /// How it was chosen.
  public var source: Source
  /// The detector's confidence, 0–100, when ``source`` is ``Source/detection``
  /// (or ``Source/fallback`` with a rejected guess).
  public var confidence: Int?

  /// Creates a decision.
  public init(name: String, source: Source, confidence: Int? = nil) {
    self.name = name
    self.source = source
    self.confidence = confidence
  }

  /// "GB18030 (detection, confidence 100)".
  public var description: String {
    "\(name) (\(source.rawValue)\(confidence.map { ", confidence \($0)" } ?? ""))"
  }
}
