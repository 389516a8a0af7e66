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
    /// The blocks read ahead, in order, as a second run will read them: at
    /// first as read; then, while the step takes them, with what it decided
    /// (``join(_:width:)``, ``remove(_:)``).
    fileprivate(set) var lines: [Line] = []

    /// A block read ahead, as a second run reads it.
    struct Line: Equatable {
      /// Its first input line (a joined paragraph keeps its first piece's).
      var number: Int
      /// Its display width; nil when it is no line at all (it was or will be
      /// removed, or joined into a later one): the lines around it are then
      /// adjacent.
      var width: Int?
      /// A blank line or a line the profile does not learn from (see
      /// ``Lookahead/isTextLine(_:)``): the lines around it are not adjacent.
      var separates: Bool
    }

    /// What these lines say (``WrapProfile/seedWrap(of:widestLine:)``).
    var seedWrap: WrapProfile.Wrap? { WrapProfile.seedWrap(of: samples, widestLine: widestLine) }

    /// What the lines would say to a second run if the blocks from input
    /// line `lines.lowerBound` to `lines.upperBound` became one line
    /// `width` columns wide (the step joined them): the second run reads
    /// that line where the first read the last of them, and the others, and
    /// the blank lines between them, not at all. O(n) in the lines read ahead.
    func seedWrap(joining lines: ClosedRange<Int>, width: Int) -> WrapProfile.Wrap? {
      var joined = self
      joined.join(lines, width: width)
      return joined.secondRunSeedWrap
    }

    /// What ``lines`` say, as they stand. O(n) in the lines read ahead.
    var secondRunSeedWrap: WrapProfile.Wrap? {
      var samples: [Int] = []
      var widest = 0
      var previous: Int?
      for line in lines {
        if line.separates {
          previous = nil
        } else if let width = line.width {
          widest = max(widest, width)
          if let previous { samples.append(previous) }
          previous = width
        }
      }
      return WrapProfile.seedWrap(of: samples, widestLine: widest)
    }

    /// The step joined the blocks from input line `lines.lowerBound` to
    /// `lines.upperBound` into one line `width` columns wide. O(n) in the
    /// lines read ahead.
    mutating func join(_ lines: ClosedRange<Int>, width: Int) {
      guard let last = self.lines.lastIndex(where: { lines.contains($0.number) && !$0.separates }) else { return }
      for index in self.lines.indices where lines.contains(self.lines[index].number) {
        self.lines[index].width = nil
        self.lines[index].separates = false
      }
      self.lines[last].width = width
    }

    /// The step removed the text blocks from input line `lines.lowerBound`
    /// to `lines.upperBound`. O(n) in the lines read ahead.
    mutating func remove(_ lines: ClosedRange<Int>) {
      for index in self.lines.indices where lines.contains(self.lines[index].number) && !self.lines[index].separates {
        self.lines[index].width = nil
      }
    }
  }

  /// Whether the document's first lines are still being read ahead.
  private(set) var isActive = true
  /// The blocks read ahead, in order.
  private(set) var blocks: [Block] = []
  /// The widths of the lines read ahead.
  private(set) var widths = Widths()
  private var bytes = 0
  /// The width of the last text line read, while the next line may follow
  /// it directly.
  private var previousWidth: Int?

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
    widths.lines.removeAll(keepingCapacity: true)
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
    let isText = Self.isTextLine(block)
    if !isText {
      previousWidth = nil
    } else if let width {
      widths.widestLine = max(widths.widestLine, width)
      if let previous = previousWidth { widths.samples.append(previous) }
      previousWidth = width
    }
    widths.lines.append(Widths.Line(number: block.lines.lowerBound, width: isText ? width : nil, separates: !isText))
    blocks.append(block)
  }
}
