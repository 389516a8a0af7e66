#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension FilterSession {
  /// Writes the output of `path` to `destination` atomically (`--output-dir`),
  /// creating its directory first.
  mutating func write(_ path: String, toFile destination: String, report: inout ReportSink?) {
    if let slash = destination.lastIndex(of: "/") {
      let directory = String(destination[..<slash])
      if !directory.isEmpty && !makeDirectories(directory) {
        fail(SystemError("create directory", path: directory).description, .ioError)
        return
      }
    }
    let file: AtomicFile
    do { file = try AtomicFile(path: destination) } catch {
      fail(error.description, .ioError)
      return
    }
    process(path, intoAtomic: file, named: destination, report: &report)
  }

  /// Processes `path` into a ``Spool``, with the status of this document alone.
  mutating func spool(_ path: String) -> Spool {
    let before = status
    status = .success
    defer { status = max(before, status) }
    var template = Array("\(temporaryDirectory())/zhnorm-spool-XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      fail(SystemError("create a temporary file in", path: temporaryDirectory()).description, .ioError)
      return Spool(writer: nil, status: status)
    }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    var writer = ByteWriter(descriptor: descriptor, path: "a temporary file in \(temporaryDirectory())")
    var report: ReportSink? = nil
    _ = process(path, into: &writer, report: &report)
    return Spool(writer: writer, status: status)
  }
}

/// One document's output waiting for its turn (`-j N` to one output): the
/// bytes the writer still holds, after those it has written to its unlinked
/// temporary file.
struct Spool {
  var writer: ByteWriter?
  var status: ExitStatus

  static let empty = Spool(writer: nil, status: .success)

  /// Copies the document's output into `output`, then closes the spool.
  mutating func copy(into output: inout ByteWriter) throws(SystemError) {
    guard var spooled = writer else { return }
    defer { discard() }
    let descriptor = spooled.descriptor
    if lseek(descriptor, 0, SEEK_SET) != 0 { throw SystemError("seek", path: spooled.path) }
    var chunk = InputFile.makeChunkBuffer()
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw SystemError("read", path: spooled.path)
      }
      if count == 0 { break }
      try output.write(Array(chunk[..<count]))
    }
    try output.write(spooled.takeBuffered())
  }

  /// Closes the spool's temporary file.
  mutating func discard() {
    if let writer { close(writer.descriptor) }
    writer = nil
  }
}

/// `$TMPDIR`, or /tmp.
private func temporaryDirectory() -> String {
  if let value = getenv("TMPDIR"), value.pointee != 0 { return String(cString: value) }
  return "/tmp"
}

/// `mkdir -p`: creates `path` and its missing parents. Returns whether it exists as a directory.
private func makeDirectories(_ path: String) -> Bool {
  var info = stat()
  if stat(path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
  if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
    guard makeDirectories(String(path[..<slash])) else { return false }
  }
  return mkdir(path, 0o777) == 0 || errno == EEXIST
}
