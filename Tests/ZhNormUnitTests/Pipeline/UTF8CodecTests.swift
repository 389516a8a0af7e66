import Testing
@testable import ZhNorm

@Suite("UTF-8 validation")
struct UTF8ValidationTests {
  func agreesWithStandardLibrary(_ bytes: [UInt8]) -> Bool {
    let ours = bytes.withUnsafeBufferPointer(UTF8Codec.isValid)
    let standard = String(validating: bytes, as: UTF8.self) != nil
    return ours == standard
  }

  @Test("Edge cases of Table 3-7 agree with the standard library", arguments: [
    [], [0x41], [0x7F], [0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x9F, 0x80],
    [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0x80, 0x80],
    [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
    [0xE4, 0xB8], [0xE4, 0xB8, 0xAD, 0xFF], [0xFF], [0xFE], [0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0xE4],
  ] as [[UInt8]])
  func edgeCases(bytes: [UInt8]) {
    #expect(agreesWithStandardLibrary(bytes))
  }

  @Test("Random byte strings agree with the standard library")
  func randomBytes() {
    var generator = SeededGenerator(seed: 99)
    let alphabet: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
    for _ in 0..<20_000 {
      let bytes = (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
      #expect(agreesWithStandardLibrary(bytes), "\(bytes)")
    }
  }

  @Test("Runs of three-byte characters (the fast path) with random damage agree with the standard library")
  func damagedChineseRuns() {
    var generator = SeededGenerator(seed: 100)
    let characters = ["中", "文", "。", "“", "ｅ", "丁", "\u{E000}", "a", "é", "😀"].map { Array($0.utf8) }
    let damage: [UInt8] = [0x00, 0x41, 0x80, 0xBF, 0xC0, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xFF]
    for _ in 0..<20_000 {
      var bytes = (0..<Int.random(in: 0...24, using: &generator)).flatMap { _ in characters.randomElement(using: &generator)! }
      if !bytes.isEmpty && Bool.random(using: &generator) {
        bytes[Int.random(in: 0..<bytes.count, using: &generator)] = damage.randomElement(using: &generator)!
      }
      if Bool.random(using: &generator) { bytes.removeLast(min(bytes.count, Int.random(in: 0...2, using: &generator))) }
      #expect(agreesWithStandardLibrary(bytes), "\(bytes)")
    }
  }

  @Test("A line made only of invalid bytes decodes to replacement characters")
  func onlyInvalidBytes() {
    let normalizer = Normalizer()
    #expect(String(decoding: normalizer.normalize([0xFF, 0x0A, 0xC3, 0x0A, 0x20, 0xFE]), as: UTF8.self) == "\u{FFFD}\n\u{FFFD}\n \u{FFFD}\n")
  }
}
