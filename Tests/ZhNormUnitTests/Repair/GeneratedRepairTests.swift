import Testing
@testable import ZhNorm

/// Generated documents: clean paragraphs from the seeds (or made-up English),
/// broken by hard wraps, hyphenation, pinyin annotations and page furniture.
/// The clean original is the expected output; joins are scored for
/// precision (no output line may span two clean paragraphs) and recall, and
/// every output must be a fixed point.
@Suite("Repair on generated documents")
struct GeneratedRepairTests {
  let normalizer = Normalizer(configuration: NormalizerConfiguration(steps: [.unicode, .repair]))

  /// Precision and recall of joins: `expected` are the clean paragraphs; a
  /// paragraph is recovered when it is an output line; an output line that is
  /// not a piece of one clean paragraph is a wrong join.
  struct Score {
    var recovered = 0, missed = 0, wrong = 0
    var precision: Double { Double(recovered) / Double(max(1, recovered + wrong)) }
    var recall: Double { Double(recovered) / Double(max(1, recovered + missed)) }

    mutating func add(output: String, expected: [String]) {
      let lines = output.split(separator: "\n").map(String.init)
      let set = Set(lines)
      for paragraph in expected {
        if set.contains(paragraph) { recovered += 1 } else { missed += 1 }
      }
      // A piece of one paragraph (an unjoined hyphenated cut keeps its hyphen: a miss, not a wrong join).
      let piece = { (line: String) in line.hasSuffix("-") ? String(line.dropLast()) : line }
      wrong += lines.filter { line in !expected.contains { $0.contains(piece(line)) } }.count
    }
  }

