import Foundation
import Testing

/// `--from`, `--binary-ok`, `--fix-mojibake`, on files made by `iconv`.
@Suite("Input encodings (end to end)")
struct EncodingTests {
  /// Writes `text` in `encoding` (made by `iconv -f UTF-8 -t ENCODING`) to `name` in `directory`.
  static func iconvFile(_ text: String, to encoding: String, name: String, in directory: URL) throws -> URL {
    let source = directory.appendingPathComponent("\(name).utf8")
    try Data(text.utf8).write(to: source)
    let target = directory.appendingPathComponent(name)
    let result = try Shell.run("iconv -f UTF-8 -t \(encoding) '\(source.path)' > '\(target.path)'")
    #expect(result.status == 0, "iconv to \(encoding)")
    return target
  }

  static let texts: [(encoding: String, text: String)] = [
    ("GB18030", "中文测试,简体字。\n第二行:数字１２３与English混排。\n"),
    ("GBK", "湖北日报讯(记者许旷)11月8日,论坛在武汉举行。\n"),
    ("BIG5", "中文測試,繁體字。\n臺灣的資料庫與軟體。\n"),
    ("BIG5-HKSCS", "香港增補字符集:㗎、嘢、冇。\n"),
    ("UTF-16LE", "中文测试,简体字。\n"),
    ("UTF-16BE", "中文测试,简体字。\n"),
    ("UTF-32", "中文测试,简体字。\n"),
    ("SHIFT_JIS", "これは日本語のテキストです。\n"),
  ]

  @Test("--from ENCODING gives exactly the output of the UTF-8 run", arguments: 0..<texts.count)
  func fromEncoding(index: Int) throws {
    let (encoding, text) = Self.texts[index]
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let file = try Self.iconvFile(text, to: encoding, name: "in.txt", in: directory)
    let utf8 = try ZhNormBinary.run([], input: Data(text.utf8))
    let converted = try ZhNormBinary.run(["--from", encoding, file.path])
    #expect(converted.status == 0, "\(converted.errors)")
    #expect(converted.errors.isEmpty)
    #expect(converted.text == utf8.text)
  }

  @Test("--from auto decides by BOM, valid UTF-8 or detection, and says so in --report")
  func auto() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let text = "中文測試,繁體字。這是一個比較長的句子,用來測試編碼偵測。臺灣的資料庫與軟體。\n"
    let big5 = try Self.iconvFile(text, to: "BIG5", name: "big5.txt", in: directory)
    let utf16 = directory.appendingPathComponent("bom16.txt")
    try Data([0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: utf16)
    let utf8 = directory.appendingPathComponent("plain.txt")
    try Data(text.utf8).write(to: utf8)
    let report = directory.appendingPathComponent("report.json")
    let result = try ZhNormBinary.run(["--from", "auto", "--report", report.path, big5.path, utf16.path, utf8.path])
    #expect(result.status == 0, "\(result.errors)")
    let expected = try ZhNormBinary.run([], input: Data(text.utf8)).text
    #expect(result.text == expected + expected + expected)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as! [String: Any]
    let decisions = (json["inputs"] as! [[String: Any]]).map { $0["encoding"] as! [String: Any] }
    #expect(decisions[0]["name"] as? String == "Big5")
    #expect(decisions[0]["source"] as? String == "detection")
    #expect((decisions[0]["confidence"] as? Int ?? 0) > 0)
    #expect(decisions[1]["name"] as? String == "UTF-16LE")
    #expect(decisions[1]["source"] as? String == "byte-order-mark")
    #expect(decisions[2]["source"] as? String == "valid-utf8")
  }

  @Test("ICU is opened only when a step needs it; when it cannot be, exit 69 names the library")
  func icuUnavailable() throws {
    // A file that is not a shared library, first on the library path, stands in
    // for a broken or missing ICU: dlopen finds it and fails.
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    try Data("not a library".utf8).write(to: directory.appendingPathComponent("libicuuc.so.72"))
    let environment = ["LD_LIBRARY_PATH": directory.path]
    let plain = try ZhNormBinary.run(["-c", "s2twp"], input: Data("测试\n".utf8), environment: environment)
    #expect(plain.status == 0 && plain.text == "測試\n")  // UTF-8 input and conversion never load ICU
    let needsICU = try ZhNormBinary.run(["--from", "GB18030"], input: Data("x\n".utf8), environment: environment)
    #expect(needsICU.status == 69)
    #expect(needsICU.errors.contains("zhnorm: cannot load the system ICU (libicuuc.so.72)"))
  }

