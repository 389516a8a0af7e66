import Foundation

/// Repository files used by the Convert tests, located relative to this file.
enum ConvertFixtures {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Convert
    .deletingLastPathComponent()  // ZhNormUnitTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  static func seed(_ prefix: String) -> String {
    let folder = repositoryRoot.appendingPathComponent("seeds")
    let name = try! FileManager.default.contentsOfDirectory(atPath: folder.path)
      .first { $0.hasPrefix(prefix) }!
    return try! String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
  }

  static var allSeeds: [String] { ["000", "001", "002", "003", "004"].map(seed) }
}
