import CZhNormICU
import CZhNormTables
import Testing
@testable import ZhNorm

@Suite("Unicode: cleanup tables")
struct CleanupTablesTests {
  @Test("The embedded NFC attention bitmap is what the system ICU says (regenerate with tables/make-cleanup-tables.sh)")
  func embeddedBitmapMatchesICU() {
    var fromICU = [UInt64](repeating: 0, count: 1024)
    fromICU.withUnsafeMutableBufferPointer { zhn_nfc_fill_attention_bitmap($0.baseAddress) }
    let embedded = UnsafeRawPointer(zhnorm_nfc_attention_bytes()!)
    let words = (0..<1024).map { embedded.load(fromByteOffset: $0 * 8, as: UInt64.self).littleEndian }
    #expect(words == fromICU)
    // Spot checks: a combining mark and a compatibility ideograph need NFC
    // attention; ASCII and a common ideograph do not.
    let tables = CleanupTables.shared
    #expect(tables.nfcAttention(0x0301) && tables.nfcAttention(0xF900))
    #expect(!tables.nfcAttention(0x41) && !tables.nfcAttention(0x4E2D))
  }

  @Test("No rule applies to a CJK Unified Ideograph U+4E00–9FFF (the survey skips them)")
  func ideographsAreInert() {
    let tables = CleanupTables.shared
    let flagged = (UInt32(0x4E00)...0x9FFF).filter { tables.needsSlowPath($0) || tables.nfcAttention($0) }
    #expect(flagged.isEmpty, "\(flagged.prefix(10))")
  }

  @Test("No removal, mapping or space rule applies outside the ranges the tables are built from")
  func rulesStayInTheirRanges() {
    var outside: [UInt32] = []
    for v in UInt32(0)..<0x10000 where !CleanupTables.ruleRanges.contains(where: { $0.contains(v) }) {
      if CleanupTables.isRuleScalar(v) { outside.append(v) }
    }
    #expect(outside.isEmpty, "rule scalars outside the ranges: \(outside.prefix(10))")
    #expect(CleanupTables.isRuleScalar(0xFF21) && CleanupTables.isRuleScalar(0x200B) && CleanupTables.isRuleScalar(0xA0))
  }
}
