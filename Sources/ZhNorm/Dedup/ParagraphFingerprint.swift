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
  /// Hash of the first ``Fingerprinter/prefixLength`` normalized scalars (of
  /// all, when there are fewer): a truncated copy shares it with the whole.
  var prefix: UInt64 = 0
  /// What the `repair` step's early duplicate check found when it wrote the
  /// paragraph out (``EarlyDuplicates/remember(_:)``), for the `dedup` step.
  var earlyVerdict = EarlyDuplicates.Verdict.unchecked
  /// Scalars that are letters or ideographs (not digits, punctuation or
  /// symbols), counted up to 255: only "at least 4" is ever asked. (A byte,
  /// with the flags after it, keeps a block's optional fingerprint in 40 bytes.)
  var contentScalars: UInt8 = 0
  /// Whether the last normalized scalar ends a sentence.
  var endsSentence = false
  /// Whether the raw text contains a tab (a table row).
  var containsTab = false
}

/// Computes ``ParagraphFingerprint``s and MinHash signatures in one pass
/// over UTF-8 bytes, without building strings.
struct Fingerprinter {
  /// Character n-gram size for MinHash: 5 (the common choice for Chinese,
  /// where a character carries about as much as a short word).
  static let shingleSize = 5
  /// Number of one-permutation MinHash bins.
  static let signatureSize = 64

  /// Scalars hashed into ``ParagraphFingerprint/prefix``.
  static let prefixLength = 8
  /// The MinHash signature of the last paragraph (when asked for), once
  /// ``densify()`` has run.
  var signature: UnsafeBufferPointer<UInt32> { UnsafeBufferPointer(bins.pointer) }
  private let bins = SignatureBuffer()

  init() {}

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

  /// Whether the comparison scalars of `part` are a prefix of those of
  /// `whole` (both valid UTF-8). One pass over each, no allocation.
  static func isNormalizedPrefix(_ part: UnsafeBufferPointer<UInt8>, of whole: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    var j = 0
    while true {
      guard let a = nextComparisonScalar(part, &i) else { return true }
      guard let b = nextComparisonScalar(whole, &j), a == b else { return false }
    }
  }

  /// The next scalar of `utf8` from `i` on that counts for comparison
  /// (folded), advancing `i` past it; `nil` at the end.
  @inline(__always)
  static func nextComparisonScalar(_ utf8: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UInt32? {
    while i < utf8.count {
      var v = UInt32(utf8[i])
      if v < 0x80 {
        i += 1
      } else {
        let (scalar, length) = UnicodeCleaner.decodeScalar(utf8, at: i)
        v = scalar
        i += length
      }
      if let c = comparisonScalar(v) { return c }
    }
    return nil
  }

  /// Fingerprints `utf8`, and computes the MinHash ``signature`` when `signature` is true.
  mutating func fingerprint(_ utf8: UnsafeBufferPointer<UInt8>, signature wantsSignature: Bool) -> ParagraphFingerprint {
    guard wantsSignature else { return Self.fingerprint(utf8) }
    var result = ParagraphFingerprint()
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var last: UInt32 = 0
    var length = 0
    var content = 0
    // Rolling polynomial hash of the last `shingleSize` scalars.
    let base: UInt64 = 0x100_0000_01b3
    let basePower: UInt64 = base &* base &* base &* base  // base^(shingleSize-1)
    var window: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0)
    var rolling: UInt64 = 0
    do {
      let bins = self.bins.pointer
      if wantsSignature {
        for index in 0..<Fingerprinter.signatureSize { bins[index] = .max }
      }
      var i = 0
      let count = utf8.count
      while i < count {
        let byte = utf8[i]
        var c: UInt32
        if byte &- 0xE4 < 6 {
          // Lead bytes E4–E9: U+4000–U+9FFF, CJK ideographs, the common case:
          // content, never folded, decoded without the general decoder's
          // branches (the text is valid UTF-8: the decoder made it so).
          c = UInt32(byte & 0x0F) &<< 12 | UInt32(utf8[i &+ 1] & 0x3F) &<< 6 | UInt32(utf8[i &+ 2] & 0x3F)
          i &+= 3
          content &+= 1
        } else if byte < 0x80 {
          i += 1
          if byte == 0x20 { continue }
          if byte == 0x09 {
            result.containsTab = true
            continue
          }
          c = UInt32(byte)
          if (c | 0x20) &- 0x61 < 26 { content += 1 }
        } else {
          let (scalar, size) = UnicodeCleaner.decodeScalar(utf8, at: i)
          i += size
          if scalar >= 0x3400 && scalar <= 0x9FFF {
            c = scalar  // CJK ideographs: the common case
            content += 1
          } else {
            guard let folded = Fingerprinter.comparisonScalar(scalar) else { continue }
            c = folded
            if Fingerprinter.isContent(c) { content += 1 }
          }
        }
        hash = (hash ^ UInt64(c)) &* 0x100_0000_01b3
        length += 1
        if length == Fingerprinter.prefixLength { result.prefix = hash }
        last = c
        if wantsSignature {
          let outgoing = window.0
          window = (window.1, window.2, window.3, window.4, c)
          rolling = (rolling &- UInt64(outgoing) &* basePower) &* base &+ UInt64(c)
          if length >= Fingerprinter.shingleSize {
            Fingerprinter.add(rolling, to: bins)
          }
        }
      }
      if wantsSignature && length > 0 && length < Fingerprinter.shingleSize {
        Fingerprinter.add(rolling, to: bins)  // shorter than one shingle: the whole text
      }
    }
    result.length = length
    result.contentScalars = UInt8(truncatingIfNeeded: min(content, 255))
    if length < Fingerprinter.prefixLength { result.prefix = hash }
    result.endsSentence = Fingerprinter.endsSentence(last)
    hash = Fingerprinter.mix(hash ^ (UInt64(length) &* 0x9E37_79B9_7F4A_7C15))
    result.exact = hash == 0 ? 1 : hash
    return result
  }

