/// Converts Chinese text between scripts with one of OpenCC's profiles,
/// exactly as OpenCC 1.4.2's library does (all dictionaries).
///
/// Two ways to use it:
/// * `convert(_:)` converts a complete text (a line, a paragraph, a file).
/// * Streaming: feed pieces with `convert(chunk:)` (or `convertUTF8(chunk:)`,
///   where a piece may even end inside a UTF-8 sequence) and call `finish()`
///   at the end. The concatenated output is identical to `convert(_:)` on the
///   concatenated input, whatever the chunking. The converter holds back only
///   what a later byte could still change: fewer scalars than the longest
///   dictionary key (≤ 15) at the scanning stage, and as many again in each
///   later stage of a chained profile (`pendingByteCount`,
///   `pendingRunScalarCount`).
///
/// Cost: O(n) in practice — one trie lookup per scalar (worst case O(n · k) for
/// key length k ≤ 15); memory O(chunk size). Start-up: the
/// tables are embedded in the binary and read in place (microseconds).
public struct ScriptConverter: Sendable {
  /// The OpenCC profile this converter applies.
  public let profile: ConversionProfile
  let engine: ConversionEngine
  /// Input bytes not yet consumed (streaming).
  private var pending: [UInt8] = []
  /// The undecided tail of an unmatched run (streaming).
  private var state: RunState

  /// A converter for `profile`. O(1) after the first converter of the process.
  public init(profile: ConversionProfile) {
    self.profile = profile
    engine = ConversionEngine(profile: profile)
    state = engine.makeRunState()
  }

  /// Converts a complete text. O(n).
  public func convert(_ text: String) -> String {
    var text = text
    return text.withUTF8 { utf8 in
      var out = OutputBuffer(capacity: utf8.count + utf8.count / 4)
      var state = engine.makeRunState()
      _ = engine.convert(utf8, isFinal: true, into: &out, state: &state)
      return String(decoding: out.bytes, as: UTF8.self)
    }
  }

  /// Converts complete UTF-8 text, appending the result to `out`. O(n).
  func convert(utf8: UnsafeBufferPointer<UInt8>, appendingTo out: inout OutputBuffer) {
    var state = engine.makeRunState()
    _ = engine.convert(utf8, isFinal: true, into: &out, state: &state)
  }

  /// Converts complete text given as UTF-8 bytes (e.g. a pipeline block's
  /// storage, without making a `String` of the input first). Invalid bytes
  /// become U+FFFD in the returned `String`. O(n).
  public func convert(utf8: UnsafeBufferPointer<UInt8>) -> String {
    var out = OutputBuffer(capacity: utf8.count + utf8.count / 4)
    var state = engine.makeRunState()
    _ = engine.convert(utf8, isFinal: true, into: &out, state: &state)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Converts complete UTF-8 text; invalid bytes pass through unchanged. O(n).
  public func convertUTF8(_ bytes: some Sequence<UInt8>) -> [UInt8] {
    let input = Array(bytes)
    return input.withUnsafeBufferPointer { utf8 in
      var out = OutputBuffer(capacity: utf8.count + utf8.count / 4)
      var state = engine.makeRunState()
      _ = engine.convert(utf8, isFinal: true, into: &out, state: &state)
      return Array(out.bytes)
    }
  }

  /// Streaming: converts what can be decided so far of the text fed until now
  /// and returns it; the rest is kept for the next call or `finish()`.
  public mutating func convert(chunk: String) -> String {
    String(decoding: convertUTF8(chunk: chunk.utf8), as: UTF8.self)
  }

  /// Streaming over UTF-8 bytes: like `convert(chunk:)`, but a chunk may end
  /// in the middle of a UTF-8 sequence (its start is kept until it completes).
  public mutating func convertUTF8(chunk: some Sequence<UInt8>) -> [UInt8] {
    if pending.isEmpty {
      // Common case: no bytes held back — convert straight from the caller's
      // storage and copy only the undecided tail.
      let engine = self.engine
      var state = self.state
      let direct = chunk.withContiguousStorageIfAvailable { utf8 in
        var out = OutputBuffer(capacity: utf8.count + utf8.count / 4)
        let consumed = engine.convert(utf8, isFinal: false, into: &out, state: &state)
        return (Array(out.bytes), Array(utf8[consumed...]))
      }
      if let (output, rest) = direct {
        self.state = state
        pending = rest
        return output
      }
    }
    pending.append(contentsOf: chunk)
    return drain(isFinal: false)
  }

  /// Streaming: converts and returns everything still held back, and resets the
  /// converter for a new stream.
  public mutating func finish() -> String {
    String(decoding: finishUTF8(), as: UTF8.self)
  }

  /// Streaming over UTF-8 bytes: like `finish()`.
  public mutating func finishUTF8() -> [UInt8] {
    drain(isFinal: true)
  }

  /// Number of input bytes held back, waiting for more input (an undecided
  /// key prefix or an incomplete UTF-8 sequence).
  public var pendingByteCount: Int { pending.count }

  /// Number of scalars of an unmatched run held back, waiting for more input
  /// (fewer than the longest key of the run stages).
  public var pendingRunScalarCount: Int { state.heldBackScalars }

  private mutating func drain(isFinal: Bool) -> [UInt8] {
    if pending.isEmpty && !state.isActive { return [] }
    let engine = self.engine
    var state = self.state
    let (output, consumed) = pending.withUnsafeBufferPointer { utf8 in
      var out = OutputBuffer(capacity: utf8.count + utf8.count / 4 + 64)
      let consumed = engine.convert(utf8, isFinal: isFinal, into: &out, state: &state)
      return (Array(out.bytes), consumed)
    }
    self.state = state
    pending.removeFirst(consumed)
    return output
  }
}
