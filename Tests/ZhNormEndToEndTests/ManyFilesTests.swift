import Foundation
import Testing

@Suite("many files: -j, --output-dir, --recursive")
struct ManyFilesTests {
  /// A tree of real documents (the seeds) with a hidden directory and file.
  func makeTree() throws -> URL {
    let root = try ZhNormBinary.temporaryDirectory().appendingPathComponent("tree")
    let manager = FileManager.default
    let seeds = try manager.contentsOfDirectory(atPath: ZhNormBinary.repositoryRoot.appendingPathComponent("seeds").path)
      .filter { $0.hasSuffix(".txt") }.sorted()
    for (index, seed) in seeds.enumerated() {
      let directory = root.appendingPathComponent(index % 2 == 0 ? "b" : "a/deep")
      try manager.createDirectory(at: directory, withIntermediateDirectories: true)
      try manager.copyItem(at: ZhNormBinary.repositoryRoot.appendingPathComponent("seeds/\(seed)"), to: directory.appendingPathComponent(seed))
    }
    try manager.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
    try Data("(x)\n".utf8).write(to: root.appendingPathComponent(".git/config"))
    try Data("(x)\n".utf8).write(to: root.appendingPathComponent(".hidden.txt"))
    try Data("(中文)\n".utf8).write(to: root.appendingPathComponent("z.txt"))
    return root
  }

  /// Regular files under `root` that --recursive takes, in its order.
  func walked(_ root: URL) throws -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: root.path)!
    var files: [String] = []
    while let name = enumerator.nextObject() as? String {
      if name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isDirectory)
      if !isDirectory.boolValue { files.append(name) }
    }
    return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  @Test("--recursive walks a tree in sorted order, skipping hidden names; -j 2 and -j 3 give the same bytes as -j 1")
  func recursiveAndJobs() throws {
    let root = try makeTree()
    let names = try walked(root)
    #expect(names.count == 6)
    let sequential = try ZhNormBinary.run(names.map { root.appendingPathComponent($0).path })
    let recursive = try ZhNormBinary.run(["--recursive", root.path])
    #expect(recursive.status == 0)
    #expect(recursive.output == sequential.output)
    for jobs in ["2", "3"] {
      let parallel = try ZhNormBinary.run(["-j", jobs, "-r", root.path])
      #expect(parallel.status == 0)
      #expect(parallel.output == sequential.output)
    }
    // Through -o too, and with a missing file in the middle (reported; the others are written).
    let out = root.deletingLastPathComponent().appendingPathComponent("all.txt").path
    let withMissing = try ZhNormBinary.run(["-j", "2", "-o", out, root.appendingPathComponent(names[0]).path, "/nonexistent/x.txt", root.appendingPathComponent("z.txt").path])
    #expect(withMissing.status == 66)
    #expect(withMissing.errors.contains("/nonexistent/x.txt"))
    let expected = try ZhNormBinary.run([root.appendingPathComponent(names[0]).path, root.appendingPathComponent("z.txt").path]).output
    #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == expected)
  }

  @Test("--output-dir mirrors a walked tree (base names for file arguments); each file equals its -j 1 output")
  func outputDirectory() throws {
    let root = try makeTree()
    let out = root.deletingLastPathComponent().appendingPathComponent("clean/nested")
    let result = try ZhNormBinary.run(["-j", "2", "--output-dir", out.path, "-r", root.path])
    #expect(result.status == 0)
    let names = try walked(root)
    #expect(try walked(out) == names)
    for name in names {
      let single = try ZhNormBinary.run([root.appendingPathComponent(name).path])
      #expect(try Data(contentsOf: out.appendingPathComponent(name)) == single.output, "\(name)")
    }
    let flat = root.deletingLastPathComponent().appendingPathComponent("flat")
    #expect(try ZhNormBinary.run(["--output-dir", flat.path, root.appendingPathComponent("z.txt").path]).status == 0)
    #expect(try String(contentsOf: flat.appendingPathComponent("z.txt"), encoding: .utf8) == "（中文）\n")
    // No temporary files are left behind.
    #expect(try FileManager.default.contentsOfDirectory(atPath: flat.path) == ["z.txt"])
  }

  @Test("refused: -j N with run-scope dedup, --output-dir onto an input or two inputs onto one name, --output-dir from standard input")
  func refused() throws {
    let root = try makeTree()
    let z = root.appendingPathComponent("z.txt").path
    let run = try ZhNormBinary.run(["-j", "2", "--dedup-scope", "run", z, z])
    #expect(run.status == 64)
    #expect(run.errors.contains("dedup across inputs depends on their order"))
    #expect(try ZhNormBinary.run(["--output-dir", root.path, z]).status == 64)
    let names = try walked(root)
    let twice = try ZhNormBinary.run(["--output-dir", root.deletingLastPathComponent().appendingPathComponent("o").path, z, root.appendingPathComponent(names[0]).path, z])
    #expect(twice.status == 64)
    #expect(twice.errors.contains("would both be written to"))
    #expect(try ZhNormBinary.run(["--output-dir", "/tmp/x"], input: Data()).status == 64)
  }

  @Test("--in-place -j 2 edits every file of a tree")
  func inPlace() throws {
    let root = try makeTree()
    let names = try walked(root)
    var expected: [String: Data] = [:]
    for name in names { expected[name] = try ZhNormBinary.run([root.appendingPathComponent(name).path]).output }
    let result = try ZhNormBinary.run(["--in-place", "-j", "2", "-r", root.path])
    #expect(result.status == 0)
    for name in names { #expect(try Data(contentsOf: root.appendingPathComponent(name)) == expected[name], "\(name)") }
    #expect(try String(contentsOf: root.appendingPathComponent(".hidden.txt"), encoding: .utf8) == "(x)\n")
  }

  @Test("JSON Lines shards in parallel keep one line per record")
  func jsonlShards() throws {
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    var paths: [String] = []
    for shard in 0..<4 {
      let lines = (0..<200).map { #"{"shard": \#(shard), "n": \#($0), "text": "第\#($0)条,(中文)"}"# }
      let url = directory.appendingPathComponent("part-\(shard).jsonl")
      try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
      paths.append(url.path)
    }
    let sequential = try ZhNormBinary.run(["--jsonl"] + paths)
    let parallel = try ZhNormBinary.run(["--jsonl", "-j", "2"] + paths)
    #expect(parallel.output == sequential.output)
    #expect(parallel.text.split(separator: "\n").count == 800)
    #expect(parallel.text.contains(#"{"shard": 3, "n": 199, "text": "第199条，（中文）"}"#))
  }
}
