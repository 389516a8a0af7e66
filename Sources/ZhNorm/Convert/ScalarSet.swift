/// A set of Unicode scalars stored as a two-level bitmap: a page index of
/// 0x1100 `UInt16` entries (one per 256 scalars), then 256-bit pages; page 0 is
/// all zeros and stands for every empty page. Membership is O(1): two loads.
struct ScalarSet: @unchecked Sendable {
  // @unchecked: points into immutable embedded data.
  let pageIndex: UnsafePointer<UInt16>
  let bits: UnsafePointer<UInt32>

  @inline(__always)
  func contains(_ scalar: UInt32) -> Bool {
    guard scalar < 0x11_0000 else { return false }
    let page = Int(pageIndex[Int(scalar &>> 8)])
    let word = bits[page &* 8 &+ Int((scalar & 0xFF) &>> 5)]
    return word & (1 &<< (scalar & 31)) != 0
  }
}
