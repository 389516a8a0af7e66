import Testing
@testable import ZhNorm

/// Streaming output must not depend on how the input is cut.
@Suite("Convert: chunking invariance")
struct ConvertChunkingTests {
  /// Seeds (real Simplified and Traditional text) plus every OpenCC test input,
  /// which exercise long phrases, compatibility ideographs and segmentation.
  static let texts: [String] =
    ConvertFixtures.allSeeds + [OpenCCTestCase.all.map(\.input).joined(separator: "\n")]

  static func streamed(_ profile: ConversionProfile, _ chunks: [ArraySlice<UInt8>]) -> [UInt8] {
    var converter = ScriptConverter(profile: profile)
    var output: [UInt8] = []
    for chunk in chunks { output += converter.convertUTF8(chunk: chunk) }
    output += converter.finishUTF8()
    #expect(converter.pendingByteCount == 0)
    return output
  }

  static func split(_ bytes: [UInt8], sizes: some IteratorProtocol<Int>) -> [ArraySlice<UInt8>] {
    var sizes = sizes
    var chunks: [ArraySlice<UInt8>] = []
    var start = 0
    while start < bytes.count {
      let end = min(bytes.count, start + max(1, sizes.next()!))
      chunks.append(bytes[start..<end])
      start = end
    }
    return chunks
  }

  @Test(arguments: ConversionProfile.allCases)
  func sevenByteAndRandomSplitsMatchWholeText(_ profile: ConversionProfile) {
    var random = SeededGenerator(seed: UInt64(profile.tableIndex + 1))
    for text in Self.texts {
      let whole = Array(ScriptConverter(profile: profile).convert(text).utf8)
      let bytes = Array(text.utf8)
      #expect(ScriptConverter(profile: profile).convertUTF8(bytes) == whole)
      #expect(Self.streamed(profile, Self.split(bytes, sizes: RepeatingSize(7))) == whole)
      #expect(Self.streamed(profile, Self.split(bytes, sizes: RepeatingSize(1))) == whole)
      let randomSizes = AnyIterator { Int(random.next() % 40) + 1 }
      #expect(Self.streamed(profile, Self.split(bytes, sizes: randomSizes)) == whole)
      #expect(Self.streamed(profile, [bytes[...]]) == whole)
    }
  }

  @Test(arguments: [ConversionProfile.s2twp, .tw2sp, .t2s, .s2hkp])
  func oneScalarStringChunksMatchWholeText(_ profile: ConversionProfile) {
    for text in Self.texts {
      var converter = ScriptConverter(profile: profile)
      var output = ""
      for scalar in text.unicodeScalars { output += converter.convert(chunk: String(scalar)) }
      output += converter.finish()
      #expect(output == ScriptConverter(profile: profile).convert(text))
    }
  }

  /// A long unmatched run (characters that occur in keys but start no phrase)
  /// is converted as it streams in, holding back less than one key's length.
  @Test(arguments: [ConversionProfile.s2twp, .tw2sp, .s2hk, .hk2s])
  func holdsBackLittleInsideLongUnmatchedRuns(_ profile: ConversionProfile) {
    let compiled = ConversionTables.shared.profiles[profile.tableIndex]
    let filler = (UInt32(0x4E00)...0x9FFF).lazy.filter { scalar in
      compiled.keyScalars.contains(scalar) && compiled.main.tries.allSatisfy { $0.root(scalar) < 0 }
    }.prefix(40).map { Character(Unicode.Scalar($0)!) }
    #expect(filler.count == 40)
    let text = String(repeating: String(filler), count: 100)
    var converter = ScriptConverter(profile: profile)
    var output = ""
    var maximumHeld = 0
    for piece in text.split(every: 50) {
      output += converter.convert(chunk: piece)
      maximumHeld = max(maximumHeld, converter.pendingRunScalarCount + converter.pendingByteCount / 3)
    }
    output += converter.finish()
    #expect(output == ScriptConverter(profile: profile).convert(text))
    #expect(maximumHeld < 3 * 15)
  }

  @Test func holdsBackLittleOutsideUnmatchedRuns() {
    var converter = ScriptConverter(profile: .t2s)
    let text = String(repeating: "頭髮與發展，", count: 1000)
    _ = converter.convert(chunk: text)
    #expect(converter.pendingByteCount <= 15 * 4)
    var segmented = ScriptConverter(profile: .s2twp)
    _ = segmented.convert(chunk: String(repeating: "头发和发展，", count: 1000))
    #expect(segmented.pendingByteCount <= 15 * 4)
  }
}

struct RepeatingSize: IteratorProtocol {
  let size: Int
  init(_ size: Int) { self.size = size }
  mutating func next() -> Int? { size }
}


extension String {
  /// The string cut into pieces of `count` characters (the last may be shorter).
  func split(every count: Int) -> [String] {
    var pieces: [String] = []
    var current = ""
    for character in self {
      current.append(character)
      if current.count == count {
        pieces.append(current)
        current = ""
      }
    }
    if !current.isEmpty { pieces.append(current) }
    return pieces
  }
}
