/// Sixteen bytes as the decoder's vector step sees them: whether the step
/// takes them whole, where the line feeds among them are, and what the
/// `unicode` step will want to know about them (``LineByteProfile``).
///
/// The step takes ASCII except CR, VT, FF and the controls 0x00–0x08 (left
/// to the byte-by-byte path, which knows them), and well-formed three-byte
/// sequences with lead bytes E3–EC, EE or EF: Chinese text is almost all such
/// bytes. (E0 and ED restrict the second byte, E1 is rare, E2 may start
/// LS/PS, which end lines.) Lead bytes say where continuation bytes must be,
/// and they must be the only ones; a sequence cut by the vector's end is
/// finished by the next vector (``carry``).
///
/// Why vectors at a fixed stride: the next step's load does not wait for
/// this step's answer (with a variable stride, each step waited for the
/// whole computation of the last), and the line feeds are found from a bit
/// mask instead of a branch at each, so the branches do not depend on where
/// lines end. With lines of varying length, both cost about a quarter of the
/// `unicode` step's time.
///
/// About sixty SSE2 instructions for sixteen bytes (see ``ByteVector``).
/// Elsewhere than x86-64 the step takes nothing and every byte goes the
/// byte-by-byte way.
struct DecodedVector {
  /// How many bytes a step reads: the sixteen of the vector and two more
  /// (the bytes after a lead byte, to tell which punctuation mark it starts).
  static let readLength = 18

  /// Whether the step takes all sixteen bytes. If not, the other fields are
  /// zero and the byte-by-byte path takes over.
  let isWhole: Bool
  /// The continuation bytes the next vector must start with (bit 0: its
  /// first byte, bit 1: its second), for a sequence this one cut.
  let carry: UInt32
  /// The lanes (bit 0 for the first byte) of the line feeds.
  let lineFeeds: UInt32
  /// The lanes of non-ASCII bytes.
  let nonASCII: UInt32
  /// The lanes of the ASCII marks `, : ; ! ? ( )`.
  let asciiMarks: UInt32
  /// The lanes of the first bytes of fullwidth forms encoded EF BC xx.
  let fullwidthPunctuation: UInt32
  /// The lanes of bytes outside the `unicode` step's plain set (see
  /// ``LineByteProfile/uncommon``).
  let uncommon: UInt32
  /// The lanes of opening parentheses, `(` and the lead byte of `（`.
  let openingParentheses: UInt32

  /// Examines the sixteen bytes at `bytes`, which have ``readLength`` bytes
  /// readable, and must start with the continuation bytes `carry` (the last
  /// vector's ``carry``; 0 at a character boundary).
  @inline(__always)
  init(_ bytes: UnsafeRawPointer, carry carried: UInt32) {
    #if arch(x86_64)
    let v = ByteVector(bytes)
    let lineFeed = v.equal(0x0A)
    let tab = v.equal(0x09)
    let continuation = v.within(0x80, 0xBF)
    let lead = v.within(0xE3, 0xEC) | v.within(0xEE, 0xEF)
    let leads = lead.mask
    let expected = (leads << 1) | (leads << 2) | carried
    guard (v.within(0x0E, 0x7F) | tab | lineFeed | continuation | lead).mask == 0xFFFF,
      continuation.mask == expected & 0xFFFF
    else {
      self = .none
      return
    }
    let next = ByteVector(bytes + 1)
    let third = ByteVector(bytes + 2)
    // The plain set of the `unicode` step's fast check. A lead byte is
    // judged with the two bytes after it.
    let plain = v.plainBytes | lineFeed | v.inertPunctuationLeads(next: next, third: third, fullwidthMarks: true)
    let fullwidth = v.equal(0xEF) & next.equal(0xBC)
    let openingParentheses = v.equal(0x28) | (fullwidth & third.equal(0x88))
    self.init(
      isWhole: true, carry: expected >> 16, lineFeeds: lineFeed.mask, nonASCII: v.mask, asciiMarks: v.asciiMarks.mask,
      fullwidthPunctuation: fullwidth.mask, uncommon: ~plain.mask & 0xFFFF, openingParentheses: openingParentheses.mask)
    #else
    self = .none
    #endif
  }

  private init(
    isWhole: Bool, carry: UInt32, lineFeeds: UInt32, nonASCII: UInt32, asciiMarks: UInt32,
    fullwidthPunctuation: UInt32, uncommon: UInt32, openingParentheses: UInt32
  ) {
    self.isWhole = isWhole
    self.carry = carry
    self.lineFeeds = lineFeeds
    self.nonASCII = nonASCII
    self.asciiMarks = asciiMarks
    self.fullwidthPunctuation = fullwidthPunctuation
    self.uncommon = uncommon
    self.openingParentheses = openingParentheses
  }

  /// A step that takes nothing.
  private static var none: DecodedVector {
    DecodedVector(
      isWhole: false, carry: 0, lineFeeds: 0, nonASCII: 0, asciiMarks: 0, fullwidthPunctuation: 0, uncommon: 0,
      openingParentheses: 0)
  }

  /// The start of the character that a vector with this ``carry`` cut,
  /// relative to the next vector: -1 or -2 (0 for no carry).
  @inline(__always)
  static func characterStart(carry: UInt32) -> Int {
    carry == 0 ? 0 : carry == 0b11 ? -1 : -2
  }

  /// The mask of lanes `from..<to` (0 ≤ from ≤ to ≤ 16).
  @inline(__always)
  static func lanes(from: Int, to: Int) -> UInt32 {
    ((1 << UInt32(to)) &- 1) & ~((1 << UInt32(from)) &- 1)
  }
}

extension LineByteProfile {
  /// Adds what `vector` holds in `lanes` to the profile.
  ///
  /// Without branches: the compiler made one per flag of the `if` form, and
  /// they were about a sixth of the decoder's time (whether a flag is set
  /// varies from line to line).
  @inline(__always)
  mutating func add(_ vector: DecodedVector, lanes: UInt32) {
    /// `flag` if the sixteen-lane `mask` has a lane among `lanes`: for
    /// 0 ≤ m ≤ 0xFFFF, (m + 0xFFFF) >> 16 is 1 exactly when m ≠ 0.
    @inline(__always) func flag(_ mask: UInt32, _ flag: LineByteProfile) -> UInt8 {
      UInt8(truncatingIfNeeded: ((mask & lanes) &+ 0xFFFF) &>> 16) &* flag.rawValue
    }
    let bits = flag(vector.nonASCII, .nonASCII) | flag(vector.asciiMarks, .asciiMark)
      | flag(vector.fullwidthPunctuation, .fullwidthPunctuation) | flag(vector.uncommon, .uncommon)
      | flag(vector.openingParentheses, .openingParenthesis)
    self = LineByteProfile(rawValue: rawValue | bits)
  }
}
