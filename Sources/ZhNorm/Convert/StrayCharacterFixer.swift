/// Replaces stray characters of the other script in a document that is clearly
/// written in one script: in a Simplified document, Traditional-only characters
/// become Simplified (`先鋒` → `先锋`); in a Traditional document,
/// Simplified-only characters become Traditional (`培育并形成` → `培育並形成`).
///
/// Only script-exclusive characters (see `ScriptEvidence`) are ever replaced;
/// characters valid in both scripts — 乾隆, 著作, 瞭望, 干, 后, 里, 台 — are
/// never touched, so the fixer cannot damage correct text. Use it when a
/// document's `ScriptEvidence.clearScript` is `.hans` or `.hant`; with any other
/// `documentScript` it changes nothing.
///
/// A stray is converted in context: the run of Han characters around it is
/// converted as a whole with OpenCC (`t2s` for Simplified documents; `t2s`
/// then `s2t` for Traditional ones, so that phrase tables see a consistent
/// input — 頭发 → 頭髮, not 頭發) and only the stray positions take the
/// result. If a phrase changes the run's length the stray is converted on its
/// own instead.
///
/// Deliberate uses of the other script are left alone. A run of Han characters
/// is kept as it is when
/// * it holds at least two of the other script's exclusive characters and more
///   of them than of the document script's (a quoted name or passage:
///   `简体中文翻译` credited in a Traditional manual, `壹貳參` in a Simplified
///   one), or
/// * it stands directly between quotation marks or brackets (a character
///   being talked about: `日语中「車」意为「车」`).
/// So an isolated stray inside a word is fixed (`先鋒`, `常见的構建系統`), a
/// whole word in the other script is not.
public struct StrayCharacterFixer: Sendable {
  /// The script the document is written in.
  public let documentScript: Script
  let tables: ConversionTables
  let toSimplified: ScriptConverter
  let toTraditional: ScriptConverter

  /// Whether deliberate uses of the other script (see above) are kept.
  public let keepsDeliberateUses: Bool

  /// A fixer for a document written in `documentScript`. With
  /// `keepsDeliberateUses` false every exclusive character of the other script
  /// is converted (what a target-script conversion wants). O(1).
  public init(documentScript: Script, keepsDeliberateUses: Bool = true) {
    self.documentScript = documentScript
    self.keepsDeliberateUses = keepsDeliberateUses
    tables = .shared
    toSimplified = ScriptConverter(profile: .t2s)
    toTraditional = ScriptConverter(profile: .s2t)
  }

  /// One replaced character.
  public struct Replacement: Sendable, Equatable {
    /// Position in the text, counted in Unicode scalars.
    public var scalarOffset: Int
    /// The stray character.
    public var original: Unicode.Scalar
    /// What replaced it.
    public var replacement: Unicode.Scalar
  }

  /// The result of `fix(_:)`.
  public struct Result: Sendable, Equatable {
    /// The fixed text.
    public var text: String
    /// Every replacement made (in text order within each pass over the text).
    public var changes: [Replacement] = []
    /// How many characters were replaced.
    public var replacements: Int { changes.count }
  }

  /// Replaces the stray characters of `text`. O(n): one scan over UTF-8 bytes;
  /// only text that contains a stray is decoded further. Returns the text
  /// unchanged (and 0) when there is nothing to fix.
  public func fix(_ text: String) -> Result {
    // Whether a stray is kept as a deliberate use depends on its neighbours,
    // and fixing one stray changes the neighbours of others; so the fixer is
    // applied until nothing changes, which makes its result a fixed point
    // (running zhnorm again changes nothing). Each pass replaces at least one
    // stray with a character of the document's script, so this ends.
    var result = fixOnce(text)
    while !result.changes.isEmpty {
      let again = fixOnce(result.text)
      if again.changes.isEmpty { break }
      result = Result(text: again.text, changes: result.changes + again.changes)
    }
    return result
  }

