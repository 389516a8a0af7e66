/// Finds and undoes mojibake that can be undone losslessly: UTF-8 text that
/// was decoded as GBK (or GB18030), or as Latin-1/Windows-1252, and saved
/// again as UTF-8 (`中文` → `涓枃`, `ä¸­æ–‡`).
///
/// A line is split into runs of non-ASCII characters. A run is repaired when
/// encoding it back (to GB18030, or byte per character for Latin-1 and
/// Windows-1252) gives bytes that are valid UTF-8, the round trip is exact, and
/// the result is plausible Chinese where the run was not:
/// - at least half of its non-ASCII characters are CJK (Han, CJK punctuation,
///   fullwidth forms, kana, Hangul) and at least one is Han, with no control,
///   private-use or replacement characters;
/// - for GBK, at least half of its characters are common ones (GB 2312 level
///   1), and a larger share than in the run (mojibake is made of rare
///   characters: 涓枃). This keeps real Chinese text that happens to form
///   valid UTF-8 when encoded from being "repaired".
///
/// Mojibake that lost bytes (an odd byte became `?` or U+FFFD) cannot be
/// undone and is left alone; `锟斤拷`, `烫烫烫` and `屯屯屯` are found by
/// ``damage(in:)`` and reported, never guessed at.
///
/// Not thread-safe (it owns an ICU converter): one per stream.
///
/// ```swift
/// let repair = MojibakeRepair()
/// repair.repair("涓枃娴嬭瘯").text  // "中文测试"
/// ```
///
/// Complexity: O(n) per line; lines without non-ASCII text cost one scan.
public struct MojibakeRepair {
  /// How the text was misread.
  public enum Misreading: String, Sendable, Hashable {
    /// UTF-8 bytes decoded as GBK or GB18030.
    case gbk = "GBK"
    /// UTF-8 bytes decoded as Latin-1 or Windows-1252.
    case windows1252 = "Windows-1252"
  }

  /// One repaired run of a line.
  public struct Repair: Sendable, Hashable {
    /// The mojibake.
    public var original: String
    /// What it was before it was misread.
    public var repaired: String
    /// How it had been misread.
    public var misreading: Misreading
    /// The offset of the run in the line's UTF-8 bytes.
    public var utf8Offset: Int
  }

  private let gb18030: StrictCodec

  /// Creates a repairer.
  public init() {
    guard let codec = StrictCodec(encoding: "GB18030") else { fatalError("ICU lacks GB18030") }
    gb18030 = codec
  }

  /// Repairs the mojibake in `line`; returns the line (unchanged when there
  /// is nothing to repair) and what was repaired.
  public func repair(_ line: String) -> (text: String, repairs: [Repair]) {
    var line = line
    guard let (bytes, repairs) = line.withUTF8({ repair(utf8: $0) }) else { return (line, []) }
    return (String(decoding: bytes, as: UTF8.self), repairs)
  }

  /// Repairs the mojibake in one line of valid UTF-8; `nil` when there is
  /// nothing to repair.
  func repair(utf8 line: UnsafeBufferPointer<UInt8>) -> ([UInt8], [Repair])? {
    guard line.contains(where: { $0 >= 0x80 }) else { return nil }
    var result: [UInt8] = []
    var repairs: [Repair] = []
    var copied = 0
    var i = 0
    while i < line.count {
      guard line[i] >= 0x80 else {
        i += 1
        continue
      }
      var end = i
      var characters = 0
      while end < line.count && line[end] >= 0x80 {
        end += UTF8Codec.sequenceLength(line[end])
        characters += 1
      }
      end = min(end, line.count)
      let run = UnsafeBufferPointer(rebasing: line[i..<end])
      if characters >= 2, let (fixed, misreading) = repairRun(run) {
        result.append(contentsOf: line[copied..<i])
        result.append(contentsOf: fixed)
        repairs.append(Repair(
          original: String(decoding: run, as: UTF8.self), repaired: String(decoding: fixed, as: UTF8.self),
          misreading: misreading, utf8Offset: i))
        copied = end
      }
      i = end
    }
    guard !repairs.isEmpty else { return nil }
    result.append(contentsOf: line[copied...])
    return (result, repairs)
  }

