/// Cleans the text of one line: the per-line part of the `unicode` step.
///
/// In order:
/// 1. C0/C1 control characters (other than TAB) are removed; invisible format
///    characters are removed where they carry nothing: BOM/ZWNBSP, ZWSP, word
///    joiner, soft hyphen, MVS and invisible operators always; ZWJ and ZWNJ
///    unless both neighbours are joinable (emoji sequences, Indic and Arabic
///    letters); bidirectional controls unless the line has right-to-left text.
/// 2. Fullwidth letters and digits (`ＡＢＣ１２３`) become ASCII; halfwidth CJK
///    punctuation (`｡｢｣､`) becomes normal width.
/// 3. The line is put in NFC (ICU), which also folds CJK compatibility
///    ideographs (U+F9D1 → 六).
/// 4. Trailing whitespace is trimmed. Trailing tabs are kept on a line that has
///    a tab before its last non-space character: they are the empty cells of a
///    tab-separated row. (This comes before the context rules, so that a mark
///    at the end of a line sees the edge it will have in the output.)
/// 5. Punctuation width follows ``UnicodeCleanupOptions/punctuation``
///    (rules in ``PunctuationStyle``).
/// 6. Space variants (U+00A0, U+1680, U+2000–200A, U+202F, U+205F) are removed
///    when the nearest non-space characters on both sides are Chinese, and
///    become plain spaces otherwise. U+3000 is kept: it is the CJK space.
///
/// Every rule maps clean text to itself, and the result is a fixed point:
/// cleaning it again changes nothing.
///
/// Complexity: O(n). A line that needs no change is recognised in one pass
/// over its UTF-8 bytes — or in O(1), for a block fresh from the decoder,
/// from the decoder's profile of it (``LineByteProfile``) — and returned
/// without copying; other lines are decoded to scalars, fixed, and re-encoded.
public struct UnicodeCleaner: Sendable {
  /// What the cleaner changes.
  public var options: UnicodeCleanupOptions

  /// Creates a cleaner.
  public init(options: UnicodeCleanupOptions = UnicodeCleanupOptions()) {
    self.options = options
  }

  /// Counts of what ``clean(_:trimTrailingWhitespace:counts:)`` changed.
  public struct Counts: Sendable, Hashable {
    /// Control characters removed.
    public var controlCharacters = 0
    /// Invisible format characters removed.
    public var invisibleCharacters = 0
    /// Width variants mapped.
    public var widthVariants = 0
    /// Lines changed by NFC.
    public var canonicalCompositions = 0
    /// Punctuation marks whose width changed.
    public var punctuationMarks = 0
    /// Space variants removed or made plain.
    public var spaceVariants = 0
    /// Lines whose trailing whitespace was trimmed.
    public var trailingWhitespace = 0

    /// Creates zero counts.
    public init() {}
  }

  /// Cleans `text` (one line, without its terminator).
  public func clean(_ text: String) -> String {
    var counts = Counts()
    return clean(text, counts: &counts)
  }

  /// Cleans `text` (one line, without its terminator), adding what changed to
  /// `counts`. Pass `trimTrailingWhitespace: false` for a segment of a line
  /// that continues in the next segment.
  public func clean(_ text: String, trimTrailingWhitespace: Bool = true, counts: inout Counts) -> String {
    if !needsWork(text, trimTrailingWhitespace: trimTrailingWhitespace) { return text }
    var utf8 = text
    var workspace = Workspace()
    let changed = utf8.withUTF8 {
      clean(utf8: $0, trimTrailingWhitespace: trimTrailingWhitespace, counts: &counts, workspace: &workspace)
    }
    return changed ? Self.string(from: workspace.scalars) : text
  }

