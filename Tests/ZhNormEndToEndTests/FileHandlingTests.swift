import Foundation
import Testing

/// Files, errors and exit codes.
@Suite("Files and exit codes")
struct FileHandlingTests {
  @Test("A missing file is named, the others are still processed, and the exit code is 66")
  func missingFile() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
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
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let result = try ZhNormBinary.run([directory.path])
    #expect(result.status == 66)
    #expect(result.errors.contains("Is a directory"))
  }

  @Test("-o writes the output file; naming an input file is refused")
  func outputFile() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
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
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
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
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
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
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
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

  @Test("An unreadable file is named and exits 66 (skipped as root, where chmod 000 does not block reads)")
  func unreadable() throws {
    // Tests may run as root (CI containers): root reads a mode-000 file anyway.
    guard geteuid() != 0 else { return }
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let file = directory.appendingPathComponent("secret.txt")
    try Data("甲\n".utf8).write(to: file)
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: file.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path) }
    let result = try ZhNormBinary.run([file.path])
    #expect(result.status == 66)
    #expect(result.errors.contains("secret.txt: open failed: Permission denied"))
    let inPlace = try ZhNormBinary.run(["--in-place", file.path])
    #expect(inPlace.status == 66)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["secret.txt"])
  }

  @Test("A FIFO is read as a stream")
  func fifo() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let result = try Shell.run("""
      mkfifo pipe && (printf '甲,乙\\n' > pipe; sleep 0.2; printf '丙,丁\\n' > /dev/null) &       sleep 0.1; "$ZHNORM" pipe; status=$?; wait; exit $status
      """, in: directory)
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.output == "甲，乙\n")
    let writer = try Shell.run("""
      mkfifo pipe2 && (for i in 1 2 3; do printf '第%d行,内容\\n' $i; sleep 0.05; done > pipe2) &       "$ZHNORM" pipe2; status=$?; wait; exit $status
      """, in: directory)
    #expect(writer.status == 0)
    #expect(writer.output == "第1行，内容\n第2行，内容\n第3行，内容\n")
  }

  @Test("A file that grows or shrinks while read: what is there when read is processed, no crash")
  func changingFile() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    var text = ""
    for i in 0..<100_000 { text += "第\(i)行,内容\n" }
    try Data(text.utf8).write(to: directory.appendingPathComponent("growing.txt"))
    let grown = try Shell.run("""
      (for i in $(seq 1 200); do echo "追加,\\$i" >> growing.txt; done) &       "$ZHNORM" --skip dedup growing.txt > out.txt; status=$?; wait; exit $status
      """, in: directory)
    #expect(grown.status == 0, "\(grown.errors)")
    let output = try Data(contentsOf: directory.appendingPathComponent("out.txt"))
    #expect(String(validating: output, as: UTF8.self) != nil)
    #expect(output.starts(with: Data("第0行，内容\n第1行，内容\n".utf8)))
    try Data(text.utf8).write(to: directory.appendingPathComponent("shrinking.txt"))
    let shrunk = try Shell.run("""
      (sleep 0.01; : > shrinking.txt) & "$ZHNORM" shrinking.txt > out2.txt; status=$?; wait; exit $status
      """, in: directory)
    #expect(shrunk.status == 0)
    #expect(String(validating: try Data(contentsOf: directory.appendingPathComponent("out2.txt")), as: UTF8.self) != nil)
  }

  @Test("Disk full (ulimit -f): exit 74 with a message; -o and --in-place leave their files as they were")
  func diskFull() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    var text = ""
    for i in 0..<20_000 { text += "第\(i)行,内容。\n" }
    let big = Data(text.utf8)  // ~300 KB, over the 10 KiB limit below
    try big.write(to: directory.appendingPathComponent("big.txt"))
    try Data("previous\n".utf8).write(to: directory.appendingPathComponent("out.txt"))
    // bash's ulimit -f counts 1024-byte blocks.
    let toStdout = try Shell.run("ulimit -f 10; \"$ZHNORM\" big.txt > stdout.txt", in: directory)
    #expect(toStdout.status == 74)
    #expect(toStdout.errors.contains("standard output: write failed: File too large"))
    let toFile = try Shell.run("ulimit -f 10; \"$ZHNORM\" -o out.txt big.txt", in: directory)
    #expect(toFile.status == 74)
    #expect(toFile.errors.contains("out.txt: write failed: File too large"))
    #expect(try Data(contentsOf: directory.appendingPathComponent("out.txt")) == Data("previous\n".utf8))
    let inPlace = try Shell.run("ulimit -f 10; \"$ZHNORM\" --in-place big.txt", in: directory)
    #expect(inPlace.status == 74)
    #expect(inPlace.errors.contains("big.txt: write failed: File too large"))
    #expect(try Data(contentsOf: directory.appendingPathComponent("big.txt")) == big)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(leftovers == ["big.txt", "out.txt", "stdout.txt"])
  }

  @Test("-o in a missing directory exits 74; --in-place on binary input leaves it untouched (65)")
  func outputFailures() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let input = directory.appendingPathComponent("in.txt")
    try Data("甲\n".utf8).write(to: input)
    let missing = try ZhNormBinary.run(["-o", directory.appendingPathComponent("no/such/dir/out.txt").path, input.path])
    #expect(missing.status == 74)
    #expect(missing.errors.contains("out.txt: create a temporary file for failed: No such file or directory"))
    let binary = directory.appendingPathComponent("data.bin")
    let bytes = Data([0x61, 0x00, 0x62, 0x0A])
    try bytes.write(to: binary)
    let refused = try ZhNormBinary.run(["--in-place", binary.path])
    #expect(refused.status == 65)
    #expect(try Data(contentsOf: binary) == bytes)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["data.bin", "in.txt"])
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
