/// What the repair step needs to know about every line, found in one visit
/// of its bytes (one `withUTF8` call, no `String`, no allocation). Most lines
/// stop here: nothing to remove, and they end a sentence or are too short to
/// continue in the next line.
struct LineSummary {
  /// `(` or `（` placed as a pinyin annotation would be (``PinyinAnnotation/mayContain(_:)``).
  var mayHaveAnnotation: Bool
  /// Short and starting like furniture (``PageFurniture/mayBeFurniture(_:)``).
  var mayBeFurniture: Bool
  /// A bracketed continuation marker may start or end the line.
  var mayHaveInlineMarker: Bool
  /// Display width by lead bytes (``WrapProfile/width(_:)``).
  var width: Int
  /// The first and last scalars (0 when the line is empty).
  var firstScalar: UInt32
  var lastScalar: UInt32
  /// The line is empty or its last scalar ends a sentence-level unit.
  var endsUnit: Bool
  /// Shorter than 24 bytes (so fewer than 24 scalars) with no clause mark: a
  /// title, byline or signature, never held whatever the wrap profile says.
  var isShortTitle: Bool
  /// The hash of the line when it is short enough to be a running header or footer.
  var runningHash: UInt64?

  /// Summarizes a line with these UTF-8 bytes; the decoder's `profile` of
  /// them, if known, saves looking for annotations where there can be none.
  init(_ utf8: UnsafeBufferPointer<UInt8>, profile: LineByteProfile = .unknown, options: RepairOptions) {
    (mayHaveAnnotation, mayBeFurniture, mayHaveInlineMarker) = Self.repairs(utf8, profile: profile, options: options)
    width = WrapProfile.width(utf8)
    firstScalar = utf8.isEmpty ? 0 : TextFacts.scalar(utf8, at: 0).0
    lastScalar = TextFacts.lastScalar(utf8) ?? 0
    endsUnit = utf8.isEmpty || TextFacts.endsUnit(lastScalar)
    isShortTitle = !endsUnit && utf8.count < 24 && !TextFacts.containsClauseMark(utf8)
    runningHash = options.removesFurniture ? RunningLines.hash(utf8) : nil
  }

  /// ``mayHaveAnnotation``, ``mayBeFurniture`` and ``mayHaveInlineMarker``
  /// alone: what the line's own repairs need to know (the lines read ahead
  /// ask only this, for every line of a short document).
  static func repairs(
    _ utf8: UnsafeBufferPointer<UInt8>, profile: LineByteProfile, options: RepairOptions
  ) -> (mayHaveAnnotation: Bool, mayBeFurniture: Bool, mayHaveInlineMarker: Bool) {
    let mayHaveParenthesis = !profile.contains(.known) || profile.contains(.openingParenthesis)
    return (
      options.removesAnnotations && mayHaveParenthesis && PinyinAnnotation.mayContain(utf8),
      options.removesFurniture && PageFurniture.mayBeFurniture(utf8),
      options.removesFurniture && PageFurniture.mayHaveInlineMarker(utf8)
    )
  }
}
