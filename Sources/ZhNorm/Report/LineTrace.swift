/// Which input lines became which output lines: what a person needs to see a
/// document's changes line by line (``ExplainRenderer``).
///
/// A stream made with ``Normalizer/makeStream(tracingLines:)`` collects, as it
/// goes, the text of each input line (as decoded, before any step) and of each
/// output line together with the range of input lines it was made from.
/// Collect it with ``NormalizationStream/takeLineTrace()`` after each push,
/// as you collect records: what it holds is only what the last pushes
/// produced, so memory stays bounded.
///
/// ```swift
/// var stream = Normalizer().makeStream(tracingLines: true)
/// let output = stream.push(Array("甲,乙\n".utf8)) + stream.finishDocument()
/// let trace = stream.takeLineTrace()
/// // trace.inputs:  [line 1 "甲,乙"]
/// // trace.outputs: [lines 1...1 "甲，乙"]
/// ```
public struct LineTrace: Sendable, Hashable {
  /// One line of the input, as decoded (invalid UTF-8 already replaced).
  public struct InputLine: Sendable, Hashable {
    /// The input line number (1-based).
    public var line: Int
    /// The text, without its terminator.
    public var text: String
    /// `true` for a segment of a line longer than the decoder's maximum line
    /// length; the next segment has the same line number.
    public var isPartial: Bool

    /// Creates an input line.
    public init(line: Int, text: String, isPartial: Bool = false) {
      self.line = line
      self.text = text
      self.isPartial = isPartial
    }
  }

  /// One line of the output and the input lines it was made from.
  public struct OutputLine: Sendable, Hashable {
    /// The input lines (1-based) the line was made from: more than one when
    /// the `repair` step joined lines.
    public var lines: ClosedRange<Int>
    /// The text, without its terminator.
    public var text: String
    /// `true` for a segment of an overlong line.
    public var isPartial: Bool

    /// Creates an output line.
    public init(lines: ClosedRange<Int>, text: String, isPartial: Bool = false) {
      self.lines = lines
      self.text = text
      self.isPartial = isPartial
    }
  }

  /// Input lines decoded since the trace was last taken, in order.
  public var inputs: [InputLine] = []
  /// Output lines written since the trace was last taken, in order.
  public var outputs: [OutputLine] = []

  /// Creates an empty trace.
  public init(inputs: [InputLine] = [], outputs: [OutputLine] = []) {
    self.inputs = inputs
    self.outputs = outputs
  }

  /// `true` when nothing was collected.
  public var isEmpty: Bool { inputs.isEmpty && outputs.isEmpty }

  /// Adds decoded blocks, before the first stage sees them.
  mutating func addInputs(_ blocks: [Block]) {
    for index in blocks.indices {
      inputs.append(InputLine(line: blocks[index].lines.lowerBound, text: blocks[index].text, isPartial: blocks[index].isPartialLine))
    }
  }

  /// Adds blocks as they are written out.
  mutating func addOutputs(_ blocks: [Block]) {
    for index in blocks.indices {
      outputs.append(OutputLine(lines: blocks[index].lines, text: blocks[index].text, isPartial: blocks[index].isPartialLine))
    }
  }
}
