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
    // The scalars are written straight into the array's storage, grown to
    // one scalar per byte (the most there can be), and the array is cut to
    // the count decoded: appending one at a time checks the array's
    // uniqueness and capacity per scalar, which cost more than the decoding.
    if scalars.count < utf8.count {
      scalars.append(contentsOf: repeatElement(0, count: utf8.count - scalars.count))
    }
    let count = scalars.withUnsafeMutableBufferPointer { decode(utf8, into: $0.baseAddress!) }
    scalars.removeSubrange(count...)
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
