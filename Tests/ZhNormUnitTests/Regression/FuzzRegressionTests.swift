import Foundation
import Testing
@testable import ZhNorm

/// Inputs the fuzzers (`Fuzz/run`) found, kept so the bugs stay fixed.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
  static let directory = Fixtures.repositoryRoot.appendingPathComponent("Tests/ZhNormUnitTests/Regression/Inputs")

  static var inputs: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
  }

  /// fuzz-pipeline-9bafbb4d: Traditional seed 004 spliced with Simplified text and
  /// repeated paragraphs, just over the 5% line for "clearly Traditional". The
  /// first run did not fix strays; the second, after dedup had removed the
  /// repeats, did. Fixed by counting evidence over exactly the first Han
  /// characters, not counting repeated lines, and fixing strays to a fixed point.
  ///
  /// fuzz-pipeline-a0dc01ef: lines of slashes and replacement characters between
  /// repeated paragraphs. The first run kept them apart (the repeats stood
  /// between them); the second, once dedup had removed the repeats, joined them.
  /// Fixed by treating a line without a Han character, letter or digit as
  /// structure, never joined.
  @Test("The default pipeline is idempotent on every saved fuzz input", arguments: inputs)
  func idempotent(name: String) throws {
    let bytes = [UInt8](try Data(contentsOf: Self.directory.appendingPathComponent(name)))
    let normalizer = Normalizer()
    let once = normalizer.normalize(bytes)
    #expect(String(decoding: normalizer.normalize(once), as: UTF8.self) == String(decoding: once, as: UTF8.self))
    #expect(normalizer.normalize(bytes, chunkSizes: [7]) == once)
  }

  /// fuzz-pipeline-fe859657, not fixed yet: a short line (`　x`) after a paragraph,
  /// with a repeated paragraph between them. The first run keeps them apart; the
  /// second, once dedup has removed the repeat, joins them. The repair step
  /// decides joins before dedup removes repeats; the fix I see is for repair to
  /// look past a block that exactly repeats a recent paragraph (dedup will
  /// remove it) when it looks for a continuation.
  @Test("Known issue: repair joins across a repeat that dedup removes")
  func joinAcrossRemovedRepeat() throws {
    let url = Fixtures.repositoryRoot.appendingPathComponent("Tests/ZhNormUnitTests/Regression/KnownIssues/fuzz-pipeline-fe859657.bin")
    let bytes = [UInt8](try Data(contentsOf: url))
    let normalizer = Normalizer()
    let once = normalizer.normalize(bytes)
    let twice = normalizer.normalize(once)
    withKnownIssue("the default pipeline is not yet idempotent on this input") {
      #expect(twice.count == once.count && twice == once)
    }
  }
}
