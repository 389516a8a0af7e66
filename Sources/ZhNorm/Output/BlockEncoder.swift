/// Writes blocks back as UTF-8 bytes: the text, then its terminator.
///
/// Lines the pipeline left as they were are copied in runs (``ByteRun``).
///
/// Complexity: O(n) in the bytes written.
enum BlockEncoder {
  /// Appends `blocks` to `bytes` and counts the bytes and lines written.
  static func append(_ blocks: [Block], to bytes: inout [UInt8], statistics: inout DocumentStatistics) {
    let start = bytes.count
    var run = ByteRun()
    // Indexing (rather than `for block in blocks`) reads each block in place,
    // without copying it.
    for index in blocks.indices {
      let terminator = blocks[index].terminator
      if !blocks[index].isPartialLine { statistics.linesOut += 1 }
      if terminator == .lineFeed, let line = blocks[index].storage.bytesWithFollowingLineFeed {
        run.add(line, flushingTo: &bytes)
        continue
      }
      run.flush(to: &bytes)
      blocks[index].withUTF8 { bytes.append(contentsOf: $0) }
      if terminator == .lineFeed {
        bytes.append(0x0A)  // the common case, without building the terminator's array
      } else if terminator != .none {
        bytes.append(contentsOf: terminator.utf8)
      }
    }
    run.flush(to: &bytes)
    statistics.bytesOut += bytes.count - start
  }
}
