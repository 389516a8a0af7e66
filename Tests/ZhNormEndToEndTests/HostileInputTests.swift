import Foundation
import Testing

/// Hostile input, run through the binary from files made in a temporary
/// directory: each is processed (or refused) in bounded memory, the output is
/// valid UTF-8, and normalizing the output again changes nothing.
///
/// The bound: peak resident memory under ``HostileInputTests/boundKiB``
/// (96 MiB) whatever the input; measured 21–60 MiB on these inputs in a
/// debug build (the most for a 4 MiB line of every scalar: the decoder cuts
/// lines at 4 MiB and stages hold a few copies of one segment). The 500 MB
/// line is measured by `Benchmarks/hostile-input.sh`, not here.
@Suite("Hostile input")
struct HostileInputTests {
  static let boundKiB = 96 * 1024

  /// Runs zhnorm on `bytes` (from a file), checks the properties and returns the output.
  @discardableResult
  func check(_ name: String, _ bytes: Data, arguments: [String] = []) throws -> Data {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let input = directory.appendingPathComponent(name)
    try bytes.write(to: input)
    let report = directory.appendingPathComponent("report.json")
    let first = try ZhNormBinary.run(arguments + ["--report", report.path, input.path])
    #expect(first.status == 0, "\(name): \(first.errors)")
    #expect(String(validating: first.output, as: UTF8.self) != nil, "\(name): output is not valid UTF-8")
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as! [String: Any]
    let document = (json["inputs"] as! [[String: Any]])[0]
    #expect(document["bytesIn"] as? Int == bytes.count)
    let peak = document["peakResidentKiB"] as! Int
    print("\(name): \(bytes.count) bytes in, \(first.output.count) out, peak RSS \(peak) KiB")
    #expect(peak < Self.boundKiB, "\(name): peak RSS \(peak) KiB")
    let output = directory.appendingPathComponent("once.txt")
    try first.output.write(to: output)
    let second = try ZhNormBinary.run(arguments + [output.path])
    #expect(second.status == 0)
    #expect(second.output == first.output, "\(name): not idempotent")
    return first.output
  }

  @Test("A 64 MB line without a newline")
  func longLine() throws {
    let unit = Data("中文字符abc，".utf8)  // 20 bytes
    var bytes = Data(capacity: 64 << 20)
    while bytes.count < 64 << 20 { bytes.append(unit) }
    let output = try check("long-line.txt", bytes)
    #expect(output.count == bytes.count + 1)  // a final newline, nothing else changed
  }

  @Test("A file of NUL bytes is refused as binary; with --binary-ok it becomes empty")
  func nulBytes() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let file = directory.appendingPathComponent("zeros.bin")
    try Data(count: 1 << 20).write(to: file)
    let refused = try ZhNormBinary.run([file.path])
    #expect(refused.status == 65)
    #expect(refused.output.isEmpty)
    #expect(refused.errors.contains("zeros.bin: binary input (NUL byte at byte offset 0)"))
    let output = try check("zeros.bin", Data(count: 1 << 20), arguments: ["--binary-ok"])
    #expect(output.isEmpty)
  }

  @Test("A million empty lines")
  func emptyLines() throws {
    let output = try check("empty-lines.txt", Data(repeating: 0x0A, count: 1_000_000))
    #expect(output.isEmpty)
    let between = try check("between.txt", Data("甲\n".utf8) + Data(repeating: 0x0A, count: 1_000_000) + Data("乙\n".utf8))
    #expect(String(decoding: between, as: UTF8.self) == "甲\n\n乙\n")
  }

  @Test("A million-character run of one character")
  func longRun() throws {
    let output = try check("run.txt", Data(String(repeating: "中", count: 1_000_000).utf8))
    #expect(output.count == 3_000_001)
  }

  @Test("Brackets nested 100,000 levels deep")
  func nestedBrackets() throws {
    let depth = 100_000
    let text = String(repeating: "(", count: depth) + "中" + String(repeating: ")", count: depth) + "\n"
      + String(repeating: "（", count: depth) + "x" + String(repeating: "）", count: depth) + "\n"
      + String(repeating: "「", count: depth) + "文" + String(repeating: "」", count: depth) + "\n"
    let output = try check("nested.txt", Data(text.utf8))
    #expect(String(decoding: output, as: UTF8.self).unicodeScalars.count >= 6 * depth)
  }

  @Test("Every Unicode scalar once (NUL included, so with --binary-ok)")
  func everyScalar() throws {
    var text = String.UnicodeScalarView()
    for value in UInt32(0)...0x10FFFF {
      if let scalar = Unicode.Scalar(value) { text.append(scalar) }
    }
    let bytes = Data(String(text).utf8)
    let refused = try ZhNormBinary.run(["--only", "none"], input: bytes)
    #expect(refused.status == 65)
    try check("every-scalar.txt", bytes, arguments: ["--binary-ok"])
    try check("every-scalar-fix-mojibake.txt", bytes, arguments: ["--binary-ok", "--fix-mojibake"])
  }
}
