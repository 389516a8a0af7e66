/// Writes blocks back as UTF-8 bytes: the text, then its terminator.
///
/// Complexity: O(n) in the bytes written; appending a native `String`'s UTF-8
/// view to an array is a memory copy.
enum BlockEncoder {
  /// Appends `blocks` to `bytes` and counts the bytes and lines written.
  static func append(_ blocks: [Block], to bytes: inout [UInt8], statistics: inout DocumentStatistics) {
    let start = bytes.count
    // Indexing (rather than `for block in blocks`) reads each block in place,
    // without copying it.
    for index in blocks.indices {
      blocks[index].withUTF8 { bytes.append(contentsOf: $0) }
      let terminator = blocks[index].terminator
      if terminator == .lineFeed {
        bytes.append(0x0A)  // the common case, without building the terminator's array
      } else if terminator != .none {
        bytes.append(contentsOf: terminator.utf8)
      }
      if !blocks[index].isPartialLine { statistics.linesOut += 1 }
    }
    statistics.bytesOut += bytes.count - start
  }
}
