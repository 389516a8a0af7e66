import Testing
@testable import ZhNorm

@Suite("Repair: the lines read ahead")
struct LookaheadTests {
  /// Reads `lines` ahead (an empty string is a blank line; `- 3 -` a line
  /// that will be removed).
  static func readAhead(_ lines: [String]) -> Lookahead {
    var lookahead = Lookahead()
    for (number, line) in zip(1..., lines) {
      let block = Block(text: line, lines: number...number)
      lookahead.add(block, width: line == "- 3 -" ? nil : block.withUTF8(WrapProfile.width))
    }
    return lookahead
  }

  @Test("Samples are the widths of lines directly followed by another, each kept with its block")
  func samples() {
    let widths = Self.readAhead(["一二三四五", "abc", "", "一二", "x", "yz"]).widths
    #expect(widths.samples == [10, 4, 1])  // `abc` is followed by a blank line, `yz` by nothing
    #expect(widths.lines.map(\.width) == [10, 3, nil, 4, 1, 2])
    #expect(widths.lines.map(\.separates) == [false, false, true, false, false, false])
    #expect(widths.widestLine == 10)
  }

  @Test("A line that will be removed is no line: the lines around it are adjacent")
  func removedLine() {
    let widths = Self.readAhead(["一二三四五", "- 3 -", "abc", "x"]).widths
    #expect(widths.samples == [10, 3])
    #expect(widths.lines.map(\.width) == [10, nil, 3, 1])
    #expect(!widths.lines[1].separates)
  }

  /// fuzz-pipeline-9062a4fe's shape: two lines near 24 columns, a blank, then a
  /// short line followed by another. Nothing says hard wrap; joined across the
  /// blank to the line before it, the short line becomes a third line near 24
  /// columns, and a second run would see hard wrap.
  @Test("A join across a blank line is seen as a second run reads it")
  func joinedLineAsSecondRunReadsIt() {
    let first = String(repeating: "中", count: 12)  // 24 columns
    let second = "abcdefghijklmnopqrstuvw"  // 23
    let lookahead = Self.readAhead([first, second, "abcdefghijklmnopqr", "", "。x,", "y"])
    #expect(lookahead.widths.seedWrap == nil)
    #expect(lookahead.widths.secondRunSeedWrap == nil)
    let joined = lookahead.widths.seedWrap(joining: 3...5, width: 26)
    #expect(joined?.width == 26)
    // A wide joined line (a paragraph, as in real text) makes them say nothing.
    #expect(lookahead.widths.seedWrap(joining: 3...5, width: 90) == nil)
    // The last line, joined, has no sample of its own: only the widest line changes.
    #expect(lookahead.widths.seedWrap(joining: 5...6, width: 20) == nil)
  }

  /// fuzz-pipeline-818ecd33's shape: each join alone leaves the lines saying
  /// nothing; the two together make three lines near one width.
  @Test("Joins made while the lines read ahead are taken add up")
  func joinsAddUp() {
    let wide = String(repeating: "中", count: 30)  // 60 columns
    var widths = Self.readAhead([wide, "a", "", "bb", "", "cc", "d", "", "ee", "", "ff", "g"]).widths
    #expect(widths.secondRunSeedWrap == nil)  // 60, 2, 2
    #expect(widths.seedWrap(joining: 4...6, width: 59) == nil)  // 60, 59, 2
    #expect(widths.seedWrap(joining: 9...11, width: 58) == nil)  // 60, 2, 58
    widths.join(4...6, width: 59)
    #expect(widths.lines.map(\.width) == [60, 1, nil, nil, nil, 59, 1, nil, 2, nil, 2, 1])
    #expect(widths.lines.map(\.separates) == [false, false, true, false, false, false, false, true, false, true, false, false])
    #expect(widths.seedWrap(joining: 9...11, width: 58)?.width == 60)  // 60, 59, 58
  }

  /// A line the step removes (a running footer, a copy) is no line to a
  /// second run: the lines around it are adjacent.
  @Test("Lines removed while the lines read ahead are taken are no lines")
  func removedLinesAreNoLines() {
    let wide = String(repeating: "中", count: 30)  // 60 columns
    let wide58 = String(repeating: "中", count: 29)
    var widths = Self.readAhead([wide, "a", wide58, "b", "", "cc", "", "d", "e"]).widths
    #expect(widths.seedWrap(joining: 6...8, width: 59)?.width == 60)  // 60, 1, 58, 59
    widths.remove(1...1)
    #expect(widths.seedWrap(joining: 6...8, width: 59) == nil)  // 1, 58, 59
    #expect(widths.lines[0] == Lookahead.Widths.Line(number: 1, width: nil, separates: false))
    widths.remove(5...5)
    #expect(widths.lines[4].separates)  // a blank line is not a text line to remove
  }
}
