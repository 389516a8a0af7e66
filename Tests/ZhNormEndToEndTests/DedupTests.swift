import Foundation
import Testing

@Suite("dedup step")
struct DedupTests {
  static let first = "孙伟强调，要深入学习贯彻党中央关于开展第二批主题教育的部署要求，切实把主题教育成果转化为廉洁奉公的强大力量。"
  static let second = "省政协党组书记、副主席李青松，副主席杨兴平、王忠武出席会议并在会上作对照检查发言。"
  static let third = "会议强调，要以这次民主生活会为新的起点，持续巩固拓展主题教育成果，推动各项工作再上新台阶。"

  func write(_ text: String, to directory: URL, _ name: String) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  @Test("seeds/002: 孙伟强调 once, 廉洁奉公的强大力量。 or its fragments kept, 省政协党组书记 starts a paragraph")
  func seed002() throws {
    let result = try ZhNormBinary.run(["seeds/002_1e4af29fab1a8898.txt"])
    #expect(result.status == 0)
    #expect(result.text.components(separatedBy: "孙伟强调").count == 2)
    #expect(result.text.contains("大力量。"))
    #expect(result.text.contains("\n省政协党组书记"))
  }

  @Test("--skip dedup keeps repeats")
  func skip() throws {
    let input = "\(Self.first)\n\n\(Self.first)\n"
    #expect(try ZhNormBinary.run([], input: Data(input.utf8)).text == "\(Self.first)\n")
    #expect(try ZhNormBinary.run(["--skip", "dedup"], input: Data(input.utf8)).text == input)
  }

  @Test("--dedup-scope run removes repeats across files; doc (default) does not")
  func runScope() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let a = try write("\(Self.first)\n\n\(Self.second)\n", to: directory, "a.txt")
    let b = try write("\(Self.second)\n\n\(Self.third)\n", to: directory, "b.txt")
    #expect(try ZhNormBinary.run([a, b]).text == "\(Self.first)\n\n\(Self.second)\n\(Self.second)\n\n\(Self.third)\n")
    #expect(try ZhNormBinary.run(["--dedup-scope", "run", a, b]).text == "\(Self.first)\n\n\(Self.second)\n\(Self.third)\n")
  }

  @Test("--report lists removed paragraphs with the kept copy's line and the kind")
  func report() throws {
    let input = "\(Self.first)\n\n\(Self.second)\n\n\(Self.first)\n"
    let result = try ZhNormBinary.run(["--report", "-"], input: Data(input.utf8))
    let json = try JSONSerialization.jsonObject(with: Data(result.errors.utf8)) as! [String: Any]
    let document = (json["inputs"] as! [[String: Any]])[0]
    let changes = document["records"] as! [[String: Any]]
    let removal = changes.first { $0["step"] as? String == "dedup" }
    #expect(removal?["kind"] as? String == "duplicate-exact")
    #expect(removal?["line"] as? Int == 5)
    #expect(removal?["detail"] as? String == "duplicate of line 1 (exact)")
  }

  @Test("--near-dup 0.85 removes near copies; off (the default) keeps them; bad values are usage errors")
  func nearOption() throws {
    let edited = Self.first.replacingOccurrences(of: "强大力量。", with: "强大力量！")
    let input = "\(Self.first)\n\n\(edited)\n"
    #expect(try ZhNormBinary.run(["--near-dup", "0.85"], input: Data(input.utf8)).text == "\(Self.first)\n")
    #expect(try ZhNormBinary.run([], input: Data(input.utf8)).text == input)
    #expect(try ZhNormBinary.run(["--near-dup", "off"], input: Data(input.utf8)).text == input)
    #expect(try ZhNormBinary.run(["--near-dup", "1.5"], input: Data(input.utf8)).status == 64)
    #expect(try ZhNormBinary.run(["--dedup-memory", "lots"], input: Data(input.utf8)).status == 64)
  }

  @Test("--dedup-db remembers paragraphs across runs")
  func database() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let db = directory.appendingPathComponent("fp.sqlite").path
    let first = try ZhNormBinary.run(["--dedup-db", db], input: Data("\(Self.first)\n\n\(Self.second)\n".utf8))
    #expect(first.text == "\(Self.first)\n\n\(Self.second)\n")
    let second = try ZhNormBinary.run(["--dedup-db", db], input: Data("\(Self.second)\n\n\(Self.third)\n".utf8))
    #expect(second.text == "\(Self.third)\n")
    #expect(try ZhNormBinary.run(["--dedup-db", directory.appendingPathComponent("missing/dir/fp.sqlite").path], input: Data()).status == 64)
  }

  /// Distinct paragraphs `range` of a generated family, one per line.
  static func paragraphs(_ range: Range<Int>) -> [String] {
    range.map { "第\($0)号文件指出，各地区各部门要认真贯彻落实有关部署，确保第\($0)项工作任务按期完成并取得实效。" }
  }

  @Test("Two concurrent runs on one database neither corrupt it nor lose entries")
  func concurrentRuns() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let db = directory.appendingPathComponent("fp.sqlite").path
    // Many small documents, so that each run commits many transactions.
    var paths: [[String]] = [[], []]
    for run in 0..<2 {
      for file in 0..<40 {
        // Runs overlap on half their paragraphs.
        let start = run * 2000 + file * 100
        paths[run].append(try write(Self.paragraphs(start..<(start + 100)).joined(separator: "\n") + "\n", to: directory, "r\(run)-\(file).txt"))
      }
    }
    let inputs = paths
    let group = DispatchGroup()
    let results = LockedResults()
    for run in 0..<2 {
      group.enter()
      Thread.detachNewThread {
        let result = try? ZhNormBinary.run(["--dedup-db", db, "--near-dup", "off"] + inputs[run])
        results.set(run, result?.status ?? -1, result?.text ?? "")
        group.leave()
      }
    }
    group.wait()
    #expect(results.status == [0, 0])
    // The union of both inputs: paragraphs 0..<6000 (run 0: 0..<4000, run 1: 2000..<6000).
    let check = try ZhNormBinary.run(["--dedup-db", db, "--near-dup", "off"], input: Data((Self.paragraphs(0..<6000).joined(separator: "\n") + "\n").utf8))
    #expect(check.status == 0)
    #expect(check.text == "")
    // Every paragraph came out of at least one run (the overlap may come out twice).
    let lines = Set(results.texts.joined().split(separator: "\n").map(String.init))
    #expect(lines == Set(Self.paragraphs(0..<6000)))
    let integrity = Process()
    integrity.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    integrity.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('pragma integrity_check').fetchone()[0], c.execute('select count(*) from fingerprint').fetchone()[0])", db]
    let pipe = Pipe()
    integrity.standardOutput = pipe
    try integrity.run()
    integrity.waitUntilExit()
    let answer = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(answer == "ok 6000\n")
  }
}

final class LockedResults: @unchecked Sendable {
  private let lock = NSLock()
  private var statuses: [Int32] = [-2, -2]
  private var outputs = ["", ""]
  func set(_ run: Int, _ status: Int32, _ text: String) { lock.lock(); statuses[run] = status; outputs[run] = text; lock.unlock() }
  var status: [Int32] { lock.lock(); defer { lock.unlock() }; return statuses }
  var texts: [String] { lock.lock(); defer { lock.unlock() }; return outputs }
}
