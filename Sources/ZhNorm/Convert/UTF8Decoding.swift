/// Minimal UTF-8 decoding for the conversion hot loop (no `Character`s, no
/// `String.Index`): one scalar at a time straight from the bytes.
enum UTF8Decoding {
  /// The scalar starting at `bytes[i]` and its length in bytes. An invalid
  /// sequence decodes as U+FFFD of length 1 (its bytes are later copied through
  /// unchanged); a sequence cut off by `end` returns length 0 — more input is
  /// needed to decide.
  @inline(__always)
  static func decode(_ bytes: UnsafePointer<UInt8>, _ i: Int, _ end: Int) -> (scalar: UInt32, length: Int) {
    let b0 = UInt32(bytes[i])
    if b0 < 0x80 { return (b0, 1) }
    if b0 < 0xC2 { return (0xFFFD, 1) }
    if b0 < 0xE0 {
      if i &+ 1 >= end { return (0, 0) }
      let b1 = UInt32(bytes[i &+ 1])
      guard b1 & 0xC0 == 0x80 else { return (0xFFFD, 1) }
      return ((b0 & 0x1F) << 6 | (b1 & 0x3F), 2)
    }
    if b0 < 0xF0 {
      if i &+ 2 >= end { return truncated(bytes, i, end, 3) }
      let b1 = UInt32(bytes[i &+ 1]), b2 = UInt32(bytes[i &+ 2])
      guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return (0xFFFD, 1) }
      let scalar = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
      guard scalar >= 0x800, !(0xD800...0xDFFF).contains(scalar) else { return (0xFFFD, 1) }
      return (scalar, 3)
    }
    if b0 < 0xF5 {
      if i &+ 3 >= end { return truncated(bytes, i, end, 4) }
      let b1 = UInt32(bytes[i &+ 1]), b2 = UInt32(bytes[i &+ 2]), b3 = UInt32(bytes[i &+ 3])
      guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { return (0xFFFD, 1) }
      let scalar = (b0 & 0x07) << 18 | (b1 & 0x3F) << 12 | (b2 & 0x3F) << 6 | (b3 & 0x3F)
      guard (0x1_0000...0x10_FFFF).contains(scalar) else { return (0xFFFD, 1) }
      return (scalar, 4)
    }
    return (0xFFFD, 1)
  }

  /// A multi-byte sequence reaching past `end`: "need more" if what is there is
  /// a valid beginning, else invalid.
  private static func truncated(_ bytes: UnsafePointer<UInt8>, _ i: Int, _ end: Int, _ length: Int)
    -> (scalar: UInt32, length: Int)
  {
    var j = i &+ 1
    while j < end {
      if bytes[j] & 0xC0 != 0x80 { return (0xFFFD, 1) }
      j &+= 1
    }
    return (0, 0)
  }
}
