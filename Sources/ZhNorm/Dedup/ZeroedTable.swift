#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Zero-filled memory for a large hash table (``ExactIndex``'s slots), from
/// `mmap`: the kernel's zero pages, so nothing is written until a slot is, and
/// on Linux marked for transparent huge pages (`MADV_HUGEPAGE`; Debian's
/// default THP mode is `madvise`). A lookup in a table of tens of MiB misses
/// the TLB on almost every 4 KiB page; with 2 MiB pages it does not.
///
/// Owned by one value at a time: ``ExactIndex`` copies it before writing when
/// it is shared (`isKnownUniquelyReferenced`), so the index keeps value semantics.
final class ZeroedTable {
  /// The words, all zero at first.
  let words: UnsafeMutableBufferPointer<UInt64>
  private let mapping: UnsafeMutableRawPointer?
  private let mappedBytes: Int

  /// Tables at least this large are mapped with room to align them to a huge page.
  private static let hugePage = 2 << 20

  /// A table of `count` zero words. O(1) (pages are filled by the kernel on first touch).
  init(count: Int) {
    let bytes = count * MemoryLayout<UInt64>.stride
    let large = bytes >= ZeroedTable.hugePage
    let length = large ? bytes + ZeroedTable.hugePage : bytes
    let address = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
    if let address, address != MAP_FAILED {
      var start = UInt(bitPattern: address)
      if large {
        let mask = UInt(ZeroedTable.hugePage - 1)
        start = (start + mask) & ~mask
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), bytes, MADV_HUGEPAGE)
      }
      mapping = address
      mappedBytes = length
      words = UnsafeMutableBufferPointer(
        start: UnsafeMutableRawPointer(bitPattern: start)!.bindMemory(to: UInt64.self, capacity: count), count: count)
    } else {
      // No mapping (not expected): ordinary zeroed memory.
      mapping = nil
      mappedBytes = 0
      words = .allocate(capacity: count)
      words.initialize(repeating: 0)
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
      munmap(mapping, mappedBytes)
    } else {
      words.deallocate()
    }
  }
}
