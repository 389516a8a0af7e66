import Foundation
import Testing
@testable import ZhNorm

@Suite("JSON Lines stream")
struct JSONLStreamTests {
  static let messy = "湖北日报讯(记者许旷)11月8日,论坛在武汉举行。"
  static let clean = "湖北日报讯（记者许旷）11月8日，论坛在武汉举行。"
  static let paragraph = "孙伟强调，要深入学习贯彻党中央关于开展第二批主题教育的部署要求，切实把主题教育成果转化为廉洁奉公的强大力量。"

  func normalizer(_ path: String = "text", dropsEmpty: Bool = false, _ configure: (inout NormalizerConfiguration) -> Void = { _ in }) throws -> JSONLNormalizer {
    var configuration = NormalizerConfiguration()
    configure(&configuration)
    return JSONLNormalizer(normalizer: Normalizer(configuration: configuration), field: try JSONFieldPath(path), dropsEmpty: dropsEmpty)
  }

  @Test("the field is normalized in place; every other byte is kept")
  func splice() throws {
    let line = #"{ "id" :1,"text":  "\#(Self.messy)" , "z": {"text": "(x)"}}"#
    let expected = #"{ "id" :1,"text":  "\#(Self.clean)" , "z": {"text": "(x)"}}"#
    #expect(try normalizer().normalize(line + "\n") == expected + "\n")
    #expect(try normalizer().normalize(line) == expected)  // no final line feed: none added
    #expect(try normalizer().normalize(line + "\r\n") == expected + "\r\n")
  }

  @Test("escapes are decoded before and encoded after; an unchanged record keeps its escapes")
  func escapes() throws {
    let escaped = #"{"text": "\u4e2d\u6587\u3002"}"#
    #expect(try normalizer().normalize(escaped) == escaped)
    let changed = #"{"text": "\u4e2d\u6587,\"\u5f15\"\n\n\n\u4e8c\u3002\n"}"#
    #expect(try normalizer().normalize(changed) == #"{"text": "中文，\"引\"\n\n二。\n"}"#)
  }

  @Test("missing, non-string, blank and malformed lines pass through and are counted")
  func passThrough() throws {
    let input = [#"{"id": 1}"#, #"{"text": 5}"#, "", "  ", #"{"text": "a"#, #"{"text": "(中文)"}"#].joined(separator: "\n") + "\n"
    var stream = try normalizer().makeStream()
    var output: [UInt8] = []
    stream.push(Array(input.utf8), appendingTo: &output)
    stream.finish(appendingTo: &output)
    #expect(String(decoding: output, as: UTF8.self) == input.replacingOccurrences(of: "(中文)", with: "（中文）"))
    let statistics = stream.statistics
    #expect(statistics.lines == 6)
    #expect(statistics.missingField == 1 && statistics.notString == 1 && statistics.blank == 2 && statistics.malformed == 1)
    #expect(statistics.normalized == 1 && statistics.changed == 1)
    let diagnostics = stream.takeDiagnostics()
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.line == 5)
    #expect(diagnostics.first?.lineOffset == 26)  // 10 + 12 + 1 + 3 bytes before it
    #expect(diagnostics.first?.isMalformed == true)
  }

  @Test("output does not depend on chunking")
  func chunking() throws {
    let lines = (0..<40).map { #"{"n": \#($0), "text": "第\#($0)段,\#(Self.messy)\u00e9\ud83d\ude00"}"# }
    let input = Array((lines.joined(separator: "\n") + "\n").utf8)
    let whole = try normalizer().normalize(String(decoding: input, as: UTF8.self))
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<20 {
      var stream = try normalizer().makeStream()
      var output: [UInt8] = []
      var start = 0
      while start < input.count {
        let end = min(input.count, start + Int.random(in: 1...97, using: &generator))
        stream.push(input[start..<end], appendingTo: &output)
        start = end
      }
      stream.finish(appendingTo: &output)
      #expect(String(decoding: output, as: UTF8.self) == whole)
    }
  }

  @Test("dedup: within a record by default, across records with run scope; --drop-empty drops emptied records")
  func dedup() throws {
    let record = #"{"text": "\#(Self.paragraph)\n\n\#(Self.paragraph)"}"#
    let input = record + "\n" + record + "\n"
    let once = #"{"text": "\#(Self.paragraph)"}"#
    #expect(try normalizer().normalize(input) == once + "\n" + once + "\n")
    let run = try normalizer { $0.dedup.scope = .run }
    #expect(run.normalize(input) == once + "\n" + #"{"text": ""}"# + "\n")
    let dropping = try normalizer(dropsEmpty: true) { $0.dedup.scope = .run }
    var stream = dropping.makeStream()
    var output: [UInt8] = []
    stream.push(Array(input.utf8), appendingTo: &output)
    stream.finish(appendingTo: &output)
    #expect(String(decoding: output, as: UTF8.self) == once + "\n")
    #expect(stream.statistics.dropped == 1)
  }

  @Test("a record's text keeps its ending; normalizing twice changes nothing")
  func idempotent() throws {
    let input = #"{"text": "a,中文\n"}"# + "\n" + #"{"text": "b,中文"}"# + "\n" + #"{"text": "  "}"# + "\n"
    let once = try normalizer().normalize(input)
    #expect(once == #"{"text": "a，中文\n"}"# + "\n" + #"{"text": "b，中文"}"# + "\n" + #"{"text": ""}"# + "\n")
    #expect(try normalizer().normalize(once) == once)
  }

  @Test("feed and processNextRecord give one record at a time")
  func recordAtATime() throws {
    var stream = try normalizer().makeStream()
    var output: [UInt8] = []
    stream.feed(Array((#"{"text": "(中文)"}"# + "\n" + #"{"text": "x"}"# + "\n" + #"{"te"#).utf8))
    let first = stream.processNextRecord(appendingTo: &output)
    #expect(first)
    #expect(String(decoding: output, as: UTF8.self) == #"{"text": "（中文）"}"# + "\n")
    let second = stream.processNextRecord(appendingTo: &output)
    let third = stream.processNextRecord(appendingTo: &output)
    #expect(second && !third)
    stream.feed(Array(#"xt": "y"}"#.utf8))
    stream.finish(appendingTo: &output)
    #expect(String(decoding: output, as: UTF8.self).hasSuffix("\n" + #"{"text": "y"}"#))
    #expect(stream.statistics.lines == 3)
  }

  @Test("invalid UTF-8 in the field becomes U+FFFD with a diagnostic naming the line")
  func invalidUTF8() throws {
    var stream = try normalizer().makeStream()
    var output: [UInt8] = []
    let input: [UInt8] = Array(#"{"a": 1}"#.utf8) + [0x0A] + Array(#"{"text": "x"#.utf8) + [0xFF] + Array(#"y"}"#.utf8)
    stream.push(input, appendingTo: &output)
    stream.finish(appendingTo: &output)
    #expect(String(decoding: output, as: UTF8.self).hasSuffix(#"{"text": "x\#u{FFFD}y"}"#))
    let diagnostics = stream.takeDiagnostics()
    #expect(diagnostics.count == 1 && diagnostics.first?.line == 2 && diagnostics.first?.isMalformed == false)
  }
}
