/// Which scalars count as Han characters (CJK unified ideographs, their
/// extensions and the compatibility ideographs).
enum HanCharacter {
  @inline(__always)
  static func isHan(_ scalar: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(scalar) || (0x3400...0x4DBF).contains(scalar)
      || (0x2_0000...0x3_FFFF).contains(scalar) || (0xF900...0xFAFF).contains(scalar)
  }
}
