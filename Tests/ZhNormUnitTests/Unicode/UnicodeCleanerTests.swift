import Testing
@testable import ZhNorm

@Suite("Unicode cleanup of a line")
struct UnicodeCleanerTests {
  @Test("Plain Chinese text is returned unchanged")
  func cleanTextUnchanged() {
    let text = "盛阅春强调，当前动力电池行业整体处于市场稳步增长和技术快速迭代同步叠加时期。"
    #expect(cleaned(text) == text)
  }

  @Test("C0 and C1 control characters are removed, TAB kept")
  func controls() {
    var counts = UnicodeCleaner.Counts()
    let result = UnicodeCleaner().clean("中\u{01}文\u{7F}字\u{9F}\t表", counts: &counts)
    #expect(result == "中文字\t表")
    #expect(counts.controlCharacters == 3)
  }

  @Test("BOM, ZWSP, word joiner and soft hyphen are removed")
  func invisibles() {
    var counts = UnicodeCleaner.Counts()
    let result = UnicodeCleaner().clean("\u{FEFF}中\u{200B}文\u{2060}字\u{00AD}符", counts: &counts)
    #expect(result == "中文字符")
    #expect(counts.invisibleCharacters == 4)
  }

  @Test("ZWJ is kept inside emoji sequences and removed elsewhere")
  func zeroWidthJoiner() {
    let family = "👨\u{200D}👩\u{200D}👧"
    #expect(cleaned("家庭\(family)照片") == "家庭\(family)照片")
    #expect(cleaned("中\u{200D}文") == "中文")
    #expect(cleaned("a\u{200C}b") == "ab")
    #expect(cleaned("\u{200D}👨") == "👨")
  }

  @Test("Bidirectional controls are removed unless the line has right-to-left text")
  func bidiControls() {
    #expect(cleaned("中\u{200E}文") == "中文")
    #expect(cleaned("\u{202B}السلام\u{202C}") == "\u{202B}السلام\u{202C}")
  }

  @Test("Fullwidth letters and digits become ASCII; halfwidth CJK punctuation full width")
  func widthVariants() {
    #expect(cleaned("型号ＡＢＣ１２３ｘ") == "型号ABC123x")
    #expect(cleaned("｢你好｣､再见｡") == "「你好」、再见。")
  }

  @Test("Fullwidth punctuation and symbols other than letters and digits are kept")
  func fullwidthSymbolsKept() {
    #expect(cleaned("价格：１００％＋税") == "价格：100％＋税")
  }

  @Test("NFC composes decomposed text and folds compatibility ideographs")
  func nfc() {
    #expect(cleaned("Cafe\u{0301}") == "Caf\u{E9}")
    #expect(cleaned("\u{F9D1}个") == "六个")
    #expect(cleaned("\u{2126}") == "\u{03A9}")
    var counts = UnicodeCleaner.Counts()
    _ = UnicodeCleaner().clean("e\u{0301}", counts: &counts)
    #expect(counts.canonicalCompositions == 1)
  }

  @Test("Space variants are removed between Chinese characters and made plain elsewhere")
  func spaceVariants() {
    #expect(cleaned("记者\u{00A0}肖丽琼") == "记者肖丽琼")
    #expect(cleaned("中\u{2003}\u{00A0}文") == "中文")
    #expect(cleaned("word\u{00A0}word") == "word word")
    #expect(cleaned("中文\u{00A0}word") == "中文 word")
    #expect(cleaned("记者 \u{00A0}肖") == "记者 肖")
    #expect(cleaned("\u{00A0}\u{00A0}缩进") == "  缩进")
  }

  @Test("The ideographic space is kept, but trimmed at the end of a line")
  func ideographicSpace() {
    #expect(cleaned("\u{3000}\u{3000}段落开头") == "\u{3000}\u{3000}段落开头")
    #expect(cleaned("记者\u{3000}肖丽琼\u{3000}") == "记者\u{3000}肖丽琼")
  }

  @Test("Trailing whitespace is trimmed; a table row keeps its trailing tabs")
  func trailingWhitespace() {
    #expect(cleaned("正文。  \t ") == "正文。")
    #expect(cleaned("\t\t市交通运输局党组\t\t\t") == "\t\t市交通运输局党组\t\t\t")
    #expect(cleaned("甲\t乙\t \t  ") == "甲\t乙\t\t")
    #expect(cleaned(" \t ") == "")
  }

