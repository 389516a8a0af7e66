/// Byte order marks, as `--from auto` recognises them.
enum ByteOrderMark {
  /// The encoding a byte order mark at the start of `bytes` announces, by
  /// ICU's name, or `nil`. UTF-32LE is checked before UTF-16LE (its mark
  /// begins with UTF-16LE's). The mark itself stays in the text (as U+FEFF,
  /// which the `unicode` step removes).
  static func encoding(of bytes: [UInt8]) -> String? {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
    if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32LE" }
    if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32BE" }
    if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
    if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
    return nil
  }
}
