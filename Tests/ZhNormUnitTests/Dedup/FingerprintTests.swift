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