  /// Cleans the line with these UTF-8 bytes into `workspace.scalars`;
  /// returns `false` if the rules leave it unchanged (a line can look like
  /// work, such as ASCII commas in a Latin phrase of a Chinese line, and
  /// need none).
  ///
  /// The line is decoded and surveyed in one pass (``RuleSurvey``), which
  /// says which of the rules that scan the whole line have anything to do;
  /// the others are skipped. All arrays come from `workspace`.
  ///
  /// Pass `isPlain: true` only for a line the decoder found plain
  /// (``LineByteProfile/isPlain``): it is then decoded without the survey.
  func clean(
    utf8: UnsafeBufferPointer<UInt8>, trimTrailingWhitespace: Bool, isPlain: Bool = false, counts: inout Counts,
    workspace: inout Workspace
  ) -> Bool {
    let before = counts
    let survey =
      isPlain
      ? RuleSurvey(decodingPlain: utf8, into: &workspace.scalars) : RuleSurvey(decoding: utf8, into: &workspace.scalars)
    if survey.hasRemovedOrMapped { removeAndMap(&workspace.scalars, spare: &workspace.spare, counts: &counts) }
    var hasSpaceVariant = survey.hasSpaceVariant
    // Removal and mapping never produce a scalar that needs NFC attention, so
    // the survey of the line as it was still says whether NFC may change it.
    if survey.needsCanonicalComposition, CanonicalComposition.normalize(&workspace.scalars) {
      counts.canonicalCompositions += 1
      // NFC maps U+2000/U+2001 to U+2002/U+2003: look again.
      hasSpaceVariant = workspace.scalars.contains(where: ScalarClass.isSpaceVariant)
    }
    // Trailing whitespace goes before the context rules look at neighbours,
    // so a mark at the end of the line sees the edge it will have in the output.
    if trimTrailingWhitespace, trimTrailing(&workspace.scalars) { counts.trailingWhitespace += 1 }
    counts.punctuationMarks += PunctuationWidth.apply(
      options.punctuation, to: &workspace.scalars, workspace: &workspace.punctuation)
    if hasSpaceVariant { counts.spaceVariants += resolveSpaceVariants(&workspace.scalars, spare: &workspace.spare) }
    return counts != before
  }

  /// The scalars of `text`, decoded from its UTF-8 directly (faster than
  /// going through `unicodeScalars`).
  static func scalars(of utf8: UnsafeBufferPointer<UInt8>) -> [UInt32] {
    var result: [UInt32] = []
    _ = RuleSurvey(decoding: utf8, into: &result)
    return result
  }

  /// Encodes scalars as a string, writing its UTF-8 in place (appending to a
  /// `UnicodeScalarView` one scalar at a time is several times slower).
  static func string(from scalars: [UInt32]) -> String {
    String(unsafeUninitializedCapacity: scalars.count * 4) { encode(scalars, to: $0.baseAddress!) }
  }

  /// Encodes scalars as a ``BlockText`` of its own. Unlike a `String`, the
  /// chunk trusts that its bytes are valid UTF-8 (they are: each scalar came
  /// from valid UTF-8 or from a rule), which saves validating every changed line.
  static func blockText(from scalars: [UInt32]) -> BlockText {
    let chunk = DecodedChunk(capacity: scalars.count * 4)
    let count = chunk.fill { encode(scalars, to: $0) }
    return .slice(chunk, 0..<count)
  }

