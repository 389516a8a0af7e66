import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("--line-buffered and the progress line")
struct InteractiveTests {
  /// Starts zhnorm with pipes on standard input and output.
  func start(_ arguments: [String]) throws -> (Process, FileHandle, FileHandle) {
    let process = Process()
    process.executableURL = ZhNormBinary.executable
    process.arguments = arguments
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    return (process, input.fileHandleForWriting, output.fileHandleForReading)
  }

  /// Reads one line from `handle`, or `nil` if none arrives within `seconds`.
  func readLine(_ handle: FileHandle, within seconds: Double) -> String? {
    var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
    var bytes: [UInt8] = []
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      let ready = poll(&descriptor, 1, 50)
      guard ready > 0 else { continue }
      var byte: UInt8 = 0
      guard read(handle.fileDescriptor, &byte, 1) == 1 else { return nil }
      if byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
      bytes.append(byte)
    }
    return nil
  }

  @Test("--jsonl --line-buffered answers each record while standard input stays open; without it, output waits")
  func lineBuffered() throws {
    let (process, input, output) = try start(["--jsonl", "--line-buffered"])
    try input.write(contentsOf: Data((#"{"text": "(中文)"}"# + "\n").utf8))
    #expect(readLine(output, within: 20) == #"{"text": "（中文）"}"#)
    try input.write(contentsOf: Data((#"{"id": 2}"# + "\n").utf8))
    #expect(readLine(output, within: 20) == #"{"id": 2}"#)
    try input.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)

    let (buffered, bufferedInput, bufferedOutput) = try start(["--jsonl"])
    try bufferedInput.write(contentsOf: Data((#"{"text": "(中文)"}"# + "\n").utf8))
    #expect(readLine(bufferedOutput, within: 1) == nil)
    try bufferedInput.close()
    #expect(readLine(bufferedOutput, within: 20) == #"{"text": "（中文）"}"#)
    buffered.waitUntilExit()
  }

  @Test("text mode --line-buffered writes each finished line before more input arrives")
  func textLineBuffered() throws {
    let (process, input, output) = try start(["--only", "unicode", "--line-buffered"])
    try input.write(contentsOf: Data("第一行(中文),完。\n第二行\n".utf8))
    #expect(readLine(output, within: 20) == "第一行（中文），完。")
    try input.close()
    process.waitUntilExit()
  }

  /// 9 MB of real text (the seeds, repeated).
  func largeInput() throws -> URL {
    let directory = try ZhNormBinary.temporaryDirectory()
    var text = Data()
    let seeds = ZhNormBinary.repositoryRoot.appendingPathComponent("seeds")
    for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted() where name.hasSuffix(".txt") {
      text.append(try Data(contentsOf: seeds.appendingPathComponent(name)))
    }
    var large = Data()
    while large.count < 9_000_000 { large.append(text) }
    let url = directory.appendingPathComponent("large.txt")
    try large.write(to: url)
    return url
  }

  /// Runs `command` under `script`, so that its standard error is a terminal; returns what the terminal showed.
  func runOnTerminal(_ command: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", command, "/dev/null"]
    let output = Pipe()
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return String(decoding: data, as: UTF8.self)
  }

  @Test("progress: on a terminal a line with bytes, files, MB/s and ETA appears and is erased; never on a pipe or with --quiet",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func progress() throws {
    let large = try largeInput()
    defer { ZhNormBinary.removeTemporaryDirectory(large.deletingLastPathComponent()) }
    let out = large.deletingLastPathComponent().appendingPathComponent("out.txt").path
    let zhnorm = ZhNormBinary.executable.path
    let shown = try runOnTerminal("'\(zhnorm)' --only unicode '\(large.path)' > '\(out)'")
    #expect(shown.contains("\r\u{1B}[Kzhnorm: "))
    #expect(shown.contains(" of 9.0 MB ("))
    #expect(shown.contains("files 0/1,"))
    #expect(shown.contains(" MB/s"))
    #expect(shown.contains(", ETA "))
    #expect(shown.hasSuffix("\r\u{1B}[K"))

    #expect(try runOnTerminal("'\(zhnorm)' -q --only unicode '\(large.path)' > '\(out)'").isEmpty)
    #expect(try runOnTerminal("'\(zhnorm)' --no-progress --only unicode '\(large.path)' > '\(out)'").isEmpty)
    let piped = try ZhNormBinary.run(["--only", "unicode", "-o", out, large.path])
    #expect(piped.status == 0)
    #expect(piped.errors.isEmpty)
  }
}