  private func repairRun(_ run: UnsafeBufferPointer<UInt8>) -> ([UInt8], Misreading)? {
    if let bytes = Self.windows1252Bytes(run), let original = Self.plausibleOriginal(bytes) {
      return (original, .windows1252)
    }
    if let bytes = gb18030.encode(run), let original = Self.plausibleOriginal(bytes),
      let back = bytes.withUnsafeBufferPointer({ gb18030.decode($0) }), back.elementsEqual(run)
    {
      let before = Self.commonShare(gb18030Bytes: bytes)
      guard let encoded = original.withUnsafeBufferPointer({ gb18030.encode($0) }) else { return nil }
      let after = Self.commonShare(gb18030Bytes: encoded)
      if after >= 0.5 && after > before { return (original, .gbk) }
    }
    return nil
  }

  /// `bytes` decoded as UTF-8 if they are valid and look like Chinese text.
  static func plausibleOriginal(_ bytes: [UInt8]) -> [UInt8]? {
    guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
    var nonASCII = 0
    var cjk = 0
    var han = 0
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        if value < 0x20 && value != 0x09 || value == 0x7F { return nil }
        continue
      }
      if value < 0xA0 || (0xE000...0xF8FF).contains(value) || value == 0xFFFD || (0xFDD0...0xFDEF).contains(value)
        || value & 0xFFFE == 0xFFFE || value >= 0xF0000
      {
        return nil
      }
      nonASCII += 1
      if isHan(value) {
        han += 1
        cjk += 1
      } else if (0x3000...0x30FF).contains(value) || (0x3100...0x312F).contains(value)
        || (0xAC00...0xD7A3).contains(value) || (0xFF00...0xFFEF).contains(value)
      {
        cjk += 1
      }
    }
    return han > 0 && cjk * 2 >= nonASCII ? bytes : nil
  }

  static func isHan(_ value: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
      || (0x20000...0x3134F).contains(value)
  }

  /// The share of characters in GB18030 `bytes` that are common: GB 2312
  /// level 1 (lead B0–D7, trail A1–FE). ASCII is not counted.
  static func commonShare(gb18030Bytes bytes: [UInt8]) -> Double {
    var total = 0
    var common = 0
    var i = 0
    while i < bytes.count {
      let lead = bytes[i]
      if lead < 0x80 {
        i += 1
        continue
      }
      total += 1
      if i + 1 < bytes.count && (0x30...0x39).contains(bytes[i + 1]) {
        i += 4
        continue
      }
      let trail = i + 1 < bytes.count ? bytes[i + 1] : 0
      if (0xB0...0xD7).contains(lead) && (0xA1...0xFE).contains(trail) && !(lead == 0xD7 && trail > 0xF9) {
        common += 1
      }
      i += 2
    }
    return total == 0 ? 0 : Double(common) / Double(total)
  }

  /// The Windows-1252 bytes of `run` (Latin-1 for U+0080–U+00FF, as the
  /// WHATWG decoder leaves 81, 8D, 8F, 90, 9D), or `nil` if a character is
  /// in neither.
  static func windows1252Bytes(_ run: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(run.count)
    var i = 0
    while i < run.count {
      let (scalar, length) = run[i] < 0x80 ? (UInt32(run[i]), 1) : UnicodeCleaner.decodeScalar(run, at: i)
      i += length
      if scalar <= 0xFF {
        bytes.append(UInt8(scalar))
      } else if let index = windows1252High.firstIndex(of: scalar) {
        bytes.append(0x80 + UInt8(index))
      } else {
        return nil
      }
    }
    return bytes
  }

  /// What Windows-1252 decodes bytes 80–9F to (0 where it is undefined).
  static let windows1252High: [UInt32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
  ]
}
