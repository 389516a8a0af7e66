#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A file written atomically: output goes to a temporary file in the same
/// directory, which replaces the destination only on ``commit()``. Until
/// then the destination is untouched; ``discard()`` removes the temporary.
struct AtomicFile {
  /// The destination path.
  let path: String
  /// The temporary file being written.
  let temporaryPath: String
  let descriptor: Int32
  /// The temporary's slot in ``TemporaryFiles`` (removed on SIGINT/SIGTERM).
  private let cleanupSlot: Int?

  /// Creates the temporary file. `mode` is given to it (an in-place edit
  /// keeps the original's permissions); by default, 0666 less the umask.
  init(path: String, mode: mode_t? = nil) throws(SystemError) {
    self.path = path
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    var template = Array("\(directory).\(name).zhnorm-XXXXXX".utf8CString)
    // The file exists from mkstemp on, but the signal handler only knows it
    // once it is registered: hold INT/TERM/HUP back in between, so that a
    // signal arriving then is handled after the registration (and removes it).
    var cleanupSignals = sigset_t()
    var previousMask = sigset_t()
    sigemptyset(&cleanupSignals)
    for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&cleanupSignals, signal) }
    pthread_sigmask(SIG_BLOCK, &cleanupSignals, &previousMask)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else {
      pthread_sigmask(SIG_SETMASK, &previousMask, nil)
      throw SystemError("create a temporary file for", path: path)
    }
    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    cleanupSlot = TemporaryFiles.register(temporaryPath)
    pthread_sigmask(SIG_SETMASK, &previousMask, nil)
    descriptor = fd
    let finalMode: mode_t
    if let mode {
      finalMode = mode
    } else {
      let mask = umask(0)
      umask(mask)
      finalMode = 0o666 & ~mask
    }
    fchmod(fd, finalMode)
  }

  /// Flushes the data to disk and renames the temporary over the destination.
  func commit() throws(SystemError) {
    if fsync(descriptor) != 0 {
      let error = SystemError("write", path: path)
      discard()
      throw error
    }
    Glibc.close(descriptor)
    if rename(temporaryPath, path) != 0 {
      let error = SystemError("rename", path: path)
      unlink(temporaryPath)
      TemporaryFiles.unregister(cleanupSlot)
      throw error
    }
    TemporaryFiles.unregister(cleanupSlot)
  }

  /// Removes the temporary file, leaving the destination as it was.
  func discard() {
    Glibc.close(descriptor)
    unlink(temporaryPath)
    TemporaryFiles.unregister(cleanupSlot)
  }
}

/// The permission bits of the file at `path`, if it exists.
func permissions(of path: String) -> mode_t? {
  var info = stat()
  guard stat(path, &info) == 0 else { return nil }
  return info.st_mode & 0o7777
}
