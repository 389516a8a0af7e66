/// OpenCC's normalization step: CJK compatibility ideographs (U+F900–U+FAFF,
/// U+2F800–U+2FA1F) to their unified ideographs, one scalar to one scalar.
///
/// Because it maps single scalars to single scalars, applying it to each scalar
/// as it is decoded is the same as OpenCC's separate pass over the whole text.
struct ScalarNormalization: @unchecked Sendable {
  // @unchecked: points into immutable embedded data.
  /// Sorted (key, value) pairs, flattened.
  let pairs: UnsafeBufferPointer<UInt32>
  let smallestKey: UInt32
  let largestKey: UInt32

  init(pairs: UnsafeBufferPointer<UInt32>) {
    self.pairs = pairs
    smallestKey = pairs.count >= 2 ? pairs[0] : 1
    largestKey = pairs.count >= 2 ? pairs[pairs.count - 2] : 0
  }

  /// The normalized form of `scalar`. O(1) outside the compatibility blocks
  /// (one comparison — almost all text), O(log n) inside.
  @inline(__always)
  func normalize(_ scalar: UInt32) -> UInt32 {
    if scalar < smallestKey || scalar > largestKey { return scalar }
    return lookUp(scalar)
  }

  private func lookUp(_ scalar: UInt32) -> UInt32 {
    var low = 0
    var high = pairs.count / 2
    while low < high {
      let mid = (low + high) / 2
      let key = pairs[2 * mid]
      if key == scalar { return pairs[2 * mid + 1] }
      if key < scalar { low = mid + 1 } else { high = mid }
    }
    return scalar
  }
}
