/// Writes blocks back as UTF-8 bytes: the text, then its terminator.
///
/// Lines the pipeline left as they were still lie side by side, with their
/// line feeds, in the chunk they were decoded into: a run of those is copied
/// with one `append` instead of two per line (per-line appends were ~7% of
/// the `unicode` step's time).
///
/// Complexity: O(n) in the bytes written.
enum BlockEncoder {
  /// Appends `blocks` to `bytes` and counts the bytes and lines written.
  static func append(_ blocks: [Block], to bytes: inout [UInt8], statistics: inout DocumentStatistics) {
    let start = bytes.count
    // The run of adjacent chunk bytes not yet copied.
    var runStart: UnsafePointer<UInt8>?
    var runEnd: UnsafePointer<UInt8>?
    func flushRun() {
      if let runStart, let runEnd {
        bytes.append(contentsOf: UnsafeBufferPointer(start: runStart, count: runEnd - runStart))
      }
      runStart = nil
      runEnd = nil
    }
    // Indexing (rather than `for block in blocks`) reads each block in place,
    // without copying it.
    for index in blocks.indices {
      let terminator = blocks[index].terminator
      if !blocks[index].isPartialLine { statistics.linesOut += 1 }
      if terminator == .lineFeed, let line = blocks[index].storage.bytesWithFollowingLineFeed {
        if runEnd == line.baseAddress {
          runEnd = line.baseAddress! + line.count
        } else {
          flushRun()
          runStart = line.baseAddress
          runEnd = line.baseAddress! + line.count
        }
        continue
      }
      flushRun()
      blocks[index].withUTF8 { bytes.append(contentsOf: $0) }
      if terminator == .lineFeed {
        bytes.append(0x0A)  // the common case, without building the terminator's array
      } else if terminator != .none {
        bytes.append(contentsOf: terminator.utf8)
      }
    }
    flushRun()
    statistics.bytesOut += bytes.count - start
  }
}
