extension UnicodeCleaner {
  /// Buffers the cleaner's slow path reuses from line to line.
  ///
  /// A line that needs work is decoded to scalars, rewritten by each rule and
  /// re-encoded. Done with fresh arrays, that cost three to nine heap
  /// allocations per line — more than the rules themselves on typical
  /// Chinese text, where one line in eight has an ASCII comma to widen. A
  /// stage keeps one workspace and passes it to every call, so the arrays
  /// keep their capacity. The workspace holds no state between calls: its
  /// contents are scratch, and any workspace gives the same result.
  struct Workspace {
    /// The scalars of the line being cleaned.
    var scalars: [UInt32] = []
    /// The target of a rule that rewrites the line; swapped with `scalars`.
    var spare: [UInt32] = []
    /// The punctuation rules' buffers.
    var punctuation = PunctuationWidth.Workspace()

    /// Creates empty buffers.
    init() {}
  }
}
