import Foundation
import Testing
@testable import ZhNorm

/// The SQLite side of `--dedup-db`.
@Suite("Dedup: fingerprint database")
struct FingerprintStoreTests {
  /// A database in a directory of its own, removed afterwards.
  static func withStore(_ body: (FingerprintStore) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zhnorm-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try body(FingerprintStore(path: directory.appendingPathComponent("fp.sqlite").path))
  }

  @Test("Entries stored in any order are all found; of two with one fingerprint, the first stored stays")
  func storeAndLookUp() throws {
    try Self.withStore { store in
      var generator = SeededGenerator(seed: 3)
      // Fingerprints with the top bit set and clear: SQLite orders them as signed.
      var entries = (0..<5_000).map { line in (generator.next(), line + 1) }
      entries.append((entries[10].0, 99_999))  // a later copy of line 11's fingerprint
      entries.append((UInt64.max, 7))
      entries.append((1, 8))
      try store.store(entries)
      #expect(try store.count() == 5_002)
      for (hash, line) in entries.prefix(5_000) { #expect(try store.lookup(hash) == line) }
      #expect(try store.lookup(UInt64.max) == 7)
      #expect(try store.lookup(1) == 8)
      #expect(try store.lookup(2) == nil)
      // A later batch does not replace what is stored.
      try store.store([(entries[0].0, 123_456)])
      #expect(try store.lookup(entries[0].0) == 1)
    }
  }
}
