import Foundation
import Testing
@testable import ZhNorm

@Suite("Paragraph fingerprints")
struct FingerprintPathTests {
  @Test("The fast path (no signature) and the general loop agree on every field")
  func pathsAgree() {
    var lines = Fixtures.seedText("000").split(separator: "\n").map(String.init)
    lines += Fixtures.seedText("004").split(separator: "\n").map(String.init)
    lines += ["", " ", "\t表格\t行", "ＡＢＣ，abc , 。", "a\u{200B}b\u{3000}c\u{00A0}d", "短", "1234567", "12345678", "123456789", "𠀀𠀁 x"]
    var fingerprinter = Fingerprinter()
    for line in lines {
      var text = line
      let (fast, general) = text.withUTF8 { utf8 in
        (fingerprinter.fingerprint(utf8, signature: false), fingerprinter.fingerprint(utf8, signature: true))
      }
      #expect(fast.exact == general.exact && fast.prefix == general.prefix && fast.length == general.length
        && fast.contentScalars == general.contentScalars && fast.endsSentence == general.endsSentence
        && fast.containsTab == general.containsTab, "\(line)")
    }
  }
}

@Suite("Paragraph fingerprints: properties")
struct FingerprintPropertyTests {
  /// Pieces that exercise every path of the fast fingerprint: ASCII runs with
  /// and without spaces and tabs, ideographs (the 3-byte fast path), folded
  /// fullwidth and halfwidth forms, dropped invisible characters, Unicode
  /// spaces, 2- and 4-byte scalars, sentence ends.
  static let pieces = [
    "a", "Z", "word", "apt-get install", " ", "  ", "\t", "x y z", "12345678", "abcdefghij",
    "中", "文字", "重庆汽车行业", "，", ",", "。", "!", "！", "ＡＢＣ", "１２", "｡", "｢", "\u{200B}", "\u{FEFF}",
    "\u{3000}", "\u{00A0}", "é", "ß", "𠀀", "😀", "（注）", ";", "\u{0}", "\r",
    // Three-byte scalars around the ones the fast path drops or maps.
    "“", "”", "…", "—", "\u{2000}", "\u{200A}", "\u{200F}", "\u{2010}", "\u{202F}", "\u{2030}", "\u{205E}",
    "\u{205F}", "\u{2064}", "\u{2065}", "\u{1680}", "\u{180E}", "\u{FF60}", "\u{FF64}", "\u{FF65}", "～",
    "\u{FF5F}", "ｶ", "、", "ア", "ぁ", "가", "\u{F900}", "\u{0800}", "\u{33FF}", "\u{A000}",
    // Around the fast paths for lead bytes E3 (U+3000–3FFF) and EF BC (U+FF00–FF3F).
    "\u{3001}", "\u{303F}", "\u{3040}", "\u{30FF}", "\u{3100}", "\u{3400}", "\u{3FFF}", "\u{FF00}", "\u{FF01}",
    "\u{FF21}", "\u{FF3F}", "\u{FF40}", "\u{FEFF}",
  ]

  static func randomText(_ generator: inout SeededGenerator) -> String {
    let count = Int(generator.next() % 40)
    return (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
  }

  static func fingerprints(_ text: String) -> (fast: ParagraphFingerprint, general: ParagraphFingerprint) {
    var fingerprinter = Fingerprinter()
    var copy = text
    return copy.withUTF8 { (Fingerprinter.fingerprint($0), fingerprinter.fingerprint($0, signature: true)) }
  }

  @Test("On random mixes of every kind of piece, the fast path equals the scalar loop")
  func fastEqualsGeneral() {
    var generator = SeededGenerator(seed: 21)
    for _ in 0..<20_000 {
      let text = Self.randomText(&generator)
      let (fast, general) = Self.fingerprints(text)
      #expect(fast.exact == general.exact && fast.prefix == general.prefix && fast.length == general.length
        && fast.contentScalars == general.contentScalars && fast.endsSentence == general.endsSentence
        && fast.containsTab == general.containsTab, "\(text.debugDescription)")
    }
  }

  @Test("Spaces, invisible characters and width variants do not change the exact fingerprint; any other edit does")
  func normalization() {
    var generator = SeededGenerator(seed: 22)
    for _ in 0..<5_000 {
      let text = Self.randomText(&generator) + "重庆汽车行业第35届年会, abc"
      let base = Self.fingerprints(text).fast
      // Insert a space, a zero-width space or an ideographic space somewhere.
      var scalars = Array(text.unicodeScalars)
      let at = Int(generator.next() % UInt64(scalars.count + 1))
      scalars.insert(["\u{20}", "\u{200B}", "\u{3000}", "\t"][Int(generator.next() % 4)], at: at)
      var spaced = String.UnicodeScalarView()
      spaced.append(contentsOf: scalars)
      #expect(Self.fingerprints(String(spaced)).fast.exact == base.exact, "\(text.debugDescription)")
      // Widen the ASCII: same fingerprint.
      let wide = String(String.UnicodeScalarView(text.unicodeScalars.map {
        (0x21...0x7E).contains($0.value) ? Unicode.Scalar($0.value + 0xFEE0)! : $0
      }))
      #expect(Self.fingerprints(wide).fast.exact == base.exact, "\(text.debugDescription)")
      // Change one ideograph: a different fingerprint.
      #expect(Self.fingerprints(text.replacingOccurrences(of: "重庆", with: "重慶")).fast.exact != base.exact)
    }
  }
}
