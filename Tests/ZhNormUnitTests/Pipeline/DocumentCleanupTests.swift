import Testing
@testable import ZhNorm

@Suite("The unicode step over a document")
struct DocumentCleanupTests {
  let normalizer = Normalizer(configuration: NormalizerConfiguration(steps: [.unicode]))

  @Test("Line endings become LF and the document ends with one")
  func lineEndings() {
    #expect(normalizer.normalize("甲\r\n乙\r丙\u{2028}丁") == "甲\n乙\n丙\n丁\n")
    let result = normalizer.normalizeWithStatistics("甲\r\n乙")
    #expect(result.statistics.count(.lineEnding, by: .unicode) == 1)
    #expect(result.statistics.count(.finalNewline, by: .unicode) == 1)
  }

  @Test("Runs of blank lines collapse to one; blank lines at the start and end go")
  func blankLines() {
    #expect(normalizer.normalize("\n\n甲\n\n\n  \n乙\n\n\n") == "甲\n\n乙\n")
    #expect(normalizer.normalize("\u{200B}\n甲\n\u{FEFF}  \n\n乙") == "甲\n\n乙\n")
  }

  @Test("An empty document stays empty")
  func empty() {
    #expect(normalizer.normalize("") == "")
    #expect(normalizer.normalize("\n\n \n") == "")
  }

  @Test("Without the unicode step the input comes back byte for byte")
  func passthrough() {
    let skip = Normalizer(configuration: NormalizerConfiguration(steps: []))
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<20 {
      let bytes = MessyText.document(lines: 40, using: &generator).filter { $0 != 0xFF && $0 != 0xC3 }
      let valid = Array(String(decoding: bytes, as: UTF8.self).utf8)
      #expect(skip.normalize(valid, chunkSizes: [5, 1, 17]) == valid)
    }
    for seed in Fixtures.seedNames.map({ String($0.prefix(3)) }) {
      #expect(skip.normalize(Fixtures.seed(seed)) == Fixtures.seed(seed))
    }
  }

  @Test("On the seeds, the unicode step changes only punctuation width, a final newline and edge blank lines")
  func seedsChangeOnlyPunctuation() {
    // The unicode step alone (repair, also on by default, joins and removes lines).
    let normalizer = Normalizer(configuration: NormalizerConfiguration(steps: [.unicode]))
    for name in Fixtures.seedNames {
      let input = Fixtures.seedText(String(name.prefix(3)))
      let output = normalizer.normalize(input)
      let fold: (String) -> String = { text in
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
          PunctuationWidth.ascii(of: scalar.value).flatMap(Unicode.Scalar.init) ?? scalar
        }))
      }
      let expectedLines = input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      var collapsed: [String] = []
      for line in expectedLines where !(line.isEmpty && (collapsed.isEmpty || collapsed.last!.isEmpty)) {
        collapsed.append(line)
      }
      while collapsed.last?.isEmpty == true { collapsed.removeLast() }
      #expect(fold(output) == collapsed.joined(separator: "\n") + "\n", "\(name)")
    }
  }

  @Test("Statistics count the input and output")
  func statistics() {
    let result = normalizer.normalizeWithStatistics("甲,乙\n\n\n丙")
    #expect(result.statistics.bytesIn == 13)
    #expect(result.statistics.linesIn == 4)
    #expect(result.statistics.linesOut == 3)
    #expect(result.statistics.bytesOut == result.text.utf8.count)
    #expect(result.statistics.count(.punctuationWidth, by: .unicode) == 1)
    #expect(result.statistics.count(.blankLine, by: .unicode) == 1)
  }
}
