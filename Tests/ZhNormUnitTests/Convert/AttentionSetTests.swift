import Testing
@testable import ZhNorm

/// The conversion loop copies characters outside a profile's attention set
/// without a lookup; the set is computed by `tables/gen_tables.py`. These
/// tests check the generator's set against what the engine would otherwise do
/// with each character.
@Suite("Convert: attention sets")
struct AttentionSetTests {
  @Test("A three-byte character outside the attention set is one the engine would copy unchanged",
    arguments: ConversionProfile.allCases)
  func copiedCharactersNeedNoLookup(_ profile: ConversionProfile) {
    let engine = ConversionEngine(profile: profile)
    let compiled = engine.profile
    var copied = 0
    var wrong: [UInt32] = []
    for scalar in UInt32(0x800)...0xFFFF where !(0xD800...0xDFFF).contains(scalar) {
      guard !compiled.attention.contains(scalar) else { continue }
      copied += 1
      let normalizes = engine.normalization.normalize(scalar) != scalar
      let startsMainKey = compiled.main.tries.contains { $0.root(scalar) >= 0 }
      let unmatchedIsLookedUp: Bool
      if engine.convertsUnmatchedDirectly {
        unmatchedIsLookedUp = engine.eagerRunStage.unsafelyUnwrapped.root(scalar) >= 0
      } else {
        unmatchedIsLookedUp = !compiled.runStages.isEmpty && compiled.keyScalars.contains(scalar)
      }
      if normalizes || startsMainKey || unmatchedIsLookedUp { wrong.append(scalar) }
    }
    #expect(wrong.isEmpty, "\(profile): \(wrong.prefix(10).map { String(UnicodeScalar($0)!) })")
    // Most of the BMP is copied (CJK, punctuation, other scripts).
    #expect(copied > 40_000)
  }

  @Test("t2s looks at Traditional characters and phrase starts, not at common shared ones")
  func t2sExamples() {
    let attention = ConversionEngine(profile: .t2s).profile.attention
    for character in "發鋒們後裡" { #expect(attention.contains(character.unicodeScalars.first!.value)) }
    for character in "的是，。" { #expect(!attention.contains(character.unicodeScalars.first!.value)) }
  }

  @Test("Stretches of copied characters between converted ones, cut anywhere, convert as a whole")
  func copiedStretchesAcrossChunks() {
    let text = "的是一個，發展。ASCII text 的裡面後來。頭髮和發現\n" + String(repeating: "中文字的", count: 40) + "發"
    let bytes = Array(text.utf8)
    let whole = ScriptConverter(profile: .t2s).convert(text)
    #expect(whole.hasPrefix("的是一个，发展。ASCII text 的里面后来。头发和发现"))
    for size in 1...8 {
      let output = ConvertChunkingTests.streamed(.t2s, ConvertChunkingTests.split(bytes, sizes: RepeatingSize(size)))
      #expect(String(decoding: output, as: UTF8.self) == whole, "chunk size \(size)")
    }
  }

  @Test("Invalid three-byte sequences inside a copied stretch go to the slow path, whatever the chunking")
  func invalidSequencesInStretches() {
    // An overlong form, a surrogate, a cut sequence, a stray continuation byte.
    let bytes = Array("的是".utf8) + [0xE0, 0x80, 0x80] + Array("是的".utf8) + [0xED, 0xA0, 0x80]
      + Array("發".utf8) + [0xE7, 0x9A] + Array("的".utf8) + [0x80] + Array("後".utf8)
    let whole = ScriptConverter(profile: .t2s).convertUTF8(bytes)
    #expect(String(decoding: whole, as: UTF8.self).contains("发"))
    #expect(String(decoding: whole, as: UTF8.self).hasSuffix("后"))
    for size in 1...4 {
      let output = ConvertChunkingTests.streamed(.t2s, ConvertChunkingTests.split(bytes, sizes: RepeatingSize(size)))
      #expect(output == whole, "chunk size \(size)")
    }
  }
}
