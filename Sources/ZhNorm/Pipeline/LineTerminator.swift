/// How an input line ended.
///
/// The decoder splits lines wherever Unicode's line breaking algorithm (UAX #14)
/// mandates a break: LF, CR, CRLF, NEL, VT, FF, LS and PS. Each block remembers
/// its terminator so that a pipeline without the `unicode` step writes the input
/// back byte for byte; the `unicode` step turns every terminator into LF.
public enum LineTerminator: UInt8, Sendable, Hashable, CaseIterable {
  /// The last line of a document that does not end with a line break, or a
  /// segment of an overlong line (see ``Block/isPartialLine``).
  case none
  /// U+000A LINE FEED.
  case lineFeed
  /// U+000D U+000A, as written by Windows.
  case carriageReturnLineFeed
  /// U+000D alone, as written by classic Mac OS.
  case carriageReturn
  /// U+0085 NEXT LINE.
  case nextLine
  /// U+000B LINE TABULATION, used by word processors for a manual line break.
  case verticalTab
  /// U+000C FORM FEED, a page break in extracted text (`pdftotext`).
  case formFeed
  /// U+2028 LINE SEPARATOR.
  case lineSeparator
  /// U+2029 PARAGRAPH SEPARATOR.
  case paragraphSeparator

  /// The UTF-8 bytes of the terminator.
  public var utf8: [UInt8] {
    switch self {
    case .none: []
    case .lineFeed: [0x0A]
    case .carriageReturnLineFeed: [0x0D, 0x0A]
    case .carriageReturn: [0x0D]
    case .nextLine: [0xC2, 0x85]
    case .verticalTab: [0x0B]
    case .formFeed: [0x0C]
    case .lineSeparator: [0xE2, 0x80, 0xA8]
    case .paragraphSeparator: [0xE2, 0x80, 0xA9]
    }
  }
}
