/// The conversion results of every dictionary, as UTF-8, deduplicated.
///
/// A value id indexes a pair (byte offset, byte length) into one byte blob, so
/// emitting a conversion is a single short copy of ready-made UTF-8.
struct ValuePool: @unchecked Sendable {
  // @unchecked: points into immutable embedded data.
  let bytes: UnsafePointer<UInt8>
  let spans: UnsafePointer<UInt32>

  /// The UTF-8 bytes of value `id`. O(1).
  @inline(__always)
  func utf8(_ id: UInt32) -> UnsafeBufferPointer<UInt8> {
    let i = Int(id) &* 2
    return UnsafeBufferPointer(start: bytes + Int(spans[i]), count: Int(spans[i &+ 1]))
  }
}
