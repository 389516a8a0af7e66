/// The account of ill-formed UTF-8 in one document: every ill-formed
/// sequence is counted in the statistics (and the first one's offset kept),
/// the first ``limit`` of them also get a ``Diagnostic``.
///
/// The limit is per document, however often the caller takes the
/// diagnostics (the CLI takes them after every chunk). Make a new log for
/// each document. O(1) per sequence.
struct InvalidUTF8Log {
  /// At most this many diagnostics per document; all sequences are counted.
  static let limit = 100

  private var diagnosed = 0

  /// A log for a new document.
  init() {}

  /// Notes an ill-formed sequence of `length` bytes at `offset` in the
  /// document, on `line`.
  mutating func note(
    offset: Int, line: Int, length: Int, statistics: inout DocumentStatistics, diagnostics: inout [Diagnostic]
  ) {
    statistics.invalidSequences += 1
    if statistics.firstInvalidOffset == nil { statistics.firstInvalidOffset = offset }
    guard diagnosed < Self.limit else { return }
    diagnostics.append(Diagnostic(kind: .invalidUTF8, byteOffset: offset, line: line, length: length))
    diagnosed += 1
  }
}

extension UTF8Codec {
  /// Appends `bytes` to `result` with each maximal ill-formed subsequence
  /// replaced by U+FFFD, calling `invalid` with its position in `bytes` and
  /// its length. O(n).
  static func appendReplacingInvalid(
    _ bytes: UnsafeBufferPointer<UInt8>, to result: inout [UInt8], invalid: (_ position: Int, _ length: Int) -> Void
  ) {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var position = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        result.append(contentsOf: encoded)
        position += encoded.count
      case .error(let length):
        result.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
        invalid(position, length)
        position += length
      case .emptyInput:
        return
      }
    }
  }
}
