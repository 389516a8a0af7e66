/// A small window of the paragraphs most recently written out, so that a join
/// whose first half repeats one of them (a truncated duplicate, as extraction
/// leaves them) can be refused and the repeat left for the `dedup` step.
///
/// Memory is fixed: `capacity` paragraphs of at most `maximumBytes` bytes each.
struct RecentParagraphs {
  static let capacity = 32
  static let maximumBytes = 1024
  static let minimumBytes = 16

  private var texts: [[UInt8]] = []
  private var lengths: [Int] = []
  private var next = 0

  mutating func remember(_ utf8: UnsafeBufferPointer<UInt8>) {
    guard utf8.count >= Self.minimumBytes else { return }
    let prefix = UnsafeBufferPointer(rebasing: utf8.prefix(Self.maximumBytes))
    if texts.count < Self.capacity {
      texts.append(Array(prefix))
      lengths.append(utf8.count)
    } else {
      texts[next].removeAll(keepingCapacity: true)
      texts[next].append(contentsOf: prefix)
      lengths[next] = utf8.count
      next = (next + 1) % Self.capacity
    }
  }

  /// Whether `utf8` equals or is a prefix of a remembered paragraph (compared
  /// on the first `maximumBytes` bytes).
  func containsPrefix(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    guard utf8.count >= Self.minimumBytes else { return false }
    let probe = utf8.prefix(Self.maximumBytes)
    for (index, text) in texts.enumerated() where lengths[index] >= utf8.count {
      if text.count >= probe.count, text.starts(with: probe) { return true }
    }
    return false
  }

  mutating func removeAll() {
    texts.removeAll(keepingCapacity: true)
    lengths.removeAll(keepingCapacity: true)
    next = 0
  }
}
