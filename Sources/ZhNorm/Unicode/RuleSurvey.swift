/// Which of the cleaner's whole-line rules may change a line, found while the
/// line is decoded, so that a line with, say, only an ASCII comma to widen is
/// not scanned again by the removal, NFC and space rules.
///
/// Each flag is exact for the line as surveyed: `false` means the rule's own
/// check would find nothing. Complexity: O(n) — one bitmap test per scalar
/// outside the CJK Unified Ideographs, and three for the rare scalar some
/// rule applies to.
struct RuleSurvey {
  /// Some scalar is removed or mapped by rules 1–2 (``CleanupTables/isRemovedOrMapped(_:)``).
  private(set) var hasRemovedOrMapped = false
  /// Some scalar needs NFC attention (``CanonicalComposition/needsAttention(_:)``).
  private(set) var needsCanonicalComposition = false
  /// Some scalar is a space variant (``ScalarClass/isSpaceVariant(_:)``).
  private(set) var hasSpaceVariant = false

  /// Decodes the valid UTF-8 `utf8` into `scalars` (replacing its contents,
  /// keeping its capacity) and surveys the scalars on the way.
  init(decoding utf8: UnsafeBufferPointer<UInt8>, into scalars: inout [UInt32]) {
    Self.fill(&scalars, atMost: utf8.count) { decode(utf8, into: $0) }
  }

  /// Replaces the contents of `scalars` with what `write` writes at the
  /// pointer it is given (at most `maximum` scalars; it returns how many).
  ///
  /// The scalars are written straight into the array's storage, grown to the
  /// most there can be, and the array is then cut to the count written:
  /// appending one at a time checks the array's uniqueness and capacity per
  /// scalar, which cost more than the decoding.
  @inline(__always)
  private static func fill(
    _ scalars: inout [UInt32], atMost maximum: Int, _ write: (UnsafeMutablePointer<UInt32>) -> Int
  ) {
    if scalars.count < maximum {
      scalars.append(contentsOf: repeatElement(0, count: maximum - scalars.count))
    }
    let count = scalars.withUnsafeMutableBufferPointer { write($0.baseAddress!) }
    scalars.removeSubrange(count...)
  }

  /// Decodes the UTF-8 of a line the decoder found plain
  /// (``LineByteProfile/isPlain``) into `scalars`: no rule but punctuation
  /// width and trimming has anything to do there, so the survey is known
  /// (all flags `false`) without looking.
  ///
  /// Such a line holds ASCII and three-byte sequences only, so every
  /// character is decoded as if it had three bytes and the first byte picks
  /// the result and the step without branching: real text alternates
  /// ideographs and ASCII unpredictably, and branching on which it is
  /// mispredicted often. O(n).
  init(decodingPlain utf8: UnsafeBufferPointer<UInt8>, into scalars: inout [UInt32]) {
    Self.fill(&scalars, atMost: utf8.count) { target in
      guard let bytes = utf8.baseAddress else { return 0 }
      let count = utf8.count
      var i = 0
      var n = 0
      // All but the last two bytes: the two after each are readable. (The
      // last two, if a character starts there, are ASCII.)
      while i &+ 2 < count {
        let b0 = UInt32(bytes[i])
        let b1 = UInt32(bytes[i &+ 1])
        let b2 = UInt32(bytes[i &+ 2])
        let isMultibyte = b0 >= 0x80
        target[n] = isMultibyte ? (b0 & 0x0F) &<< 12 | (b1 & 0x3F) &<< 6 | (b2 & 0x3F) : b0
        i &+= isMultibyte ? 3 : 1
        n &+= 1
      }
      while i < count {
        target[n] = UInt32(bytes[i])
        i &+= 1
        n &+= 1
      }
      return n
    }
  }

  /// Decodes `utf8` to `target`, which has room for one scalar per byte,
  /// surveying on the way; returns the number of scalars.
  private mutating func decode(_ utf8: UnsafeBufferPointer<UInt8>, into target: UnsafeMutablePointer<UInt32>) -> Int {
    // The tables are fetched once: `CleanupTables.shared` costs a
    // `swift_once` check per access, which showed in profiles per scalar.
    let tables = CleanupTables.shared
    var i = 0
    var n = 0
    while i < utf8.count {
      let v: UInt32
      if utf8[i] < 0x80 {
        v = UInt32(utf8[i])
        i &+= 1
      } else {
        let (decoded, length) = UnicodeCleaner.decodeScalar(utf8, at: i)
        v = decoded
        i &+= length
      }
      target[n] = v
      n &+= 1
      if v &- 0x4E00 < 0x5200 { continue }  // CJK Unified Ideographs: no rule applies
      if v < 0x10000 {
        // The slow-path bitmap is the union of the three rules' sets.
        if tables.needsSlowPath(v) { note(v, tables) }
      } else if !ScalarClass.isInertSupplementary(v) {
        needsCanonicalComposition = true
      }
    }
    return n
  }

  private mutating func note(_ v: UInt32, _ tables: CleanupTables) {
    hasRemovedOrMapped = hasRemovedOrMapped || tables.isRemovedOrMapped(v)
    needsCanonicalComposition = needsCanonicalComposition || tables.nfcAttention(v)
    hasSpaceVariant = hasSpaceVariant || ScalarClass.isSpaceVariant(v)
  }
}
