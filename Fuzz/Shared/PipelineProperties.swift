import ZhNorm

/// The properties every normalization must have, checked on one input:
/// the output is valid UTF-8; the accounting adds up; the output does not
/// depend on how the input is chunked; normalizing the output changes nothing.
public func checkPipelineProperties(_ data: UnsafeBufferPointer<UInt8>, normalizer: Normalizer, idempotent: Bool = true) {
  var whole = normalizer.makeStream()
  var output = whole.push(data)
  whole.finishDocument(appendingTo: &output)
  let statistics = whole.statistics

  fuzzCheck(String(validating: output, as: UTF8.self) != nil, "output is not valid UTF-8")
  fuzzCheck(statistics.bytesIn == data.count, "bytesIn \(statistics.bytesIn) != \(data.count)")
  fuzzCheck(statistics.bytesOut == output.count, "bytesOut \(statistics.bytesOut) != \(output.count)")
  fuzzCheck(statistics.linesOut == output.lazy.filter { $0 == 0x0A }.count || !normalizer.configuration.steps.contains(.unicode),
    "linesOut \(statistics.linesOut) does not match the line feeds written")

  var chunked = normalizer.makeStream()
  var chunkedOutput: [UInt8] = []
  var index = 0
  var sizes = chunkSizes(for: data).makeIterator()
  while index < data.count {
    let size = sizes.next() ?? 7
    let end = min(index + size, data.count)
    chunked.push(data[index..<end], appendingTo: &chunkedOutput)
    index = end
    if sizes.underestimatedCount == 0 { sizes = chunkSizes(for: data).makeIterator() }
  }
  chunked.finishDocument(appendingTo: &chunkedOutput)
  fuzzCheck(chunkedOutput == output, "chunked output differs from whole output")

  if idempotent {
    var again = normalizer.makeStream()
    var twice = again.push(output)
    again.finishDocument(appendingTo: &twice)
    if twice != output && KnownIssues.tolerates(.joinOnSecondRun)
      && (differOnlyInLineBreaks(output, twice) || joinsThenSettles(twice, after: output, normalizer: normalizer))
    {
      KnownIssues.seen(.joinOnSecondRun)
      return
    }
    fuzzCheck(twice == output, "not idempotent:\n\(String(decoding: output, as: UTF8.self).debugDescription)\n\(String(decoding: twice, as: UTF8.self).debugDescription)")
  }
}

/// Whether the second run's output `twice` has fewer lines than the first's
/// (it joined some) and a third run leaves it unchanged: the second run joined
/// fragments the first kept apart and cleaned the joined text again
/// (punctuation width in its new context, a copy the join made), and then
/// nothing more happens. Anything else — a change without a join, or a third
/// run that still changes the text — is not this issue.
func joinsThenSettles(_ twice: [UInt8], after once: [UInt8], normalizer: Normalizer) -> Bool {
  guard twice.count(where: { $0 == 0x0A }) < once.count(where: { $0 == 0x0A }) else { return false }
  var third = normalizer.makeStream()
  var thrice = third.push(twice)
  third.finishDocument(appendingTo: &thrice)
  return thrice == twice
}

/// Whether `b` is `a` with lines joined (line feeds and spaces aside, the
/// same text) and, as a consequence, lines dropped that repeat text kept
/// elsewhere (a fragment that became a truncated copy of the joined
/// paragraph): the known class of non-idempotence, nothing else.
func differOnlyInLineBreaks(_ a: [UInt8], _ b: [UInt8]) -> Bool {
  let compact = { (bytes: ArraySlice<UInt8>) in bytes.filter { $0 != 0x0A && $0 != 0x20 } }
  let target = compact(b[...])
  var position = 0
  var dropped: [[UInt8]] = []
  for line in a.split(separator: 0x0A) {
    let piece = compact(line)
    if position + piece.count <= target.count && target[position..<(position + piece.count)].elementsEqual(piece) {
      position += piece.count
    } else {
      dropped.append(piece)
    }
  }
  guard position == target.count else { return false }
  // Every dropped line must repeat text that is still there.
  return dropped.allSatisfy { piece in
    piece.isEmpty || target.indices.contains { start in
      start + piece.count <= target.count && target[start..<(start + piece.count)].elementsEqual(piece)
    }
  }
}
