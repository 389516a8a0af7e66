import Foundation
import Testing
@testable import ZhNorm

/// `--fix-mojibake`: mojibake made by really misreading UTF-8 bytes (ICU's
/// GB18030 decoder via the shim, and Windows-1252/Latin-1 byte by byte).
@Suite("Mojibake repair")
struct MojibakeRepairTests {
  let repair = MojibakeRepair()

  /// `text`'s UTF-8 bytes read as GB18030 (what a GBK reader shows).
  static func readAsGBK(_ text: String) throws -> String {
    String(decoding: try Iconv.convert(Array(text.utf8), from: "GB18030", to: "UTF-8"), as: UTF8.self)
  }

  /// `text`'s UTF-8 bytes read as Windows-1252 (WHATWG: undefined bytes are C1 controls).
  static func readAsWindows1252(_ text: String) -> String {
    String(String.UnicodeScalarView(text.utf8.map { byte in
      if byte >= 0x80 && byte < 0xA0, MojibakeRepair.windows1252High[Int(byte - 0x80)] != 0 {
        return Unicode.Scalar(MojibakeRepair.windows1252High[Int(byte - 0x80)])!
      }
      return Unicode.Scalar(byte)
    }))
  }

  static let originals = ["中文测试", "编码错误的文本", "数据库连接失败，请稍后再试", "北京欢迎你abc"]

  @Test("UTF-8 read as GBK is repaired when no byte was lost", arguments: originals)
  func gbk(original: String) throws {
    guard let mojibake = try? Self.readAsGBK(original) else { return }  // iconv refuses an odd byte
    #expect(mojibake != original)
    let (text, repairs) = repair.repair(mojibake)
    #expect(text == original)
    #expect(repairs.map(\.misreading) == [.gbk])
    #expect(repair.repair(text).repairs.isEmpty, "idempotent")
  }

  @Test("UTF-8 read as Windows-1252 or Latin-1 is repaired", arguments: originals)
  func windows1252(original: String) {
    let mojibake = Self.readAsWindows1252(original)
    let (text, repairs) = repair.repair("前缀 " + mojibake + " suffix")
    #expect(text == "前缀 " + original + " suffix")
    #expect(repairs.count == 1)
    let latin1 = String(decoding: try! Iconv.convert(Array(original.utf8), from: "LATIN1", to: "UTF-8"), as: UTF8.self)
    #expect(repair.repair(latin1).text == original)
  }

  @Test("Real text, Chinese and Latin, is never changed")
  func realText() {
    for prefix in ["000", "001", "002", "003", "004"] {
      for line in Fixtures.seedText(prefix).split(separator: "\n") {
        #expect(repair.repair(String(line)).repairs.isEmpty, "\(line)")
      }
    }
    for line in ["Café crème brûlée", "naïve façade — “quoted” ‘text’ …", "Ä Ö Ü ß ø å", "涓", "中文 ä"] {
      #expect(repair.repair(line).repairs.isEmpty, "\(line)")
    }
  }

  @Test("Mojibake that lost a byte is left alone")
  func lossy() throws {
    // Three characters are nine bytes: GBK reading leaves the last one unpaired.
    let bytes = Array("中文字".utf8)
    let lossy = String(decoding: try Iconv.convert(Array(bytes.dropLast()), from: "GB18030", to: "UTF-8"), as: UTF8.self) + "\u{FFFD}"
    #expect(repair.repair(lossy).repairs.isEmpty)
  }

  @Test("锟斤拷 and 烫烫烫 are found, never repaired")
  func damage() {
    let line = "标题锟斤拷锟斤拷正文烫烫烫烫，屯屯屯；烫烫不算"
    let found = Array(line.utf8).withUnsafeBufferPointer { MojibakeRepair.damage(in: $0) }
    #expect(found.map(\.text) == ["锟斤拷锟斤拷", "烫烫烫烫", "屯屯屯"])
    #expect(found.first?.utf8Offset == "标题".utf8.count)
    #expect(repair.repair(line).text == line)
  }

  @Test("The stage runs only with fixesMojibake, repairs, records and diagnoses; chunking does not matter")
  func stage() throws {
    let input = try Self.readAsGBK("中文测试") + "\n锟斤拷\n"
    #expect(Normalizer().normalize(input).hasPrefix(try Self.readAsGBK("中文测试")))
    var configuration = NormalizerConfiguration()
    configuration.fixesMojibake = true
    configuration.recordsChanges = true
    let normalizer = Normalizer(configuration: configuration)
    var stream = normalizer.makeStream()
    var output = stream.push(Array(input.utf8))
    stream.finishDocument(appendingTo: &output)
    #expect(String(decoding: output, as: UTF8.self) == "中文测试\n锟斤拷\n")
    #expect(stream.statistics.count(.mojibake, by: .unicode) == 1)
    #expect(stream.takeRecords().map(\.kind) == [.mojibake, .mojibakeDamage])
    #expect(stream.takeDiagnostics().map(\.kind) == [.mojibakeDamage])
    #expect(normalizer.normalize(Array(input.utf8), chunkSizes: [1]) == output)
    #expect(normalizer.normalize(output) == output)
  }
}
