/// An encoding that cannot be used.
public enum EncodingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// ICU knows no encoding by this name.
  case unknownEncoding(String)

  /// The message, naming the encoding and what works instead.
  public var description: String {
    switch self {
    case .unknownEncoding(let name):
      "unknown encoding '\(name)' (any name ICU knows works: GB18030, GBK, Big5, Big5-HKSCS, UTF-16LE, UTF-16BE, UTF-32, Shift_JIS, windows-1252, …, or 'auto')"
    }
  }
}
