import Testing
@testable import ZhNorm

/// The one-to-many characters OpenCC's users ask about most, in known phrases
/// (expected values are OpenCC 1.4.2's).
@Suite("Convert: one-to-many characters in phrases")
struct ConvertPhraseTests {
  @Test(arguments: [
    // 干 → 乾 / 幹 / 干
    ("干杯", "乾杯"), ("干部", "幹部"), ("树干", "樹幹"), ("干净", "乾淨"), ("天干物燥", "天乾物燥"),
    // 发 → 髮 / 發
    ("头发", "頭髮"), ("理发", "理髮"), ("发展", "發展"),
    // 后 → 後 / 后
    ("以后", "以後"), ("后来", "後來"), ("皇后", "皇后"),
    // 里 → 裏 / 里
    ("里面", "裏面"), ("公里", "公里"),
    // 台 → 臺 / 颱 / 檯
    ("台湾", "臺灣"), ("台风", "颱風"), ("柜台", "櫃檯"),
    // 著 / 着
    ("著作", "著作"), ("看着", "看着"),
  ])
  func simplifiedToTraditional(_ input: String, _ expected: String) {
    #expect(ScriptConverter(profile: .s2t).convert(input) == expected)
  }

  @Test(arguments: [
    ("里面", "裡面"), ("看着", "看著"), ("著作", "著作"), ("台风", "颱風"), ("头发", "頭髮"),
  ])
  func simplifiedToTaiwan(_ input: String, _ expected: String) {
    #expect(ScriptConverter(profile: .s2tw).convert(input) == expected)
  }

  @Test func taiwanPhrases() {
    #expect(ScriptConverter(profile: .s2twp).convert("软件里面的头发") == "軟體裡面的頭髮")
  }

  @Test(arguments: [
    ("乾隆", "乾隆"), ("著作", "著作"), ("瞭望", "瞭望"), ("幹部", "干部"), ("乾杯", "干杯"),
    ("頭髮", "头发"), ("發展", "发展"), ("以後", "以后"), ("裡面", "里面"), ("颱風", "台风"),
    ("臺灣", "台湾"),
  ])
  func traditionalToSimplified(_ input: String, _ expected: String) {
    #expect(ScriptConverter(profile: .t2s).convert(input) == expected)
  }

  @Test func compatibilityIdeographsAreNormalized() {
    // U+F9D1 is a compatibility form of 六 (OpenCC 1.4 normalizes it).
    #expect(ScriptConverter(profile: .t2s).convert("\u{F9D1}") == "六")
  }

  @Test func nonChineseTextPassesThroughUnchanged() {
    let text = "ASCII, émigré, Ελληνικά, 🙂, tabs\tand\nnewlines\r\n"
    for profile in ConversionProfile.allCases {
      #expect(ScriptConverter(profile: profile).convert(text) == text)
    }
  }

  @Test func invalidUTF8BytesPassThroughUnchanged() {
    let bytes: [UInt8] = [0xFF] + Array("頭髮".utf8) + [0xE9, 0xA0]
    #expect(ScriptConverter(profile: .t2s).convertUTF8(bytes) == [0xFF] + Array("头发".utf8) + [0xE9, 0xA0])
  }
}
