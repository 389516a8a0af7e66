/// Recognises the paragraphs of a document that repeat an earlier one: an
/// exact copy after normalization for comparison (whitespace, width,
/// invisible characters; see ``ParagraphFingerprint``) or a strict prefix of
/// an earlier paragraph (a truncated copy).
///
/// The `convert` step counts a document's script evidence without them. The
/// `dedup` step, after it, removes such repeats (it removes fewer, never
/// more: it keeps short lines and looks back only so far), so a second run
/// sees the paragraphs that were counted, in the same order, minus only
/// paragraphs that were not counted — and decides the same. Counting a
/// repeat would make a document just over the decision's threshold on one run
/// and just under it on the next.
///
/// Memory: the paragraphs of the decision window (a few thousand characters),
/// kept until ``removeAll()``. Each check is O(n) in the paragraph's length
/// plus O(k) prefix-hash comparisons over the k paragraphs kept.
struct RepeatFilter {
  private var fingerprinter = Fingerprinter()
  private var exact: Set<UInt64> = []
  private var earlier: [(prefix: UInt64, length: Int, utf8: [UInt8])] = []

  /// Whether `utf8` repeats a paragraph seen before; remembers it if not.
  mutating func isRepeat(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    let fingerprint = fingerprinter.fingerprint(utf8, signature: false)
    guard fingerprint.length > 0 else { return false }
    if exact.contains(fingerprint.exact) { return true }
    if fingerprint.length >= Fingerprinter.prefixLength {
      for paragraph in earlier
      where paragraph.prefix == fingerprint.prefix && paragraph.length > fingerprint.length {
        if paragraph.utf8.withUnsafeBufferPointer({ Fingerprinter.isNormalizedPrefix(utf8, of: $0) }) { return true }
      }
    }
    exact.insert(fingerprint.exact)
    earlier.append((fingerprint.prefix, fingerprint.length, Array(utf8)))
    return false
  }

  /// Forgets every paragraph.
  mutating func removeAll() {
    exact.removeAll()
    earlier.removeAll()
  }
}
