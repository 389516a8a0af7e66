/// Options of the `dedup` step: what counts as a duplicate paragraph, how far
/// back duplicates are looked for, and how much memory the step may use.
///
/// ```swift
/// var configuration = NormalizerConfiguration()
/// configuration.dedup.scope = .run
/// configuration.dedup.nearDuplicateThreshold = nil   // exact and truncated only
/// ```
public struct DedupOptions: Sendable, Hashable {
  /// How far back the step looks for an earlier copy of a paragraph.
  public enum Scope: String, Sendable, Hashable, CaseIterable {
    /// Within each input document (the state is reset at every document end).
    case document = "doc"
    /// Across all the documents one stream (one `zhnorm` invocation) handles, in order.
    case run
  }

  /// Default: ``Scope/document``. A ``databasePath`` implies run scope
  /// (and beyond: earlier runs too).
  public var scope: Scope
  /// Near-duplicate threshold: a paragraph whose estimated Jaccard similarity
  /// (character 5-gram MinHash) to an earlier kept paragraph is at least this
  /// is removed. `nil` turns near-duplicate detection off. Default: `nil`
  /// (off): on real documentation, even 0.95 removed paragraphs that differ in
  /// one word that matters ("are considered" / "are not considered",
  /// "第 1 页" / "第 4 页"), and a wrong removal is worse than a kept repeat.
  public var nearDuplicateThreshold: Double?
  /// Paragraphs shorter than this many characters (after normalization for
  /// comparison: whitespace does not count) are never removed. Default: 16.
  public var minimumLength: Int
  /// Paragraphs shorter than this many characters that do not end like a
  /// sentence (。！？…; and closing quotes after them) are taken for headings,
  /// captions, bylines or table cells and never removed. Default: 32.
  public var minimumUnterminatedLength: Int
  /// An SQLite database that keeps exact fingerprints across runs (created if
  /// missing). Default: none.
  public var databasePath: String?
  /// The memory, in bytes, the step's indexes may use. When the exact index
  /// reaches its share it stops growing and forgets random old fingerprints
  /// (later copies of a forgotten paragraph are kept, never the reverse).
  /// Default: 128 MiB.
  public var memoryLimit: Int

  /// Creates options; the defaults are documented on each property.
  public init(
    scope: Scope = .document,
    nearDuplicateThreshold: Double? = nil,
    minimumLength: Int = 16,
    minimumUnterminatedLength: Int = 32,
    databasePath: String? = nil,
    memoryLimit: Int = 128 << 20
  ) {
    self.scope = scope
    self.nearDuplicateThreshold = nearDuplicateThreshold
    self.minimumLength = minimumLength
    self.minimumUnterminatedLength = minimumUnterminatedLength
    self.databasePath = databasePath
    self.memoryLimit = memoryLimit
  }

  /// Opens the fingerprint database (creating it if missing), so that a bad
  /// path is reported before any work is done. Does nothing without one.
  public func checkDatabase() throws {
    if let databasePath { _ = try FingerprintStore(path: databasePath) }
  }

  /// Whether state is kept across documents.
  var spansDocuments: Bool { scope == .run || databasePath != nil }
}