  /// Cuts `paragraph` into lines of at most `width` display columns (CJK 2),
  /// as a PDF layout does.
  static func hardWrap(_ paragraph: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var columns = 0
    for scalar in paragraph.unicodeScalars {
      let w = TextFacts.width(scalar.value)
      if columns + w > width {
        lines.append(line)
        line = ""
        columns = 0
      }
      line.unicodeScalars.append(scalar)
      columns += w
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  @Test("Hard-wrapped Chinese paragraphs are re-flowed; no wrong join")
  func hardWrappedChinese() {
    var generator = SeededGenerator(seed: 11)
    let paragraphs = RepairTests.paragraphs
    var score = Score()
    for _ in 0..<30 {
      let chosen = (0..<6).map { _ in paragraphs.randomElement(using: &generator)! }
      let width = [60, 70, 76].randomElement(using: &generator)!
      let document = chosen.map { Self.hardWrap($0, width: width).joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
      let output = normalizer.normalize(document)
      score.add(output: output, expected: chosen)
      #expect(normalizer.normalize(output) == output)
    }
    print("repair hard wrap (Chinese): precision \(score.precision) recall \(score.recall) (\(score.recovered) recovered, \(score.missed) missed, \(score.wrong) wrong)")
    #expect(score.wrong == 0)
    #expect(score.recall >= 0.6)
  }

  static let englishWords = ["the", "data", "international", "standard", "encoding", "of", "characters", "is", "used", "by", "most",
    "systems", "and", "networks", "for", "interchange", "between", "programs", "that", "process", "text", "in", "many", "languages",
    "a", "e-mail", "message", "can", "carry", "documents", "written", "with", "several", "scripts", "at", "once", "today"]

  /// An English paragraph of lower-case words ending with a full stop.
  static func englishParagraph(using generator: inout SeededGenerator) -> String {
    let words = (0..<Int.random(in: 30...60, using: &generator)).map { _ in englishWords.randomElement(using: &generator)! }
    return "The " + words.joined(separator: " ") + "."
  }

  /// Word-wraps English at `width` columns; a long word that would leave more
  /// than 6 columns free is cut with a hyphen (`inter-` ⏎ `national`).
  static func wordWrap(_ paragraph: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in paragraph.split(separator: " ").map(String.init) {
      let needed = line.isEmpty ? word.count : line.count + 1 + word.count
      if needed <= width {
        line = line.isEmpty ? word : line + " " + word
        continue
      }
      let free = width - line.count - 1
      if !line.isEmpty, free > 6, word.count >= 8, !word.contains("-") {
        let cut = free - 1
        lines.append(line + " " + word.prefix(cut) + "-")
        line = String(word.dropFirst(cut))
      } else {
        lines.append(line)
        line = word
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  /// The wrap profile needs three full lines before it says "hard wrap"; the
  /// first lines of a document, read ahead, answer until then (``Lookahead``).
  @Test("The first paragraph of a hard-wrapped document is re-flowed too, whatever the chunking")
  func firstParagraphReflowed() {
    let paragraphs = Array(RepairTests.paragraphs.filter { $0.unicodeScalars.count >= 70 }.prefix(3))
    #expect(paragraphs.count == 3)
    let first = Self.hardWrap(paragraphs[0], width: 60)
    #expect(first.count >= 3)
    let document = paragraphs.map { Self.hardWrap($0, width: 60).joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    let output = normalizer.normalize(document)
    #expect(output.split(separator: "\n").first.map(String.init) == paragraphs[0])
    #expect(normalizer.normalize(output) == output)
    for size in [1, 7, 100] {
      #expect(normalizer.normalize(Array(document.utf8), chunkSizes: [size]) == Array(output.utf8))
    }
  }

  @Test("Word-wrapped English with hyphenated cuts is re-flowed; compounds keep their hyphen")
  func hyphenation() {
    var generator = SeededGenerator(seed: 5)
    var score = Score()
    var hyphenCuts = 0
    for _ in 0..<30 {
      let chosen = (0..<5).map { _ in Self.englishParagraph(using: &generator) }
      let wrapped = chosen.map { Self.wordWrap($0, width: 72) }
      hyphenCuts += wrapped.joined().filter { $0.hasSuffix("-") && !$0.hasSuffix("e-") }.count
      let document = wrapped.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
      let output = normalizer.normalize(document)
      score.add(output: output, expected: chosen)
      #expect(normalizer.normalize(output) == output)
    }
    print("repair word wrap + hyphenation (English): precision \(score.precision) recall \(score.recall) (\(score.recovered) recovered, \(score.missed) missed, \(score.wrong) wrong; \(hyphenCuts) hyphenated cuts)")
    #expect(hyphenCuts > 10)
    #expect(score.wrong == 0)
    #expect(score.recall >= 0.6)
  }

  /// Characters of the seeds' paragraphs with one of their Unihan readings.
  static let readings: [Character: String] = [
    "业": "yè", "产": "chǎn", "发": "fā", "展": "zhǎn", "中": "zhōng", "国": "guó", "新": "xīn", "能": "néng",
    "车": "chē", "会": "huì", "大": "dà", "市": "shì", "省": "shěng", "调": "diào", "和": "hé", "长": "zhǎng",
  ]

  @Test("Injected pinyin annotations and page furniture are removed: the clean original comes back")
  func annotationsAndFurniture() {
    var generator = SeededGenerator(seed: 3)
    let paragraphs = RepairTests.paragraphs
    var documents = 0
    for _ in 0..<40 {
      let chosen = (0..<6).map { _ in paragraphs.randomElement(using: &generator)! }
      // The running header is the first line of page one; it comes back after every page break.
      let header = "长江日报 2024年7月5日"
      let clean = ([header] + chosen).joined(separator: "\n\n") + "\n"
      var pieces = [header]
      var page = 1
      for paragraph in chosen {
        var text = ""
        for character in paragraph {
          text.append(character)
          if let reading = Self.readings[character], Int.random(in: 0..<6, using: &generator) == 0 {
            text += Bool.random(using: &generator) ? "(\(reading))" : "（\(reading)）"
          }
        }
        pieces.append(text)
        switch Int.random(in: 0..<5, using: &generator) {
        case 0: pieces.append("（下转第\(page + 1)版）")
        case 1: pieces.append("第\(page)页")
        case 2: pieces.append("Page \(page) of 20")
        case 3: pieces.append("— \(page) —\u{0C}\(header)")  // page number, form feed, running header
        default: break
        }
        page += 1
      }
      let output = normalizer.normalize(pieces.joined(separator: "\n\n") + "\n")
      #expect(output == clean)
      #expect(normalizer.normalize(output) == output)
      documents += 1
    }
    #expect(documents == 40)
  }

  @Test("A running footer before each form feed is removed after its first occurrence")
  func runningFooter() {
    let footer = "Debian 参考手册"
    let body = ["甲段文字在这里。", "乙段文字在这里。", "丙段文字在这里。", "丁段文字在这里。"]
    let document = body.map { $0 + "\n" + footer + "\u{0C}" }.joined() + "完。\n"
    let output = normalizer.normalize(document)
    #expect(output == "甲段文字在这里。\n\(footer)\n乙段文字在这里。\n丙段文字在这里。\n丁段文字在这里。\n完。\n")
    #expect(normalizer.normalize(output) == output)
  }
}
