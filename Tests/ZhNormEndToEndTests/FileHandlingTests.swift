import Foundation
import Testing

/// Files, errors and exit codes.
@Suite("Files and exit codes")
struct FileHandlingTests {
  @Test("A missing file is named, the others are still processed, and the exit code is 66")
  func missingFile() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    let good = directory.appendingPathComponent("good.txt")
    try Data("好,的\n".utf8).write(to: good)
    let result = try ZhNormBinary.run(["missing.txt", good.path], in: directory)
    #expect(result.status == 66)
    #expect(result.errors.contains("missing.txt"))
    #expect(result.text == "好，的\n")
  }

  @Test("A directory as input is refused with exit code 66")
  func directoryInput() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    let result = try ZhNormBinary.run([directory.path])
    #expect(result.status == 66)
    #expect(result.errors.contains("Is a directory"))
  }

  @Test("-o writes the output file; naming an input file is refused")
  func outputFile() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    let input = directory.appendingPathComponent("in.txt")
    let output = directory.appendingPathComponent("out.txt")
    try Data("甲,乙\n".utf8).write(to: input)
    let result = try ZhNormBinary.run(["-o", output.path, input.path])
    #expect(result.status == 0)
    #expect(try String(contentsOf: output, encoding: .utf8) == "甲，乙\n")
    let refused = try ZhNormBinary.run(["-o", input.path, input.path])
    #expect(refused.status == 64)
    #expect(try String(contentsOf: input, encoding: .utf8) == "甲,乙\n")
  }

  @Test("--in-place replaces the file atomically and keeps its permissions")
  func inPlace() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    let file = directory.appendingPathComponent("page.txt")
    try Data("\n\n甲,乙\r\n".utf8).write(to: file)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
    let result = try ZhNormBinary.run(["--in-place", file.path])
    #expect(result.status == 0)
    #expect(try String(contentsOf: file, encoding: .utf8) == "甲，乙\n")
    let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
    #expect(permissions == 0o640)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(leftovers == ["page.txt"])
  }

  @Test("Invalid UTF-8 is replaced with a warning naming the file and byte offset")
  func invalidUTF8Warning() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    let file = directory.appendingPathComponent("bad.txt")
    try Data([0xE4, 0xB8, 0xAD, 0xFF, 0x0A]).write(to: file)
    let result = try ZhNormBinary.run([file.path])
    #expect(result.status == 0)
    #expect(result.text == "中\u{FFFD}\n")
    #expect(result.errors.contains("bad.txt"))
    #expect(result.errors.contains("byte offset 3"))
  }

  @Test("--strict makes invalid UTF-8 an error (65) and leaves -o and --in-place files untouched")
  func strict() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    let file = directory.appendingPathComponent("bad.txt")
    let bytes = Data([0x61, 0x2C, 0x0A, 0xFF, 0x0A])
    try bytes.write(to: file)
    let output = directory.appendingPathComponent("out.txt")
    try Data("previous\n".utf8).write(to: output)
    let toFile = try ZhNormBinary.run(["--strict", "-o", output.path, file.path])
    #expect(toFile.status == 65)
    #expect(toFile.errors.contains("byte offset 3"))
    #expect(try Data(contentsOf: output) == Data("previous\n".utf8))
    let inPlace = try ZhNormBinary.run(["--strict", "--in-place", file.path])
    #expect(inPlace.status == 65)
    #expect(try Data(contentsOf: file) == bytes)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(leftovers == ["bad.txt", "out.txt"])
  }

  @Test("Usage errors exit with 64", arguments: [
    ["--only", "bogus"], ["--only", "unicode", "--skip", "unicode"], ["--in-place"], ["--punctuation", "wide"],
  ])
  func usageErrors(arguments: [String]) throws {
    #expect(try ZhNormBinary.run(arguments).status == 64)
  }

  @Test("--help documents the steps, examples and exit codes")
  func help() throws {
    let result = try ZhNormBinary.run(["--help"])
    #expect(result.status == 0)
    for section in ["STEPS", "PUNCTUATION", "EXAMPLES", "EXIT STATUS", "--only", "--skip", "--report", "--in-place"] {
      #expect(result.text.contains(section), "\(section)")
    }
  }
}
