/// The dotted path of a field inside a JSON object, such as `text` or
/// `meta.body`.
///
/// Each component names a key of an object nested in the one before; a
/// component may not be empty, and a key that contains a dot cannot be named.
///
/// ```swift
/// let path = try JSONFieldPath("meta.body")
/// path.components   // ["meta", "body"]
/// ```
public struct JSONFieldPath: Sendable, Hashable, CustomStringConvertible {
  /// The keys, outermost first.
  public let components: [String]
  /// The keys as UTF-8 bytes, compared with the (decoded) keys of a record.
  let keys: [[UInt8]]

  /// An invalid path: empty, or with an empty component (`a..b`, `.a`).
  public struct InvalidPath: Error, Sendable, CustomStringConvertible {
    /// The path as given.
    public var path: String
    /// The error in words, with what a valid path looks like.
    public var description: String { "invalid field path '\(path)': use keys separated by dots, such as text or meta.body" }
  }

  /// Parses a dotted path.
  public init(_ path: String) throws(InvalidPath) {
    let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard !parts.isEmpty, !parts.contains(where: \.isEmpty) else { throw InvalidPath(path: path) }
    components = parts
    keys = parts.map { Array($0.utf8) }
  }

  /// The path as written, components joined by dots.
  public var description: String { components.joined(separator: ".") }
}
