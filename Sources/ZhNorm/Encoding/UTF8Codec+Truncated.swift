extension UTF8Codec {
  /// Whether `bytes` is well-formed UTF-8 except, perhaps, for an incomplete
  /// sequence at the very end (a block cut from a longer input). O(n).
  static func isValidAllowingTruncatedEnd(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      var start = buffer.count
      // The last sequence starts at most 3 bytes before the end.
      while start > 0 && buffer.count - start < 3 && buffer[start - 1] & 0xC0 == 0x80 { start -= 1 }
      if start > 0 && buffer.count - start < 4 {
        let lead = start - 1
        let tail = UnsafeBufferPointer(rebasing: buffer[lead...])
        if sequenceLength(buffer[lead]) > tail.count && isSequencePrefix(tail) {
          return isValid(UnsafeBufferPointer(rebasing: buffer[..<lead]))
        }
      }
      return isValid(buffer)
    }
  }
}
