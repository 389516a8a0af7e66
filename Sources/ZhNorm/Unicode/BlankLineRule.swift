/// The `unicode` step's rule for blank lines across a document: blank lines
/// at its start and end are removed, and a run of blank lines becomes one.
///
/// A blank line after text is therefore held until the next line says
/// whether the document ends (remove it) or goes on (write it, before that
/// line). The rule only decides; the caller keeps the held line.
struct BlankLineRule {
  /// What to do with a line.
  enum Verdict: Equatable {
    /// Remove the blank line (counted as a removed blank line).
    case remove
    /// Hold the blank line back: it is written before the next line that is
    /// written, or removed if the document ends first.
    case hold
    /// Write the line; when `afterHeldBlank`, write the held blank line first.
    case write(afterHeldBlank: Bool)
  }

  /// Whether a blank line is held back.
  private(set) var isHolding = false
  private var atDocumentStart = true

  /// Creates the rule for the start of a document.
  init() {}

  /// The verdict for the next line. O(1).
  mutating func admit(isBlank: Bool) -> Verdict {
    if isBlank {
      if atDocumentStart || isHolding { return .remove }
      isHolding = true
      return .hold
    }
    atDocumentStart = false
    defer { isHolding = false }
    return .write(afterHeldBlank: isHolding)
  }

  /// Ends the document; returns whether a held blank line is removed.
  mutating func finishDocument() -> Bool {
    defer { self = BlankLineRule() }
    return isHolding
  }
}
