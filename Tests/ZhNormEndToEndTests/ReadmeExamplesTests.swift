import Foundation
import Testing

/// The README's examples, run as they are written.
///
/// Convention: an HTML comment `<!-- example -->` on its own line, then a
/// fenced ```` ```sh ```` block of commands, then a fenced ```` ```text ````
/// block with exactly what they print on standard output. The commands run
/// in the repository root under `/bin/sh` with `set -e` (so every command must
/// succeed), a UTF-8 locale, the `zhnorm` just built first on `PATH`, and a
/// fresh scratch directory (removed afterwards) as both `TMPDIR` and `HOME`, so
/// an example may `cd "$(mktemp -d)"`, or write under `~`, as a reader would.
///
/// Every shell block of the README is such an example, except the set-up
/// block (`bash .ci/run …`), which builds and tests the package and so cannot
/// run inside its own test suite; `onlyTheSetUpBlockIsNotRun` holds that.
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

  /// A fenced block that is not run as an example: where it starts and its body.
  struct UnrunBlock: Equatable {
    var line: Int
    var body: String
  }

  /// The shell blocks of `markdown` that `parse` does not take as examples: blocks
  /// tagged `sh`, `bash`, `shell` or `console`, and untagged blocks with a `$ ` prompt line.
  static func unrunShellBlocks(_ markdown: String) -> [UnrunBlock] {
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let exampleLines = Set(parse(markdown).map(\.line))
    var blocks: [UnrunBlock] = []
    var index = 0
    var previousMarker: Int?  // the line (1-based) of the last `<!-- example -->` seen
    while index < lines.count {
      let line = lines[index]
      if line.trimmingCharacters(in: .whitespaces) == "<!-- example -->" { previousMarker = index + 1 }
      guard line.hasPrefix("```") else { index += 1; continue }
      let language = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
      var close = index + 1
      while close < lines.count && !lines[close].hasPrefix("```") { close += 1 }
      let body = lines[(index + 1)..<min(close, lines.count)]
      let isShell = ["sh", "bash", "shell", "console"].contains(language) || (language.isEmpty && body.contains { $0.hasPrefix("$ ") })
      // An example's sh block follows its marker with nothing but blank lines between.
      let marked = previousMarker.map { marker in
        exampleLines.contains(marker) && lines[marker..<index].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
      } ?? false
      if isShell && !(language == "sh" && marked) {
        blocks.append(UnrunBlock(line: index + 1, body: body.joined(separator: "\n")))
      }
      index = close + 1
    }
    return blocks
  }

  @Test("Every shell block of the README is a tested example, except the set-up block")
  func onlyTheSetUpBlockIsNotRun() throws {
    let readme = try String(contentsOf: ZhNormBinary.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let unrun = Self.unrunShellBlocks(readme)
    #expect(unrun.count == 1, "shell blocks not run as examples: \(unrun.map { "line \($0.line)" })")
    let setUp = try #require(unrun.first)
    let commands = setUp.body.split(separator: "\n").map { $0.split(separator: "#").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" }
    #expect(!commands.isEmpty && commands.allSatisfy { $0.hasPrefix("bash .ci/run") }, "the one unrun block must be the set-up block, line \(setUp.line)")
  }

  @Test("Unrun shell blocks are found: untagged with a prompt, tagged, or marked but without output")
  func unrunBlockFinder() {
    let markdown = """
      ```sh
      bash .ci/run
      ```
      <!-- example -->
      ```sh
      echo a
      ```
      ```text
      a
      ```
      ```
      $ zhnorm x
      ```
      ```
      zhnorm [OPTIONS]
      ```
      <!-- example -->
      ```bash
      echo b
      ```
      ```text
      b
      ```
      ```swift
      let a = 1
      ```
      <!-- example -->
      ```sh
      echo c
      ```
      no output block
      """
    #expect(Self.unrunShellBlocks(markdown).map(\.line) == [1, 11, 18, 28])
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
    let scratch = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(scratch) }
    let result = try ZhNormBinary.runTool(
      "/usr/bin/env",
      [
        "-u", "NO_COLOR", "PATH=\(path)", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TMPDIR=\(scratch.path)", "HOME=\(scratch.path)",
        "/bin/sh", "-c", "set -e\n" + example.commands,
      ])
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.text == example.expected, "README.md line \(example.line)")
  }
}
