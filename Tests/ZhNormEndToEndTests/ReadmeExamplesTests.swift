import Foundation
import Testing

/// The README's examples, run as they are written.
///
/// Convention: an HTML comment `<!-- example -->` on its own line, then a
/// fenced ```` ```sh ```` block of commands, then a fenced ```` ```text ````
/// block with exactly what they print on standard output. The commands run
/// in the repository root under `/bin/sh` with `set -e` (so every command must
/// succeed), a UTF-8 locale, and the `zhnorm` just built first on `PATH`.
@Suite("README examples")
struct ReadmeExamplesTests {
  /// One example: where it starts in the README, its commands and the expected output.
  struct Example: CustomTestStringConvertible, Sendable {
    var line: Int
    var commands: String
    var expected: String
    var testDescription: String { "README.md line \(line): \(commands.split(separator: "\n").first ?? "")" }
  }

  /// The examples of README.md, in order.
  static let examples: [Example] = {
    let readme = (try? String(contentsOf: ZhNormBinary.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    return parse(readme)
  }()

  /// Finds the examples in `markdown`.
  static func parse(_ markdown: String) -> [Example] {
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var examples: [Example] = []
    var index = 0
    /// The body of the fenced block of `language` starting at or after `start`, skipping blank lines.
    func block(_ language: String, from start: Int) -> (body: String, end: Int)? {
      var open = start
      while open < lines.count && lines[open].trimmingCharacters(in: .whitespaces).isEmpty { open += 1 }
      guard open < lines.count, lines[open] == "```" + language else { return nil }
      var close = open + 1
      while close < lines.count && lines[close] != "```" { close += 1 }
      guard close < lines.count else { return nil }
      return (lines[(open + 1)..<close].joined(separator: "\n") + "\n", close + 1)
    }
    while index < lines.count {
      if lines[index].trimmingCharacters(in: .whitespaces) == "<!-- example -->",
        let commands = block("sh", from: index + 1), let expected = block("text", from: commands.end)
      {
        examples.append(Example(line: index + 1, commands: commands.body, expected: expected.body))
        index = expected.end
      } else {
        index += 1
      }
    }
    return examples
  }

  @Test("The README has examples for every step, the audit options and the quick start")
  func coverage() {
    #expect(Self.examples.count >= 10)
    for word in ["--only unicode", "--explain", "-c t2s", "--detect", "--stats", "dedup"] {
      #expect(Self.examples.contains { $0.commands.contains(word) || $0.expected.contains(word) }, "no example with \(word)")
    }
  }

  @Test("The parser needs the marker, the sh block and the text block")
  func parser() {
    let markdown = """
      ```sh
      not an example
      ```
      <!-- example -->
      ```sh
      echo a
      ```

      ```text
      a
      ```
      <!-- example -->
      ```sh
      echo lost
      ```
      no output block
      """
    let examples = Self.parse(markdown)
    #expect(examples.count == 1)
    #expect(examples.first?.commands == "echo a\n")
    #expect(examples.first?.expected == "a\n")
  }

  @Test("Each README example prints what the README says", arguments: ReadmeExamplesTests.examples)
  func example(_ example: Example) throws {
    let binaries = ZhNormBinary.executable.deletingLastPathComponent().path
    let path = binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    let result = try ZhNormBinary.runTool(
      "/usr/bin/env", ["-u", "NO_COLOR", "PATH=\(path)", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "/bin/sh", "-c", "set -e\n" + example.commands])
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.text == example.expected, "README.md line \(example.line)")
  }
}
