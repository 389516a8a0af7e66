extension EarlyDuplicates {
  /// What the early check found about a paragraph when the `repair` step
  /// wrote it out, carried in its fingerprint (``ParagraphFingerprint/earlyVerdict``)
  /// to the `dedup` step, which can then take it instead of looking the
  /// paragraph up in an index of its own (see ``DedupStage``).
  enum Verdict: Equatable {
    /// Not written out through the check, or written out before its text changed.
    case unchecked
    /// The first paragraph of its text in the document: the check indexed it.
    case first
    /// An exact copy of the paragraph written out first at `position` (its
    /// line, or 0 when positions are not kept).
    case copy(position: UInt64)
  }
}
