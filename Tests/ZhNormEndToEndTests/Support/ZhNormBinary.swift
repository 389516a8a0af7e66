import Foundation

/// Runs the built `zhnorm` executable, as a user would.
struct ZhNormBinary {
  /// The result of one run.
  struct Result {
    var status: Int32
    var output: Data
    var errors: String
    var text: String { String(decoding: output, as: UTF8.self) }
  }

  /// The repository's root directory.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The `zhnorm` executable built next to this test bundle.
  static let executable: URL = {
    let testBinary = URL(fileURLWithPath: try! FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
    return testBinary.deletingLastPathComponent().appendingPathComponent("zhnorm")
  }()

  /// Runs `zhnorm` with `arguments` in `directory`, feeding `input` on
  /// standard input (written from another thread, so large inputs do not
  /// deadlock against the output pipe), with `environment` added to this
  /// process's environment.
  static func run(
    _ arguments: [String], input: Data? = nil, in directory: URL = repositoryRoot, environment: [String: String] = [:]
  ) throws -> Result {
    _ = ignoreBrokenPipes
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let outputPipe = Pipe()
    let errorPipe = Pipe()
    process.standardOutput = outputPipe
    process.standardError = errorPipe
    let inputPipe = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
    try process.run()
    if let input {
      let writer = inputPipe.fileHandleForWriting
      Thread.detachNewThread {
        try? writer.write(contentsOf: input)
        try? writer.close()
      }
    }
    let errorData = LockedData()
    let errorReader = Thread { errorData.set(errorPipe.fileHandleForReading.readDataToEndOfFile()) }
    errorReader.start()
    let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { usleep(1000) }
    return Result(status: process.terminationStatus, output: output, errors: String(decoding: errorData.value, as: UTF8.self))
  }

  /// zhnorm may stop reading standard input early (binary input is refused
  /// after its first block): the writing thread must then get EPIPE, not
  /// kill the test process with SIGPIPE.
  private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

  /// Makes a fresh temporary directory for a test; the test removes it with
  /// ``removeTemporaryDirectory(_:)`` in a `defer`.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("zhnorm-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Removes a directory made by ``temporaryDirectory()`` and everything in it.
  static func removeTemporaryDirectory(_ url: URL) {
    try? FileManager.default.removeItem(at: url)
  }
}

/// Data handed from a reader thread to the test.
final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var data: Data?
  func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
  var isSet: Bool { lock.lock(); defer { lock.unlock() }; return data != nil }
  var value: Data { lock.lock(); defer { lock.unlock() }; return data ?? Data() }
}

extension ZhNormBinary {
  /// Runs another program (such as script(1) or a shell) with `arguments`
  /// in the repository root, standard input empty.
  static func runTool(_ path: String, _ arguments: [String], in directory: URL = repositoryRoot) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let outputPipe = Pipe()
    let errorPipe = Pipe()
    process.standardOutput = outputPipe
    process.standardError = errorPipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let errorData = LockedData()
    let errorReader = Thread { errorData.set(errorPipe.fileHandleForReading.readDataToEndOfFile()) }
    errorReader.start()
    let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { usleep(1000) }
    return Result(status: process.terminationStatus, output: output, errors: String(decoding: errorData.value, as: UTF8.self))
  }
}
