extension ChangeKind {
  /// A paragraph equal to an earlier one after normalization for comparison.
  public static let exactDuplicate: ChangeKind = "duplicate-exact"
  /// A paragraph that is a prefix of an earlier one (cut by a page break, then repeated).
  public static let truncatedDuplicate: ChangeKind = "duplicate-truncated"
  /// A paragraph nearly equal to an earlier one (MinHash similarity above the threshold).
  public static let nearDuplicate: ChangeKind = "duplicate-near"
  /// A blank line removed because the paragraph it separated was removed.
  public static let duplicateSeparator: ChangeKind = "duplicate-separator"
  /// The fingerprint database could not be read or written; the step went on in memory.
  public static let dedupDatabaseError: ChangeKind = "dedup-database-error"
}