  private func fixOnce(_ text: String) -> Result {
    let strays: ScalarSet
    let natives: ScalarSet
    switch documentScript {
    case .hans: (strays, natives) = (tables.traditionalOnly, tables.simplifiedOnly)
    case .hant: (strays, natives) = (tables.simplifiedOnly, tables.traditionalOnly)
    case .mixed, .none: return Result(text: text)
    }
    guard containsStray(text, strays) else { return Result(text: text) }

    var scalars = Array(text.unicodeScalars)
    var changes: [Replacement] = []
    var start = 0
    while start < scalars.count {
      guard HanCharacter.isHan(scalars[start].value) else {
        start += 1
        continue
      }
      var end = start
      var strayCount = 0
      var nativeCount = 0
      while end < scalars.count, HanCharacter.isHan(scalars[end].value) {
        if strays.contains(scalars[end].value) {
          strayCount += 1
        } else if natives.contains(scalars[end].value) {
          nativeCount += 1
        }
        end += 1
      }
      let looksDeliberate =
        keepsDeliberateUses
        && ((strayCount >= 2 && strayCount > nativeCount)
          || (start > 0 && end < scalars.count
            && Self.openingMarks.contains(scalars[start - 1]) && Self.closingMarks.contains(scalars[end])))
      if strayCount > 0, !looksDeliberate {
        fixRun(&scalars, start..<end, strays, &changes)
      }
      start = end
    }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars)
    return Result(text: String(result), changes: changes)
  }

  /// Quotation marks and brackets that set off a mentioned character or word.
  static let openingMarks: Set<Unicode.Scalar> = ["「", "『", "“", "‘", "《", "〈", "（", "(", "\"", "'", "【", "〔"]
  static let closingMarks: Set<Unicode.Scalar> = ["」", "』", "”", "’", "》", "〉", "）", ")", "\"", "'", "】", "〕"]

  /// Whether `utf8` contains a character this fixer may replace. O(n), no
  /// allocation: lets callers skip `fix(_:)` (and making a `String`) for the
  /// vast majority of lines, which contain none.
  public func needsFixing(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    switch documentScript {
    case .hans: return Self.containsStray(utf8, tables.traditionalOnly)
    case .hant: return Self.containsStray(utf8, tables.simplifiedOnly)
    case .mixed, .none: return false
    }
  }

  private func containsStray(_ text: String, _ strays: ScalarSet) -> Bool {
    var text = text
    return text.withUTF8 { Self.containsStray($0, strays) }
  }

  /// Whether `utf8` (valid UTF-8) contains a scalar of `strays`. One pass;
  /// every Han character and compatibility ideograph lies in a three- or
  /// four-byte sequence, so one- and two-byte sequences and continuation
  /// bytes are skipped a byte at a time and the others decoded without the
  /// validating decoder's checks (this runs on every line of a decided
  /// document).
  private static func containsStray(_ utf8: UnsafeBufferPointer<UInt8>, _ strays: ScalarSet) -> Bool {
    guard let p = utf8.baseAddress else { return false }
    let count = utf8.count
    var i = 0
    while i < count {
      let b0 = UInt32(p[i])
      if b0 < 0xE0 {
        i &+= 1
        continue
      }
      let scalar: UInt32
      if b0 < 0xF0 {
        guard i &+ 2 < count else { return false }
        scalar = (b0 & 0x0F) &<< 12 | UInt32(p[i &+ 1] & 0x3F) &<< 6 | UInt32(p[i &+ 2] & 0x3F)
        i &+= 3
      } else {
        guard i &+ 3 < count else { return false }
        scalar = (b0 & 0x07) &<< 18 | UInt32(p[i &+ 1] & 0x3F) &<< 12 | UInt32(p[i &+ 2] & 0x3F) &<< 6 | UInt32(p[i &+ 3] & 0x3F)
        i &+= 4
      }
      if strays.contains(scalar) { return true }
    }
    return false
  }

  private func convertInContext(_ run: String) -> String {
    switch documentScript {
    case .hans: return toSimplified.convert(run)
    default: return toTraditional.convert(toSimplified.convert(run))
    }
  }

  /// Fixes the strays in `scalars[range]`, a run of Han characters.
  private func fixRun(
    _ scalars: inout [Unicode.Scalar], _ range: Range<Int>, _ strays: ScalarSet,
    _ changes: inout [Replacement]
  ) {
    var run = String.UnicodeScalarView()
    run.append(contentsOf: scalars[range])
    let converted = Array(convertInContext(String(run)).unicodeScalars)
    for index in range where strays.contains(scalars[index].value) {
      var replacement: Unicode.Scalar?
      if converted.count == range.count {
        replacement = converted[index - range.lowerBound]
      } else {
        let alone = Array(convertInContext(String(scalars[index])).unicodeScalars)
        if alone.count == 1 { replacement = alone[0] }
      }
      if let replacement, replacement != scalars[index] {
        changes.append(Replacement(scalarOffset: index, original: scalars[index], replacement: replacement))
        scalars[index] = replacement
      }
    }
  }
}
