import Testing
@testable import ZhNorm

@Suite("Pipeline: block encoder")
struct BlockEncoderTests {
  /// The output written one block at a time, as the encoder did before it
  /// copied runs of adjacent lines together.
  private func blockByBlock(_ blocks: [Block]) -> [UInt8] {
    blocks.flatMap { block in block.withUTF8 { Array($0) } + block.terminator.utf8 }
  }

  @Test("Runs of adjacent lines copied together give the same bytes as each block on its own")
  func runsMatchBlockByBlock() {
    // Lines of one chunk: LF, CRLF (made LF by the unicode step), LF, LF at
    // the chunk's end, and one without a terminator.
    let text: [UInt8] = Array("甲乙\nab\r\n丙\n\n丁戊\nend".utf8)
    let chunk = text.withUnsafeBufferPointer { DecodedChunk(copying: $0) }
    func slice(_ range: Range<Int>, _ terminator: LineTerminator, partial: Bool = false) -> Block {
      Block(storage: .slice(chunk, range), terminator: terminator, isPartialLine: partial, blankLinesBefore: 0,
        followsPageBreak: false, lines: 1...1, byteOffset: range.lowerBound)
    }
    var blocks = [
      slice(0..<6, .lineFeed),  // 甲乙
      slice(7..<9, .lineFeed),  // ab, was CRLF: its "\r" must not be copied
      slice(11..<14, .lineFeed),  // 丙
      slice(15..<15, .lineFeed),  // blank
      slice(16..<22, .lineFeed),  // 丁戊
      slice(23..<26, .lineFeed),  // end: no LF after it in the chunk
    ]
    var written: [UInt8] = []
    var statistics = DocumentStatistics()
    BlockEncoder.append(blocks, to: &written, statistics: &statistics)
    #expect(written == blockByBlock(blocks))
    #expect(String(decoding: written, as: UTF8.self) == "甲乙\nab\n丙\n\n丁戊\nend\n")
    #expect(statistics.linesOut == 6 && statistics.bytesOut == written.count)

    // A changed line in the middle, a skipped line and other terminators break the runs.
    blocks[2].text = "丙丙"
    blocks.remove(at: 3)
    blocks[0].terminator = .carriageReturnLineFeed
    blocks.append(slice(16..<22, .none, partial: true))
    written = []
    BlockEncoder.append(blocks, to: &written, statistics: &statistics)
    #expect(written == blockByBlock(blocks))
    #expect(String(decoding: written, as: UTF8.self) == "甲乙\r\nab\n丙丙\n丁戊\nend\n丁戊")
  }
}
