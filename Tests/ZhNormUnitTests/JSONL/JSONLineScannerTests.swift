import Testing
@testable import ZhNorm

@Suite("JSON line scanner")
struct JSONLineScannerTests {
  func locate(_ line: String, _ path: String = "text") throws -> JSONFieldLocation {
    try JSONLineScanner.locate(try JSONFieldPath(path), in: Array(line.utf8))
  }

  /// The raw content of the located string.
  func content(_ line: String, _ path: String = "text") throws -> String? {
    guard case .string(let range, _) = try locate(line, path) else { return nil }
    return String(decoding: Array(line.utf8)[range], as: UTF8.self)
  }

  @Test("finds a top-level string field and its exact byte span")
  func topLevel() throws {
    #expect(try content(#"{"id": 7, "text": "中文", "x": true}"#) == "中文")
    #expect(try locate(#"{"text":"a"}"#) == .string(content: 9..<10, hasEscapes: false))
    #expect(try locate(#"{"text":"a\nb"}"#) == .string(content: 9..<13, hasEscapes: true))
    #expect(try content(#"  {"text" : "" }  "#) == "")
  }

  @Test("dotted paths descend into nested objects only")
  func nested() throws {
    let line = #"{"meta": {"a": [1, {"body": "no"}], "body": "yes", "deep": {"x": {"y": "z"}}}, "body": "top"}"#
    #expect(try content(line, "meta.body") == "yes")
    #expect(try content(line, "body") == "top")
    #expect(try content(line, "meta.deep.x.y") == "z")
    #expect(try locate(line, "meta.a.body") == .missing)  // arrays are not indexed
    #expect(try locate(line, "meta.deep") == .notString)
    #expect(try locate(line, "meta.body.x") == .missing)  // a string on the way
    #expect(try locate(line, "nothing") == .missing)
  }

  @Test("non-string values and non-object lines")
  func kinds() throws {
    for value in ["5", "-0.5e+3", "true", "false", "null", "[\"a\"]", "{\"text\": \"a\"}"] {
      #expect(try locate("{\"text\": \(value)}") == .notString)
    }
    #expect(try locate(#"["text", "a"]"#) == .missing)
    #expect(try locate(#""text""#) == .missing)
    #expect(try locate("42") == .missing)
  }

  @Test("keys written with escapes match; escaped quotes inside strings do not end them")
  func escapes() throws {
    #expect(try content(#"{"t\u0065xt": "a"}"#) == "a")
    #expect(try content(#"{"x": "\"text\": \"no\"", "text": "yes \"q\" \\"}"#) == #"yes \"q\" \\"#)
    #expect(try content(#"{"text": "\ud83d\ude00\u4E2D\/"}"#) == #"\ud83d\ude00\u4E2D\/"#)
  }

  @Test("duplicate keys: the last occurrence wins, at every level")
  func duplicates() throws {
    #expect(try content(#"{"text": "first", "text": "last"}"#) == "last")
    #expect(try locate(#"{"text": "first", "text": 3}"#) == .notString)
    #expect(try content(#"{"m": {"b": "one"}, "m": {"b": "two"}}"#, "m.b") == "two")
    #expect(try locate(#"{"m": {"b": "one"}, "m": {"c": "two"}}"#, "m.b") == .missing)
  }

  @Test("malformed lines are refused with the byte offset of the problem", arguments: [
    (#"{"text": "a"#, 9, "unterminated string"),
    (#"{"text": "a" "#, 13, "unexpected end of line"),
    (#"{"text" "a"}"#, 8, "expected ':'"),
    (#"{text: "a"}"#, 1, "expected a key"),
    (#"{"text": "a",}"#, 13, "expected a key"),
    (#"[1, 2,]"#, 6, "where a value should be"),
    (#"{"a": 01}"#, 7, "expected ','"),
    (#"{"a": 1.}"#, 8, "digit must follow"),
    (#"{"a": tru}"#, 6, "where a value should be"),
    (#"{"a": "\x"}"#, 7, "invalid escape"),
    (#"{"a": "\u12G4"}"#, 7, #"invalid \u escape"#),
    ("{\"a\": \"tab\there\"}", 10, "unescaped control character"),
    (#"{"a": 1} {"b": 2}"#, 9, "after the JSON value"),
    (#"{"a": [1, 2}"#, 11, "expected ',' or ']'"),
    ("", 0, "no JSON value"),
  ])
  func malformed(line: String, offset: Int, reason: String) throws {
    let path = try JSONFieldPath("text")
    do throws(JSONSyntaxError) {
      _ = try JSONLineScanner.locate(path, in: Array(line.utf8))
      Issue.record("accepted \(line)")
    } catch {
      #expect(error.byteOffset == offset, "\(line): \(error)")
      #expect(error.reason.contains(reason), "\(line): \(error)")
    }
  }

  @Test("deep nesting is scanned without recursion")
  func deep() throws {
    let depth = 100_000
    let line = "{\"text\": \"x\", \"n\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
    #expect(try content(line) == "x")
    #expect(throws: JSONSyntaxError.self) { try locate(String(repeating: "[", count: depth)) }
  }

  @Test("field paths: empty components are refused")
  func paths() throws {
    #expect(try JSONFieldPath("meta.body").components == ["meta", "body"])
    for bad in ["", ".", "a.", ".a", "a..b"] {
      #expect(throws: JSONFieldPath.InvalidPath.self) { try JSONFieldPath(bad) }
    }
  }
}
