import Testing
@testable import ZhNorm

@Suite("Decoder vector step")
struct DecodedVectorTests {
  /// The step by definition, byte by byte: all sixteen bytes are taken (ASCII
  /// but 0x00–0x08 and 0x0B–0x0D; continuation bytes; lead bytes E3–EC, EE,
  /// EF), and the continuation bytes are exactly those the carried ones and
  /// the lead bytes call for.
  struct Reference {
    var isWhole = false
    var carry: UInt32 = 0
    var lanes: [String: UInt32] = [:]

    init(_ b: [UInt8], carry carried: UInt32) {
      func isLead(_ byte: UInt8) -> Bool { (0xE3...0xEC).contains(byte) || byte == 0xEE || byte == 0xEF }
      func isTaken(_ byte: UInt8) -> Bool {
        byte == 0x09 || byte == 0x0A || (0x0E...0x7F).contains(byte) || byte & 0xC0 == 0x80 || isLead(byte)
      }
      guard b[..<16].allSatisfy(isTaken) else { return }
      var expected = Set<Int>()
      if carried & 1 != 0 { expected.insert(0) }
      if carried & 2 != 0 { expected.insert(1) }
      for j in 0..<16 where isLead(b[j]) {
        expected.insert(j + 1)
        expected.insert(j + 2)
      }
      guard Set((0..<16).filter { b[$0] & 0xC0 == 0x80 }) == expected.filter({ $0 < 16 }) else { return }
      isWhole = true
      carry = (expected.contains(16) ? 1 : 0) | (expected.contains(17) ? 2 : 0)
      func mask(_ test: (Int) -> Bool) -> UInt32 {
        (0..<16).reduce(0) { test($1) ? $0 | (1 << UInt32($1)) : $0 }
      }
      func isPlain(_ j: Int) -> Bool {
        let (b0, b1, b2) = (b[j], b[j + 1], b[j + 2])
        if (0x20...0x7E).contains(b0) || b0 == 0x09 || b0 == 0x0A || b0 & 0xC0 == 0x80 || (0xE4...0xE9).contains(b0) {
          return true
        }
        if b0 == 0xE3 { return b1 != 0x82 && !(b1 == 0x80 && (0xAA...0xAF).contains(b2)) }
        if b0 == 0xEF { return b1 == 0xBC && !(0x90...0x99).contains(b2) && !(0xA1...0xBA).contains(b2) }
        return false
      }
      lanes["lineFeeds"] = mask { b[$0] == 0x0A }
      lanes["nonASCII"] = mask { b[$0] >= 0x80 }
      lanes["asciiMarks"] = mask { [0x2C, 0x3A, 0x3B, 0x21, 0x3F, 0x28, 0x29].contains(b[$0]) }
      lanes["fullwidthPunctuation"] = mask { b[$0] == 0xEF && b[$0 + 1] == 0xBC }
      lanes["uncommon"] = mask { !isPlain($0) }
      lanes["openingParentheses"] = mask { b[$0] == 0x28 || (b[$0] == 0xEF && b[$0 + 1] == 0xBC && b[$0 + 2] == 0x88) }
    }
  }

  @Test("The step agrees with its byte-by-byte definition")
  func agreesWithDefinition() {
    var generator = SeededGenerator(seed: 0xDEC0DE)
    // Whole characters (many split by the vector's end), line breaks, and
    // now and then a byte that is anything at all.
    let characters = [
      "中", "文", "，", "（", "。", "「", "ア", "１", "Ａ", "a", ",", "(", " ", "\t", "\n", "\r", "“", "·", "\u{7F}", "\u{1}",
      "〪",
    ].map { Array($0.utf8) }
    var whole = 0
    var notWhole = 0
    for round in 0..<40_000 {
      var bytes: [UInt8] = []
      let carry: UInt32 = [0, 0b01, 0b11].randomElement(using: &generator)!
      // A carry means the vector starts with continuation bytes.
      bytes += Array(repeating: 0xAD, count: carry == 0 ? 0 : carry == 0b01 ? 1 : 2)
      while bytes.count < 18 {
        if round % 3 == 0 && Int.random(in: 0..<8, using: &generator) == 0 {
          bytes.append(UInt8.random(in: 0...0xFF, using: &generator))
        } else {
          bytes += characters[Int.random(in: 0..<(round % 2 == 0 ? 7 : characters.count), using: &generator)]
        }
      }
      let step = bytes.withUnsafeBytes { DecodedVector($0.baseAddress!, carry: carry) }
      let reference = Reference(bytes, carry: carry)
      #if arch(x86_64)
      let hex = bytes.prefix(18).map { String($0, radix: 16) }
      #expect(step.isWhole == reference.isWhole, "\(hex), carry \(carry)")
      if step.isWhole && reference.isWhole {
        whole += 1
        #expect(step.carry == reference.carry, "\(hex)")
        #expect(step.lineFeeds == reference.lanes["lineFeeds"], "\(hex)")
        #expect(step.nonASCII == reference.lanes["nonASCII"], "\(hex)")
        #expect(step.asciiMarks == reference.lanes["asciiMarks"], "\(hex)")
        #expect(step.fullwidthPunctuation == reference.lanes["fullwidthPunctuation"], "\(hex)")
        #expect(step.uncommon == reference.lanes["uncommon"], "\(hex)")
        #expect(step.openingParentheses == reference.lanes["openingParentheses"], "\(hex)")
      } else {
        notWhole += 1
      }
      #else
      #expect(!step.isWhole)
      #endif
    }
    #if arch(x86_64)
    #expect(whole > 5_000 && notWhole > 5_000, "too few vectors of a kind to test anything: \(whole), \(notWhole)")
    #endif
  }

