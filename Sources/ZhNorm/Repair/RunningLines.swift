/// Running headers and footers: short lines that a page layout repeats next
/// to every page break (`Debian 参考手册`, `第二章 安装`).
///
/// The stage remembers the hashes of short lines seen right before or right
/// after a page break (and the first line of the document, the top of page
/// one); a line seen there again is removed. The first occurrence stays.
///
/// Nothing is forgotten within a document: which lines a run removes must not
/// depend on how many others it learned in between, or a second run (which no
/// longer has the removed lines to learn from) would remember differently and
/// remove more (found by FuzzRepair with an 8-entry ring that evicted its
/// oldest entry). Fixed memory: at most ``capacity`` hashes; once full, no more
/// are learned — a document with that many different short lines next to its
/// page breaks has no running header to find.
struct RunningLines {
  static let capacity = 256
  /// Longer lines are never running headers or footers.
  static let maximumBytes = 96

  private var hashes: Set<UInt64> = []

  /// Whether no line has been remembered in this document.
  var isEmpty: Bool { hashes.isEmpty }

  /// The hash of a line short enough to be a running header or footer, or nil.
  static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64? {
    guard let base = utf8.baseAddress, !utf8.isEmpty, utf8.count <= maximumBytes else { return nil }
    // Eight bytes at a time, then the rest.
    let raw = UnsafeRawPointer(base)
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(utf8.count)
    var offset = 0
    while offset + 8 <= utf8.count {
      h = (h ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 32
      offset += 8
    }
    while offset < utf8.count {
      h = (h ^ UInt64(utf8[offset])) &* 0x100_0000_01B3
      offset += 1
    }
    return h
  }

  /// O(1).
  func contains(_ hash: UInt64) -> Bool { hashes.contains(hash) }

  /// Remembers `hash` unless ``capacity`` hashes are already remembered. O(1).
  mutating func add(_ hash: UInt64) {
    guard hashes.count < Self.capacity else { return }
    hashes.insert(hash)
  }

  mutating func removeAll() {
    hashes.removeAll(keepingCapacity: true)
  }
}
