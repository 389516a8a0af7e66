/// Converts Chinese text between scripts with one of OpenCC's profiles,
/// exactly as OpenCC 1.4.2's library does (all dictionaries).
///
/// Two ways to use it:
/// * `convert(_:)` converts a complete text (a line, a paragraph, a file).
/// * Streaming: feed pieces with `convert(chunk:)` (or `convertUTF8(chunk:)`,
///   where a piece may even end inside a UTF-8 sequence) and call `finish()`
///   at the end. The concatenated output is identical to `convert(_:)` on the
///   concatenated input, whatever the chunking. The converter holds back only
///   what a later byte could still change: at most the longest dictionary key
///   (≤ 15 scalars), plus — in profiles with a segmentation step — the current
///   unmatched stretch, which ends at the next phrase match or at the next
///   character that occurs in no dictionary key (punctuation, a space, a
///   newline…).
///
/// Cost: O(n) in practice — one trie lookup per scalar (worst case O(n · k) for
/// key length k ≤ 15); memory O(longest held-back stretch). Start-up: the
/// tables are embedded in the binary and read in place (microseconds).
public struct ScriptConverter: Sendable {
  /// The OpenCC profile this converter applies.
  public let profile: ConversionProfile
  let engine: ConversionEngine
  private var pending: [UInt8] = []

  /// A converter for `profile`. O(1) after the first converter of the process.
  public init(profile: ConversionProfile) {
    self.profile = profile
    engine = ConversionEngine(profile: profile)
  }

  /// Converts a complete text. O(n).
  public func convert(_ text: String) -> String {
    var text = text
    return text.withUTF8 { utf8 in
      var out = OutputBuffer(capacity: utf8.count + utf8.count / 4)
      var scratch = RunScratch()
      _ = engine.convert(utf8, isFinal: true, into: &out, scratch: &scratch)
      return String(decoding: out.bytes, as: UTF8.self)
    }
  }

  /// Converts complete text given as UTF-8 bytes (e.g. a pipeline block's
  /// storage, without making a `String` of the input first). Invalid bytes
  /// become U+FFFD in the returned `String`. O(n).
  public func convert(utf8: UnsafeBufferPointer<UInt8>) -> String {
    var out = OutputBuffer(capacity: utf8.count + utf8.count / 4)
    var scratch = RunScratch()
    _ = engine.convert(utf8, isFinal: true, into: &out, scratch: &scratch)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Converts complete UTF-8 text; invalid bytes pass through unchanged. O(n).
  public func convertUTF8(_ bytes: some Sequence<UInt8>) -> [UInt8] {
    let input = Array(bytes)
    return input.withUnsafeBufferPointer { utf8 in
      var out = OutputBuffer(capacity: utf8.count + utf8.count / 4)
      var scratch = RunScratch()
      _ = engine.convert(utf8, isFinal: true, into: &out, scratch: &scratch)
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
      // Common case: nothing held back — convert straight from the caller's
      // storage and copy only the undecided tail.
      let engine = self.engine
      let direct = chunk.withContiguousStorageIfAvailable { utf8 in
        var out = OutputBuffer(capacity: utf8.count + utf8.count / 4)
        var scratch = RunScratch()
        let consumed = engine.convert(utf8, isFinal: false, into: &out, scratch: &scratch)
        return (Array(out.bytes), Array(utf8[consumed...]))
      }
      if let (output, rest) = direct {
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

  /// Number of bytes held back, waiting for more input.
  public var pendingByteCount: Int { pending.count }

  private mutating func drain(isFinal: Bool) -> [UInt8] {
    if pending.isEmpty { return [] }
    let engine = self.engine
    let (output, consumed) = pending.withUnsafeBufferPointer { utf8 in
      var out = OutputBuffer(capacity: utf8.count + utf8.count / 4)
      var scratch = RunScratch()
      let consumed = engine.convert(utf8, isFinal: isFinal, into: &out, scratch: &scratch)
      return (Array(out.bytes), consumed)
    }
    pending.removeFirst(consumed)
    return output
  }
}
