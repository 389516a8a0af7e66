#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Processes JSON Lines input given in chunks, for ``JSONLNormalizer``.
///
/// ```swift
/// var stream = try JSONLNormalizer(field: JSONFieldPath("text")).makeStream()
/// var output: [UInt8] = []
/// for chunk in chunks { stream.push(chunk, appendingTo: &output) }
/// stream.finish(appendingTo: &output)
/// print(stream.statistics.normalized, stream.takeDiagnostics())
/// ```
///
/// Output for a line is appended as soon as its line terminator has been
/// pushed. To act after each record (to flush it, say), use ``feed(_:)`` and
/// ``processNextRecord(appendingTo:)`` instead of ``push(_:appendingTo:)``.
///
/// Memory: the longest line, a few times over (the line, its decoded text,
/// the normalized text and its encoding), plus the text stream's state;
/// independent of the number of lines. The output does not depend on how the
/// input is split into chunks.
public struct JSONLStream {
  private let configuration: JSONLNormalizer
  private var text: NormalizationStream
  private var pending: [UInt8] = []
  /// Start of the first unprocessed line in `pending`.
  private var consumed = 0
  /// `pending[consumed..<searched]` has no line feed.
  private var searched = 0
  private var lineNumber = 0
  /// Input offset of `pending[consumed]`.
  private var lineOffset = 0
  private var decoded: [UInt8] = []
  private var normalized: [UInt8] = []
  private var diagnostics: [JSONLDiagnostic] = []
  private var records: [ChangeRecord] = []
  private var startsNewInput = false

  /// Counts for the current input (after ``finish(appendingTo:)``: for the
  /// input just finished, until the next push).
  public private(set) var statistics = JSONLStatistics()
  /// What the normalizer did to the texts of the current input's records,
  /// summed over them.
  public private(set) var textStatistics = DocumentStatistics()

  /// At most this many diagnostics wait to be taken; ``statistics`` counts all.
  public static let maximumPendingDiagnostics = 1000

  init(configuration: JSONLNormalizer) {
    self.configuration = configuration
    text = configuration.normalizer.makeStream()
  }

  /// Feeds the next chunk and appends the output of every line it completes.
  public mutating func push(_ bytes: some Collection<UInt8>, appendingTo output: inout [UInt8]) {
    feed(bytes)
    while processNextRecord(appendingTo: &output) {}
  }

  /// Adds the next chunk to the stream without processing it.
  public mutating func feed(_ bytes: some Collection<UInt8>) {
    if startsNewInput { reset() }
    if consumed > 0 {
      pending.removeSubrange(0..<consumed)
      searched -= consumed
      consumed = 0
    }
    pending.append(contentsOf: bytes)
  }

  /// Processes the next complete line, if one has been fed, appending its
  /// output to `output`. Returns `false` when no complete line is left.
  public mutating func processNextRecord(appendingTo output: inout [UInt8]) -> Bool {
    if startsNewInput { reset() }
    let end: Int? = pending.withUnsafeBufferPointer { buffer -> Int? in
      guard searched < buffer.count else { return nil }
      let start = buffer.baseAddress! + searched
      guard let found = memchr(start, 0x0A, buffer.count - searched) else { return nil }
      return searched + (UnsafeRawPointer(found) - UnsafeRawPointer(start))
    }
    guard let end else {
      searched = pending.count
      return false
    }
    process(consumed..<end, terminated: true, into: &output)
    lineOffset += end + 1 - consumed
    consumed = end + 1
    searched = consumed
    return true
  }

  /// Ends the input: processes a last line that has no line feed (written
  /// without one too). The next push starts a new input (line numbers and
  /// statistics start again; the text stream's run-wide state is kept).
  public mutating func finish(appendingTo output: inout [UInt8]) {
    if startsNewInput { reset() }
    while processNextRecord(appendingTo: &output) {}
    if consumed < pending.count {
      process(consumed..<pending.count, terminated: false, into: &output)
    }
    pending.removeAll(keepingCapacity: pending.capacity <= 1 << 20)
    consumed = 0
    searched = 0
    startsNewInput = true
  }

  /// Takes the diagnostics found since the last call.
  public mutating func takeDiagnostics() -> [JSONLDiagnostic] {
    defer { diagnostics.removeAll() }
    return diagnostics
  }

  /// Takes the change records made since the last call (when the
  /// normalizer's configuration records changes). A record's `line` is the
  /// input line of the JSON record; its detail starts with the line within
  /// the field's text, and "document N" in it means the N-th record.
  public mutating func takeRecords() -> [ChangeRecord] {
    defer { records.removeAll() }
    return records
  }

