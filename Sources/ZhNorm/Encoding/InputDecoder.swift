import CZhNormICU

/// The front of the pipeline: turns a document's bytes, in its encoding, into
/// UTF-8, and looks at its first block before anything else.
///
/// - It holds back the first ``sniffLength`` bytes (``detectionLength`` for
///   ``InputEncoding/automatic``) or the whole document if shorter — unless
///   ``holdsBackFirstBlock`` is off, for interactive use — then:
/// - decides the encoding (``decision``) when it is automatic: a byte order
///   mark, then UTF-16/UTF-32 recognised by their NUL bytes
///   (`UnmarkedWideUnicode`), then valid UTF-8, then ICU's charset detection
///   (`ucsdet`), and UTF-8 when its confidence is below ``minimumConfidence``;
/// - reports a NUL byte in the first ``sniffLength`` bytes as
///   ``Diagnostic/Kind/binaryInput`` (unless the encoding is UTF-16 or UTF-32,
///   where NUL bytes are part of the text);
/// - converts from the encoding with a ``Transcoder``, reporting invalid or
///   unmappable bytes as ``Diagnostic/Kind/invalidEncoding``. UTF-8 passes
///   through unchanged (the line decoder validates it).
///
/// The output is the same however the input is split into chunks.
///
/// ```swift
/// var decoder = InputDecoder(encoding: try InputEncoding("Big5"))
/// var utf8: [UInt8] = []
/// decoder.push(chunk, appendingTo: &utf8)
/// decoder.finish(appendingTo: &utf8)
/// ```
///
/// Complexity: O(n) time; memory O(``detectionLength``) at most.
public struct InputDecoder {
  /// The bytes checked for NUL: the first 8 KiB, as `diff` and `grep` do.
  public static let sniffLength = 8 << 10
  /// The bytes charset detection looks at with ``InputEncoding/automatic``.
  public static let detectionLength = 64 << 10
  /// Detection results below this confidence (0–100) are not trusted: UTF-8 is used.
  public static let minimumConfidence = 20
  /// At most this many diagnostics are kept per document; all are counted.
  static let diagnosticLimit = 100

  /// The encoding asked for.
  public let encoding: InputEncoding
  /// The encoding of the current document, once decided (after the first
  /// block or the end of a short document).
  public private(set) var decision: EncodingDecision?
  /// Invalid or unmappable sequences replaced in the current document (not
  /// counting invalid UTF-8, which the line decoder counts).
  public private(set) var errorCount = 0
  /// The byte offset of the first of them.
  public private(set) var firstErrorOffset: Int?

  private enum State {
    case sniffing([UInt8])
    case passthrough
    case transcoding(Transcoder)
  }

  private var state: State = .sniffing([])
  private var diagnostics: [Diagnostic] = []
  private var emittedDiagnostics = 0
  private var scratch: [UInt8] = []

  /// Whether the first ``sniffLength`` bytes are held back until checked
  /// (see ``NormalizerConfiguration/holdsBackFirstBlock``).
  public let holdsBackFirstBlock: Bool
  /// How many more bytes of the document are to be checked for NUL.
  private var unchecked = 0
  /// The document offset of the next byte pushed after the decision.
  private var offset = 0
  /// Line feeds among the bytes checked so far.
  private var checkedLines = 0

  /// Creates a decoder for documents in `encoding`. With `holdsBackFirstBlock`
  /// off, UTF-8 and named encodings pass bytes on as they come (NUL bytes in
  /// the first block are still reported, but maybe after earlier output);
  /// ``InputEncoding/automatic`` always holds back its detection block.
  public init(encoding: InputEncoding, holdsBackFirstBlock: Bool = true) {
    self.encoding = encoding
    self.holdsBackFirstBlock = holdsBackFirstBlock
  }

  private var holdBack: Int {
    encoding == .automatic ? Self.detectionLength : holdsBackFirstBlock ? Self.sniffLength : 0
  }

  /// Reports the first NUL among the bytes still to be checked.
  private mutating func checkForNUL(_ bytes: UnsafeRawBufferPointer) {
    guard unchecked > 0 else { return }
    let window = UnsafeRawBufferPointer(rebasing: bytes.prefix(unchecked))
    if let nul = window.firstIndex(of: 0) {
      let line = checkedLines + 1 + window[..<nul].count { $0 == 0x0A }
      diagnostics.append(Diagnostic(kind: .binaryInput, byteOffset: offset + nul, line: line, length: 1))
      unchecked = 0
    } else {
      unchecked -= window.count
      checkedLines += window.count { $0 == 0x0A }
    }
  }

  /// Feeds the next chunk; calls `body` with UTF-8 that is ready, in order
  /// (possibly several times, possibly not at all). Passing UTF-8 through
  /// costs no copy once the first block is decided.
  mutating func push(_ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void) {
    if case .sniffing = state {} else {
      checkForNUL(bytes)
      offset += bytes.count
    }
    switch state {
    case .passthrough:
      body(bytes)
    case .transcoding(var transcoder):
      state = .passthrough  // keep the transcoder uniquely referenced while it runs
      scratch.removeAll(keepingCapacity: true)
      transcoder.convert(bytes, appendingTo: &scratch)
      collect(&transcoder)
      state = .transcoding(transcoder)
      scratch.withUnsafeBytes(body)
    case .sniffing(var held):
      state = .passthrough
      held.append(contentsOf: bytes)
      if held.count < holdBack {
        state = .sniffing(held)
        return
      }
      decide(held)
      held.withUnsafeBytes { push($0, body) }
    }
  }

