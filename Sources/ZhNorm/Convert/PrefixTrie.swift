/// One compiled dictionary: a trie over Unicode scalars, read in place from the
/// embedded table.
///
/// Layout (chosen for the hot loop): the first scalar of a key is found through
/// a page table (`pageIndex[scalar >> 8]` selects a page of 256 `UInt32` node
/// references, 0 meaning "no key starts here"), so the common case — a scalar
/// that starts no key, or a one-scalar key — costs two loads and no search.
/// Deeper levels store each node's children contiguously, sorted by scalar
/// (`labels`), and are searched by binary search; they are short (a few
/// dozen children at most below the first level). Nodes are `(firstChild,
/// childCount, terminalOrdinal)`; `values[terminalOrdinal]` is a `ValuePool` id.
/// A small Bloom filter of two-scalar prefixes (`mayContinue`) answers most
/// "does a phrase start here?" questions without touching the deeper levels.
struct PrefixTrie: @unchecked Sendable {
  // @unchecked: points into immutable embedded data.
  let pageIndex: UnsafePointer<UInt16>
  let pages: UnsafePointer<UInt32>
  let nodes: UnsafePointer<UInt32>
  let labels: UnsafePointer<UInt32>
  let values: UnsafePointer<UInt32>
  /// One-hash Bloom filter over (first-level node, second scalar) pairs.
  let pairFilter: UnsafePointer<UInt32>
  let pairFilterMask: UInt32
  /// Longest key, in scalars.
  let maxKeyLength: Int

  static let noValue: UInt32 = 0xFFFF_FFFF

  /// The node reached by `scalar` from the root, or -1. O(1).
  @inline(__always)
  func root(_ scalar: UInt32) -> Int {
    guard scalar < 0x11_0000 else { return -1 }
    let page = Int(pageIndex[Int(scalar &>> 8)])
    return Int(pages[page &* 256 &+ Int(scalar & 0xFF)]) &- 1
  }

  /// The child of `node` labelled `scalar`, or -1. O(log children).
  @inline(__always)
  func child(_ node: Int, _ scalar: UInt32) -> Int {
    let count = Int(nodes[node &* 3 &+ 1])
    if count == 0 { return -1 }
    var low = Int(nodes[node &* 3])
    var high = low &+ count
    while low < high {
      let mid = (low &+ high) &>> 1
      let label = labels[mid]
      if label == scalar { return mid }
      if label < scalar { low = mid &+ 1 } else { high = mid }
    }
    return -1
  }

  @inline(__always)
  func hasChildren(_ node: Int) -> Bool { nodes[node &* 3 &+ 1] != 0 }

  /// `false` if no key continues from first-level `node` with `scalar` (then
  /// the binary search below it is skipped); `true` if one may. O(1), one load.
  /// Most pairs of adjacent characters in running text start no phrase, so
  /// this removes most second-level searches. The hash mirrors
  /// `pair_hash` in `tables/gen_tables.py`.
  @inline(__always)
  func mayContinue(_ node: Int, _ scalar: UInt32) -> Bool {
    var h = (UInt32(truncatingIfNeeded: node) &* 0x9E37_79B1) ^ (scalar &* 0x85EB_CA77)
    h = (h ^ (h &>> 15)) &* 0x2C1B_3C6D
    h ^= h &>> 12
    let index = h & pairFilterMask
    return pairFilter[Int(index &>> 5)] & (1 &<< (index & 31)) != 0
  }

  /// The value id if `node` ends a key, else `noValue`.
  @inline(__always)
  func value(_ node: Int) -> UInt32 {
    let ordinal = nodes[node &* 3 &+ 2]
    return ordinal == Self.noValue ? Self.noValue : values[Int(ordinal)]
  }
}
