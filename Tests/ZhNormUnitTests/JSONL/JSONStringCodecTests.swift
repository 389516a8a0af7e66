import Testing
@testable import ZhNorm

@Suite("JSON string codec")
struct JSONStringCodecTests {
  func decode(_ content: String) -> (String, Int) {
    var output: [UInt8] = []
    let replaced = JSONStringCodec.decode(Array(content.utf8), appendingTo: &output)
    return (String(decoding: output, as: UTF8.self), replaced)
  }

  func encode(_ text: String) -> String {
    var output: [UInt8] = []
    JSONStringCodec.encode(Array(text.utf8), appendingTo: &output)
    return String(decoding: output, as: UTF8.self)
  }

  @Test("every escape decodes; surrogate pairs make one character")
  func decoding() {
    #expect(decode(#"a\"b\\c\/d\be\ff\ng\rh\ti"#).0 == "a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti")
    #expect(decode(#"\u4e2d\u6587"#).0 == "中文")
    #expect(decode(#"\uD83D\uDE00!"#).0 == "😀!")
    #expect(decode(#"\u0000\u00e9"#).0 == "\u{0}é")
    #expect(decode("中文 plain").0 == "中文 plain")
  }

  @Test("an unpaired surrogate becomes U+FFFD and is counted")
  func surrogates() {
    #expect(decode(#"\ud83d"#) == ("\u{FFFD}", 1))
    #expect(decode(#"\ud83dx"#) == ("\u{FFFD}x", 1))
    #expect(decode(#"\ude00\ud83d"#) == ("\u{FFFD}\u{FFFD}", 2))
    #expect(decode(#"\ud83d\u4e2d"#) == ("\u{FFFD}中", 1))
  }

  @Test("encoding escapes quote, backslash and controls only; CJK stays UTF-8")
  func encoding() {
    #expect(encode("中文“引号”") == "中文“引号”")
    #expect(encode("a\"b\\c") == #"a\"b\\c"#)
    #expect(encode("\n\r\t\u{8}\u{C}") == #"\n\r\t\b\f"#)
    #expect(encode("\u{0}\u{1F}\u{7F}/") == "\\u0000\\u001f\u{7F}/")
  }

  @Test("decode ∘ encode is the identity", arguments: ["", "中文", "a\"\\\n\u{1}😀", String(repeating: "汉字\t", count: 1000)])
  func roundTrip(text: String) {
    #expect(decode(encode(text)).0 == text)
  }
}
