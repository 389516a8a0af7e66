import Testing
@testable import ZhNorm

@Suite("Line decoder")
struct LineDecoderTests {
  /// Decodes `bytes` fed in chunks of `chunkSize`, returning blocks and statistics.
  func decode(_ bytes: [UInt8], chunkSize: Int = 1 << 20, maximumLineBytes: Int = 1 << 20) -> ([Block], DocumentStatistics, [Diagnostic]) {
    var decoder = LineDecoder(maximumLineBytes: maximumLineBytes)
    var blocks: [Block] = []
    var statistics = DocumentStatistics()
    var index = 0
    while index < bytes.count {
      let end = min(index + chunkSize, bytes.count)
      Array(bytes[index..<end]).withUnsafeBytes { decoder.push($0, into: &blocks, statistics: &statistics) }
      index = end
    }
    decoder.finish(into: &blocks, statistics: &statistics)
    return (blocks, statistics, decoder.takeDiagnostics())
  }

  @Test("Every UAX #14 mandatory break ends a line, and is remembered")
  func terminators() {
    let bytes: [UInt8] = Array("a\nb\r\nc\rd".utf8) + [0xC2, 0x85] + Array("e".utf8) + [0x0B] + Array("f".utf8) + [0x0C]
      + Array("g".utf8) + [0xE2, 0x80, 0xA8] + Array("h".utf8) + [0xE2, 0x80, 0xA9] + Array("i".utf8)
    for chunkSize in [1, 2, 3, 100] {
      let (blocks, statistics, _) = decode(bytes, chunkSize: chunkSize)
      #expect(blocks.map(\.text) == ["a", "b", "c", "d", "e", "f", "g", "h", "i"])
      #expect(blocks.map(\.terminator) == [
        .lineFeed, .carriageReturnLineFeed, .carriageReturn, .nextLine, .verticalTab, .formFeed,
        .lineSeparator, .paragraphSeparator, .none,
      ])
      #expect(statistics.linesIn == 9)
      #expect(blocks[6].followsPageBreak)
    }
  }

  @Test("A CR at the end of a chunk waits for the next chunk")
  func carriageReturnAcrossChunks() {
    let (blocks, _, _) = decode(Array("ab\r\ncd\r".utf8), chunkSize: 3)
    #expect(blocks.map(\.text) == ["ab", "cd"])
    #expect(blocks.map(\.terminator) == [.carriageReturnLineFeed, .carriageReturn])
  }

  @Test("E2 and C2 bytes that are not line breaks stay in the text")
  func nonBreakingLeadBytes() {
    let text = "“引号”——·…"
    let (blocks, _, _) = decode(Array(text.utf8), chunkSize: 1)
    #expect(blocks.map(\.text) == [text])
  }

  @Test("Blank lines before a line are counted")
  func blankLines() {
    let (blocks, _, _) = decode(Array("a\n\n  \n\nb\nc\n".utf8))
    #expect(blocks.map(\.blankLinesBefore) == [0, 0, 1, 2, 3, 0])
    #expect(blocks.map(\.lines.lowerBound) == [1, 2, 3, 4, 5, 6])
  }

  @Test("Invalid UTF-8 becomes U+FFFD, counted with its byte offset")
  func invalidUTF8() {
    let bytes: [UInt8] = Array("中文".utf8) + [0xFF] + Array("\n好".utf8) + [0xE4, 0xB8] + Array("x".utf8)
    for chunkSize in [1, 4, 100] {
      let (blocks, statistics, diagnostics) = decode(bytes, chunkSize: chunkSize)
      #expect(blocks.map(\.text) == ["中文\u{FFFD}", "好\u{FFFD}x"])
      #expect(statistics.invalidSequences == 2)
      #expect(statistics.firstInvalidOffset == 6)
      #expect(diagnostics.map(\.byteOffset) == [6, 11])
      #expect(diagnostics.map(\.line) == [1, 2])
    }
  }

  @Test("An overlong line is cut into segments at scalar boundaries, whatever the chunking")
  func overlongLines() {
    let line = String(repeating: "汉字abc", count: 40)  // 360 bytes
    let bytes = Array((line + "\n短\n").utf8)
    var reference: [Block]?
    for chunkSize in [1, 7, 64, 1000] {
      let (blocks, statistics, _) = decode(bytes, chunkSize: chunkSize, maximumLineBytes: 50)
      // A cut falls at the first scalar boundary at or past the limit.
      #expect(blocks.dropLast().allSatisfy { $0.text.utf8.count <= 50 + 3 })
      #expect(blocks.filter { !$0.isPartialLine }.map(\.text).last == "短")
      #expect(blocks.prefix { $0.isPartialLine || $0.terminator == .lineFeed }.map(\.text).dropLast().joined() == line)
      #expect(statistics.linesIn == 2)
      if let reference { #expect(blocks == reference) } else { reference = blocks }
    }
  }
}
