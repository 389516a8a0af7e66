import Testing
@testable import ZhNorm

@Suite("Repair: the lines read ahead")
struct LookaheadTests {
  /// Reads `lines` ahead (an empty string is a blank line; `- 3 -` a line
  /// that will be removed).
  static func readAhead(_ lines: [String]) -> Lookahead {
    var lookahead = Lookahead()
    for line in lines {
      let block = Block(text: line)
      lookahead.add(block, width: line == "- 3 -" ? nil : block.withUTF8(WrapProfile.width))
    }
    return lookahead
  }

  @Test("Samples are the widths of lines directly followed by another, each kept with its block")
  func samples() {
    let widths = Self.readAhead(["一二三四五", "abc", "", "一二", "x", "yz"]).widths
    #expect(widths.samples == [10, 4, 1])  // `abc` is followed by a blank line, `yz` by nothing
    #expect(widths.sampleIndices == [0, -1, -1, 1, 2, -1])
    #expect(widths.widestLine == 10)
  }

  @Test("A line that will be removed is no line: the lines around it are adjacent")
  func removedLine() {
    let widths = Self.readAhead(["一二三四五", "- 3 -", "abc", "x"]).widths
    #expect(widths.samples == [10, 3])
    #expect(widths.sampleIndices == [0, -1, 1, -1])
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
    let joined = lookahead.widths.seedWrap(joiningBlockAt: 4, joinedWidth: 26)
    #expect(joined?.width == 26)
    // A wide joined line (a paragraph, as in real text) makes them say nothing.
    #expect(lookahead.widths.seedWrap(joiningBlockAt: 4, joinedWidth: 90) == nil)
    // A block without a sample of its own changes nothing but the widest line.
    #expect(lookahead.widths.seedWrap(joiningBlockAt: 5, joinedWidth: 20) == nil)
  }
}
