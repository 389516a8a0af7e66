import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The fingerprint database could not be opened, read or written.
public struct DedupDatabaseError: Error, CustomStringConvertible {
  /// What failed, with SQLite's message.
  public var description: String
}

/// The persistent side of the `dedup` step: exact fingerprints in an SQLite
/// database (the system library), shared by runs and by concurrent processes.
///
/// The database is in WAL mode with a busy timeout, so concurrent runs wait for
/// each other instead of failing; each document's new fingerprints are written
/// in one transaction, or in one per ``DedupStage/databaseBatch`` of them
/// (`INSERT OR IGNORE`, so two runs adding the same
/// fingerprint both succeed and the table holds it once). Nothing is ever
/// deleted.
///
/// Table: `fingerprint(hash INTEGER PRIMARY KEY, line INTEGER)` — the 64-bit
/// fingerprint (as a signed integer) and the line of the copy that was kept.
final class FingerprintStore {
  typealias Failure = DedupDatabaseError

  private var database: OpaquePointer?
  private var select: OpaquePointer?
  private var insert: OpaquePointer?
  let path: String

  init(path: String) throws {
    self.path = path
    var handle: OpaquePointer?
    let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
    guard sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
      let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
      sqlite3_close(handle)
      throw Failure(description: "\(path): \(message)")
    }
    database = handle
    sqlite3_busy_timeout(handle, 60_000)
    do {
      try execute("PRAGMA journal_mode=WAL")
      try execute("PRAGMA synchronous=NORMAL")
      try execute("CREATE TABLE IF NOT EXISTS fingerprint (hash INTEGER PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID")
      select = try prepare("SELECT line FROM fingerprint WHERE hash = ?1")
      insert = try prepare("INSERT OR IGNORE INTO fingerprint (hash, line) VALUES (?1, ?2)")
    } catch {
      close()
      throw error
    }
  }

  deinit { close() }

  private func close() {
    sqlite3_finalize(select)
    sqlite3_finalize(insert)
    sqlite3_close_v2(database)
    select = nil
    insert = nil
    database = nil
  }

  private func failure(_ what: String) -> Failure {
    Failure(description: "\(path): \(what): \(String(cString: sqlite3_errmsg(database)))")
  }

  private func execute(_ sql: String) throws {
    // Retries while another process holds a lock the busy handler gave up on.
    var status = sqlite3_exec(database, sql, nil, nil, nil)
    var attempts = 0
    while (status == SQLITE_BUSY || status == SQLITE_LOCKED) && attempts < 100 {
      usleep(50_000)
      attempts += 1
      status = sqlite3_exec(database, sql, nil, nil, nil)
    }
    guard status == SQLITE_OK else { throw failure(sql) }
  }

  private func prepare(_ sql: String) throws -> OpaquePointer {
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
      throw failure("prepare")
    }
    return statement
  }

  /// The number of fingerprints stored.
  func count() throws -> Int {
    let statement = try prepare("SELECT count(*) FROM fingerprint")
    defer { sqlite3_finalize(statement) }
    guard sqlite3_step(statement) == SQLITE_ROW else { throw failure("count") }
    return Int(sqlite3_column_int64(statement, 0))
  }

  /// Calls `body` with every stored fingerprint and its line, in key order,
  /// until `body` returns false.
  func forEach(_ body: (UInt64, Int) -> Bool) throws {
    let statement = try prepare("SELECT hash, line FROM fingerprint")
    defer { sqlite3_finalize(statement) }
    while true {
      let status = sqlite3_step(statement)
      if status == SQLITE_DONE { return }
      guard status == SQLITE_ROW else { throw failure("read") }
      let hash = UInt64(bitPattern: sqlite3_column_int64(statement, 0))
      if !body(hash, Int(sqlite3_column_int64(statement, 1))) { return }
    }
  }

  /// The line stored with `hash`, or nil when it is not stored.
  func lookup(_ hash: UInt64) throws -> Int? {
    sqlite3_reset(select)
    sqlite3_bind_int64(select, 1, Int64(bitPattern: hash))
    let status = sqlite3_step(select)
    if status == SQLITE_ROW { return Int(sqlite3_column_int64(select, 0)) }
    guard status == SQLITE_DONE else { throw failure("lookup") }
    return nil
  }

  /// Stores `entries` (fingerprint, line) in one transaction, in key order;
  /// of two entries with the same fingerprint, the first is kept.
  ///
  /// Why sorted: fingerprints are random, so in arrival order each insert
  /// lands on another leaf of the table's B-tree, which SQLite's small page
  /// cache has usually dropped (a read per insert); in key order, the inserts
  /// that share a leaf come together. O(n log n) for the sort.
  func store(_ entries: [(UInt64, Int)]) throws {
    guard !entries.isEmpty else { return }
    // SQLite orders INTEGER keys as signed; ties keep their arrival order.
    let ordered = entries.indices.sorted { a, b in
      let keyA = Int64(bitPattern: entries[a].0)
      let keyB = Int64(bitPattern: entries[b].0)
      return keyA != keyB ? keyA < keyB : a < b
    }
    try execute("BEGIN IMMEDIATE")
    do {
      for index in ordered {
        let (hash, line) = entries[index]
        sqlite3_reset(insert)
        sqlite3_bind_int64(insert, 1, Int64(bitPattern: hash))
        sqlite3_bind_int64(insert, 2, Int64(line))
        guard sqlite3_step(insert) == SQLITE_DONE else { throw failure("insert") }
      }
      try execute("COMMIT")
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }
}
