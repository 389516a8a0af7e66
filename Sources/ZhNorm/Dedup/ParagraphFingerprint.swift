/// What the `dedup` step knows about one paragraph, computed in one pass over
/// its UTF-8 bytes: the normalized form used for comparison, its exact
/// fingerprint, its length and whether it is a candidate at all.
///
/// Normalization for comparison (the text itself is never changed):
/// whitespace of every kind and invisible format characters are dropped;
/// fullwidth ASCII (U+FF01–FF5E) becomes ASCII, so `，` and `,`, `Ａ` and `A`
/// compare equal; halfwidth CJK punctuation (｡｢｣､) becomes fullwidth. NFC is
/// the `unicode` step's job (it runs first), as is script when the `convert`
/// step runs (it runs before `dedup`, so both scripts of a paragraph compare
/// equal after conversion).
struct ParagraphFingerprint {
  /// 64-bit hash of the normalized scalars (never 0).
  var exact: UInt64 = 0
  /// Number of normalized scalars.
  var length = 0
  /// Scalars that are letters or ideographs (not digits, punctuation or symbols).
  var contentScalars = 0
  /// Whether the last normalized scalar ends a sentence.
  var endsSentence = false
  /// Whether the raw text contains a tab (a table row).
  var containsTab = false
}

/// Computes ``ParagraphFingerprint``s, the normalized bytes (for the
/// truncation check) and the MinHash signature, reusing its buffers.
struct Fingerprinter {
  /// Character n-gram size for MinHash: 5 (the common choice for Chinese,
  /// where a character carries about as much as a short word).
  static let shingleSize = 5
  /// Number of one-permutation MinHash bins.
  static let signatureSize = 64

  /// The normalized UTF-8 bytes of the last paragraph fingerprinted.
  private(set) var normalized: [UInt8] = []
  /// The MinHash signature of the last paragraph (when asked for).
  private(set) var signature = [UInt32](repeating: .max, count: Fingerprinter.signatureSize)

  init() {
    normalized.reserveCapacity(4096)
  }

  @inline(__always)
  static func mix(_ x: UInt64) -> UInt64 {
    // murmur3's fmix64
    var x = x
    x ^= x >> 33
    x &*= 0xff51_afd7_ed55_8ccd
    x ^= x >> 33
    x &*= 0xc4ce_b9fe_1a85_ec53
    x ^= x >> 33
    return x
  }

  /// The scalar used for comparison, or `nil` when the scalar does not count.
  @inline(__always)
  static func comparisonScalar(_ v: UInt32) -> UInt32? {
    if v < 0x80 {
      return v == 0x20 || v == 0x09 ? nil : v
    }
    if v >= 0xFF01 && v <= 0xFF5E { return v - 0xFEE0 }
    switch v {
    case 0xFF61: return 0x3002
    case 0xFF62: return 0x300C
    case 0xFF63: return 0x300D
    case 0xFF64: return 0x3001
    case 0x00AD, 0x180E, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF: return nil
    default: return ScalarClass.isWhitespace(v) ? nil : v
    }
  }

  @inline(__always)
  static func endsSentence(_ v: UInt32) -> Bool {
    switch v {
    case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x2E, 0x2026, 0x3B, 0xFF1B,  // 。！？!?.…;；
      0x201D, 0x2019, 0x300D, 0x300F, 0x22, 0x27:  // closing quotes after a sentence
      return true
    default:
      return false
    }
  }

  @inline(__always)
  static func isContent(_ v: UInt32) -> Bool {
    if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
    return (0x3400...0x9FFF).contains(v) || (0x20000...0x3FFFF).contains(v) || (0xF900...0xFAFF).contains(v)
      || (0xC0...0x24F).contains(v) || (0x3040...0x30FF).contains(v) || (0xAC00...0xD7AF).contains(v)
  }

