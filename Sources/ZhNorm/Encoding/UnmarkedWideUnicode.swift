/// UTF-16 and UTF-32 without a byte order mark, recognised by where their
/// NUL bytes are (`--from auto`). ICU's detector is unsure of these (it gave
/// a confidence of 21 for Windows-1252 on a UTF-16LE paragraph of Chinese).
///
/// A block with NUL bytes is read as UTF-32LE, UTF-32BE, UTF-16LE and
/// UTF-16BE in turn; an encoding is plausible when every unit is a scalar
/// value (surrogates paired), none is a control character other than TAB,
/// LF, FF or CR, and none is U+FFFE or U+FFFF. When both UTF-16 byte orders
/// are plausible, the NUL bytes decide: ASCII characters put them at odd
/// offsets in little-endian text. Fewer than 8 bytes are never recognised.
///
/// Complexity: O(n) over the block.
enum UnmarkedWideUnicode {
  /// The encoding of `block`, by ICU's name, or `nil`.
  static func encoding(of block: [UInt8]) -> String? {
    guard block.contains(0) else { return nil }
    if isPlausible(block, width: 4, bigEndian: false) { return "UTF-32LE" }
    if isPlausible(block, width: 4, bigEndian: true) { return "UTF-32BE" }
    let little = isPlausible(block, width: 2, bigEndian: false)
    let big = isPlausible(block, width: 2, bigEndian: true)
    if little && big {
      var odd = 0
      var even = 0
      for (offset, byte) in block.enumerated() where byte == 0 {
        if offset & 1 == 1 { odd += 1 } else { even += 1 }
      }
      return odd >= even ? "UTF-16LE" : "UTF-16BE"
    }
    return little ? "UTF-16LE" : big ? "UTF-16BE" : nil
  }

  static func isPlausible(_ block: [UInt8], width: Int, bigEndian: Bool) -> Bool {
    let usable = block.count - block.count % width  // the block may cut the last unit
    guard usable >= 8 else { return false }  // too little to tell from binary
    var awaitingLowSurrogate = false
    var i = 0
    while i < usable {
      var value: UInt32 = 0
      for k in 0..<width {
        let byte = UInt32(block[i + (bigEndian ? k : width - 1 - k)])
        value = value << 8 | byte
      }
      i += width
      if width == 2 {
        if (0xD800...0xDBFF).contains(value) {
          if awaitingLowSurrogate { return false }
          awaitingLowSurrogate = true
          continue
        }
        if (0xDC00...0xDFFF).contains(value) {
          if !awaitingLowSurrogate { return false }
          awaitingLowSurrogate = false
          continue
        }
        if awaitingLowSurrogate { return false }
      } else if value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
        return false
      }
      if value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0C && value != 0x0D { return false }
      if value == 0x7F || value == 0xFFFE || value == 0xFFFF { return false }
    }
    return true
  }
}