  @Test("Invalid bytes in the encoding: a warning with file and byte offset; --strict makes it exit 65")
  func invalidBytes() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let good = try Self.iconvFile("中文\n", to: "GB18030", name: "good.txt", in: directory)
    var bytes = try Data(contentsOf: good)
    bytes.append(contentsOf: [0xFF, 0x0A])
    let file = directory.appendingPathComponent("bad.txt")
    try bytes.write(to: file)
    let result = try ZhNormBinary.run(["--from", "GB18030", file.path])
    #expect(result.status == 0)
    #expect(result.text == "中文\n\u{FFFD}\n")
    #expect(result.errors.contains("bad.txt: warning: invalid or unmappable GB18030 (1 byte) at byte offset 5, line 2"))
    let output = directory.appendingPathComponent("out.txt")
    let strict = try ZhNormBinary.run(["--strict", "--from", "GB18030", "-o", output.path, file.path])
    #expect(strict.status == 65)
    #expect(strict.errors.contains("byte offset 5"))
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }

  @Test("--help documents the input options, signals and exit codes")
  func help() throws {
    let result = try ZhNormBinary.run(["--help"])
    for text in ["--from", "--fix-mojibake", "--binary-ok", "INPUT", "130/143", "SIGPIPE", "disk full"] {
      #expect(result.text.contains(text), "\(text)")
    }
  }

  @Test("An unknown encoding is a usage error (64) with a clear message")
  func unknownEncoding() throws {
    let result = try ZhNormBinary.run(["--from", "klingon-8"], input: Data("x\n".utf8))
    #expect(result.status == 64)
    #expect(result.errors.contains("unknown encoding 'klingon-8'"))
  }

  @Test("Binary input is refused (65) naming the file, unless --binary-ok; UTF-16 is not binary")
  func binary() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let file = directory.appendingPathComponent("image.bin")
    try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x61, 0x0A]).write(to: file)
    let refused = try ZhNormBinary.run([file.path])
    #expect(refused.status == 65)
    #expect(refused.output.isEmpty)
    #expect(refused.errors.contains("image.bin: binary input (NUL byte at byte offset 4); use --binary-ok"))
    let allowed = try ZhNormBinary.run(["--binary-ok", "--only", "unicode", file.path])
    #expect(allowed.status == 0)
    #expect(allowed.output == Data([0xEF, 0xBF, 0xBD]) + Data("PNGa\n".utf8))
    let utf16 = try Self.iconvFile("中文\n", to: "UTF-16LE", name: "utf16.txt", in: directory)
    #expect(try ZhNormBinary.run([utf16.path]).status == 65)
    #expect(try ZhNormBinary.run(["--from", "UTF-16LE", utf16.path]).text == "中文\n")
    // Without a byte order mark, detection needs some text to go on.
    let longer = "中文测试，简体字。这是一个比较长的句子，用来测试编码检测。\nSecond line in English.\n"
    let utf16Longer = try Self.iconvFile(longer, to: "UTF-16LE", name: "utf16-longer.txt", in: directory)
    let detected = try ZhNormBinary.run(["--from", "auto", utf16Longer.path])
    #expect(detected.status == 0)
    #expect(detected.text == longer)
  }

  @Test("--fix-mojibake repairs UTF-8 misread as GBK or Latin-1 (made by iconv) and reports 锟斤拷")
  func mojibake() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let source = directory.appendingPathComponent("source.txt")
    try Data("中文测试\n编码错误的文本\n".utf8).write(to: source)
    let file = directory.appendingPathComponent("mojibake.txt")
    // Misread the UTF-8 bytes as GB18030, then as Latin-1, saving as UTF-8 each time.
    let made = try Shell.run("""
      head -1 '\(source.path)' | iconv -f GB18030 -t UTF-8 > '\(file.path)' && \
      tail -1 '\(source.path)' | iconv -f LATIN1 -t UTF-8 >> '\(file.path)' && echo '锟斤拷锟斤拷' >> '\(file.path)'
      """)
    #expect(made.status == 0)
    let untouched = try ZhNormBinary.run(["--only", "none", file.path])
    #expect(untouched.output == (try Data(contentsOf: file)))
    let report = directory.appendingPathComponent("report.json")
    let result = try ZhNormBinary.run(["--fix-mojibake", "--report", report.path, file.path])
    #expect(result.status == 0)
    #expect(result.text == "中文测试\n编码错误的文本\n锟斤拷锟斤拷\n")
    #expect(result.errors.contains("mojibake.txt: warning: irreversible mojibake 锟斤拷锟斤拷 at byte offset"))
    let json = try String(contentsOf: report, encoding: .utf8)
    #expect(json.contains("\"mojibake\": 2"))
    #expect(json.contains("UTF-8 read as GBK: 中文测试"))
  }
}

/// Runs shell commands for tests that need pipes, `ulimit` or `iconv`.
enum Shell {
  struct Result {
    var status: Int32
    var output: String
    var errors: String
  }

  /// Runs `command` with bash; `$ZHNORM` is the built binary.
  static func run(_ command: String, in directory: URL = ZhNormBinary.repositoryRoot) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["ZHNORM"] = ZhNormBinary.executable.path
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let errorData = LockedData()
    let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { usleep(1000) }
    return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self),
      errors: String(decoding: errorData.value, as: UTF8.self))
  }
}
