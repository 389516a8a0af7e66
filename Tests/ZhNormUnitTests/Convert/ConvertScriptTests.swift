import Testing
@testable import ZhNorm

@Suite("Convert: script detection, stray characters, target-script conversion")
struct ConvertScriptTests {
  let detector = ScriptDetector()

  @Test func detectsSeeds() {
    let hans = detector.evidence(in: ConvertFixtures.seed("000"))
    #expect(hans.script == .hans)
    #expect(hans.clearScript == .hans)
    #expect(hans.traditionalOnly == 1)
    let hant = detector.evidence(in: ConvertFixtures.seed("004"))
    #expect(hant.script == .hant)
    #expect(hant.clearScript == .hant)
    #expect(detector.script(of: "Hello, world. 123") == .none)
    #expect(detector.script(of: "乾隆著作") == .none)
    #expect(detector.script(of: "头发和頭髮") == .mixed)
  }

  @Test func evidenceSetsKeepSharedCharactersOut() {
    for shared in "乾著瞭干后里台秘群中文".unicodeScalars {
      #expect(!detector.isSimplifiedOnly(shared), "\(shared)")
      #expect(!detector.isTraditionalOnly(shared), "\(shared)")
    }
    for simplified in "锋发们这".unicodeScalars { #expect(detector.isSimplifiedOnly(simplified)) }
    for traditional in "鋒發髮們這".unicodeScalars { #expect(detector.isTraditionalOnly(traditional)) }
  }

  @Test func fixesTheStrayInSeed000AndNothingElse() {
    let text = ConvertFixtures.seed("000")
    #expect(text.contains("先鋒"))
    let fixed = StrayCharacterFixer(documentScript: .hans).fix(text)
    #expect(fixed.replacements == 1)
    #expect(fixed.text == text.replacingOccurrences(of: "先鋒", with: "先锋"))
  }

  @Test func neverTouchesCharactersValidInBothScripts() {
    let simplified = "乾隆年间的著作，瞭望台上，树干后面，这里的台风。"
    #expect(StrayCharacterFixer(documentScript: .hans).fix(simplified).text == simplified)
    let traditional = "乾隆年間的著作，瞭望臺上，皇后在這里。"
    #expect(StrayCharacterFixer(documentScript: .hant).fix(traditional).text == traditional)
  }

  @Test func fixesStraysInContext() {
    #expect(StrayCharacterFixer(documentScript: .hant).fix("他的頭发很長").text == "他的頭髮很長")
    #expect(StrayCharacterFixer(documentScript: .hant).fix("培育并形成").text == "培育並形成")
    #expect(StrayCharacterFixer(documentScript: .hans).fix("先鋒队").text == "先锋队")
    #expect(StrayCharacterFixer(documentScript: .mixed).fix("先鋒队").replacements == 0)
  }

  @Test func leavesDeliberateUsesOfTheOtherScriptAlone() {
    let traditional = StrayCharacterFixer(documentScript: .hant)
    // A credit written in the other script: a whole word, not a stray.
    #expect(traditional.fix("简体中文翻译 <someone@example.org>").replacements == 0)
    // An isolated stray inside a word is still fixed.
    #expect(traditional.fix("常见的可移植的構建系統").text == "常見的可移植的構建系統")
    let simplified = StrayCharacterFixer(documentScript: .hans)
    // A character being talked about, in quotation marks.
    #expect(simplified.fix("日语中「車」意为「车」").replacements == 0)
    #expect(simplified.fix("壹貳肆伍陸").replacements == 0)
  }

  @Test func targetConversionLeavesConvertedTextAlone() {
    let toHans = TargetScriptConverter(target: .hans)
    for text in ["这是什么？", "么", "乾隆年间的著作", "头发", ConvertFixtures.seed("000")] {
      let once = toHans.convert(text)
      if text != ConvertFixtures.seed("000") { #expect(once.text == text) }
      #expect(toHans.convert(once.text).text == once.text)
    }
    let traditional = ConvertFixtures.seed("004")
    let simplified = toHans.convert(traditional)
    #expect(simplified.action == .converted(.t2s))
    #expect(toHans.convert(simplified.text).action == .unchanged)

    for target in [ConversionTarget.hant, .tw, .hk] {
      let converter = TargetScriptConverter(target: target)
      let once = converter.convert("头发和软件里面的台风")
      #expect(once.action == .converted(target.fromSimplified!))
      #expect(converter.convert(once.text).text == once.text, "\(target)")
    }
  }

  @Test func mixedParagraphsGetOnlyTheirStraysConverted() {
    let result = TargetScriptConverter(target: .hans).convert("头发和頭髮，什么")
    #expect(result.text == "头发和头发，什么")
    #expect(result.action == .straysFixed(2))
  }
}

@Suite("Convert: target conversion of mixed text")
struct ConvertTargetMixedTests {
  @Test func convertsWholeOtherScriptWordsInMixedParagraphs() {
    // 简体中文翻译 would be kept by a stray fixer (a deliberate word), but a
    // target conversion asks for everything in the target script.
    let result = TargetScriptConverter(target: .hant).convert("简体中文翻译，頭髮與發展")
    #expect(result.text == "簡體中文翻譯，頭髮與發展")
  }
}
