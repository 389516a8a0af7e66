import Foundation

/// Files of the repository that tests read: the seed documents.
enum Fixtures {
  /// The repository's root directory, found from this file's path.
  static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // ZhNormUnitTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// The seed documents' file names, sorted.
  static let seedNames: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("seeds").path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted()
  }()

  /// The bytes of the seed whose name starts with `prefix` (e.g. "000").
  static func seed(_ prefix: String) -> [UInt8] {
    let name = seedNames.first { $0.hasPrefix(prefix) }!
    return [UInt8](try! Data(contentsOf: repositoryRoot.appendingPathComponent("seeds").appendingPathComponent(name)))
  }

  /// The text of the seed whose name starts with `prefix`.
  static func seedText(_ prefix: String) -> String {
    String(decoding: seed(prefix), as: UTF8.self)
  }
}
