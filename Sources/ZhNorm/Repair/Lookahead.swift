/// The first lines of a document, which the `repair` step reads before
/// deciding any join, so that its wrap profile knows from the first line
/// whether the text is hard-wrapped (``WrapProfile/seed(_:widestLine:)``).
///
/// Bounded: it is complete after ``sampleTarget`` widths, ``maximumBlocks``
/// blocks or ``maximumBytes`` bytes, whichever comes first, and always at a
/// document's end. Decided by the text alone, so the output does not depend
/// on how the input was chunked.
struct Lookahead {
  /// Widths enough to judge a profile (half the profile's window).
  static let sampleTarget = WrapProfile.capacity / 2
  static let maximumBlocks = 32
  static let maximumBytes = 32 * 1024

  /// Whether the document's first lines are still being read ahead.
  private(set) var isActive = true
  /// The blocks read ahead, in order.
  private(set) var blocks: [Block] = []
  /// Display widths of the text lines directly followed by another text
  /// line: what the profile learns from.
  private(set) var samples: [Int] = []
  /// Display width of the widest text line read ahead.
  private(set) var widestLine = 0
  private var bytes = 0
  private var previousWidth: Int?

  var isComplete: Bool {
    samples.count >= Self.sampleTarget || blocks.count >= Self.maximumBlocks || bytes >= Self.maximumBytes
  }

  /// Stops reading ahead and hands over the blocks read, in order (the
  /// memory is kept for the next document: no allocation per document, which
  /// matters for JSONL records).
  mutating func finish(_ body: (consuming Block) -> Void) {
    isActive = false
    blocks.withUnsafeMutableBufferPointer { $0.reverse() }  // moves, where Array's reverse copies
    while let block = blocks.popLast() { body(block) }
  }

  /// Starts reading ahead again, for the next document.
  mutating func restart() {
    blocks.removeAll(keepingCapacity: true)
    samples.removeAll(keepingCapacity: true)
    widestLine = 0
    bytes = 0
    previousWidth = nil
    isActive = true
  }

  /// Reads `block` ahead. O(n) in its bytes.
  mutating func add(_ block: consuming Block) {
    bytes += block.utf8Count
    if block.isBlank || block.isPartialLine || block.terminator != .lineFeed {
      previousWidth = nil
    } else {
      let width = block.withUTF8(WrapProfile.width)
      widestLine = max(widestLine, width)
      if let previous = previousWidth { samples.append(previous) }
      previousWidth = width
    }
    blocks.append(block)
  }
}
