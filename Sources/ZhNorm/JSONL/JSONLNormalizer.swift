/// Normalizes one string field in every record of a JSON Lines input (one
/// JSON value per line), keeping every other byte of each line as it is.
///
/// ```swift
/// let jsonl = try JSONLNormalizer(field: JSONFieldPath("meta.body"))
/// jsonl.normalize(#"{"id":1,"meta":{"body":"论坛在武汉举行(第3届)"}}"# + "\n")
/// // {"id":1,"meta":{"body":"论坛在武汉举行（第3届）"}}
/// ```
///
/// For each line:
/// - The field's string value is decoded (all JSON escapes, surrogate pairs
///   included; see ``JSONStringCodec``), normalized by ``normalizer`` as one
///   document, encoded again (`"`, `\` and control characters escaped,
///   non-ASCII kept as UTF-8) and written into exactly the byte span the
///   value had. Keys, other fields, their order and spacing are unchanged. A
///   record whose text the normalizer leaves as it is is written back byte for
///   byte, escapes included.
/// - The text keeps its ending: the line break the normalizer gives the end
///   of a document is kept only if the field's text ended with a line break.
/// - A record without the field, with a non-string field, a blank line and a
///   malformed line (with a ``JSONLDiagnostic``) pass through unchanged and
///   are counted in ``JSONLStatistics``.
/// - With ``dropsEmpty``, a record whose normalized text is empty (a
///   duplicate removed by dedup, only whitespace) is left out. Otherwise
///   there is exactly one output line per input line, so the filter can sit
///   behind a per-record pipe (Spark's `RDD.pipe`, Hadoop Streaming).
///
/// One stream's records share the text stream: with dedup's `run` scope (or
/// a database) a paragraph repeated in a later record is removed there; with
/// the default `document` scope, dedup works within each record's text.
///
/// Lines end at LF; a CR before it is JSON whitespace and is kept. A
/// `JSONLNormalizer` is an immutable value; each stream has its own state.
public struct JSONLNormalizer: Sendable {
  /// Normalizes each record's text.
  public let normalizer: Normalizer
  /// The field normalized in each record.
  public let field: JSONFieldPath
  /// Whether records whose text became empty are left out.
  public let dropsEmpty: Bool

  /// Creates a JSON Lines normalizer.
  public init(normalizer: Normalizer = Normalizer(), field: JSONFieldPath, dropsEmpty: Bool = false) {
    self.normalizer = normalizer
    self.field = field
    self.dropsEmpty = dropsEmpty
  }

  /// Makes a stream that processes JSON Lines input given in chunks.
  public func makeStream() -> JSONLStream {
    JSONLStream(configuration: self)
  }

  /// Normalizes a whole JSON Lines text (one input).
  ///
  /// Complexity: O(n).
  public func normalize(_ jsonl: String) -> String {
    var stream = makeStream()
    var output: [UInt8] = []
    stream.push(Array(jsonl.utf8), appendingTo: &output)
    stream.finish(appendingTo: &output)
    return String(decoding: output, as: UTF8.self)
  }
}
