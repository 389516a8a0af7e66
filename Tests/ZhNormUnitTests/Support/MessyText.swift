/// Generates messy documents that exercise every rule of the Unicode cleanup:
/// Chinese and Latin text, ASCII and fullwidth punctuation, numbers, URLs,
/// e-mail addresses, all line terminators, blank-line runs, tabs, space
/// variants, invisible and control characters, width variants, emoji ZWJ
/// sequences, combining marks, compatibility ideographs, and invalid UTF-8.
enum MessyText {
  static let pieces: [String] = [
    "湖北日报讯", "记者许旷", "新能源汽车", "产量", "38.8万辆", "10:30", "1,000", "2024年",
    "Notice: The content above", "(including pictures)", "http://example.com/a?b=1,c", "www.example.cn/x",
    "whswxc1z@126.com", "CEO", "Wi-Fi", "e-mail", "COVID-19", "中国", "东风猛士917", "“两湖”", "《规划》",
    ",", ",", ":", ";", "!", "?", "(", ")", "，", "：", "（", "）", "。", "、", " ", " ", "\t",
    "\u{00A0}", "\u{3000}", "\u{2003}", "\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{200D}", "\u{200C}", "\u{200E}",
    "\u{0001}", "\u{007F}", "\u{0085}", "ＡＢＣ１２３", "｡", "｢", "｣", "👨\u{200D}👩\u{200D}👧", "e\u{0301}",
    "\u{F9D1}", "\u{2F800}", "\u{2126}", "الس", "𠮷", "…", "——", "·",
  ]

  static let terminators: [[UInt8]] = [
    [0x0A], [0x0A], [0x0A], [0x0D, 0x0A], [0x0D], [0x0B], [0x0C], [0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9],
  ]

  /// A document of about `lines` lines, as bytes (it may contain invalid UTF-8).
  static func document(lines: Int, using generator: inout SeededGenerator) -> [UInt8] {
    var bytes: [UInt8] = []
    for _ in 0..<lines {
      let roll = Int.random(in: 0..<20, using: &generator)
      if roll == 0 {
        // a run of blank (or whitespace-only) lines
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
          if Bool.random(using: &generator) { bytes += Array("  \t".utf8) }
          bytes += terminators.randomElement(using: &generator)!
        }
        continue
      }
      for _ in 0..<Int.random(in: 1...12, using: &generator) {
        bytes += Array(pieces.randomElement(using: &generator)!.utf8)
      }
      if roll == 1 { bytes += [0xFF, 0xC3] }  // invalid UTF-8
      bytes += terminators.randomElement(using: &generator)!
    }
    if Bool.random(using: &generator) { bytes += Array("最后一行".utf8) }  // no final newline
    return bytes
  }
}
