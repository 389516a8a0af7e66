/// A problem found in one line of a JSON Lines input. The line was still
/// written (unchanged for a malformed line).
public struct JSONLDiagnostic: Sendable, Hashable, CustomStringConvertible {
  /// What went wrong.
  public enum Problem: Sendable, Hashable {
    /// The line is not one well-formed JSON value; it was passed through.
    case malformed(JSONSyntaxError)
    /// The field's text had a problem while it was normalized (such as
    /// invalid UTF-8); the diagnostic's offsets are within the decoded text.
    case text(Diagnostic)
  }

  /// What went wrong.
  public var problem: Problem
  /// The input line (1-based).
  public var line: Int
  /// The byte offset of the line's first byte in the input.
  public var lineOffset: Int

  /// Creates a diagnostic.
  public init(problem: Problem, line: Int, lineOffset: Int) {
    self.problem = problem
    self.line = line
    self.lineOffset = lineOffset
  }

  /// Whether the line is malformed JSON.
  public var isMalformed: Bool {
    if case .malformed = problem { return true }
    return false
  }

  /// The problem in words, with where it is.
  public var description: String {
    switch problem {
    case .malformed(let error):
      "line \(line): \(error) (byte offset \(lineOffset + error.byteOffset))"
    case .text(let diagnostic):
      "line \(line): in the field's text: \(diagnostic)"
    }
  }
}