  /// Appends the UTF-8 of `scalars` to `bytes`.
  static func appendUTF8(of scalars: [UInt32], to bytes: inout [UInt8]) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scalars.count * 4) { target in
      let count = encode(scalars, to: target.baseAddress!)
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: target[..<count]))
    }
  }

  /// Writes the UTF-8 of `scalars` at `target`, which has room for four
  /// bytes per scalar; returns the number of bytes written.
  private static func encode(_ scalars: [UInt32], to target: UnsafeMutablePointer<UInt8>) -> Int {
    var n = 0
    for v in scalars {
      n &+= UTF8Codec.encode(v, to: target + n)
    }
    return n
  }

  /// Decodes the non-ASCII scalar whose lead byte is at `i` of valid UTF-8
  /// (an ASCII byte is its own scalar: callers test for it first).
  @inline(__always)
  static func decodeScalar(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
    let b0 = UInt32(utf8[i])
    if b0 < 0xE0 {
      return (((b0 & 0x1F) << 6) | (UInt32(utf8[i + 1]) & 0x3F), 2)
    } else if b0 < 0xF0 {
      return (((b0 & 0x0F) << 12) | ((UInt32(utf8[i + 1]) & 0x3F) << 6) | (UInt32(utf8[i + 2]) & 0x3F), 3)
    }
    return (
      ((b0 & 0x07) << 18) | ((UInt32(utf8[i + 1]) & 0x3F) << 12) | ((UInt32(utf8[i + 2]) & 0x3F) << 6)
        | (UInt32(utf8[i + 3]) & 0x3F), 4
    )
  }

  // MARK: - The rules

  /// Rules 1–2. Call only when some scalar of `s` is removed or mapped.
  private func removeAndMap(_ s: inout [UInt32], spare output: inout [UInt32], counts: inout Counts) {
    // Width variants are mapped first, so that a joiner is judged by the
    // neighbours it will have in the output (ZWNJ before Ａ sits before A).
    for i in s.indices {
      if let mapped = ScalarClass.fullwidthAlphanumeric(s[i]) ?? ScalarClass.halfwidthCJKPunctuation(s[i]) {
        counts.widthVariants += 1
        s[i] = mapped
      }
    }
    let keepsBidi = s.contains(where: ScalarClass.isRightToLeft)
    output.removeAll(keepingCapacity: true)
    output.reserveCapacity(s.count)
    for (i, v) in s.enumerated() {
      if ScalarClass.isRemovableControl(v) {
        counts.controlCharacters += 1
        continue
      }
      if ScalarClass.isAlwaysRemovableFormat(v) || (ScalarClass.isBidiControl(v) && !keepsBidi) {
        counts.invisibleCharacters += 1
        continue
      }
      if ScalarClass.isJoinControl(v) {
        let joins = i > 0 && i + 1 < s.count && ScalarClass.isJoinable(s[i - 1]) && ScalarClass.isJoinable(s[i + 1])
        if !joins {
          counts.invisibleCharacters += 1
          continue
        }
      }
      output.append(v)
    }
    swap(&s, &output)
  }

  /// Rule 6.
  private func resolveSpaceVariants(_ s: inout [UInt32], spare output: inout [UInt32]) -> Int {
    guard s.contains(where: ScalarClass.isSpaceVariant) else { return 0 }
    var changed = 0
    output.removeAll(keepingCapacity: true)
    output.reserveCapacity(s.count)
    for i in s.indices {
      let v = s[i]
      guard ScalarClass.isSpaceVariant(v) else {
        output.append(v)
        continue
      }
      changed += 1
      var before = i - 1
      while before >= 0 && ScalarClass.isWhitespace(s[before]) { before -= 1 }
      var after = i + 1
      while after < s.count && ScalarClass.isWhitespace(s[after]) { after += 1 }
      let betweenChinese =
        before >= 0 && after < s.count && ScalarClass.isChinese(s[before]) && ScalarClass.isChinese(s[after])
      if !betweenChinese { output.append(0x20) }
    }
    swap(&s, &output)
    return changed
  }

  private func trimTrailing(_ s: inout [UInt32]) -> Bool {
    let contentEnd = (s.lastIndex(where: { !ScalarClass.isWhitespace($0) }) ?? -1) + 1
    guard contentEnd < s.count else { return false }
    let isTableRow = s[..<contentEnd].contains(0x09)
    let kept = isTableRow ? s[contentEnd...].filter { $0 == 0x09 } : []
    guard kept.count != s.count - contentEnd else { return false }
    s.replaceSubrange(contentEnd..., with: kept)
    return true
  }
}
