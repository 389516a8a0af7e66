/// Looks up whether a pinyin syllable is a reading of a character, in the
/// table generated from Unihan (``PinyinReadingTable``, `tables/pinyin/`).
///
/// The table is a string literal compiled into the library: 6 ASCII characters
/// per (character, reading) pair, sorted, found by binary search. Nothing is
/// parsed at start-up; the first lookup builds the 425-entry syllable index.
enum PinyinReadings {
  /// Toneless syllable (ü written v) → its index in the table.
  static let syllableIndex: [String: Int] = {
    let names = PinyinReadingTable.syllables.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
    var index: [String: Int] = [:]
    for (i, name) in names.split(separator: " ").enumerated() { index[String(name)] = i }
    return index
  }()

  /// The reading id (syllable index × 5 + tone − 1) of a pinyin syllable written
  /// with tone marks (`diào`, `lǘ`) or a tone digit (`diao4`, `lv2`, `lu:2`, `de5`),
  /// or nil when it is not a toned syllable of the table. Case is ignored.
  static func readingID(_ scalars: ArraySlice<UInt32>) -> Int? {
    guard !scalars.isEmpty, scalars.count <= 8 else { return nil }
    var letters = ""
    var tone = 0
    var index = scalars.startIndex
    while index < scalars.endIndex {
      var s = scalars[index]
      if (0x41...0x5A).contains(s) { s += 0x20 }
      switch s {
      case 0x61...0x7A:
        if s == 0x75, index + 1 < scalars.endIndex, scalars[index + 1] == 0x3A {  // u:
          letters.append("v")
          index += 2
          continue
        }
        letters.unicodeScalars.append(Unicode.Scalar(s)!)
      case 0x31...0x35:
        guard tone == 0, index == scalars.endIndex - 1, !letters.isEmpty else { return nil }
        tone = Int(s - 0x30)
      case 0xFC, 0xDC: letters.append("v")
      default:
        guard let (base, mark) = toneMark(s), tone == 0 else { return nil }
        letters.unicodeScalars.append(Unicode.Scalar(base)!)
        tone = mark
      }
      index += 1
    }
    guard tone != 0, let syllable = syllableIndex[letters] else { return nil }
    return syllable * 5 + tone - 1
  }

  /// A vowel with a tone mark → (base letter, tone); ǖǘǚǜ give base "v".
  static func toneMark(_ s: UInt32) -> (UInt32, Int)? {
    switch s {
    case 0x101: (0x61, 1)
    case 0xE1: (0x61, 2)
    case 0x1CE: (0x61, 3)
    case 0xE0: (0x61, 4)
    case 0x113: (0x65, 1)
    case 0xE9: (0x65, 2)
    case 0x11B: (0x65, 3)
    case 0xE8: (0x65, 4)
    case 0x12B: (0x69, 1)
    case 0xED: (0x69, 2)
    case 0x1D0: (0x69, 3)
    case 0xEC: (0x69, 4)
    case 0x14D: (0x6F, 1)
    case 0xF3: (0x6F, 2)
    case 0x1D2: (0x6F, 3)
    case 0xF2: (0x6F, 4)
    case 0x16B: (0x75, 1)
    case 0xFA: (0x75, 2)
    case 0x1D4: (0x75, 3)
    case 0xF9: (0x75, 4)
    case 0x1D6: (0x76, 1)
    case 0x1D8: (0x76, 2)
    case 0x1DA: (0x76, 3)
    case 0x1DC: (0x76, 4)
    case 0x144: (0x6E, 2)  // ń
    case 0x148: (0x6E, 3)  // ň
    case 0x1F9: (0x6E, 4)  // ǹ
    case 0x1E3F: (0x6D, 2)  // ḿ
    default: nil
    }
  }

  /// Whether `reading` (an id from ``readingID(_:)``) is a reading of `character`.
  /// A neutral-tone reading also accepts any tone of the syllable, as tables
  /// rarely list neutral tones.
  static func isReading(_ reading: Int, of character: UInt32) -> Bool {
    PinyinReadingTable.records.withUTF8Buffer { records in
      var low = 0
      var high = PinyinReadingTable.recordCount
      while low < high {  // first record with code point >= character
        let mid = (low + high) / 2
        if codePoint(records, mid) < character { low = mid + 1 } else { high = mid }
      }
      var i = low
      while i < PinyinReadingTable.recordCount, codePoint(records, i) == character {
        let id = digits(records, i * 6 + 4, 2)
        if id == reading || (reading % 5 == 4 && id / 5 == reading / 5) { return true }
        i += 1
      }
      return false
    }
  }

  @inline(__always)
  private static func codePoint(_ records: UnsafeBufferPointer<UInt8>, _ record: Int) -> UInt32 {
    UInt32(digits(records, record * 6, 4))
  }

  @inline(__always)
  private static func digits(_ records: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int {
    var value = 0
    for k in 0..<count {
      let c = records[start + k]
      let digit: Int
      switch c {
      case 0x41...0x5A: digit = Int(c) - 0x41
      case 0x61...0x7A: digit = Int(c) - 0x61 + 26
      case 0x30...0x39: digit = Int(c) - 0x30 + 52
      case 0x2B: digit = 62
      default: digit = 63
      }
      value = value << 6 | digit
    }
    return value
  }
}
