import Foundation
import Testing

/// Script conversion from the command line.
@Suite("zhnorm convert")
struct ConvertTests {
  @Test("-c t2s turns the Traditional seed 004 into Simplified")
  func traditionalToSimplified() throws {
    let result = try ZhNormBinary.run(["-c", "t2s", "seeds/004_836b92e4923d98e4.txt"])
    #expect(result.status == 0)
    #expect(result.text.contains("重庆汽车行业第35届年会在位于两江新区的悦来国际会议中心开幕"))
    #expect(!result.text.contains("重慶"))
  }

  @Test("Phrases choose the right one-to-many characters", arguments: [
    ("s2t", "头发和发展", "頭髮和發展"),
    ("s2t", "干燥的树干", "乾燥的樹幹"),
    ("s2t", "以后的皇后", "以後的皇后"),
    ("s2twp", "软件", "軟體"),
    ("t2s", "著名的著作", "著名的著作"),
  ])
  func phrases(profile: String, input: String, expected: String) throws {
    let result = try ZhNormBinary.run(["-c", profile], input: Data("\(input)\n".utf8))
    #expect(result.text == "\(expected)\n")
  }

  @Test("The default pipeline fixes a stray Traditional character in a Simplified document")
  func strayCharacters() throws {
    let fixed = try ZhNormBinary.run(["seeds/000_9a485736f1d30434.txt"])
    #expect(fixed.text.contains("以高端新能源MPV车型岚图梦想家为先锋"))
    #expect(!fixed.text.contains("先鋒"))
    let kept = try ZhNormBinary.run(["--keep-script", "seeds/000_9a485736f1d30434.txt"])
    #expect(kept.text.contains("先鋒"))
    let withoutConvert = try ZhNormBinary.run(["--skip", "convert", "seeds/000_9a485736f1d30434.txt"])
    #expect(kept.output == withoutConvert.output)
  }

  @Test("--to hans converts Traditional paragraphs and leaves Simplified ones alone")
  func toSimplified() throws {
    let input = "什么都不怕。\n這個軟體很好用。\n"
    let result = try ZhNormBinary.run(["--to", "hans"], input: Data(input.utf8))
    #expect(result.text == "什么都不怕。\n这个软体很好用。\n")
  }

  @Test("--detect prints each file's script with the evidence")
  func detect() throws {
    let result = try ZhNormBinary.run(["--detect", "seeds/000_9a485736f1d30434.txt", "seeds/004_836b92e4923d98e4.txt", "missing.txt"])
    #expect(result.status == 66)
    let lines = result.text.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("seeds/000_9a485736f1d30434.txt: hans (simplified-only "))
    #expect(lines[1].hasPrefix("seeds/004_836b92e4923d98e4.txt: hant ("))
  }

  @Test("Conversion flags without the convert step are a usage error")
  func needsStep() throws {
    #expect(try ZhNormBinary.run(["--only", "unicode", "-c", "t2s"]).status == 64)
    #expect(try ZhNormBinary.run(["-c", "t2s", "--to", "hans"]).status == 64)
    #expect(try ZhNormBinary.run(["-c", "nope"]).status == 64)
  }
}
