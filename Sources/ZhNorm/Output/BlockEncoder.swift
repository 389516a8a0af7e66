/// Writes blocks back as UTF-8 bytes: the text, then its terminator.
///
/// Complexity: O(n) in the bytes written; appending a native `String`'s UTF-8
/// view to an array is a memory copy.
enum BlockEncoder {
  /// Appends `blocks` to `bytes` and counts the bytes and lines written.
  static func append(_ blocks: [Block], to bytes: inout [UInt8], statistics: inout DocumentStatistics) {
    let start = bytes.count
    for block in blocks {
      block.withUTF8 { bytes.append(contentsOf: $0) }
      if block.terminator == .lineFeed {
        bytes.append(0x0A)  // the common case, without building the terminator's array
      } else if block.terminator != .none {
        bytes.append(contentsOf: block.terminator.utf8)
      }
      if !block.isPartialLine { statistics.linesOut += 1 }
    }
    statistics.bytesOut += bytes.count - start
  }
}
