/// A problem found in the input that did not stop processing.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: String, Sendable, Hashable {
    /// Ill-formed UTF-8 bytes were replaced with U+FFFD.
    case invalidUTF8 = "invalid-utf8"
    /// Bytes invalid or unmappable in the input encoding (``detail`` names
    /// it) were replaced with U+FFFD.
    case invalidEncoding = "invalid-encoding"
    /// A NUL byte in the first block: the input looks binary. ``byteOffset``
    /// is where the first NUL is. (The library goes on and removes NULs as
    /// control characters; the command line refuses the input.)
    case binaryInput = "binary-input"
    /// Irreversible mojibake such as `锟斤拷` (U+FFFD read as GBK) or
    /// `烫烫烫`/`屯屯屯` (uninitialised memory): reported, never guessed at.
    /// ``detail`` holds the damaged text.
    case mojibakeDamage = "mojibake-damage"
  }

  /// Whether this is a decoding error: bytes were replaced with U+FFFD
  /// (what `--strict` turns into an error).
  public var isDecodingError: Bool { kind == .invalidUTF8 || kind == .invalidEncoding }

  /// What went wrong.
  public var kind: Kind
  /// The byte offset in the input document where it happened.
  public var byteOffset: Int
  /// The input line (1-based).
  public var line: Int
  /// How many bytes were affected.
  public var length: Int
  /// More about it: the encoding for ``Kind/invalidEncoding``, the damaged
  /// text for ``Kind/mojibakeDamage``.
  public var detail: String?

  /// Creates a diagnostic.
  public init(kind: Kind, byteOffset: Int, line: Int, length: Int, detail: String? = nil) {
    self.kind = kind
    self.byteOffset = byteOffset
    self.line = line
    self.length = length
    self.detail = detail
  }

  /// The problem in words, with its byte offset and line.
  public var description: String {
    switch kind {
    case .invalidUTF8:
      "invalid UTF-8 (\(length) byte\(length == 1 ? "" : "s")) at byte offset \(byteOffset), line \(line)"
    case .invalidEncoding:
      "invalid or unmappable \(detail ?? "input") (\(length) byte\(length == 1 ? "" : "s")) at byte offset \(byteOffset), line \(line)"
    case .binaryInput:
      "binary input (NUL byte at byte offset \(byteOffset))"
    case .mojibakeDamage:
      "irreversible mojibake \(detail ?? "") at byte offset \(byteOffset), line \(line) (left as it is)"
    }
  }
}
