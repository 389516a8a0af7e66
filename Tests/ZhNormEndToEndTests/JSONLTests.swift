import Foundation
import Testing

@Suite("--jsonl")
struct JSONLTests {
  static let messy = "湖北日报讯(记者许旷)11月8日,论坛在武汉举行。"
  static let clean = "湖北日报讯（记者许旷）11月8日，论坛在武汉举行。"
  static let paragraph = "孙伟强调，要深入学习贯彻党中央关于开展第二批主题教育的部署要求，切实把主题教育成果转化为廉洁奉公的强大力量。"

  func file(_ text: String, _ name: String = "in.jsonl") throws -> (directory: URL, path: String) {
    let directory = try ZhNormBinary.temporaryDirectory()
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return (directory, url.path)
  }

  @Test("nested field, unicode escapes, other fields and spacing kept byte for byte")
  func nested() throws {
    let input = """
      {"id": 1, "meta": {"lang": "zh", "body": "\\u6e56\\u5317\\u65e5\\u62a5\\u8baf(\\u8bb0\\u8005)\\ud83d\\ude00,\\u8bba\\u575b\\u3002"}, "text": "(untouched)"}
      {"meta":{"body":"\(Self.messy)"},   "tail" : [1, 2.5e3, null]}

      """
    let (directory, path) = try file(input)
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let result = try ZhNormBinary.run(["--jsonl", "--field", "meta.body", path])
    #expect(result.status == 0)
    #expect(result.text == """
      {"id": 1, "meta": {"lang": "zh", "body": "湖北日报讯（记者）😀，论坛。"}, "text": "(untouched)"}
      {"meta":{"body":"\(Self.clean)"},   "tail" : [1, 2.5e3, null]}

      """)
  }

  @Test("missing and non-string fields pass through and are counted; a malformed line is reported with its line number")
  func passThrough() throws {
    let lines = [#"{"text": "\#(Self.messy)"}"#, #"{"id": 2}"#, #"{"text": ["a"]}"#, #"{"text": "broken"#, #"{"text": "(中文)"}"#]
    let (directory, path) = try file(lines.joined(separator: "\n") + "\n")
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let result = try ZhNormBinary.run(["--jsonl", path])
    #expect(result.status == 0)
    #expect(result.text == [#"{"text": "\#(Self.clean)"}"#, lines[1], lines[2], lines[3], #"{"text": "（中文）"}"#].joined(separator: "\n") + "\n")
    #expect(result.errors.contains("\(path):4: warning: malformed JSON at byte 10 of the line: unterminated string; line passed through unchanged"))
    #expect(result.errors.contains("2 records without a string field 'text' passed through unchanged (1 missing, 1 not a string)"))

    let strict = try ZhNormBinary.run(["--jsonl", "--strict", path])
    #expect(strict.status == 65)
    #expect(strict.errors.contains("\(path):4: malformed JSON"))
    #expect(strict.text == [#"{"text": "\#(Self.clean)"}"#, lines[1], lines[2]].joined(separator: "\n") + "\n")

    let quiet = try ZhNormBinary.run(["--jsonl", "-q", path])
    #expect(quiet.errors.isEmpty)
  }

  @Test("one output line per input line; --drop-empty drops records dedup emptied; --dedup-scope run works across records")
  func dedupAcrossRecords() throws {
    let record = #"{"id": 1, "text": "\#(Self.paragraph)\n\n\#(Self.paragraph)"}"#
    let second = #"{"id": 2, "text": "\#(Self.paragraph)"}"#
    let (directory, path) = try file(record + "\n" + second + "\n")
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let once = #"{"id": 1, "text": "\#(Self.paragraph)"}"#
    #expect(try ZhNormBinary.run(["--jsonl", path]).text == once + "\n" + second + "\n")
    #expect(try ZhNormBinary.run(["--jsonl", "--dedup-scope", "run", path]).text == once + "\n" + #"{"id": 2, "text": ""}"# + "\n")
    #expect(try ZhNormBinary.run(["--jsonl", "--dedup-scope", "run", "--drop-empty", path]).text == once + "\n")
    let database = try ZhNormBinary.temporaryDirectory().appendingPathComponent("fp.db").path
    #expect(try ZhNormBinary.run(["--jsonl", "--dedup-db", database, "--drop-empty", path]).text == once + "\n")
    #expect(try ZhNormBinary.run(["--jsonl", "--dedup-db", database, "--drop-empty", path]).text == "")
  }

  @Test("a 24 MB line is processed whole; output is the same line normalized")
  func veryLongLine() throws {
    let unit = "中文,测试(x)。\\n"
    let count = 1_200_000
    let input = #"{"id": "long", "text": ""# + String(repeating: unit, count: count) + #"", "end": true}"# + "\n" + #"{"text": "a"}"#
    #expect(input.utf8.count > 24_000_000)
    let (directory, path) = try file(input)
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let result = try ZhNormBinary.run(["--jsonl", "--only", "unicode", path])
    #expect(result.status == 0)
    let expected = #"{"id": "long", "text": ""# + String(repeating: "中文，测试（x）。\\n", count: count) + #"", "end": true}"# + "\n" + #"{"text": "a"}"#
    #expect(result.output.count == expected.utf8.count)
    #expect(result.text == expected)
  }

  @Test("--report gives the JSON Lines counts")
  func report() throws {
    let (directory, path) = try file(#"{"text": "(中文)"}"# + "\n" + #"{"x": 1}"# + "\n")
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let reportPath = directory.appendingPathComponent("report.json").path
    let result = try ZhNormBinary.run(["--jsonl", "-q", "--report", reportPath, path])
    #expect(result.status == 0)
    let report = try String(contentsOfFile: reportPath, encoding: .utf8)
    #expect(report.contains(#""jsonl": {"lines": 2, "normalized": 1, "changed": 1, "missingField": 1"#))
  }

  @Test("options: --field and --drop-empty need --jsonl; a bad path is a usage error")
  func usage() throws {
    #expect(try ZhNormBinary.run(["--field", "body"], input: Data()).status == 64)
    #expect(try ZhNormBinary.run(["--drop-empty"], input: Data()).status == 64)
    #expect(try ZhNormBinary.run(["--jsonl", "--field", "a..b"], input: Data()).status == 64)
  }
}