  /// The fingerprint alone, without a signature: the common case (near
  /// duplicates are off by default), and the hot path of the `dedup` step.
  ///
  /// The same result as the general loop, written for speed: one loop with
  /// its body written out (a nested function for it was not always inlined,
  /// and then boxed the variables it captured), less state (no shingle
  /// window) so that it stays in registers, wrapping arithmetic (no overflow
  /// checks), and selects instead of branches where the data decides. O(n)
  /// in the bytes.
  static func fingerprint(_ utf8: UnsafeBufferPointer<UInt8>) -> ParagraphFingerprint {
    var result = ParagraphFingerprint()
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var prefix = hash
    var last: UInt32 = 0
    var length = 0
    var content = 0
    var containsTab = false
    if let bytes = utf8.baseAddress {
      let count = utf8.count
      var i = 0
      while i < count {
        let byte = bytes[i]
        let c: UInt32
        if byte &- 0xE4 < 6 {
          // Lead bytes E4–E9: U+4000–U+9FFF, CJK ideographs, the common case:
          // content, never folded, decoded without the general decoder's
          // branches (the text is valid UTF-8: the decoder made it so).
          c = UInt32(byte & 0x0F) &<< 12 | UInt32(bytes[i &+ 1] & 0x3F) &<< 6 | UInt32(bytes[i &+ 2] & 0x3F)
          i &+= 3
          content &+= 1
        } else if byte < 0x80 {
          // ASCII: a space or tab is dropped by selects, not a branch. In
          // English text a space comes every few letters at no predictable
          // place, and a mispredicted branch per word costs more than the
          // multiplication done and thrown away.
          i &+= 1
          let isTab = byte == 0x09
          let counts = byte != 0x20 && !isTab
          containsTab = containsTab || isTab
          let ascii = UInt32(byte)
          content &+= (ascii | 0x20) &- 0x61 < 26 ? 1 : 0
          let next = (hash ^ UInt64(ascii)) &* 0x100_0000_01b3
          hash = counts ? next : hash
          length &+= counts ? 1 : 0
          last = counts ? ascii : last
          prefix = length <= prefixLength ? hash : prefix
          continue
        } else if byte == 0xE3 {
          // U+3000–U+3FFF: CJK punctuation (。、「」《》), kana, rare
          // ideographs — every few characters of Chinese text. Only U+3000 is
          // dropped; nothing here is folded.
          c = 0x3000 | UInt32(bytes[i &+ 1] & 0x3F) &<< 6 | UInt32(bytes[i &+ 2] & 0x3F)
          i &+= 3
          if c == 0x3000 { continue }
          if c &- 0x3040 < 0xC0 || c >= 0x3400 { content &+= 1 }
        } else if byte == 0xEF && bytes[i &+ 1] == 0xBC && bytes[i &+ 2] != 0x80 {
          // U+FF01–U+FF3F: fullwidth punctuation (，：；（）！？), digits and
          // capitals, folded to ASCII — the other common mark of Chinese text.
          c = UInt32(bytes[i &+ 2]) &- 0x60
          i &+= 3
          if c &- 0x41 < 26 { content &+= 1 }
        } else {
          let (scalar, size) = UnicodeCleaner.decodeScalar(utf8, at: i)
          i &+= size
          if scalar >= 0x3400 && scalar <= 0x9FFF {
            c = scalar
            content &+= 1
          } else {
            guard let folded = comparisonScalar(scalar) else { continue }
            c = folded
            if isContent(c) { content &+= 1 }
          }
        }
        hash = (hash ^ UInt64(c)) &* 0x100_0000_01b3
        length &+= 1
        last = c
        // The hash of the first `prefixLength` scalars (of all, when there
        // are fewer), kept by a select rather than a second loop.
        prefix = length <= prefixLength ? hash : prefix
      }
    }
    result.prefix = prefix
    result.containsTab = containsTab
    result.length = length
    result.contentScalars = UInt8(truncatingIfNeeded: min(content, 255))
    result.endsSentence = endsSentence(last)
    hash = mix(hash ^ (UInt64(length) &* 0x9E37_79B9_7F4A_7C15))
    result.exact = hash == 0 ? 1 : hash
    return result
  }

