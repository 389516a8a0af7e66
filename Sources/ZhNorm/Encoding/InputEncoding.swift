/// The character encoding of input documents: UTF-8 (the default), any
/// encoding ICU knows, or detected per document.
///
/// ```swift
/// var configuration = NormalizerConfiguration()
/// configuration.inputEncoding = try InputEncoding("GB18030")  // or .automatic
/// ```
///
/// A value always names an encoding ICU can convert: the throwing
/// initializer checks the name.
public struct InputEncoding: Sendable, Hashable, CustomStringConvertible {
  enum Kind: Sendable, Hashable {
    case utf8
    /// The name as given (ICU knows it).
    case named(String)
    case automatic
  }

  let kind: Kind

  /// UTF-8: ill-formed bytes become U+FFFD and are reported.
  public static let utf8 = InputEncoding(kind: .utf8)

  /// Decided per document from its first block (``InputDecoder/detectionLength``
  /// bytes): a byte order mark (UTF-8, UTF-16, UTF-32) first, then UTF-16 or
  /// UTF-32 recognised by the places of their NUL bytes, then UTF-8 if the
  /// block is valid UTF-8, then ICU's charset detection, and UTF-8 when its
  /// confidence is below ``InputDecoder/minimumConfidence``.
  public static let automatic = InputEncoding(kind: .automatic)

  init(kind: Kind) { self.kind = kind }

  /// The encoding called `name`: `auto`, or any name or alias ICU knows
  /// (`GB18030`, `GBK`, `Big5`, `Big5-HKSCS`, `UTF-16LE`, `UTF-32`,
  /// `Shift_JIS`, `windows-1252`, …; case does not matter).
  /// - Throws: ``EncodingError/unknownEncoding(_:)``.
  public init(_ name: String) throws(EncodingError) {
    if name.lowercased() == "auto" {
      kind = .automatic
      return
    }
    guard let canonical = Transcoder.canonicalName(name) else { throw .unknownEncoding(name) }
    kind = canonical == "UTF-8" ? .utf8 : .named(name)
  }

  /// The name as given ("UTF-8" for UTF-8 by any alias); `nil` for ``automatic``.
  public var name: String? {
    switch kind {
    case .utf8: "UTF-8"
    case .named(let name): name
    case .automatic: nil
    }
  }

  /// The name, or "auto".
  public var description: String { name ?? "auto" }
}
