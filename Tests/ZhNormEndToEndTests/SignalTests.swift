import Foundation
import Testing

/// SIGPIPE and SIGINT/SIGTERM.
@Suite("Signals")
struct SignalTests {
  @Test("zhnorm big.txt | head -1 exits quietly (SIGPIPE, status 141)")
  func brokenPipe() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    var text = ""
    for i in 0..<400_000 { text += "第\(i)行\n" }  // ~4 MB: more than the pipe and the output buffer hold
    try Data(text.utf8).write(to: directory.appendingPathComponent("big.txt"))
    let result = try Shell.run("\"$ZHNORM\" --skip dedup big.txt | head -1; echo \"${PIPESTATUS[0]}\"", in: directory)
    #expect(result.output == "第0行\n141\n")
    #expect(result.errors.isEmpty)
  }

  /// Starts zhnorm with `arguments` in `directory` (reading a FIFO nobody
  /// writes, so it blocks), waits for its temporary files, sends `signal`.
  func interrupt(_ arguments: [String], in directory: URL, temporaries: Int, signal: Int32) throws -> Int32 {
    let process = Process()
    process.executableURL = ZhNormBinary.executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(10)
    func pending() -> Int {
      ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.contains(".zhnorm-") }.count
    }
    while pending() < temporaries && Date() < deadline { usleep(10_000) }
    #expect(pending() == temporaries, "the temporary files were not made")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    return process.terminationStatus
  }

  @Test("SIGINT during -o (and --report FILE) removes the temporary files and exits 130")
  func interruptOutput() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    #expect(mkfifo(directory.appendingPathComponent("pipe").path, 0o600) == 0)
    try Data("previous\n".utf8).write(to: directory.appendingPathComponent("out.txt"))
    let status = try interrupt(["--report", "report.json", "-o", "out.txt", "pipe"], in: directory, temporaries: 2, signal: SIGINT)
    #expect(status == 130)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["out.txt", "pipe"])
    #expect(try Data(contentsOf: directory.appendingPathComponent("out.txt")) == Data("previous\n".utf8))
  }

  @Test("SIGTERM during --in-place removes the temporary file and exits 143")
  func terminateInPlace() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    #expect(mkfifo(directory.appendingPathComponent("pipe").path, 0o600) == 0)
    let status = try interrupt(["--in-place", "pipe"], in: directory, temporaries: 1, signal: SIGTERM)
    #expect(status == 143)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["pipe"])
  }
}
