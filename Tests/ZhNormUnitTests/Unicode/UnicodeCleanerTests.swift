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
