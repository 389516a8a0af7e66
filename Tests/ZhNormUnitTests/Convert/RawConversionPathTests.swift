import Testing
@testable import ZhNorm

/// `-c PROFILE --only convert` streams bytes straight through the converter
/// (``RawConversionPath``); it must give what the converter gives on the
/// whole (repaired) text, whatever the chunking, and count invalid input as
/// the block pipeline does.
@Suite("Conversion without line splitting")
struct RawConversionPathTests {
  static var documents: [[UInt8]] {
    var generator = SeededGenerator(seed: 77)
    var documents = Fixtures.seedNames.map { Fixtures.seed(String($0.prefix(3))) }
    for _ in 0..<12 {
      documents.append(MessyText.document(lines: Int.random(in: 1...60, using: &generator), using: &generator))
    }
    documents.append([0xE4, 0xB8])  // a truncated sequence at the very end
    documents.append([0xF0, 0x9F, 0x98])
    return documents
  }

  @Test("Same output as the converter on the whole text, for 1-byte, 2-byte, 7-byte and random chunks",
    arguments: [ConversionProfile.t2s, .s2twp, .s2t])
  func matchesConverter(profile: ConversionProfile) {
    let normalizer = Normalizer(configuration: NormalizerConfiguration(steps: [.convert], convert: ConvertOptions(profile: profile)))
    let decodeOnly = Normalizer(configuration: NormalizerConfiguration(steps: []))
    var generator = SeededGenerator(seed: 5)
    for document in Self.documents {
      let expected = ScriptConverter(profile: profile).convert(String(decoding: document, as: UTF8.self))
      for sizes in [[1], [2], [7], (0..<9).map { _ in Int.random(in: 1...500, using: &generator) }, [max(document.count, 1)]] {
        #expect(String(decoding: normalizer.normalize(document, chunkSizes: sizes), as: UTF8.self) == expected)
      }
      var stream = normalizer.makeStream()
      var output = stream.push(document)
      stream.finishDocument(appendingTo: &output)
      var reference = decodeOnly.makeStream()
      _ = reference.push(document)
      _ = reference.finishDocument()
      #expect(stream.statistics.invalidSequences == reference.statistics.invalidSequences)
      #expect(stream.statistics.bytesIn == document.count)
      #expect(stream.statistics.bytesOut == output.count)
    }
  }
}
