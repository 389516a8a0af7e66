/// UTF-8 at the byte level, for the hot paths: a fast check that bytes are
/// well-formed (Unicode, Table 3-7), sequence prefixes, and encoding a scalar.
///
/// The decoder validates each batch of lines once, at about memory speed for
/// ASCII (eight bytes per step) and one branch per sequence otherwise. Only a
/// batch this rejects goes through the standard library's decoder, which
/// locates and replaces each ill-formed sequence; the property tests check
/// that both agree.
enum UTF8Codec {
  /// Whether `bytes` (at most 4) could be the start of one well-formed
  /// sequence: a lead byte and continuation bytes within Table 3-7's ranges.
  /// A complete sequence counts too.
  static func isSequencePrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let b0 = bytes.first, b0 >= 0xC2, b0 <= 0xF4 else { return false }
    guard bytes.count > 1 else { return true }
    let lower: UInt8 = b0 == 0xE0 ? 0xA0 : b0 == 0xF0 ? 0x90 : 0x80
    let upper: UInt8 = b0 == 0xED ? 0x9F : b0 == 0xF4 ? 0x8F : 0xBF
    guard bytes[1] >= lower && bytes[1] <= upper else { return false }
    return bytes.dropFirst(2).allSatisfy { $0 & 0xC0 == 0x80 }
  }

  /// The length of the sequence that `lead` starts (1 for a byte that starts none).
  static func sequenceLength(_ lead: UInt8) -> Int {
    lead < 0xC2 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead <= 0xF4 ? 4 : 1
  }

  /// Writes `scalar` (a valid scalar value) as UTF-8 at `target`, which must
  /// have room for 4 bytes; returns the number of bytes written.
  @inline(__always)
  static func encode(_ scalar: UInt32, to target: UnsafeMutablePointer<UInt8>) -> Int {
    if scalar < 0x80 {
      target[0] = UInt8(scalar)
      return 1
    } else if scalar < 0x800 {
      target[0] = UInt8(0xC0 | (scalar >> 6))
      target[1] = UInt8(0x80 | (scalar & 0x3F))
      return 2
    } else if scalar < 0x1_0000 {
      target[0] = UInt8(0xE0 | (scalar >> 12))
      target[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
      target[2] = UInt8(0x80 | (scalar & 0x3F))
      return 3
    }
    target[0] = UInt8(0xF0 | (scalar >> 18))
    target[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
    target[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
    target[3] = UInt8(0x80 | (scalar & 0x3F))
    return 4
  }

  /// Whether `bytes` is well-formed UTF-8. O(n).
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i < count {
      // Eight ASCII bytes at a time.
      if i &+ 8 <= count && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
        i &+= 8
        continue
      }
      let b0 = base[i]
      if b0 < 0x80 {
        i &+= 1
        continue
      }
      if b0 < 0xC2 { return false }
      if b0 < 0xE0 {
        guard i &+ 1 < count, base[i &+ 1] & 0xC0 == 0x80 else { return false }
        i &+= 2
        continue
      }
      if b0 &- 0xE1 < 0x0C && i &+ 4 <= count {
        // A run of three-byte characters led by E1–EC (CJK ideographs are
        // E4–E9; none of these leads restricts its second byte), one 32-bit
        // load each: about 2 instructions a byte instead of 6 for Chinese text.
        // A character the run does not take goes to the checks below.
        let start = i
        repeat {
          let word = raw.loadUnaligned(fromByteOffset: i, as: UInt32.self)  // b0 lowest
          guard (word & 0xFF) &- 0xE1 < 0x0C, word & 0x00C0_C000 == 0x0080_8000 else { break }
          i &+= 3
        } while i &+ 4 <= count
        if i != start { continue }
      }
      if b0 < 0xF0 {
        guard i &+ 2 < count else { return false }
        let b1 = base[i &+ 1]
        let b2 = base[i &+ 2]
        let lower: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
        let upper: UInt8 = b0 == 0xED ? 0x9F : 0xBF
        guard b1 >= lower && b1 <= upper && b2 & 0xC0 == 0x80 else { return false }
        i &+= 3
        continue
      }
      guard b0 <= 0xF4, i &+ 3 < count else { return false }
      let b1 = base[i &+ 1]
      let lower: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
      let upper: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
      guard b1 >= lower && b1 <= upper && base[i &+ 2] & 0xC0 == 0x80 && base[i &+ 3] & 0xC0 == 0x80 else { return false }
      i &+= 4
    }
    return true
  }
}
