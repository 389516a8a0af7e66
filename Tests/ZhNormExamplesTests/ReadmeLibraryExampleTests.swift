import Foundation
import Testing
import ZhNorm

/// The README's library example: it compiles (it is `readmeLibraryExample()`), it computes
/// what its comments say, and the README shows exactly that code.
@Suite("README library example")
struct ReadmeLibraryExampleTests {
  /// The repository's root directory.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test("The example computes what its comments say")
  func results() async throws {
    let results = try await readmeLibraryExample()
    #expect(results.clean == "湖北日报讯（记者许旷）11月8日，论坛在武汉举行。\n")
    #expect(String(decoding: results.output, as: UTF8.self) == "强调，当前。\n")
    #expect(results.widened == 1)
    #expect(results.streamed == "强调，当前。\n")
    #expect(results.taiwan == "軟體和硬體")
    #expect(results.script == .hant)
    #expect(results.record == #"{"id":1,"meta":{"body":"论坛（第3届）"}}"#)
    #expect(results.kept == "强调,当前\n")
    #expect(results.summary.statistics.count(.punctuationWidth, by: .unicode) == 1)
    #expect(results.summary.script == .hans)
    #expect(results.summary.duplicateRatio == 0)
    #expect(String(decoding: results.cleanPage, as: UTF8.self) == "各方代表出席了会议，讨论了城市群的合作。\n")
    #expect(results.records.map(\.kind) == [.exactDuplicate])
    #expect(results.records.first?.step == .dedup)
    #expect(results.records.first?.line == 3)
    #expect(results.records.first?.text == "各方代表出席了会议，讨论了城市群的合作。")
    #expect(results.account.hasPrefix("page.txt\n"))
    #expect(results.account.contains("[-,-]{+，+}"))
    #expect(results.diff == [.same("强调"), .deleted(","), .inserted("，"), .same("当前")])
  }

  /// The lines between `// README: begin` and `// README: end` in `source`, without their
  /// common indentation.
  static func markedRegion(of source: String) -> [String]? {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let begin = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "// README: begin" }),
      let end = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "// README: end" }), begin < end
    else { return nil }
    let region = lines[(begin + 1)..<end]
    let indent = region.filter { !$0.allSatisfy(\.isWhitespace) }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
    return region.map { $0.allSatisfy(\.isWhitespace) ? "" : String($0.dropFirst(indent)) }
  }

  /// The body of each ```` ```swift ```` block of `markdown`.
  static func swiftBlocks(of markdown: String) -> [[String]] {
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var blocks: [[String]] = []
    var index = 0
    while index < lines.count {
      if lines[index] == "```swift" {
        var close = index + 1
        while close < lines.count && lines[close] != "```" { close += 1 }
        blocks.append(Array(lines[(index + 1)..<min(close, lines.count)]))
        index = close + 1
      } else {
        index += 1
      }
    }
    return blocks
  }

  @Test("The README's swift block is the compiled example, line for line")
  func readmeShowsTheCompiledCode() throws {
    let readme = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let source = try String(
      contentsOf: Self.repositoryRoot.appendingPathComponent("Tests/ZhNormExamplesTests/ReadmeLibraryExample.swift"),
      encoding: .utf8)
    let region = try #require(Self.markedRegion(of: source))
    let blocks = Self.swiftBlocks(of: readme)
    #expect(blocks.count == 1, "one swift block in the README, the library example")
    let block = try #require(blocks.first)
    #expect(block.first == "import ZhNorm")
    #expect(source.contains("\nimport ZhNorm\n") || source.hasPrefix("import ZhNorm\n"))
    let body = Array(block.drop { $0 == "import ZhNorm" }.drop { $0.isEmpty })
    #expect(body == region)
    if body != region, let first = zip(body, region).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
      Issue.record("first difference at line \(first.offset + 1) of the block: README \(first.element.0) / code \(first.element.1)")
    }
  }

  @Test("The region and block readers find what they should")
  func readers() {
    let source = "func f() {\n    // README: begin\n    let a = 1\n\n      let b = 2\n    // README: end\n}\n"
    #expect(Self.markedRegion(of: source) == ["let a = 1", "", "  let b = 2"])
    #expect(Self.markedRegion(of: "no markers") == nil)
    let markdown = "```sh\nx\n```\n```swift\nimport ZhNorm\n\nlet a = 1\n```\n"
    #expect(Self.swiftBlocks(of: markdown) == [["import ZhNorm", "", "let a = 1"]])
  }
}