  /// Fingerprints `utf8`; keeps the normalized bytes when `keepBytes`, and
  /// computes the MinHash signature when `signature` is true.
  mutating func fingerprint(_ utf8: UnsafeBufferPointer<UInt8>, keepBytes: Bool, signature wantsSignature: Bool)
    -> ParagraphFingerprint
  {
    var result = ParagraphFingerprint()
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var last: UInt32 = 0
    normalized.removeAll(keepingCapacity: true)
    // Rolling polynomial hash of the last `shingleSize` scalars.
    let base: UInt64 = 0x100_0000_01b3
    var basePower: UInt64 = 1  // base^(shingleSize-1)
    for _ in 1..<Fingerprinter.shingleSize { basePower &*= base }
    var window: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0)
    var rolling: UInt64 = 0
    if wantsSignature {
      for index in 0..<Fingerprinter.signatureSize { signature[index] = .max }
    }
    var normalized: [UInt8] = []
    swap(&normalized, &self.normalized)
    defer { swap(&normalized, &self.normalized) }
    signature.withUnsafeMutableBufferPointer { bins in
      var i = 0
      let count = utf8.count
      while i < count {
        let byte = utf8[i]
        var v: UInt32
        if byte < 0x80 {
          v = UInt32(byte)
          i += 1
          if byte == 0x09 { result.containsTab = true }
        } else {
          let (scalar, length) = UnicodeCleaner.decodeScalar(utf8, at: i)
          v = scalar
          i += length
        }
        guard let c = Fingerprinter.comparisonScalar(v) else { continue }
        hash = (hash ^ UInt64(c)) &* 0x100_0000_01b3
        result.length += 1
        if Fingerprinter.isContent(c) { result.contentScalars += 1 }
        last = c
        if keepBytes {
          if c < 0x80 {
            normalized.append(UInt8(c))
          } else if c < 0x800 {
            normalized.append(UInt8(0xC0 | (c >> 6)))
            normalized.append(UInt8(0x80 | (c & 0x3F)))
          } else if c < 0x10000 {
            normalized.append(UInt8(0xE0 | (c >> 12)))
            normalized.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
            normalized.append(UInt8(0x80 | (c & 0x3F)))
          } else {
            normalized.append(UInt8(0xF0 | (c >> 18)))
            normalized.append(UInt8(0x80 | ((c >> 12) & 0x3F)))
            normalized.append(UInt8(0x80 | ((c >> 6) & 0x3F)))
            normalized.append(UInt8(0x80 | (c & 0x3F)))
          }
        }
        if wantsSignature {
          let outgoing = window.0
          window = (window.1, window.2, window.3, window.4, c)
          rolling = (rolling &- UInt64(outgoing) &* basePower) &* base &+ UInt64(c)
          if result.length >= Fingerprinter.shingleSize {
            Fingerprinter.add(rolling, to: bins)
          }
        }
      }
      if wantsSignature && result.length > 0 && result.length < Fingerprinter.shingleSize {
        Fingerprinter.add(rolling, to: bins)  // shorter than one shingle: the whole text
      }
      if wantsSignature && result.length > 0 { Fingerprinter.densify(bins) }
    }
    result.endsSentence = Fingerprinter.endsSentence(last)
    hash = Fingerprinter.mix(hash ^ (UInt64(result.length) &* 0x9E37_79B9_7F4A_7C15))
    result.exact = hash == 0 ? 1 : hash
    return result
  }

  /// One-permutation hashing: the top 6 bits of the mixed shingle hash pick a
  /// bin, the low 32 bits compete for its minimum.
  @inline(__always)
  private static func add(_ shingle: UInt64, to bins: UnsafeMutableBufferPointer<UInt32>) {
    let x = mix(shingle)
    let bin = Int(truncatingIfNeeded: x >> 58)
    let value = UInt32(truncatingIfNeeded: x)
    if value < bins[bin] { bins[bin] = value }
  }

  /// Fills empty bins from the next non-empty bin (rotation densification),
  /// salted by the distance, so that two texts agree on an empty bin exactly
  /// when they agree on the bin it borrows from.
  private static func densify(_ bins: UnsafeMutableBufferPointer<UInt32>) {
    let size = bins.count
    guard let start = bins.firstIndex(where: { $0 != .max }) else { return }
    // Walk leftwards from a non-empty bin, remembering the nearest original
    // non-empty bin to the right: no scratch memory.
    var source = bins[start]
    var distance: UInt64 = 0
    var j = start
    for _ in 1..<size {
      j = j == 0 ? size - 1 : j - 1
      if bins[j] == .max {
        distance += 1
        bins[j] = UInt32(truncatingIfNeeded: mix(UInt64(source) &+ distance &* 0x9E37_79B9_7F4A_7C15))
      } else {
        source = bins[j]
        distance = 0
      }
    }
  }
}
