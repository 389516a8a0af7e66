import Foundation
import Testing
@testable import ZhNorm

/// `--from ENCODING`: real bytes made by iconv, converted back by the ICU shim.
@Suite("Input encodings")
struct TranscoderTests {
  static let simplified = "中文测试，简体字。\n第二行：数字１２３与English混排。\n"
  static let traditional = "中文測試，繁體字。\n臺灣的資料庫與軟體。\n"
  static let japanese = "これは日本語のテキストです。\n漢字とかな。\n"
  static let hongKong = "香港增補字符集：㗎、嘢、冇。\n"

  static let cases: [(encoding: String, text: String)] = [
    ("GB18030", simplified), ("GBK", simplified), ("BIG5", traditional), ("BIG5-HKSCS", hongKong),
    ("UTF-16LE", simplified), ("UTF-16BE", traditional), ("UTF-32", simplified), ("SHIFT_JIS", japanese),
  ]

  static func convert(_ bytes: [UInt8], from encoding: String, chunk: Int) throws -> ([UInt8], Int) {
    var transcoder = try Transcoder(encoding: encoding)
    var output: [UInt8] = []
    var index = 0
    while index < bytes.count {
      let end = min(index + chunk, bytes.count)
      transcoder.convert(bytes[index..<end], appendingTo: &output)
      index = end
    }
    transcoder.finish(appendingTo: &output)
    return (output, transcoder.errorCount)
  }

  @Test("Bytes made by iconv convert back to the same UTF-8, in one chunk and in 1-byte chunks",
    arguments: 0..<cases.count)
  func roundTrip(index: Int) throws {
    let (encoding, text) = Self.cases[index]
    let bytes = try Iconv.encode(text, to: encoding)
    #expect(bytes != Array(text.utf8))
    for chunk in [1, 2, 3, 7, bytes.count] {
      let (output, errors) = try Self.convert(bytes, from: encoding, chunk: chunk)
      var expected = text
      if encoding == "UTF-32" { expected = "\u{FEFF}" + text }  // iconv writes a BOM; ICU's UTF-32 consumes it
      #expect(String(decoding: output, as: UTF8.self) == text || String(decoding: output, as: UTF8.self) == expected, "\(encoding), chunk \(chunk)")
      #expect(errors == 0)
    }
  }

  @Test("A normalizer reading GB18030 gives what it gives on the UTF-8 text, whatever the chunking")
  func normalizerMatchesUTF8Run() throws {
    let text = Self.simplified + Fixtures.seedText("000")
    let bytes = try Iconv.encode(text, to: "GB18030")
    var configuration = NormalizerConfiguration()
    configuration.inputEncoding = try InputEncoding("GB18030")
    let legacy = Normalizer(configuration: configuration)
    let expected = Normalizer().normalize(Array(text.utf8))
    #expect(legacy.normalize(bytes) == expected)
    #expect(legacy.normalize(bytes, chunkSizes: [1]) == expected)
    #expect(legacy.normalize(bytes, chunkSizes: [3, 1, 4, 1, 5, 9, 2, 6]) == expected)
    var stream = legacy.makeStream()
    _ = stream.push(bytes)
    _ = stream.finishDocument()
    #expect(stream.statistics.bytesIn == bytes.count)
    #expect(stream.statistics.encoding == EncodingDecision(name: "GB18030", source: .specified))
  }

  @Test("Invalid bytes become U+FFFD, are counted, and are located by byte offset and line")
  func invalidBytes() throws {
    var bytes = try Iconv.encode("第一行\n中文", to: "GB18030")
    let offset = bytes.count
    bytes += [0xFF]  // never valid in GB18030
    bytes += try Iconv.encode("测试\n", to: "GB18030")
    var decoder = InputDecoder(encoding: try InputEncoding("GB18030"))
    var output: [UInt8] = []
    for byte in bytes { decoder.push([byte], appendingTo: &output) }
    decoder.finish(appendingTo: &output)
    #expect(String(decoding: output, as: UTF8.self) == "第一行\n中文\u{FFFD}测试\n")
    #expect(decoder.errorCount == 1)
    #expect(decoder.firstErrorOffset == offset)
    let diagnostics = decoder.takeDiagnostics()
    #expect(diagnostics == [Diagnostic(kind: .invalidEncoding, byteOffset: offset, line: 2, length: 1, detail: "GB18030")])
  }

  @Test("A character cut by the end of the input becomes U+FFFD")
  func truncatedEnd() throws {
    let bytes = Array(try Iconv.encode("中文", to: "GB18030").dropLast())
    let (output, errors) = try Self.convert(bytes, from: "GB18030", chunk: 1)
    #expect(String(decoding: output, as: UTF8.self) == "中\u{FFFD}")
    #expect(errors == 1)
  }

  @Test("Unknown encoding names are refused")
  func unknownName() throws {
    #expect(throws: EncodingError.unknownEncoding("no-such-encoding")) { try InputEncoding("no-such-encoding") }
    #expect(throws: EncodingError.unknownEncoding("")) { try Transcoder(encoding: "") }
    #expect(try InputEncoding("utf8") == .utf8)
    #expect(try InputEncoding("AUTO") == .automatic)
  }

  @Test("A copied transcoder keeps its own state")
  func copies() throws {
    let bytes = try Iconv.encode("中文", to: "GB18030")
    var first = try Transcoder(encoding: "GB18030")
    var output: [UInt8] = []
    first.convert(bytes[..<1], appendingTo: &output)  // half a character
    var second = first
    var a: [UInt8] = []
    var b: [UInt8] = []
    first.convert(bytes[1...], appendingTo: &a)
    second.convert(bytes[1...], appendingTo: &b)
    first.finish(appendingTo: &a)
    second.finish(appendingTo: &b)
    #expect(String(decoding: a, as: UTF8.self) == "中文")
    #expect(a == b)
  }
}