  @Test("The decoder gives the same lines, errors and offsets with the vector step as without it")
  func vectorStepChangesNothing() {
    var generator = SeededGenerator(seed: 0x51DE)
    let tests = LineDecoderTests()
    for round in 0..<600 {
      var bytes: [UInt8] = []
      while bytes.count < 400 {
        switch Int.random(in: 0..<10, using: &generator) {
        case 0: bytes += MessyText.terminators.randomElement(using: &generator)!
        case 1 where round % 2 == 0:
          // Ill-formed: a random byte, or a sequence cut short.
          bytes += Bool.random(using: &generator) ? [UInt8.random(in: 0x80...0xFF, using: &generator)] : [0xE4, 0xB8]
        case 2: bytes += Array(MessyText.pieces.randomElement(using: &generator)!.utf8)
        default: bytes += Array(["新能源汽车产量", "中国", "abc def", "。", "，", "“两湖”", "\n"].randomElement(using: &generator)!.utf8)
        }
      }
      // Fed a byte at a time, the decoder never has the eighteen bytes the
      // vector step needs: that is the byte-by-byte path alone.
      let (bytewise, bytewiseStatistics, bytewiseDiagnostics) = tests.decode(bytes, chunkSize: 1, maximumLineBytes: 64)
      let (vectored, statistics, diagnostics) = tests.decode(bytes, maximumLineBytes: 64)
      #expect(vectored == bytewise, "round \(round)")
      #expect(vectored.map(\.isPartialLine) == bytewise.map(\.isPartialLine))
      #expect(statistics.invalidSequences == bytewiseStatistics.invalidSequences)
      #expect(statistics.firstInvalidOffset == bytewiseStatistics.firstInvalidOffset)
      #expect(diagnostics.map(\.byteOffset) == bytewiseDiagnostics.map(\.byteOffset))
    }
  }

  @Test("A line's profile answers the fast check exactly when it answers at all, knows its parentheses, and a plain line cleans the same without the survey")
  func profileAnswersAsTheFastCheck() {
    var generator = SeededGenerator(seed: 0x9F0F)
    let tests = LineDecoderTests()
    var answered = 0
    for _ in 0..<400 {
      var text = ""
      for _ in 0..<60 {
        text += Int.random(in: 0..<5, using: &generator) == 0
          ? MessyText.pieces.randomElement(using: &generator)!
          : ["新能源汽车产量", "中国", "abc def", "。", "，", "、", "“两湖”", "（一）", "\n", "\n", " \n"].randomElement(
            using: &generator)!
      }
      let (blocks, _, _) = tests.decode(Array(text.utf8))
      for style in PunctuationStyle.allCases {
        let cleaner = UnicodeCleaner(options: UnicodeCleanupOptions(punctuation: style))
        for block in blocks {
          block.withUTF8 { utf8 in
            let expected = cleaner.needsWork(utf8: utf8, trimTrailingWhitespace: true)
            #expect(
              cleaner.needsWork(utf8: utf8, profile: block.byteProfile, trimTrailingWhitespace: true) == expected,
              "\(block.text.debugDescription), \(style)")
            if cleaner.needsWork(profile: block.byteProfile) != nil { answered += 1 }
            if block.byteProfile.isPlain {
              // The plain decoding (no survey) cleans as the general one does.
              var plainCounts = UnicodeCleaner.Counts()
              var generalCounts = UnicodeCleaner.Counts()
              var plainWorkspace = UnicodeCleaner.Workspace()
              var generalWorkspace = UnicodeCleaner.Workspace()
              let plainChanged = cleaner.clean(
                utf8: utf8, trimTrailingWhitespace: true, isPlain: true, counts: &plainCounts, workspace: &plainWorkspace)
              let generalChanged = cleaner.clean(
                utf8: utf8, trimTrailingWhitespace: true, counts: &generalCounts, workspace: &generalWorkspace)
              #expect(plainChanged == generalChanged && plainCounts == generalCounts, "\(block.text.debugDescription)")
              #expect(plainWorkspace.scalars == generalWorkspace.scalars, "\(block.text.debugDescription)")
            }
            if block.byteProfile.contains(.known) {
              let hasParenthesis = block.text.contains("(") || block.text.contains("（")
              #expect(block.byteProfile.contains(.openingParenthesis) == hasParenthesis, "\(block.text.debugDescription)")
            }
          }
        }
      }
    }
    #expect(answered > 3_000, "the profile answered too rarely to test anything: \(answered)")
  }
}
