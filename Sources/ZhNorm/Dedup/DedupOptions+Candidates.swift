extension DedupOptions {
  /// Whether a paragraph may be removed at all: long enough, with letters,
  /// not a table row, and either ending like a sentence or long
  /// (``minimumUnterminatedLength``).
  func mayRemove(_ fingerprint: ParagraphFingerprint) -> Bool {
    mayRemoveAsTruncated(fingerprint)
      && (fingerprint.endsSentence || fingerprint.length >= minimumUnterminatedLength)
  }

  /// Whether a paragraph may be removed as a truncated copy: as
  /// ``mayRemove(_:)``, except that it need not end like a sentence (a
  /// fragment cut by a page break does not).
  func mayRemoveAsTruncated(_ fingerprint: ParagraphFingerprint) -> Bool {
    !fingerprint.containsTab && fingerprint.length >= minimumLength && fingerprint.contentScalars >= 4
  }
}
