import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What `zhnorm` does on signals.
///
/// - SIGINT, SIGTERM, SIGHUP: the temporary files of `-o`, `--in-place` and
///   `--report FILE` are removed, then the process exits with 128 + the signal
///   number (130 for SIGINT, 143 for SIGTERM). The destination files are
///   untouched, as they are after any failure.
/// - SIGPIPE gets its default action (even if the parent ignored or blocked
///   it, which children inherit): when the reader of standard output goes away
///   (`zhnorm big.txt | head -1`), the process ends at once and quietly, as
///   `cat` does (the shell sees status 141 = 128 + SIGPIPE).
/// - SIGXFSZ (file size limit, `ulimit -f`) is ignored, so that a write past
///   the limit fails with EFBIG and is reported as an I/O error (exit 74)
///   instead of killing the process with a core dump.
///
/// The handler must be async-signal-safe: it only reads a preallocated table
/// of temporary paths (``TemporaryFiles``) and calls `unlink` and `_exit`.
enum SignalHandling {
  static func install() {
    TemporaryFiles.prepare()
    for signal in [SIGINT, SIGTERM, SIGHUP] {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { signal in
        TemporaryFiles.unlinkAll()
        _exit(128 + signal)
      }
      sigemptyset(&action.sa_mask)
      sigaction(signal, &action, nil)
    }
    var byDefault = sigaction()
    byDefault.__sigaction_handler.sa_handler = SIG_DFL
    sigaction(SIGPIPE, &byDefault, nil)
    var ignore = sigaction()
    ignore.__sigaction_handler.sa_handler = SIG_IGN
    sigaction(SIGXFSZ, &ignore, nil)
    // A blocked signal mask is inherited too (Foundation's Process starts
    // children with most signals blocked): unblock the ones handled here.
    var handled = sigset_t()
    sigemptyset(&handled)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&handled, signal) }
    pthread_sigmask(SIG_UNBLOCK, &handled, nil)
  }
}

/// The paths of the temporary files in use, in a table allocated once, so a
/// signal handler can remove them without allocating or locking.
///
/// A slot is a flag byte followed by a NUL-terminated path. A path is written
/// before its flag is set and the flag cleared before the slot is reused, so
/// the handler never sees half a path.
enum TemporaryFiles {
  /// Enough for `-j N` in-place edits plus a report; a file that finds the
  /// table full is simply not removed on a signal.
  static let slotCount = 128
  static let slotSize = 4096
  /// The table (512 KiB). Slots are claimed and freed under `lock` (threads of
  /// `-j N` make temporary files at once); the signal handler only reads it.
  nonisolated(unsafe) private static var table: UnsafeMutablePointer<UInt8>?
  private static let lock = Mutex(0)  // the next slot to try: slots are used round-robin

  /// Allocates the table (before the handlers are installed).
  static func prepare() {
    if table == nil {
      // calloc, not allocate + initialize: the zeroed pages come from the kernel and
      // are only touched when a slot is used (start-up time, see Benchmarks/README.md).
      table = calloc(slotCount * slotSize, 1)!.assumingMemoryBound(to: UInt8.self)
    }
  }

  /// Registers `path`; returns its slot, or `nil` if the table is full or the path too long.
  static func register(_ path: String) -> Int? {
    guard let table else { return nil }
    let bytes = Array(path.utf8)
    guard bytes.count < slotSize - 2 else { return nil }
    return lock.withLock { next -> Int? in
      // Round-robin, so a slot just freed is not rewritten while a handler
      // that saw it in use may still be reading it.
      for step in 0..<slotCount {
        let slot = (next + step) % slotCount
        let base = table + slot * slotSize
        guard base[0] == 0 else { continue }
        for (index, byte) in bytes.enumerated() { base[1 + index] = byte }
        base[1 + bytes.count] = 0
        atomicStore(base, 1)
        next = slot + 1
        return slot
      }
      return nil
    }
  }

  /// Forgets the path in `slot` (the file was renamed or removed).
  static func unregister(_ slot: Int?) {
    guard let slot, let table else { return }
    lock.withLock { _ in atomicStore(table + slot * slotSize, 0) }
  }

  /// Removes every registered file. Async-signal-safe.
  static func unlinkAll() {
    guard let table else { return }
    for slot in 0..<slotCount where table[slot * slotSize] == 1 {
      (table + slot * slotSize + 1).withMemoryRebound(to: CChar.self, capacity: slotSize - 1) { _ = unlink($0) }
    }
  }

  /// A store that neither the compiler nor the CPU moves across the stores
  /// before it (the handler runs on this thread, so a fence suffices).
  private static func atomicStore(_ pointer: UnsafeMutablePointer<UInt8>, _ value: UInt8) {
    atomicMemoryFence(ordering: .sequentiallyConsistent)
    pointer.pointee = value
    atomicMemoryFence(ordering: .sequentiallyConsistent)
  }
}
