#if arch(x86_64)
/// The byte tests of the `unicode` step's fast check, sixteen bytes at a
/// time: shared by the check itself (``PlainBytes``) and by the decoder's
/// profile of each line (``DecodedVector``), which must agree on what is plain.
extension ByteVector {
  /// The lanes of bytes that are plain on their own: printable ASCII, TAB,
  /// continuation bytes and the lead bytes E4–E9 (U+4000–U+9FFF, which no
  /// rule changes).
  @inline(__always)
  var plainBytes: ByteVector {
    within(0x20, 0x7E) | equal(0x09) | within(0x80, 0xBF) | within(0xE4, 0xE9)
  }

  /// The lanes of lead bytes that start punctuation no rule changes on its
  /// own, judged with the two bytes after each (`next` and `third`: the
  /// vectors read one and two bytes further on): E3 (CJK punctuation, kana,
  /// Ext A; all but U+302A–302F and E3 82, which holds the combining kana
  /// voicing marks), E2 80 90–A7 (dashes, curly quotes, `•`, `…`) and, with
  /// `fullwidthMarks`, EF BC (fullwidth punctuation; not digits or capital
  /// letters).
  @inline(__always)
  func inertPunctuationLeads(next: ByteVector, third: ByteVector, fullwidthMarks: Bool) -> ByteVector {
    let cjk = equal(0xE3).removing(next.equal(0x82) | (next.equal(0x80) & third.within(0xAA, 0xAF)))
    let general = equal(0xE2) & next.equal(0x80) & third.within(0x90, 0xA7)
    guard fullwidthMarks else { return cjk | general }
    let fullwidth = (equal(0xEF) & next.equal(0xBC)).removing(third.within(0x90, 0x99) | third.within(0xA1, 0xBA))
    return cjk | general | fullwidth
  }

  /// The lanes of the ASCII marks the punctuation rule converts: `, : ; ! ? ( )`.
  @inline(__always)
  var asciiMarks: ByteVector {
    equal(0x2C) | within(0x3A, 0x3B) | equal(0x21) | equal(0x3F) | within(0x28, 0x29)
  }
}
#endif
