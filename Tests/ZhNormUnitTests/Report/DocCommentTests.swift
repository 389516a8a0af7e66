import Foundation
import Testing

@Suite("Documentation")
struct DocCommentTests {
  @Test("Every public declaration in Sources/ZhNorm has a /// comment")
  func publicSymbolsAreDocumented() throws {
    let sources = Fixtures.repositoryRoot.appendingPathComponent("Sources/ZhNorm")
    let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
    #expect(files.count > 50)
    var undocumented: [String] = []
    for file in files {
      let lines = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8).components(separatedBy: "\n")
      for (index, line) in lines.enumerated() {
        var text = line.trimmingCharacters(in: .whitespaces)
        while text.hasPrefix("@") { text = String(text.drop { $0 != " " }).trimmingCharacters(in: .whitespaces) }
        guard text.hasPrefix("public ") || text.hasPrefix("open ") else { continue }
        var previous = index - 1
        while previous >= 0 && lines[previous].trimmingCharacters(in: .whitespaces).hasPrefix("@") { previous -= 1 }
        let comment = previous >= 0 ? lines[previous].trimmingCharacters(in: .whitespaces) : ""
        if !comment.hasPrefix("///") && !comment.hasSuffix("*/") { undocumented.append("\(file):\(index + 1): \(text)") }
      }
    }
    #expect(undocumented.isEmpty, "\(undocumented.joined(separator: "\n"))")
  }
}
