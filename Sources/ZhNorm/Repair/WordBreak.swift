import CZhNormICU

/// ICU's dictionary word break, asked only about a small window around a
/// candidate join (it runs at ~18 MB/s, far too slow for all text).
enum WordBreak {
  struct Answer {
    /// A word spans the join point (`其|中`, `学|习`).
    var straddles: Bool
    /// Lengths (UTF-16 units) of the segments right before and after the join.
    var before: Int
    var after: Int
  }

  /// Looks at up to `radius` scalars on each side of the join of `left` and `right`.
  static func around(left: ArraySlice<UInt32>, right: ArraySlice<UInt32>, radius: Int = 8) -> Answer? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(radius * 8)
    for s in left.suffix(radius) { append(s, to: &bytes) }
    let offset = bytes.count
    for s in right.prefix(radius) { append(s, to: &bytes) }
    var before: Int32 = 0
    var after: Int32 = 0
    let result = bytes.withUnsafeBufferPointer {
      zhn_word_break_around($0.baseAddress, Int32($0.count), Int32(offset), &before, &after)
    }
    guard result >= 0 else { return nil }
    return Answer(straddles: result == 0, before: Int(before), after: Int(after))
  }

  private static func append(_ s: UInt32, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: String(Unicode.Scalar(s)!).utf8)
  }
}
