#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A buffered writer to a file descriptor.
///
/// Output is block-buffered (1 MiB) as a filter's should be; `flush()` pushes
/// it out. Partial writes and EINTR are retried; any other error throws.
struct ByteWriter {
  let descriptor: Int32
  /// The name used in error messages.
  let path: String
  private var buffer: [UInt8] = []
  private static let capacity = 1 << 20

  init(descriptor: Int32, path: String) {
    self.descriptor = descriptor
    self.path = path
    buffer.reserveCapacity(Self.capacity)
  }

  mutating func write(_ bytes: [UInt8]) throws(SystemError) {
    if buffer.count + bytes.count > Self.capacity {
      try flush()
      if bytes.count >= Self.capacity {
        try Self.writeAll(bytes, to: descriptor, path: path)
        return
      }
    }
    buffer.append(contentsOf: bytes)
  }

  /// Lets `body` append to the buffer directly (saving a copy), then flushes
  /// if the buffer has grown past its capacity.
  mutating func append(_ body: (inout [UInt8]) throws -> Void) throws {
    try body(&buffer)
    if buffer.count >= Self.capacity { try flush() }
  }

  mutating func write(_ text: String) throws(SystemError) {
    try write(Array(text.utf8))
  }

  /// Takes the bytes not yet written, leaving the buffer empty.
  mutating func takeBuffered() -> [UInt8] {
    defer { buffer = [] }
    return buffer
  }

  mutating func flush() throws(SystemError) {
    guard !buffer.isEmpty else { return }
    try Self.writeAll(buffer, to: descriptor, path: path)
    buffer.removeAll(keepingCapacity: true)
  }

  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(SystemError) {
    let failure: SystemError? = bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return SystemError("write", path: path)
        }
        offset += written
      }
      return nil
    }
    if let failure { throw failure }
  }
}
