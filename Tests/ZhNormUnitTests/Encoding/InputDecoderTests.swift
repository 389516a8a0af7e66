import Foundation
import Testing
@testable import ZhNorm

/// `--from auto` and binary input.
@Suite("Input decoder")
struct InputDecoderTests {
  func decode(_ bytes: [UInt8], _ encoding: InputEncoding, chunk: Int = 4096) -> (String, InputDecoder, [Diagnostic]) {
    var decoder = InputDecoder(encoding: encoding)
    var output: [UInt8] = []
    var index = 0
    while index < bytes.count {
      let end = min(index + chunk, bytes.count)
      decoder.push(bytes[index..<end], appendingTo: &output)
      index = end
    }
    decoder.finish(appendingTo: &output)
    let diagnostics = decoder.takeDiagnostics()
    return (String(decoding: output, as: UTF8.self), decoder, diagnostics)
  }

  @Test("auto: a byte order mark decides first")
  func byteOrderMarks() throws {
    let text = "中文测试\n"
    for (encoding, name) in [("UTF-16LE", "UTF-16LE"), ("UTF-16BE", "UTF-16BE"), ("UTF-32LE", "UTF-32LE"), ("UTF-32BE", "UTF-32BE"), ("UTF-8", "UTF-8")] {
      let bytes = try Iconv.encode("\u{FEFF}" + text, to: encoding)
      let (output, decoder, diagnostics) = decode(bytes, .automatic, chunk: 1)
      #expect(output == "\u{FEFF}" + text, "\(encoding)")
      #expect(decoder.decision == EncodingDecision(name: name, source: .byteOrderMark))
      #expect(diagnostics.isEmpty, "UTF-16/32 NUL bytes are not binary")
    }
  }

  @Test("auto: UTF-16 and UTF-32 without a byte order mark are recognised by their NUL bytes")
  func unmarkedWideUnicode() throws {
    let text = "中文测试，简体字。\nSecond line.\n"
    for encoding in ["UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"] {
      let (output, decoder, diagnostics) = decode(try Iconv.encode(text, to: encoding), .automatic, chunk: 3)
      #expect(output == text, "\(encoding)")
      #expect(decoder.decision == EncodingDecision(name: encoding, source: .nulPattern))
      #expect(diagnostics.isEmpty)
    }
    // NUL bytes that make no UTF-16 or UTF-32 (a PNG header), or too few bytes to tell: binary.
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
    for bytes in [png, [0x00, 0x00, 0x01, 0x02, 0x61, 0x62]] {
      let (_, decoder, diagnostics) = decode(bytes, .automatic)
      #expect(decoder.decision?.source != .nulPattern)
      #expect(diagnostics.map(\.kind) == [.binaryInput])
    }
  }


  @Test("auto: valid UTF-8 is UTF-8, even when the block cuts a character")
  func validUTF8() {
    let text = String(repeating: "中文测试，", count: 20_000)  // > 64 KiB
    let (output, decoder, _) = decode(Array(text.utf8), .automatic, chunk: 1000)
    #expect(output == text)
    #expect(decoder.decision?.source == .validUTF8)
  }

  @Test("auto: ICU's detection recognises GB18030 and Big5 made by iconv")
  func detection() throws {
    let simplified = Fixtures.seedText("000")
    let gb = try Iconv.encode(simplified, to: "GB18030")
    let (output, decoder, _) = decode(gb, .automatic, chunk: 999)
    #expect(output == simplified)
    #expect(decoder.decision?.name == "GB18030")
    #expect(decoder.decision?.source == .detection)
    #expect((decoder.decision?.confidence ?? 0) >= InputDecoder.minimumConfidence)

    let traditional = "中文測試，繁體字。這是一個比較長的句子，用來測試編碼偵測。臺灣的資料庫與軟體。\n"
    let big5 = try Iconv.encode(traditional, to: "BIG5")
    let (big5Output, big5Decoder, _) = decode(big5, .automatic)
    #expect(big5Output == traditional)
    #expect(big5Decoder.decision?.name == "Big5")
  }

  @Test("A NUL byte in the first 8 KiB is reported as binary input; later ones are not")
  func binary() throws {
    var bytes = Array("abc\n中文\n".utf8)
    bytes.append(0)
    let (_, _, diagnostics) = decode(bytes, .utf8, chunk: 1)
    #expect(diagnostics == [Diagnostic(kind: .binaryInput, byteOffset: bytes.count - 1, line: 3, length: 1)])
    let late = [UInt8](repeating: 0x61, count: InputDecoder.sniffLength) + [0]
    #expect(decode(late, .utf8).2.isEmpty)
    let utf16 = try Iconv.encode("abc\n", to: "UTF-16LE")
    #expect(decode(utf16, try InputEncoding("UTF-16LE")).2.isEmpty)
  }

  @Test("Without holding back (interactive use), bytes pass at once and a later NUL is still reported")
  func noHoldBack() {
    var decoder = InputDecoder(encoding: .utf8, holdsBackFirstBlock: false)
    var output: [UInt8] = []
    decoder.push(Array("第一行\n".utf8), appendingTo: &output)
    #expect(output == Array("第一行\n".utf8))
    #expect(decoder.takeDiagnostics().isEmpty)
    decoder.push([0x61, 0x00], appendingTo: &output)
    #expect(decoder.takeDiagnostics() == [Diagnostic(kind: .binaryInput, byteOffset: 11, line: 2, length: 1)])
    decoder.finish(appendingTo: &output)
    var auto = InputDecoder(encoding: .automatic, holdsBackFirstBlock: false)
    var held: [UInt8] = []
    auto.push(Array("abc\n".utf8), appendingTo: &held)
    #expect(held.isEmpty, "auto detection always waits for its block")
  }

  @Test("Output is the same for every chunking", arguments: [1, 2, 5, 4096, 70_000])
  func chunking(chunk: Int) throws {
    let text = String(repeating: Fixtures.seedText("001"), count: 3)
    let gb = try Iconv.encode(text, to: "GB18030")
    #expect(decode(gb, .automatic, chunk: chunk).0 == text)
    #expect(decode(gb, try InputEncoding("gb18030"), chunk: chunk).0 == text)
  }
}
