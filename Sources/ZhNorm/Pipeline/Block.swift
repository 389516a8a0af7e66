/// One line of a document on its way through the pipeline: a paragraph candidate.
///
/// The decoder produces one block per input line. Blank lines travel as blocks
/// too (``isBlank``), so a stage that does nothing writes its input back exactly.
/// Stages may rewrite ``text``, drop blocks, or merge consecutive blocks (a
/// joined paragraph keeps the range of input lines it came from).
///
/// Besides the text, a block keeps what the layout said about it: how many blank
/// lines preceded it in the input, whether it follows a page break, where it
/// starts in the input, and (derived from the text) its indentation, tabs and
/// length. Later stages decide joins and duplicates on this evidence.
public struct Block: Sendable, Hashable {
  /// The text of the line, without its terminator.
  public var text: String
  /// How the line ended in the input (or `.lineFeed` once the `unicode` step ran).
  public var terminator: LineTerminator
  /// `true` when this block is a segment of an input line longer than the
  /// decoder's maximum line length: the line continues in the next block.
  public var isPartialLine: Bool
  /// The number of blank lines directly before this line in the input.
  public var blankLinesBefore: Int
  /// `true` when the previous input line ended with a form feed (a page break).
  public var followsPageBreak: Bool
  /// The input lines (1-based) this block was made from.
  public var lines: ClosedRange<Int>
  /// The offset in bytes of the block's first byte in its input document.
  public var byteOffset: Int

  /// Creates a block. Stages normally derive blocks from their input instead.
  public init(
    text: String,
    terminator: LineTerminator = .lineFeed,
    isPartialLine: Bool = false,
    blankLinesBefore: Int = 0,
    followsPageBreak: Bool = false,
    lines: ClosedRange<Int> = 1...1,
    byteOffset: Int = 0
  ) {
    self.text = text
    self.terminator = terminator
    self.isPartialLine = isPartialLine
    self.blankLinesBefore = blankLinesBefore
    self.followsPageBreak = followsPageBreak
    self.lines = lines
    self.byteOffset = byteOffset
  }
}

extension Block {
  /// `true` when the text is empty or only whitespace. O(n) in the worst case,
  /// O(1) for the common case of a line starting with a non-space.
  public var isBlank: Bool {
    text.unicodeScalars.allSatisfy { ScalarClass.isWhitespace($0.value) }
  }

  /// The number of whitespace scalars at the start of the line (a tab counts as one).
  public var indentation: Int {
    var count = 0
    for scalar in text.unicodeScalars {
      guard ScalarClass.isWhitespace(scalar.value) else { break }
      count += 1
    }
    return count
  }

  /// `true` when the line contains a tab, as tab-separated table rows do.
  public var containsTab: Bool { text.utf8.contains(0x09) }

  /// The length of the text in Unicode scalars. O(n).
  public var length: Int { text.unicodeScalars.count }
}
