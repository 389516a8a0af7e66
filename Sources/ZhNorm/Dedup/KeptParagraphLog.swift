/// The exact fingerprints of the paragraphs the `dedup` step kept in this
/// document while it took the `repair` step's verdicts instead of indexing
/// them (see ``DedupStage``), so that it can build its own index after all
/// when a paragraph comes that no verdict speaks for.
///
/// Append-only, in chunks of 2^16 entries, so that growing copies at most
/// one chunk (one array would copy all of it, doubling, and hold both copies
/// at its peak). 8 bytes an entry, 16 with positions. Bounded: past `byteLimit` it stops
/// recording (``isComplete`` is false) and an index built from it misses the
/// rest, which only ever keeps copies, never removes a paragraph that is not
/// one. O(1) amortized per entry.
struct KeptParagraphLog {
  private static let chunkSize = 1 << 16
  private var keys: [[UInt64]] = []
  private var positions: [[UInt64]]?
  private let capacity: Int
  private(set) var count = 0
  /// Whether every paragraph appended since the last ``removeAll()`` is recorded.
  private(set) var isComplete = true

  /// A log of at most `byteLimit` bytes; `keepsPositions` records where each
  /// paragraph was (for the report).
  init(keepsPositions: Bool, byteLimit: Int) {
    positions = keepsPositions ? [] : nil
    capacity = byteLimit / (keepsPositions ? 16 : 8)
  }

  mutating func append(_ key: UInt64, position: UInt64) {
    guard count < capacity else {
      isComplete = false
      return
    }
    let chunk = count / Self.chunkSize
    if chunk == keys.count {
      keys.append([])
      positions?.append([])
    }
    keys[chunk].append(key)
    positions?[chunk].append(position)
    count += 1
  }

  /// Calls `body` with each recorded fingerprint and its position (0 when
  /// positions are not kept), oldest first.
  func forEach(_ body: (UInt64, UInt64) -> Void) {
    for (chunk, keys) in keys.enumerated() {
      for (index, key) in keys.enumerated() { body(key, positions?[chunk][index] ?? 0) }
    }
  }

  /// Forgets everything. The first chunk keeps its memory (documents of a
  /// JSONL file, one after another, would allocate it again each time).
  mutating func removeAll() {
    guard count > 0 || !isComplete else { return }
    KeptParagraphLog.keepFirstChunkEmpty(&keys)
    if positions != nil { KeptParagraphLog.keepFirstChunkEmpty(&positions!) }
    count = 0
    isComplete = true
  }

  private static func keepFirstChunkEmpty(_ chunks: inout [[UInt64]]) {
    if chunks.count > 1 { chunks.removeSubrange(1...) }
    if !chunks.isEmpty { chunks[0].removeAll(keepingCapacity: true) }
  }
}
