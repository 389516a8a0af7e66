import ZhNorm

/// The accounting property of a step that only removes text: every
/// non-whitespace character of the input is either in the output or in the
/// text of a change record of one of `removalKinds` (plus one character per
/// record of `characterKinds`, such as a removed hyphen; less one per record
/// of `anchoredKinds`, whose text starts with the kept character the removal
/// followed, as a pinyin annotation's does: `業(yè)`). Whitespace and line
/// breaks are left out: joins and removals may drop them without a record.
///
/// `normalizer` must make records (`recordsChanges`).
public func checkRemovalAccounting(
  _ data: UnsafeBufferPointer<UInt8>, normalizer: Normalizer,
  removalKinds: Set<ChangeKind>, characterKinds: Set<ChangeKind> = [], anchoredKinds: Set<ChangeKind> = []
) {
  var stream = normalizer.makeStream()
  var output = stream.push(data)
  stream.finishDocument(appendingTo: &output)
  let records = stream.takeRecords()
  // The decoder turns each ill-formed sequence into one U+FFFD, as this does.
  let input = visibleCount(String(decoding: data, as: UTF8.self))
  let kept = visibleCount(String(decoding: output, as: UTF8.self))
  var removed = 0
  for record in records {
    if removalKinds.contains(record.kind) { removed += visibleCount(record.text ?? "") }
    if characterKinds.contains(record.kind) { removed += 1 }
    if anchoredKinds.contains(record.kind) { removed -= 1 }
  }
  fuzzCheck(input == kept + removed,
    "accounting: \(input) characters in, \(kept) out, \(removed) in removal records (\(records.map(\.kind)))")
}

/// The number of scalars that are not whitespace.
func visibleCount(_ text: String) -> Int {
  text.unicodeScalars.count { !$0.properties.isWhitespace }
}
