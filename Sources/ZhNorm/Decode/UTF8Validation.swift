/// A fast check that bytes are well-formed UTF-8 (Unicode, Table 3-7).
///
/// The decoder validates each batch of lines once, at about memory speed for
/// ASCII (eight bytes per step) and one branch per sequence otherwise. Only a
/// batch this rejects goes through the standard library's decoder, which
/// locates and replaces each ill-formed sequence; the property tests check
/// that both agree.
enum UTF8Validation {
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
