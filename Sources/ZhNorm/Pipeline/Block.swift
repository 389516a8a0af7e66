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
public struct Block: Sendable {
  /// Where the text lives: a range of a decoded chunk shared by many blocks
  /// (no allocation per line), or a string of its own once a stage rewrote it.
  var storage: BlockText {
    didSet {
      dedupFingerprint = nil
      byteProfile = .unknown
    }
  }
  /// What the decoder learned about the text's bytes, if the text is still
  /// the decoder's; any change of the text forgets it.
  var byteProfile: LineByteProfile
  /// The `dedup` step's fingerprint of the text, when a stage computed it
  /// (the `repair` step does, for its early duplicate check): later stages
  /// reuse it instead of hashing the text again. Any change of the text
  /// forgets it.
  var dedupFingerprint: ParagraphFingerprint?

  /// The text of the line, without its terminator.
  ///
  /// Reading it from a block fresh from the decoder makes a `String` (one
  /// allocation and copy); read it once per block, or use
  /// ``withUTF8(_:)`` on hot paths. Setting it gives the block its own storage.
  public var text: String {
    get { storage.string }
    set { storage = .owned(newValue) }
  }
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
    self.init(
      storage: .owned(text), terminator: terminator, isPartialLine: isPartialLine,
      blankLinesBefore: blankLinesBefore, followsPageBreak: followsPageBreak, lines: lines, byteOffset: byteOffset)
  }

  /// Creates a block with its text in `storage`.
  init(
    storage: BlockText, terminator: LineTerminator, isPartialLine: Bool, blankLinesBefore: Int,
    followsPageBreak: Bool, lines: ClosedRange<Int>, byteOffset: Int, byteProfile: LineByteProfile = .unknown
  ) {
    self.storage = storage
    self.byteProfile = byteProfile
    self.terminator = terminator
    self.isPartialLine = isPartialLine
    self.blankLinesBefore = blankLinesBefore
    self.followsPageBreak = followsPageBreak
    self.lines = lines
    self.byteOffset = byteOffset
  }
}

extension Block {
  /// Calls `body` with the UTF-8 bytes of the text, without making a `String`.
  public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    try storage.withUTF8(body)
  }

  /// The length of the text in UTF-8 bytes. O(1).
  public var utf8Count: Int { storage.utf8Count }

  /// `true` when the text is empty or only whitespace. O(n) in the worst case,
  /// O(1) for the common case of a line starting with a non-space.
  ///
  /// Always inlined: called on a block in an array's buffer, the call made a
  /// copy of the whole block first (and released it after).
  public var isBlank: Bool {
    @inline(__always) get { withUTF8(Block.isBlank(utf8:)) }
  }

  /// Whether these UTF-8 bytes are empty or only whitespace.
  @inline(__always)
  static func isBlank(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    // Most lines start with a letter or a Han character (lead byte E4–E9).
    if let first = utf8.first, first != 0x20 && first != 0x09 && (first < 0xC0 || first &- 0xE4 < 6) {
      return false
    }
    var i = 0
    while i < utf8.count {
      let byte = utf8[i]
      if byte == 0x20 || byte == 0x09 {
        i += 1
        continue
      }
      guard byte >= 0xC0 else { return false }
      let (scalar, length) = UnicodeCleaner.decodeScalar(utf8, at: i)
      guard ScalarClass.isWhitespace(scalar) else { return false }
      i += length
    }
    return true
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
  public var containsTab: Bool { withUTF8 { $0.contains(0x09) } }

  /// The length of the text in Unicode scalars. O(n).
  public var length: Int { text.unicodeScalars.count }
}

extension Block: Hashable {
  /// Blocks are equal when their text, terminator and layout are equal,
  /// however their text is stored.
  public static func == (lhs: Block, rhs: Block) -> Bool {
    lhs.terminator == rhs.terminator && lhs.isPartialLine == rhs.isPartialLine
      && lhs.blankLinesBefore == rhs.blankLinesBefore && lhs.followsPageBreak == rhs.followsPageBreak
      && lhs.lines == rhs.lines && lhs.byteOffset == rhs.byteOffset
      && lhs.withUTF8 { left in rhs.withUTF8 { right in left.elementsEqual(right) } }
  }

  /// Hashes the text, the terminator and the first input line.
  public func hash(into hasher: inout Hasher) {
    withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    hasher.combine(terminator)
    hasher.combine(lines.lowerBound)
  }
}
