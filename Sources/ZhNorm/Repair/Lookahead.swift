/// The first lines of a document, which the `repair` step reads before
/// deciding any join, so that its wrap profile knows from the first line
/// whether the text is hard-wrapped (``WrapProfile/seed(_:)``).
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

  /// What the profile learns from the lines read ahead.
  struct Widths {
    /// Display widths of the text lines directly followed by another text line.
    fileprivate(set) var samples: [Int] = []
    /// Display width of the widest text line read ahead.
    fileprivate(set) var widestLine = 0
    /// For each block read ahead, the index of its width in ``samples``, or
    /// -1 (a blank line, or a line not directly followed by another).
    fileprivate(set) var sampleIndices: [Int] = []

    /// What these lines say (``WrapProfile/seedWrap(of:widestLine:)``).
    var seedWrap: WrapProfile.Wrap? { WrapProfile.seedWrap(of: samples, widestLine: widestLine) }

    /// What the lines would say to a second run if the block at `index` (in
    /// the order read) were joined, across a blank line, to the paragraph
    /// before it, making a line `joinedWidth` columns wide: the second run
    /// reads that line where the first read the block. O(n) in the samples.
    func seedWrap(joiningBlockAt index: Int, joinedWidth: Int) -> WrapProfile.Wrap? {
      var widths = samples
      if index < sampleIndices.count, sampleIndices[index] >= 0 { widths[sampleIndices[index]] = joinedWidth }
      return WrapProfile.seedWrap(of: widths, widestLine: max(widestLine, joinedWidth))
    }
  }

  /// Whether the document's first lines are still being read ahead.
  private(set) var isActive = true
  /// The blocks read ahead, in order.
  private(set) var blocks: [Block] = []
  /// The widths of the lines read ahead.
  private(set) var widths = Widths()
  private var bytes = 0
  /// The width and the index of the last text line read, while the next
  /// line may follow it directly.
  private var previousWidth: Int?
  private var previousIndex = 0

  var isComplete: Bool {
    widths.samples.count >= Self.sampleTarget || blocks.count >= Self.maximumBlocks || bytes >= Self.maximumBytes
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
    widths.samples.removeAll(keepingCapacity: true)
    widths.sampleIndices.removeAll(keepingCapacity: true)
    widths.widestLine = 0
    bytes = 0
    previousWidth = nil
    isActive = true
  }

  /// Whether `block` is a text line, whose width the profile learns from
  /// (not a blank line, a segment of an overlong line, or a line with a raw
  /// terminator).
  static func isTextLine(_ block: borrowing Block) -> Bool {
    !(block.isBlank || block.isPartialLine || block.terminator != .lineFeed)
  }

  /// Reads `block` ahead. `width`: for a text line (``isTextLine(_:)``),
  /// its width, or nil for a line that will be removed (it is then no line
  /// at all: the lines around it are adjacent). O(1).
  mutating func add(_ block: consuming Block, width: Int?) {
    bytes += block.utf8Count
    if !Self.isTextLine(block) {
      previousWidth = nil
    } else if let width {
      widths.widestLine = max(widths.widestLine, width)
      if let previous = previousWidth {
        widths.samples.append(previous)
        widths.sampleIndices[previousIndex] = widths.samples.count - 1
      }
      previousWidth = width
      previousIndex = blocks.count
    }
    blocks.append(block)
    widths.sampleIndices.append(-1)
  }
}
