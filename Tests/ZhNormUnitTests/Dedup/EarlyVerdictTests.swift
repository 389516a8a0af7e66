import Foundation
import Testing
@testable import ZhNorm

/// In the default configuration the dedup step takes the repair step's
/// verdicts on exact copies instead of keeping an index of its own (see
/// `DedupStage`). It must decide exactly as when it checks every paragraph
/// itself: same output, same counts, same records — also when the convert
/// step rewrites a paragraph (a stray character fixed) and the step goes
/// back to checking for the rest of the document.
@Suite("Dedup step: the repair step's verdicts")
struct EarlyVerdictTests {
  struct Run: Equatable {
    var output: [UInt8]
    var changes: [PipelineStep: [ChangeKind: Int]]
    var records: [ChangeRecord]
  }

  static func run(
    _ bytes: [UInt8], configuration: NormalizerConfiguration, takingVerdicts: Bool, chunkSize: Int
  ) -> Run {
    var stream = NormalizationStream(configuration: configuration, dedupTakesVerdicts: takingVerdicts)
    var output: [UInt8] = []
    var records: [ChangeRecord] = []
    var index = 0
    while index < bytes.count {
      let end = min(index + chunkSize, bytes.count)
      stream.push(bytes[index..<end], appendingTo: &output)
      records += stream.takeRecords()
      index = end
    }
    stream.finishDocument(appendingTo: &output)
    records += stream.takeRecords()
    return Run(output: output, changes: stream.statistics.changes, records: records)
  }

  /// Compares both ways on `bytes`, with and without records, whole and in chunks of 7.
  static func expectSameDecisions(_ bytes: [UInt8], _ name: String) {
    for recordsChanges in [true, false] {
      let configuration = NormalizerConfiguration(recordsChanges: recordsChanges)
      for chunkSize in [max(bytes.count, 1), 7] {
        let taking = run(bytes, configuration: configuration, takingVerdicts: true, chunkSize: chunkSize)
        let checking = run(bytes, configuration: configuration, takingVerdicts: false, chunkSize: chunkSize)
        // Compared as Booleans: a failure names the input, not a megabyte of bytes.
        let sameOutput = taking.output == checking.output
        let sameCounts = taking.changes == checking.changes
        let sameRecords = taking.records == checking.records
        #expect(sameOutput, "\(name): output, records \(recordsChanges), chunks of \(chunkSize)")
        #expect(sameCounts, "\(name): counts, records \(recordsChanges), chunks of \(chunkSize)")
        #expect(sameRecords, "\(name): records, chunks of \(chunkSize)")
      }
    }
  }

  /// A generated document with exact, variant, truncated and near copies,
  /// where some paragraphs mention 先锋 and some copies carry the stray
  /// Traditional 先鋒 (which the convert step fixes in a Simplified document):
  /// copies made equal by the fix, before and after the clean paragraph.
  static func documentWithStrays(seed: UInt64) -> [UInt8] {
    var generator = SeededGenerator(seed: seed)
    let corpus = DedupCorpus.document(count: 300, using: &generator)
    var paragraphs: [String] = []
    for (index, (text, role)) in corpus.paragraphs.enumerated() {
      guard role == .distinct, index % 5 == 0 else {
        paragraphs.append(text)
        continue
      }
      let clean = "先锋" + text
      let stray = "先鋒" + text
      switch Int.random(in: 0..<3, using: &generator) {
      case 0: paragraphs += [clean, stray]  // the fixed copy comes second
      case 1: paragraphs += [stray, clean, clean]  // the clean copies come after the fixed one
      default: paragraphs += [clean]
      }
    }
    return Array((paragraphs.joined(separator: "\n\n") + "\n").utf8)
  }

  @Test("Same decisions on the seeds")
  func seeds() {
    for name in Fixtures.seedNames {
      Self.expectSameDecisions(Fixtures.seed(String(name.prefix(3))), name)
    }
    // Page-broken pages repeated: truncated and joined copies, set-aside paragraphs.
    let pages = Fixtures.seed("002") + Fixtures.seed("000") + Fixtures.seed("002")
    Self.expectSameDecisions(pages, "002 000 002")
  }

  @Test("Same decisions on generated documents with copies and stray characters", arguments: [1, 2, 3, 4] as [UInt64])
  func generated(seed: UInt64) {
    let bytes = Self.documentWithStrays(seed: seed)
    Self.expectSameDecisions(bytes, "generated \(seed)")
    // The strays are fixed, and the copies they made go.
    let output = String(decoding: Normalizer().normalize(bytes), as: UTF8.self)
    #expect(!output.contains("先鋒"))
  }

