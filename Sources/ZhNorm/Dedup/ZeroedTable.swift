#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Zero-filled memory for a hash table (``ExactIndex``'s slots). A small table
/// comes from `calloc`; a large one (2 MiB and more) from `mmap` — the kernel's
/// zero pages, so nothing is written until a slot is — marked for transparent
/// huge pages (`MADV_HUGEPAGE`; Debian's default THP mode is `madvise`): a
/// lookup in a table of tens of MiB misses the TLB on almost every 4 KiB page,
/// with 2 MiB pages it does not.
///
/// Owned by one value at a time: ``ExactIndex`` copies it before writing when
/// it is shared (`isKnownUniquelyReferenced`), so the index keeps value semantics.
final class ZeroedTable {
  /// The words, all zero at first.
  let words: UnsafeMutableBufferPointer<UInt64>
  /// The mapping and its length, for a large table; nil for a small one.
  private let mapping: (address: UnsafeMutableRawPointer, length: Int)?

  /// Tables this large are mapped, with room to align them to a huge page.
  private static let hugePage = 2 << 20

  /// A table of `count` zero words. O(1) for a large table (the kernel fills
  /// its pages on first touch), O(count) for a small one.
  init(count: Int) {
    let bytes = count * MemoryLayout<UInt64>.stride
    if bytes >= ZeroedTable.hugePage,
      let address = mmap(nil, bytes + ZeroedTable.hugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
      address != MAP_FAILED
    {
      let mask = UInt(ZeroedTable.hugePage - 1)
      let start = UnsafeMutableRawPointer(bitPattern: (UInt(bitPattern: address) + mask) & ~mask)!
      _ = madvise(start, bytes, MADV_HUGEPAGE)
      mapping = (address, bytes + ZeroedTable.hugePage)
      words = UnsafeMutableBufferPointer(start: start.bindMemory(to: UInt64.self, capacity: count), count: count)
    } else {
      mapping = nil
      let memory = calloc(max(count, 1), MemoryLayout<UInt64>.stride)!
      words = UnsafeMutableBufferPointer(start: memory.bindMemory(to: UInt64.self, capacity: count), count: count)
    }
  }

  /// A copy with the same words (for copy on write).
  func copy() -> ZeroedTable {
    let table = ZeroedTable(count: words.count)
    _ = table.words.initialize(from: words)
    return table
  }

  deinit {
    if let mapping {
      munmap(mapping.address, mapping.length)
    } else {
      free(words.baseAddress)
    }
  }
}
