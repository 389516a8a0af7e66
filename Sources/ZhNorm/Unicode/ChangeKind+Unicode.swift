extension ChangeKind {
  /// C0/C1 control characters (other than TAB and line breaks) removed.
  public static let controlCharacter: ChangeKind = "control-character"
  /// Invisible format characters removed (BOM, ZWSP, stray ZWJ, soft hyphen, …).
  public static let invisibleCharacter: ChangeKind = "invisible-character"
  /// Lines whose text NFC normalization changed.
  public static let canonicalComposition: ChangeKind = "nfc"
  /// Fullwidth letters/digits made ASCII, halfwidth CJK punctuation made full.
  public static let widthVariant: ChangeKind = "width-variant"
  /// Punctuation marks whose width was changed to the chosen style.
  public static let punctuationWidth: ChangeKind = "punctuation-width"
  /// Space variants (U+00A0, U+2000–200A, …) removed or made plain spaces.
  public static let spaceVariant: ChangeKind = "space-variant"
  /// Lines whose trailing whitespace was trimmed.
  public static let trailingWhitespace: ChangeKind = "trailing-whitespace"
  /// Line terminators other than LF made LF.
  public static let lineEnding: ChangeKind = "line-ending"
  /// A final line break added at the end of a document.
  public static let finalNewline: ChangeKind = "final-newline"
  /// Blank lines removed: runs collapsed to one, and at the start and end of a document.
  public static let blankLine: ChangeKind = "blank-line"
}
