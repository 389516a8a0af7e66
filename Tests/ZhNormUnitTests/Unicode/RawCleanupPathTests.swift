import Testing
@testable import ZhNorm

/// `--only unicode` writes the decoder's lines straight out
/// (``RawCleanupPath``); it must give exactly what the block pipeline gives
/// (which a stream that traces lines always uses): the same bytes, the same
/// statistics, the same diagnostics, whatever the chunking.
@Suite("Unicode cleanup without blocks")
struct RawCleanupPathTests {
  static var documents: [[UInt8]] {
    var generator = SeededGenerator(seed: 91)
    var documents = Fixtures.seedNames.map { Fixtures.seed(String($0.prefix(3))) }
    for _ in 0..<16 {
      documents.append(MessyText.document(lines: Int.random(in: 1...80, using: &generator), using: &generator))
    }
    documents += [
      [], Array("\n\n\n".utf8), Array("  \n\t\n".utf8), Array("a".utf8), Array("\n\n正文\n\n\n\n第二段\n\n".utf8),
      Array("行一\r\n行二\r\n\r\n\r\n行三\r".utf8), Array("甲\u{0C}乙\n\u{200B}\n丙".utf8),
      Array(repeating: 0x20, count: 100) + [0x0A] + Array("末行  ".utf8),
      Array(String(repeating: "很长的一行,没有换行", count: 40).utf8),  // overlong with a small maximum
      [0xE4, 0xB8], [0xFF, 0x0A, 0x0A, 0xFE],
    ]
    return documents
  }

  struct Result: Equatable {
    var output: [UInt8]
    var statistics: DocumentStatistics
    var diagnostics: [Diagnostic]
  }

  static func run(_ document: [UInt8], configuration: NormalizerConfiguration, tracing: Bool, chunkSizes: [Int]) -> Result {
    var (output, stream) = Normalizer(configuration: configuration).streamed(
      document, chunkSizes: chunkSizes, tracingLines: tracing)
    return Result(output: output, statistics: stream.statistics, diagnostics: stream.takeDiagnostics())
  }

  @Test("Same output, statistics and diagnostics as the block pipeline", arguments: PunctuationStyle.allCases)
  func matchesBlockPipeline(punctuation: PunctuationStyle) {
    var generator = SeededGenerator(seed: 13)
    for maximumLineBytes in [4 << 20, 64] {
      let configuration = NormalizerConfiguration(
        steps: [.unicode], unicode: UnicodeCleanupOptions(punctuation: punctuation), maximumLineBytes: maximumLineBytes)
      for document in Self.documents {
        let expected = Self.run(document, configuration: configuration, tracing: true, chunkSizes: [max(document.count, 1)])
        for sizes in [[1], [7], (0..<9).map { _ in Int.random(in: 1...300, using: &generator) }, [max(document.count, 1)]] {
          let raw = Self.run(document, configuration: configuration, tracing: false, chunkSizes: sizes)
          #expect(raw == expected, "\(document.count) bytes, chunks \(sizes), maximum line \(maximumLineBytes)")
        }
      }
    }
  }

  @Test("Two documents through one stream: the blank-line state starts again")
  func documentsInOneStream() {
    let configuration = NormalizerConfiguration(steps: [.unicode])
    for tracing in [false, true] {
      var stream = Normalizer(configuration: configuration).makeStream(tracingLines: tracing)
      var first = stream.push(Array("甲\n\n\n".utf8))
      stream.finishDocument(appendingTo: &first)
      #expect(String(decoding: first, as: UTF8.self) == "甲\n")
      #expect(stream.statistics.count(.blankLine, by: .unicode) == 2)
      var second = stream.push(Array("\n乙".utf8))
      stream.finishDocument(appendingTo: &second)
      #expect(String(decoding: second, as: UTF8.self) == "乙\n")
      #expect(stream.statistics.count(.blankLine, by: .unicode) == 1)
      #expect(stream.statistics.count(.finalNewline, by: .unicode) == 1)
    }
  }
}
