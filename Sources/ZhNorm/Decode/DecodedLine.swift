/// A line (or a segment of an overlong line) as the ``LineDecoder`` hands it
/// on: its valid UTF-8 bytes and what the layout said about it.
///
/// The bytes lie in a ``DecodedChunk`` that the decoder passes along with
/// the line; they stay valid while the chunk does, which a receiver that
/// keeps them must see to (``DecodedLineSink``).
struct DecodedLine {
  /// The text of the line, without its terminator: valid UTF-8.
  var bytes: UnsafeBufferPointer<UInt8>
  /// How the line ended (`.none` for a segment, or the document's last line
  /// without a break).
  var terminator: LineTerminator
  /// `true` for a segment of a line longer than the decoder's maximum: the
  /// line continues in the next one.
  var isSegment: Bool
  /// What the vector step learned about the bytes (``LineByteProfile/unknown``
  /// for a line decoded with replacements).
  var profile: LineByteProfile
  /// The number of blank lines directly before this one.
  var blankLinesBefore: Int
  /// Whether the line before ended with a form feed.
  var followsPageBreak: Bool
  /// The 1-based number of the input line.
  var lineNumber: Int
  /// The offset of the line's first byte in the document.
  var byteOffset: Int
}

/// Where a ``LineDecoder`` puts the lines it finds.
///
/// The decoder calls ``receive(_:in:statistics:)`` for each line of a batch,
/// in order, then ``finishBatch(statistics:)``; after that it may free the
/// batch's chunk, so a receiver that kept pointers to the bytes (rather than
/// the chunk itself) must be done with them by then.
///
/// The pipeline's receiver is an array of blocks (one ``Block`` per line,
/// sharing the chunk); ``UnicodeLineWriter`` (for ``RawCleanupPath``)
/// cleans the lines and writes them out as it receives them.
protocol DecodedLineSink {
  /// Takes the next line, whose bytes lie in `chunk`.
  mutating func receive(_ line: DecodedLine, in chunk: DecodedChunk, statistics: inout DocumentStatistics)
  /// Ends a batch of lines: the bytes of its chunk may go away after this.
  mutating func finishBatch(statistics: inout DocumentStatistics)
}

extension Array: DecodedLineSink where Element == Block {
  /// Appends a block for the line that shares the chunk.
  mutating func receive(_ line: DecodedLine, in chunk: DecodedChunk, statistics: inout DocumentStatistics) {
    append(Block(
      storage: .slice(chunk, line.bytes), terminator: line.terminator, isPartialLine: line.isSegment,
      blankLinesBefore: line.blankLinesBefore, followsPageBreak: line.followsPageBreak,
      lines: line.lineNumber...line.lineNumber, byteOffset: line.byteOffset, byteProfile: line.profile))
  }

  /// Nothing to do: each block keeps its chunk alive.
  mutating func finishBatch(statistics: inout DocumentStatistics) {}
}