  private mutating func reset() {
    statistics = JSONLStatistics()
    textStatistics = DocumentStatistics()
    lineNumber = 0
    lineOffset = 0
    startsNewInput = false
  }

  private mutating func report(_ problem: JSONLDiagnostic.Problem) {
    guard diagnostics.count < Self.maximumPendingDiagnostics else { return }
    diagnostics.append(JSONLDiagnostic(problem: problem, line: lineNumber, lineOffset: lineOffset))
  }

  /// Processes `pending[range]`, one line without its line feed.
  private mutating func process(_ range: Range<Int>, terminated: Bool, into output: inout [UInt8]) {
    lineNumber += 1
    statistics.lines += 1
    let line = pending[range]
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
      statistics.blank += 1
      passThrough(range, terminated: terminated, into: &output)
      return
    }
    let location: JSONFieldLocation
    do {
      location = try pending.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
        try JSONLineScanner.locate(configuration.field, in: UnsafeBufferPointer(rebasing: buffer[range]))
      }
    } catch {
      statistics.malformed += 1
      report(.malformed(error))
      passThrough(range, terminated: terminated, into: &output)
      return
    }
    switch location {
    case .missing:
      statistics.missingField += 1
      passThrough(range, terminated: terminated, into: &output)
    case .notString:
      statistics.notString += 1
      passThrough(range, terminated: terminated, into: &output)
    case .string(let content, let hasEscapes):
      let span = range.lowerBound + content.lowerBound ..< range.lowerBound + content.upperBound
      normalizeText(span, hasEscapes: hasEscapes)
      statistics.normalized += 1
      if configuration.dropsEmpty && normalized.isEmpty {
        statistics.dropped += 1
        if normalized != decoded { statistics.changed += 1 }
        return
      }
      if normalized == decoded {
        passThrough(range, terminated: terminated, into: &output)
        return
      }
      statistics.changed += 1
      output.append(contentsOf: pending[range.lowerBound..<span.lowerBound])
      JSONStringCodec.encode(normalized, appendingTo: &output)
      output.append(contentsOf: pending[span.upperBound..<range.upperBound])
      if terminated { output.append(0x0A) }
    }
  }

  private func passThrough(_ range: Range<Int>, terminated: Bool, into output: inout [UInt8]) {
    output.append(contentsOf: pending[range])
    if terminated { output.append(0x0A) }
  }

  /// Decodes the string content at `span` into `decoded` and normalizes it
  /// as one document into `normalized`.
  private mutating func normalizeText(_ span: Range<Int>, hasEscapes: Bool) {
    decoded.removeAll(keepingCapacity: true)
    normalized.removeAll(keepingCapacity: true)
    if hasEscapes {
      statistics.unpairedSurrogates += pending.withUnsafeBufferPointer { buffer in
        JSONStringCodec.decode(UnsafeBufferPointer(rebasing: buffer[span]), appendingTo: &decoded)
      }
    } else {
      decoded.append(contentsOf: pending[span])
    }
    text.push(decoded, appendingTo: &normalized)
    text.finishDocument(appendingTo: &normalized)
    if normalized.last == 0x0A && !Self.endsWithLineBreak(decoded) {
      normalized.removeLast()
    }
    // Only decoding problems concern a field: a NUL in it came from a `\u0000`
    // escape, not from a binary file (and mojibake damage is in the records).
    for diagnostic in text.takeDiagnostics() where diagnostic.isDecodingError { report(.text(diagnostic)) }
    for var record in text.takeRecords() {
      record.detail = "field line \(record.line)" + (record.detail.map { "; " + $0 } ?? "")
      record.line = lineNumber
      records.append(record)
    }
    textStatistics.add(text.statistics)
  }

  /// Whether `bytes` end with a mandatory line break (LF, CR, VT, FF, NEL,
  /// U+2028, U+2029).
  static func endsWithLineBreak(_ bytes: [UInt8]) -> Bool {
    guard let last = bytes.last else { return false }
    switch last {
    case 0x0A, 0x0B, 0x0C, 0x0D: return true
    case 0x85: return bytes.count >= 2 && bytes[bytes.count - 2] == 0xC2
    case 0xA8, 0xA9: return bytes.count >= 3 && bytes[bytes.count - 3] == 0xE2 && bytes[bytes.count - 2] == 0x80
    default: return false
    }
  }
}