  /// Ends the document: decides on a short document, flushes the converter,
  /// and resets for the next document (``decision`` and the counts stay until
  /// the next push).
  mutating func finish(_ body: (UnsafeRawBufferPointer) -> Void) {
    if case .sniffing(let held) = state {
      decide(held)
      held.withUnsafeBytes { push($0, body) }
    }
    if case .transcoding(var transcoder) = state {
      state = .passthrough
      scratch.removeAll(keepingCapacity: true)
      transcoder.finish(appendingTo: &scratch)
      collect(&transcoder)
      scratch.withUnsafeBytes(body)
    }
    state = .sniffing([])
    unchecked = 0
    offset = 0
    checkedLines = 0
  }

  /// Feeds the next chunk and appends the UTF-8 that is ready to `output`.
  public mutating func push(_ bytes: some Collection<UInt8>, appendingTo output: inout [UInt8]) {
    let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      push(UnsafeRawBufferPointer(buffer)) { output.append(contentsOf: $0) }
    }
    if done == nil { Array(bytes).withUnsafeBytes { push($0) { output.append(contentsOf: $0) } } }
  }

  /// Ends the document, appending the rest of its UTF-8 to `output`.
  public mutating func finish(appendingTo output: inout [UInt8]) {
    finish { output.append(contentsOf: $0) }
  }

  /// Takes the diagnostics found since the last call.
  public mutating func takeDiagnostics() -> [Diagnostic] {
    defer { diagnostics.removeAll() }
    return diagnostics
  }

  /// Forgets the last document's decision and counts (at the start of the next).
  mutating func resetCounts() {
    decision = nil
    errorCount = 0
    firstErrorOffset = nil
    emittedDiagnostics = 0
  }

  private mutating func collect(_ transcoder: inout Transcoder) {
    for error in transcoder.takeErrors() {
      if firstErrorOffset == nil { firstErrorOffset = error.byteOffset }
      if emittedDiagnostics < Self.diagnosticLimit {
        diagnostics.append(Diagnostic(
          kind: .invalidEncoding, byteOffset: error.byteOffset, line: error.line, length: error.length,
          detail: decision?.name ?? transcoder.name))
        emittedDiagnostics += 1
      }
    }
    errorCount = transcoder.errorCount
  }

  /// Decides the encoding from the first block and sets up the state for it.
  private mutating func decide(_ block: [UInt8]) {
    let decision: EncodingDecision
    switch encoding.kind {
    case .utf8: decision = EncodingDecision(name: "UTF-8", source: .specified)
    case .named(let name): decision = EncodingDecision(name: name, source: .specified)
    case .automatic: decision = Self.detect(block)
    }
    self.decision = decision
    // UTF-8 (the common case) is known without asking ICU, which is then never loaded.
    let canonical = decision.name == "UTF-8" ? "UTF-8" : Transcoder.canonicalName(decision.name) ?? decision.name
    // The block is checked by the push that follows (and, when it is shorter
    // than sniffLength, the pushes after it).
    unchecked = canonical.hasPrefix("UTF-16") || canonical.hasPrefix("UTF-32") ? 0 : Self.sniffLength
    if decision.name == "UTF-8" {
      state = .passthrough
    } else if let transcoder = try? Transcoder(encoding: decision.name) {
      state = .transcoding(transcoder)
    } else {
      // A detected name ICU cannot open (not expected): read it as UTF-8.
      self.decision = EncodingDecision(name: "UTF-8", source: .fallback, confidence: decision.confidence)
      state = .passthrough
    }
  }

  /// `--from auto`: a byte order mark, then the NUL bytes of unmarked UTF-16
  /// or UTF-32, then valid UTF-8, then ICU's detector.
  static func detect(_ block: [UInt8]) -> EncodingDecision {
    if let bom = ByteOrderMark.encoding(of: block) {
      return EncodingDecision(name: bom, source: .byteOrderMark)
    }
    if let wide = UnmarkedWideUnicode.encoding(of: block) {
      return EncodingDecision(name: wide, source: .nulPattern)
    }
    if UTF8Codec.isValidAllowingTruncatedEnd(block) {
      return EncodingDecision(name: "UTF-8", source: .validUTF8)
    }
    var name = [CChar](repeating: 0, count: 64)
    var confidence: Int32 = 0
    let found = block.withUnsafeBufferPointer { zhn_detect_encoding($0.baseAddress, Int32($0.count), &name, 64, &confidence) }
    if found == 1 {
      let detected = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if Int(confidence) >= minimumConfidence, Transcoder.isKnown(detected) {
        return EncodingDecision(name: detected, source: .detection, confidence: Int(confidence))
      }
      return EncodingDecision(name: "UTF-8", source: .fallback, confidence: Int(confidence))
    }
    return EncodingDecision(name: "UTF-8", source: .fallback)
  }
}