  @Test("A segment of a longer line keeps its trailing spaces")
  func segmentsKeepTrailingSpace() {
    var counts = UnicodeCleaner.Counts()
    #expect(UnicodeCleaner().clean("中文 ", trimTrailingWhitespace: false, counts: &counts) == "中文 ")
  }

  @Test("Cleaning is idempotent on generated lines", arguments: 0..<20)
  func idempotentLines(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    for _ in 0..<50 {
      var line = ""
      for _ in 0..<Int.random(in: 1...15, using: &generator) {
        line += MessyText.pieces.randomElement(using: &generator)!
      }
      for style in PunctuationStyle.allCases {
        let once = cleaned(line, punctuation: style)
        #expect(cleaned(once, punctuation: style) == once, "line: \(line.debugDescription), style: \(style)")
      }
    }
  }
}

@Suite("Unicode cleaner fast check")
struct UnicodeFastCheckTests {
  /// Whether the cleaner's slow path changes `line`.
  private func slowPathChanges(_ line: String, _ cleaner: UnicodeCleaner) -> Bool {
    var copy = line
    var counts = UnicodeCleaner.Counts()
    var workspace = UnicodeCleaner.Workspace()
    return copy.withUTF8 { cleaner.clean(utf8: $0, trimTrailingWhitespace: true, counts: &counts, workspace: &workspace) }
  }

  private func needsWork(_ line: String, _ cleaner: UnicodeCleaner) -> Bool {
    var copy = line
    return copy.withUTF8 { cleaner.needsWork(utf8: $0, trimTrailingWhitespace: true) }
  }

  @Test("A line the fast check passes is one the rules leave unchanged (generated lines of every length)")
  func fastCheckIsAProof() {
    var generator = SeededGenerator(seed: 0x5EED_FA57)
    for style in PunctuationStyle.allCases {
      let cleaner = UnicodeCleaner(options: UnicodeCleanupOptions(punctuation: style))
      for _ in 0..<3_000 {
        var line = ""
        for _ in 0..<Int.random(in: 1...12, using: &generator) {
          // Mostly inert pieces, so that both answers are common and a
          // single troublesome piece lands at every offset of a vector.
          line += Int.random(in: 0..<4, using: &generator) == 0
            ? MessyText.pieces.randomElement(using: &generator)!
            : ["新能源汽车产量", "中国", "abc def", "2024", "。", "，", "、", "“两湖”"].randomElement(using: &generator)!
        }
        if !needsWork(line, cleaner) {
          #expect(!slowPathChanges(line, cleaner), "line: \(line.debugDescription), style: \(style)")
        }
      }
    }
  }

  @Test("Every BMP scalar, at either end of a sixteen-byte vector, is caught by the fast check when a rule changes it")
  func everyScalarIsCaught() {
    for style in PunctuationStyle.allCases {
      let cleaner = UnicodeCleaner(options: UnicodeCleanupOptions(punctuation: style))
      var missed: [UInt32] = []
      for v in UInt32(0x01)..<0x10000 where !(0xD800...0xDFFF).contains(v) && !(0x4E00...0x9FFF).contains(v) {
        guard v != 0x0A && v != 0x0D && v != 0x0B && v != 0x0C && v != 0x85 && v != 0x2028 && v != 0x2029 else { continue }
        let scalar = String(Unicode.Scalar(v)!)
        // At offsets 0, 13, 14 and 15 of the first vector (the last two
        // need the bytes after the vector), with Han after it.
        for offset in [0, 13, 14, 15] {
          let line = String(repeating: "a", count: offset) + scalar + "中文中文中文中文中文"
          if !needsWork(line, cleaner) && slowPathChanges(line, cleaner) { missed.append(v) }
        }
      }
      #expect(missed.isEmpty, "style \(style): \(missed.prefix(10).map { String($0, radix: 16) })")
    }
  }

