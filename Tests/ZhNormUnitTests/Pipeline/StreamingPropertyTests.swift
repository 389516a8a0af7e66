import Testing
@testable import ZhNorm

/// The promises of streaming, tested as properties over the seeds and over
/// generated messy documents: the output does not depend on how the input is
/// chunked, and normalizing the output again changes nothing.
@Suite("Streaming properties")
struct StreamingPropertyTests {
  /// Output bytes as text, so that a failure shows readable lines.
  func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  static let configurations: [NormalizerConfiguration] = [
    NormalizerConfiguration(),
    NormalizerConfiguration(unicode: UnicodeCleanupOptions(punctuation: .ascii)),
    NormalizerConfiguration(unicode: UnicodeCleanupOptions(punctuation: .keep)),
  ]

  /// Lines cut into 64-byte segments: chunking must not matter. (Idempotence
  /// is not promised for segmented lines: a second run cuts its shorter or
  /// longer output at other places, and rules that look at neighbours, such
  /// as a ZWJ between emoji, can decide differently at a cut.)
  static let segmenting = NormalizerConfiguration(maximumLineBytes: 64)

  static var documents: [[UInt8]] {
    var generator = SeededGenerator(seed: 2024)
    var documents = Fixtures.seedNames.map { Fixtures.seed(String($0.prefix(3))) }
    for _ in 0..<40 {
      documents.append(MessyText.document(lines: Int.random(in: 1...80, using: &generator), using: &generator))
    }
    return documents
  }

  @Test("Output is the same for 1-byte, 7-byte, random and whole chunks", arguments: 0...configurations.count)
  func chunkingInvariance(configurationIndex: Int) {
    let configuration = configurationIndex < Self.configurations.count ? Self.configurations[configurationIndex] : Self.segmenting
    let normalizer = Normalizer(configuration: configuration)
    var generator = SeededGenerator(seed: UInt64(configurationIndex))
    for document in Self.documents {
      let whole = text(normalizer.normalize(document))
      #expect(text(normalizer.normalize(document, chunkSizes: [1])) == whole)
      #expect(text(normalizer.normalize(document, chunkSizes: [7])) == whole)
      let random = (0..<16).map { _ in Int.random(in: 1...300, using: &generator) }
      #expect(text(normalizer.normalize(document, chunkSizes: random)) == whole)
    }
  }

  @Test("Normalizing the output again changes nothing", arguments: configurations.indices)
  func idempotence(configurationIndex: Int) {
    let normalizer = Normalizer(configuration: Self.configurations[configurationIndex])
    for document in Self.documents {
      let once = normalizer.normalize(document)
      #expect(text(normalizer.normalize(once)) == text(once))
    }
  }

  @Test("The output is valid UTF-8 and the accounting adds up")
  func outputIsValid() {
    let normalizer = Normalizer()
    for document in Self.documents {
      var stream = normalizer.makeStream()
      var output = stream.push(document)
      stream.finishDocument(appendingTo: &output)
      #expect(String(validating: output, as: UTF8.self) != nil)
      #expect(stream.statistics.bytesIn == document.count)
      #expect(stream.statistics.bytesOut == output.count)
      #expect(stream.statistics.linesOut == output.filter { $0 == 0x0A }.count)
    }
  }

  @Test("A stream normalizes several documents independently")
  func severalDocuments() {
    let normalizer = Normalizer()
    var stream = normalizer.makeStream()
    var output = stream.push(Array("\n\n甲,乙\n\n".utf8))
    stream.finishDocument(appendingTo: &output)
    #expect(stream.statistics.linesIn == 4)
    stream.push(Array("\n丙".utf8), appendingTo: &output)
    stream.finishDocument(appendingTo: &output)
    #expect(String(decoding: output, as: UTF8.self) == "甲，乙\n丙\n")
    #expect(stream.statistics.linesIn == 2)
  }

  @Test("The AsyncSequence adapter gives the same text as normalize(_:)")
  func asyncAdapter() async throws {
    let normalizer = Normalizer()
    let document = Fixtures.seed("002")
    let chunks = stride(from: 0, to: document.count, by: 1000).map { Array(document[$0..<min($0 + 1000, document.count)]) }
    let source = AsyncStream<[UInt8]> { continuation in
      for chunk in chunks { continuation.yield(chunk) }
      continuation.finish()
    }
    var text = ""
    for try await piece in normalizer.normalized(source) {
      #expect(piece.hasSuffix("\n"))
      text += piece
    }
    #expect(text == normalizer.normalize(String(decoding: document, as: UTF8.self)))
  }
}
