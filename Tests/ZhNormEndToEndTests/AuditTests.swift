import Foundation
import Testing

@Suite("--explain and --stats")
struct AuditTests {
  private let seed000 = "seeds/000_9a485736f1d30434.txt"
  private let seed002 = "seeds/002_1e4af29fab1a8898.txt"
  private let seed004 = "seeds/004_836b92e4923d98e4.txt"

  @Test("--explain leaves the text as it is and explains each join, removal and changed line on standard error")
  func explain() throws {
    let plain = try ZhNormBinary.run([seed000, seed002])
    let explained = try ZhNormBinary.run(["--explain", seed000, seed002])
    #expect(explained.status == 0)
    #expect(explained.output == plain.output)
    let account = explained.errors
    #expect(account.hasPrefix("\(seed000)\n"))
    #expect(account.contains("\n\(seed002)\n"))
    #expect(account.contains("  lines 27-29: repair paragraph-join: joined line 27 to line 29 across 1 blank line: "))
    #expect(account.contains("其[-⏎⏎-]中新能源汽车产量38.8万辆"))
    #expect(account.contains("  line 151: repair page-furniture: removed a continuation marker line\n    [-（上接第一版）-]\n"))
    #expect(account.contains("  line 65: dedup duplicate-truncated: removed duplicate of line 61 (truncated: a prefix of it)\n"))
    #expect(account.contains("  line 7: changed (punctuation)\n"))
    #expect(account.contains("    unicode: blank-line 4, final-newline 1, punctuation-width 288\n"))
    #expect(!account.contains("\u{1B}"), "no colours on a pipe")
  }

  @Test("--explain names the profile of a conversion")
  func explainConversion() throws {
    let result = try ZhNormBinary.run(["--explain", "-c", "s2twp"], input: Data("软件和硬件。\n".utf8))
    #expect(result.text == "軟體和硬體。\n")
    #expect(result.errors.contains("  line 1: changed (converted with profile s2twp)\n    [-软件-]{+軟體+}和硬[-件-]{+體+}。\n"))
    #expect(result.errors.contains("    convert: script-conversion 1 (converted with profile s2twp)\n"))
  }

  @Test("--color: always colours, never does not, auto colours on a terminal unless NO_COLOR is set")
  func colours() throws {
    let always = try ZhNormBinary.run(["--explain", "--color", "always"], input: Data("甲,乙\n".utf8))
    #expect(always.errors.contains("甲\u{1B}[31;9m,\u{1B}[0m\u{1B}[32m，\u{1B}[0m乙"))
    let never = try ZhNormBinary.run(["--explain", "--color", "never"], input: Data("甲,乙\n".utf8))
    #expect(never.errors.contains("甲[-,-]{+，+}乙"))

    // On a pseudo-terminal (script(1)), standard error is a terminal. The test
    // runner may have NO_COLOR set itself, hence env -u.
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let input = directory.appendingPathComponent("in.txt")
    try Data("甲,乙\n".utf8).write(to: input)
    func onTerminal(_ environment: [String]) throws -> String {
      let command = "\(ZhNormBinary.executable.path) --explain \(input.path) >/dev/null"
      let result = try ZhNormBinary.runTool("/usr/bin/env", ["-u", "NO_COLOR"] + environment + ["TERM=xterm", "/usr/bin/script", "-qec", command, "/dev/null"])
      return result.text
    }
    let terminal = try onTerminal([])
    #expect(terminal.contains("\u{1B}[31;9m,"), "\(terminal.debugDescription)")
    let noColor = try onTerminal(["NO_COLOR=1"])
    #expect(noColor.contains("甲[-,-]{+，+}乙"))
    #expect(!noColor.contains("\u{1B}[31"))
  }

