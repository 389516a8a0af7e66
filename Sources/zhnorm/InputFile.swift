#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// An input document: a file, or standard input for `-`.
struct InputFile {
  /// The name as the user gave it (`-` for standard input).
  let path: String
  let descriptor: Int32
  private let ownsDescriptor: Bool

  /// Opens `path` for reading. Refuses directories.
  init(path: String) throws(SystemError) {
    self.path = path
    if path == "-" {
      descriptor = 0
      ownsDescriptor = false
      return
    }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw SystemError("open", path: path) }
    var info = stat()
    if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
      Glibc.close(fd)
      throw SystemError("open", path: path, code: EISDIR)
    }
    descriptor = fd
    ownsDescriptor = true
  }

  /// Reads the next chunk into `buffer`; returns the number of bytes read, 0 at the end.
  func read(into buffer: inout [UInt8]) throws(SystemError) -> Int {
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count >= 0 { return count }
      if errno != EINTR { throw SystemError("read", path: path) }
    }
  }

  /// A buffer for ``read(into:)``: 1 MiB, left uninitialised (bytes are only read
  /// after `read(2)` wrote them), so a small input touches a few pages of it
  /// rather than zeroing all of it at start-up.
  static func makeChunkBuffer() -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: 1 << 20) { _, count in count = 1 << 20 }
  }

  /// Opens `path`, calls `body` with each chunk read into `buffer` until the
  /// end, and closes the file.
  static func forEachChunk(
    of path: String, buffer: inout [UInt8], _ body: (ArraySlice<UInt8>) -> Void
  ) throws(SystemError) {
    let input = try InputFile(path: path)
    defer { input.close() }
    while true {
      let count = try input.read(into: &buffer)
      if count == 0 { return }
      body(buffer[..<count])
    }
  }

  /// The device and inode of the file, to recognise the same file under two names.
  var identity: FileIdentity? { FileIdentity(descriptor: descriptor) }

  func close() {
    if ownsDescriptor { _ = Glibc.close(descriptor) }
  }
}

/// A file's device and inode numbers.
struct FileIdentity: Hashable {
  var device: UInt64
  var inode: UInt64

  init?(descriptor: Int32) {
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }

  init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }
}