  @Test("Same decisions on messy documents", arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
  func messy(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    var bytes = MessyText.document(lines: 200, using: &generator)
    bytes += bytes  // every line again, after the first copy
    Self.expectSameDecisions(bytes, "messy \(seed)")
  }

  @Test("Same decisions on the saved fuzz inputs")
  func fuzzInputs() throws {
    let directory = Fixtures.repositoryRoot.appendingPathComponent("Tests/ZhNormUnitTests/Regression/Inputs")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".bin") }.sorted()
    #expect(names.count > 10)
    for name in names {
      let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
      Self.expectSameDecisions(bytes, name)
    }
  }

  @Test("Same decisions over several documents in one stream (state reset at each document's end)")
  func severalDocuments() {
    var generator = SeededGenerator(seed: 9)
    let messy = MessyText.document(lines: 150, using: &generator)
    // The same paragraphs without strays (never falls back) and with them
    // (falls back: its index must not hold the previous document's), then
    // documents that need not fall back, and the first two again.
    let strays = Self.documentWithStrays(seed: 5)
    let clean = Array(String(decoding: strays, as: UTF8.self).replacingOccurrences(of: "先鋒", with: "先锋").utf8)
    let documents = [clean, strays, Fixtures.seed("002"), messy + messy, clean, strays]
    for recordsChanges in [true, false] {
      let configuration = NormalizerConfiguration(recordsChanges: recordsChanges)
      var results: [[Run]] = []
      for takingVerdicts in [true, false] {
        var stream = NormalizationStream(configuration: configuration, dedupTakesVerdicts: takingVerdicts)
        var runs: [Run] = []
        for document in documents {
          var output = stream.push(document)
          stream.finishDocument(appendingTo: &output)
          runs.append(Run(output: output, changes: stream.statistics.changes, records: stream.takeRecords()))
        }
        results.append(runs)
      }
      for index in documents.indices {
        let same = results[0][index] == results[1][index]
        #expect(same, "document \(index + 1), records \(recordsChanges)")
      }
      // Document scope: the repeated documents come out as they did the first time.
      #expect(results[0][4].output == results[0][0].output)
      #expect(results[0][5].output == results[0][1].output)
    }
  }

  @Test("Taken in the default configuration only, and where nothing widens the question")
  func whereTaken() {
    #expect(DedupStage.takesEarlyVerdicts(in: NormalizerConfiguration()))
    var configuration = NormalizerConfiguration()
    configuration.steps.remove(.convert)
    #expect(DedupStage.takesEarlyVerdicts(in: configuration))
    let widening: [(String, (inout NormalizerConfiguration) -> Void)] = [
      ("a conversion profile", { $0.convert.profile = .t2s }),
      ("a target script", { $0.convert.target = .hans }),
      ("run scope", { $0.dedup.scope = .run }),
      ("a database", { $0.dedup.databasePath = "/tmp/x.sqlite" }),
      ("near duplicates", { $0.dedup.nearDuplicateThreshold = 0.85 }),
      ("no unicode step", { $0.steps.remove(.unicode) }),
      ("no repair step", { $0.steps.remove(.repair) }),
    ]
    for (name, change) in widening {
      var configuration = NormalizerConfiguration()
      change(&configuration)
      #expect(!DedupStage.takesEarlyVerdicts(in: configuration), "\(name)")
    }
  }

  @Test("The log of kept paragraphs keeps them in order, up to its limit")
  func keptLog() {
    var log = KeptParagraphLog(keepsPositions: true, byteLimit: 16 * 100_000)
    for key in 1...70_000 as ClosedRange<UInt64> { log.append(key, position: key * 10) }
    var seen: [UInt64] = []
    log.forEach { key, position in
      if position == key * 10 { seen.append(key) }
    }
    #expect(seen == Array(1...70_000))
    #expect(log.isComplete)
    for key in 70_001...100_001 as ClosedRange<UInt64> { log.append(key, position: 0) }
    #expect(log.count == 100_000)
    #expect(!log.isComplete)
    log.removeAll()
    #expect(log.count == 0 && log.isComplete)
    var keys: [UInt64] = []
    log.append(7, position: 1)
    log.forEach { key, _ in keys.append(key) }
    #expect(keys == [7])
    var withoutPositions = KeptParagraphLog(keepsPositions: false, byteLimit: 8 * 3)
    for key in 1...5 as ClosedRange<UInt64> { withoutPositions.append(key, position: 99) }
    var pairs: [UInt64] = []
    withoutPositions.forEach { key, position in pairs += [key, position] }
    #expect(pairs == [1, 0, 2, 0, 3, 0])
  }
}
