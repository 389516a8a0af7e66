/// The named steps of the normalization pipeline, in the order they run.
///
/// Step names are what `--only` and `--skip` accept on the command line.
public enum PipelineStep: String, CaseIterable, Sendable, Codable, Comparable {
  /// Unicode cleanup: NFC, line endings, invisible and control characters,
  /// space variants, width variants and punctuation width.
  case unicode
  /// Repair of extraction artifacts: broken paragraphs, page furniture, annotations.
  case repair
  /// Script conversion (Traditional ⇄ Simplified) and stray-character fixing.
  case convert
  /// Removal of duplicate paragraphs.
  case dedup

  /// Orders steps as they run.
  public static func < (lhs: PipelineStep, rhs: PipelineStep) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
