/// Finds which script a text is written in, from its script-exclusive
/// characters (see `ScriptEvidence` for the definitions and thresholds).
public struct ScriptDetector: Sendable {
  let tables: ConversionTables

  /// A detector over the embedded tables. O(1).
  public init() { tables = .shared }

  /// Counts the script-exclusive and Han characters of `text`. O(n), two table
  /// loads per Han character; works on UTF-8 bytes, never on `Character`s.
  public func evidence(in text: String) -> ScriptEvidence {
    var text = text
    return text.withUTF8 { evidence(inUTF8: $0) }
  }

  /// Like `evidence(in:)`, over UTF-8 bytes. O(n).
  public func evidence(inUTF8 utf8: UnsafeBufferPointer<UInt8>) -> ScriptEvidence {
    evidence(inUTF8: utf8, hanLimit: .max)
  }

  /// The evidence in the first `hanLimit` Han characters of `utf8`. O(n).
  public func evidence(inUTF8 utf8: UnsafeBufferPointer<UInt8>, hanLimit: Int) -> ScriptEvidence {
    guard let p = utf8.baseAddress else { return ScriptEvidence() }
    var simplifiedOnly = 0
    var traditionalOnly = 0
    var han = 0
    var i = 0
    let end = utf8.count
    while i < end && han < hanLimit {
      if p[i] < 0xE0 {  // ASCII and two-byte scalars hold no Han characters
        i &+= 1
        continue
      }
      let (scalar, length) = UTF8Decoding.decode(p, i, end)
      i &+= max(length, 1)
      guard HanCharacter.isHan(scalar) else { continue }
      han &+= 1
      if tables.simplifiedOnly.contains(scalar) {
        simplifiedOnly &+= 1
      } else if tables.traditionalOnly.contains(scalar) {
        traditionalOnly &+= 1
      }
    }
    return ScriptEvidence(simplifiedOnly: simplifiedOnly, traditionalOnly: traditionalOnly, hanCharacters: han)
  }

  /// The script of `text` (`ScriptEvidence.script`). O(n).
  public func script(of text: String) -> Script { evidence(in: text).script }

  /// Whether `scalar` exists only in Simplified text. O(1).
  public func isSimplifiedOnly(_ scalar: Unicode.Scalar) -> Bool {
    tables.simplifiedOnly.contains(scalar.value)
  }

  /// Whether `scalar` exists only in Traditional text. O(1).
  public func isTraditionalOnly(_ scalar: Unicode.Scalar) -> Bool {
    tables.traditionalOnly.contains(scalar.value)
  }
}