  @Test("The sixteen-byte check agrees with a byte-by-byte definition")
  func plainBytesVectors() {
    func plain(_ b: [UInt8], _ j: Int, fullwidth: Bool) -> Bool {
      let (b0, b1, b2) = (b[j], b[j + 1], b[j + 2])
      if (0x20...0x7E).contains(b0) || b0 == 0x09 || (0x80...0xBF).contains(b0) || (0xE4...0xE9).contains(b0) { return true }
      if b0 == 0xE3 { return b1 != 0x82 && !(b1 == 0x80 && (0xAA...0xAF).contains(b2)) }
      if b0 == 0xE2 { return b1 == 0x80 && (0x90...0xA7).contains(b2) }
      if b0 == 0xEF && fullwidth { return b1 == 0xBC && !(0x90...0x99).contains(b2) && !(0xA1...0xBA).contains(b2) }
      return false
    }
    func mark(_ b: UInt8) -> Bool { [0x2C, 0x3A, 0x3B, 0x21, 0x3F, 0x28, 0x29].contains(b) }
    var generator = SeededGenerator(seed: 16)
    let common: [UInt8] = [0x41, 0x2C, 0x20, 0xE4, 0xB8, 0xAD, 0x09, 0x7E, 0xE3, 0x80, 0x82, 0xE2, 0x9C, 0xEF, 0xBC, 0x8C, 0x91, 0xAA]
    // Whole characters, plain or not, so that vectors plain to their end
    // (and ending at every lane) are common.
    let characters = ["，", "。", "“", "—", "中", "a", ",", "（", "１", "Ａ", "\u{200B}", "·", "〪", "ｅ", "「", "ア"].map { Array($0.utf8) }
    for round in 0..<50_000 {
      // Eighteen bytes: the vector and the two the check may look at after it.
      var bytes: [UInt8] = []
      while bytes.count < 18 {
        switch round % 4 {
        case 0: bytes.append(UInt8.random(in: 0...0xFF, using: &generator))
        case 1: bytes.append(common.randomElement(using: &generator)!)
        default:
          // Mostly plain characters, one of the others now and then.
          let plainOnes = characters[..<7]
          bytes += Int.random(in: 0..<6, using: &generator) == 0
            ? characters.randomElement(using: &generator)! : plainOnes.randomElement(using: &generator)!
        }
      }
      let fullwidth = round % 3 != 0
      let result = bytes.withUnsafeBufferPointer { PlainBytes($0.baseAddress!, needsMarks: true, fullwidthMarksArePlain: fullwidth) }
      #if arch(x86_64)
      let count = (0..<16).first { !plain(bytes, $0, fullwidth: fullwidth) } ?? 16
      #expect(result.count == count, "\(bytes)")
      #expect(result.hasASCIIMark == bytes[..<count].contains(where: mark))
      #expect(result.hasNonASCII == bytes[..<count].contains { $0 >= 0x80 })
      #else
      #expect(result.count == 0)
      #endif
    }
  }

  @Test("One workspace reused line after line gives what a fresh one gives")
  func workspaceReuse() {
    var generator = SeededGenerator(seed: 0xC1EA)
    let cleaner = UnicodeCleaner()
    var shared = UnicodeCleaner.Workspace()
    for _ in 0..<2_000 {
      var line = ""
      for _ in 0..<Int.random(in: 1...10, using: &generator) { line += MessyText.pieces.randomElement(using: &generator)! }
      var reused = UnicodeCleaner.Counts()
      var copy = line
      let changed = copy.withUTF8 { cleaner.clean(utf8: $0, trimTrailingWhitespace: true, counts: &reused, workspace: &shared) }
      let result = changed ? UnicodeCleaner.string(from: shared.scalars) : line
      var fresh = UnicodeCleaner.Counts()
      #expect(result == cleaner.clean(line, counts: &fresh), "line: \(line.debugDescription)")
      #expect(reused == fresh)
    }
  }

  @Test("The eight-byte plain-ASCII test agrees with a byte-by-byte definition")
  func plainASCIIWords() {
    func plain(_ b: UInt8) -> Bool { b == 0x20 || (0x30...0x39).contains(b) || (0x40...0x7E).contains(b) }
    var generator = SystemRandomNumberGenerator()
    let alphabet: [UInt8] = Array(0...0xFF)
    for round in 0..<50_000 {
      // Mostly plain bytes, so that both answers are common.
      let bytes = (0..<8).map { _ in round % 3 == 0 ? alphabet.randomElement(using: &generator)! : UInt8.random(in: 0x40...0x7E, using: &generator) }
      let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
      #expect(UnicodeCleaner.isPlainASCII(word) == bytes.allSatisfy(plain), "\(bytes)")
    }
  }
}
