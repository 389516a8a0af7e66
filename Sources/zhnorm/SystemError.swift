#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A failed system call, with the path it concerned.
struct SystemError: Error, CustomStringConvertible {
  /// What was being done ("open", "read", "write", "rename").
  var operation: String
  /// The file concerned, as the user named it.
  var path: String
  /// The `errno` value.
  var code: Int32

  /// Captures the current `errno`.
  init(_ operation: String, path: String, code: Int32 = errno) {
    self.operation = operation
    self.path = path
    self.code = code
  }

  var description: String {
    "\(path): \(operation) failed: \(String(cString: strerror(code)))"
  }

  /// The exit status this error calls for: 66 when an input cannot be opened, 74 otherwise.
  var exitStatus: ExitStatus {
    operation == "open" ? .noInput : .ioError
  }
}