  /// One-permutation hashing: the shingle's rolling hash is scrambled with
  /// one multiplication; its top 6 bits pick a bin, the next 32 compete for
  /// the bin's minimum.
  @inline(__always)
  private static func add(_ shingle: UInt64, to bins: UnsafeMutableBufferPointer<UInt32>) {
    let x = (shingle ^ (shingle >> 31)) &* 0x9E37_79B9_7F4A_7C15
    let bin = Int(truncatingIfNeeded: x >> 58)
    let value = UInt32(truncatingIfNeeded: x >> 26)
    bins[bin] = Swift.min(value, bins[bin])  // branchless: early on, either way is likely
  }

  /// Fills empty bins from the next non-empty bin (rotation densification),
  /// salted by the distance, so that two texts agree on an empty bin exactly
  /// when they agree on the bin it borrows from.
  /// Completes the signature of the last paragraph fingerprinted (only needed
  /// when it is looked up: most paragraphs are settled before).
  func densify() {
    Fingerprinter.densify(bins.pointer)
  }

  private static func densify(_ bins: UnsafeMutableBufferPointer<UInt32>) {
    let size = bins.count
    var start = 0
    while start < size && bins[start] == .max { start += 1 }
    guard start < size else { return }
    // Walk leftwards from a non-empty bin, remembering the nearest original
    // non-empty bin to the right: no scratch memory.
    var source = bins[start]
    var distance: UInt32 = 0
    var j = start
    for _ in 1..<size {
      j = (j &- 1) & (size - 1)
      let value = bins[j]
      if value == .max {
        distance &+= 0x9E37_79B9
        bins[j] = source &+ distance
      } else {
        source = value
        distance = 0
      }
    }
  }
}

/// The memory of a MinHash signature, owned by one ``Fingerprinter``.
final class SignatureBuffer {
  let pointer: UnsafeMutableBufferPointer<UInt32>

  init() {
    pointer = .allocate(capacity: Fingerprinter.signatureSize)
    pointer.initialize(repeating: .max)
  }

  deinit {
    pointer.deallocate()
  }
}
