/// What the decoder learned about the bytes of a line while it split and
/// validated them, so that the `unicode` step can tell that most lines need
/// nothing without reading them a second time.
///
/// A profile is a hint, never a decision: a block whose text changed has an
/// ``unknown`` profile, and so has every line the decoder did not see whole
/// in its vector step (see ``LineDecoder``); the `unicode` step then reads the
/// line itself. ``UnicodeCleaner/needsWork(profile:)`` says how the
/// `unicode` step uses it; the `repair` step looks for pinyin annotations
/// only on lines with an opening parenthesis.
///
/// The flags are computed properties, not stored constants: a `static let`
/// of a struct is initialized lazily, and each use in the decoder's inner
/// loop then paid a `swift_once` check.
struct LineByteProfile: OptionSet, Hashable, Sendable {
  let rawValue: UInt8

  /// The profile was taken: without this flag nothing is known.
  static var known: LineByteProfile { LineByteProfile(rawValue: 1 << 0) }
  /// A byte of 0x80 or above.
  static var nonASCII: LineByteProfile { LineByteProfile(rawValue: 1 << 1) }
  /// One of the ASCII marks `, : ; ! ? ( )`.
  static var asciiMark: LineByteProfile { LineByteProfile(rawValue: 1 << 2) }
  /// A fullwidth form with lead bytes EF BC (U+FF00–FF3F; the punctuation
  /// among them is what the `ascii` punctuation style may change).
  static var fullwidthPunctuation: LineByteProfile { LineByteProfile(rawValue: 1 << 3) }
  /// A character outside the plain set of the `unicode` step's fast check —
  /// printable ASCII, TAB, U+4000–U+9FFF, and the common punctuation of E2,
  /// E3 and EF BC (``ByteVector/inertPunctuationLeads(next:third:fullwidthMarks:)``)
  /// — that some cleanup rule may change.
  static var uncommon: LineByteProfile { LineByteProfile(rawValue: 1 << 4) }
  /// An opening parenthesis, `(` or `（` (which a pinyin annotation needs).
  static var openingParenthesis: LineByteProfile { LineByteProfile(rawValue: 1 << 5) }

  /// Whether the line is known to hold only plain characters (see
  /// ``uncommon``): ASCII but controls, and three-byte sequences.
  var isPlain: Bool { contains(.known) && !contains(.uncommon) }

  /// Nothing known.
  static var unknown: LineByteProfile { [] }
  /// A profile taken over no bytes yet.
  static var empty: LineByteProfile { .known }
}
