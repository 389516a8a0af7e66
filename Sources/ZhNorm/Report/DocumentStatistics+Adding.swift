extension DocumentStatistics {
  /// Adds the counts of `other` to these (as for the records of one JSON
  /// Lines input, each normalized as a document). The first invalid offset
  /// kept is the earliest document's.
  public mutating func add(_ other: DocumentStatistics) {
    bytesIn += other.bytesIn
    bytesOut += other.bytesOut
    linesIn += other.linesIn
    linesOut += other.linesOut
    invalidSequences += other.invalidSequences
    if firstInvalidOffset == nil { firstInvalidOffset = other.firstInvalidOffset }
    for (step, kinds) in other.changes {
      for (kind, count) in kinds { add(count, kind, by: step) }
    }
  }
}