  @Test("--explain refuses to share standard error with --report -")
  func explainWithReport() throws {
    let result = try ZhNormBinary.run(["--explain", "--report", "-"], input: Data("甲\n".utf8))
    #expect(result.status == 64)
    #expect(result.errors.contains("--explain and --report - both write to standard error"))
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let report = directory.appendingPathComponent("r.json")
    func records(_ arguments: [String]) throws -> [[String: Any]] {
      let result = try ZhNormBinary.run(arguments + ["--report", report.path, seed002])
      #expect(result.status == 0)
      let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as! [String: Any]
      return (json["inputs"] as! [[String: Any]])[0]["records"] as! [[String: Any]]
    }
    // Every record reaches the report with --explain too.
    let withExplain = try records(["--explain"])
    #expect(withExplain.count == (try records([])).count)
    #expect(withExplain.contains { $0["kind"] as? String == "duplicate-truncated" })
  }

  @Test("--explain on a file that is missing says so and goes on")
  func explainMissing() throws {
    let result = try ZhNormBinary.run(["--explain", "no-such-file.txt", "-"], input: Data("甲,乙\n".utf8))
    #expect(result.status == 66)
    #expect(result.text == "甲，乙\n")
    #expect(result.errors.contains("no-such-file.txt\n"))
    #expect(result.errors.contains("  stopped: no-such-file.txt: open failed: No such file or directory\n"))
    #expect(result.errors.contains("standard input\n  line 1: changed (punctuation)\n"))
  }

  @Test("--stats prints a table and every count per kind, and writes no text")
  func statsTable() throws {
    let result = try ZhNormBinary.run(["--stats", seed000, seed002, seed004])
    #expect(result.status == 0)
    let lines = result.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0].split(separator: " ", omittingEmptySubsequences: true) == [
      "file", "bytes", "lines", "script", "unicode", "joins", "furniture", "annotations", "strays", "paragraphs", "duplicates", "dup%",
    ])
    #expect(lines[1].split(separator: " ", omittingEmptySubsequences: true) == [
      Substring(seed000), "18989", "189", "hans", "293", "6", "6", "0", "1", "93", "0", "0.0%",
    ])
    #expect(lines[2].split(separator: " ", omittingEmptySubsequences: true).suffix(5) == ["3", "0", "0", "70", "1", "1.4%"].suffix(5))
    #expect(lines[3].split(separator: " ", omittingEmptySubsequences: true)[3] == "hant")
    #expect(result.text.contains("\n\(seed004):\n  script: hant (simplified-only 3, traditional-only 603, Han characters 1486)\n  unicode: punctuation-width 516\n  repair: pinyin-annotation 226\n"))
    #expect(result.text.contains("  duplicates: 1 of 70 paragraphs (1.4%), 474 bytes\n"))
  }

  @Test("--stats --stats-format json gives one object per file; options such as --only are honoured")
  func statsJSON() throws {
    let result = try ZhNormBinary.run(["--stats", "--stats-format", "json", seed002, "-"], input: Data("甲,乙\n".utf8))
    #expect(result.status == 0)
    let json = try JSONSerialization.jsonObject(with: result.output) as! [String: Any]
    let files = json["files"] as! [[String: Any]]
    #expect(files.map { $0["file"] as? String } == [seed002, "standard input"])
    #expect(files[0]["duplicateParagraphs"] as? Int == 1)
    #expect(files[0]["paragraphs"] as? Int == 70)
    #expect(files[0]["bytes"] as? Int == 18197)
    #expect(((files[0]["steps"] as? [String: Any])?["repair"] as? [String: Int])?["paragraph-join"] == 12)
    #expect(files[1]["script"] as? String == "none")

    let onlyUnicode = try ZhNormBinary.run(["--stats", "--stats-format", "json", "--only", "unicode", seed002])
    let steps = ((try JSONSerialization.jsonObject(with: onlyUnicode.output) as! [String: Any])["files"] as! [[String: Any]])[0]["steps"] as! [String: Any]
    #expect(Set(steps.keys) == ["unicode"])
  }

  @Test("--stats refuses options that write text, and reports a missing file with exit 66")
  func statsErrors() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let refused = try ZhNormBinary.run(["--stats", "-o", directory.appendingPathComponent("x").path, seed000])
    #expect(refused.status == 64)
    #expect(refused.errors.contains("--stats writes no text"))
    let missing = try ZhNormBinary.run(["--stats", "missing.txt", seed000])
    #expect(missing.status == 66)
    #expect(missing.errors.contains("missing.txt"))
    #expect(missing.text.contains(seed000))
  }
}
