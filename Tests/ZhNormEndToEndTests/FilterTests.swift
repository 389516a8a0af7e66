import Foundation
import Testing

/// The `zhnorm` binary as a unix filter, on the seed documents and on files
/// made for each case.
@Suite("zhnorm as a filter")
struct FilterTests {
  let seeds = try! FileManager.default.contentsOfDirectory(
    atPath: ZhNormBinary.repositoryRoot.appendingPathComponent("seeds").path
  ).filter { $0.hasSuffix(".txt") }.sorted()

  func golden(_ step: String, _ name: String) throws -> Data {
    try Data(contentsOf: ZhNormBinary.repositoryRoot
      .appendingPathComponent("Tests/ZhNormEndToEndTests/Golden/\(step)/\(name)"))
  }

  @Test("--only unicode on each seed gives the reviewed golden output")
  func seedsMatchGolden() throws {
    #expect(seeds.count == 5)
    for name in seeds {
      let result = try ZhNormBinary.run(["--only", "unicode", "seeds/\(name)"])
      #expect(result.status == 0)
      #expect(result.text == String(decoding: try golden("unicode", name), as: UTF8.self), "\(name)")
    }
  }

  @Test("Several files are written one after another, as cat would")
  func severalFiles() throws {
    let all = try ZhNormBinary.run(["--only", "unicode"] + seeds.map { "seeds/\($0)" })
    let expected = try seeds.map { try golden("unicode", $0) }.reduce(Data(), +)
    #expect(all.status == 0)
    #expect(all.output == expected)
  }

  @Test("Standard input is read when there is no file, or for '-'")
  func standardInput() throws {
    let input = Data("湖北日报讯(记者许旷)11月8日,论坛举行。\r\n".utf8)
    let expected = "湖北日报讯（记者许旷）11月8日，论坛举行。\n"
    #expect(try ZhNormBinary.run([], input: input).text == expected)
    #expect(try ZhNormBinary.run(["-"], input: input).text == expected)
  }

  @Test("--only none writes the input back byte for byte")
  func noSteps() throws {
    let input = Data("甲,乙\r\n\r\n\r\n\u{FEFF}丙 \u{00A0}\n丁".utf8)
    let result = try ZhNormBinary.run(["--only", "none"], input: input)
    #expect(result.output == input)
    let skipped = try ZhNormBinary.run(["--skip", "unicode,convert"], input: input)
    #expect(skipped.output == input)
    for name in seeds {
      let seed = try ZhNormBinary.run(["--only", "none", "seeds/\(name)"])
      #expect(seed.output == (try Data(contentsOf: ZhNormBinary.repositoryRoot.appendingPathComponent("seeds/\(name)"))))
    }
  }

  @Test("--punctuation ascii and keep")
  func punctuationStyles() throws {
    let input = Data("你好,世界（测试）\n".utf8)
    #expect(try ZhNormBinary.run(["--punctuation", "ascii"], input: input).text == "你好,世界(测试)\n")
    #expect(try ZhNormBinary.run(["--punctuation", "keep"], input: input).text == "你好,世界（测试）\n")
  }

  @Test("Output is the same when run on its own output (idempotence, on the binary)")
  func idempotentBinary() throws {
    for name in seeds {
      let once = try ZhNormBinary.run(["seeds/\(name)"])
      let twice = try ZhNormBinary.run([], input: once.output)
      #expect(twice.output == once.output, "\(name)")
    }
  }
}

extension FilterTests {
  /// F_GETPIPE_SZ (Linux); Glibc's module does not export it.
  static let getPipeSize: Int32 = 1032

  @Test("Writing to a pipe, zhnorm asks for a 1 MiB pipe buffer; with --line-buffered it does not")
  func largePipeBuffer() throws {
    func pipeSize(_ arguments: [String]) throws -> Int32 {
      let process = Process()
      process.executableURL = ZhNormBinary.executable
      process.arguments = arguments + ["seeds/000_9a485736f1d30434.txt"]
      process.currentDirectoryURL = ZhNormBinary.repositoryRoot
      let output = Pipe()
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
      try process.run()
      _ = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
      // The size belongs to the pipe, so the read end still shows it.
      return fcntl(output.fileHandleForReading.fileDescriptor, Self.getPipeSize)
    }
    #expect(try pipeSize([]) == 1 << 20)
    #expect(try pipeSize(["--line-buffered"]) < 1 << 20)
  }
}
