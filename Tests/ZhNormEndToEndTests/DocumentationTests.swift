import Foundation
import Testing

@Suite("Shell completions and the man page")
struct DocumentationTests {
  @Test("Completion scripts for bash, zsh and fish are produced and know zhnorm's options and values", arguments: ["bash", "zsh", "fish"])
  func completion(shell: String) throws {
    let result = try ZhNormBinary.run(["--generate-completion-script", shell])
    #expect(result.status == 0)
    for word in ["convert", "near-dup", "explain", "stats-format", "s2twp", "dedup-scope"] {
      #expect(result.text.contains(word), "\(shell) script lacks \(word)")
    }
    if shell == "bash" {
      // The bash script is valid bash.
      let directory = try ZhNormBinary.temporaryDirectory()
      defer { ZhNormBinary.removeTemporaryDirectory(directory) }
      let script = directory.appendingPathComponent("zhnorm.bash")
      try result.output.write(to: script)
      #expect(try ZhNormBinary.runTool("/bin/bash", ["-n", script.path]).status == 0)
    }
    if shell == "fish" { #expect(result.text.contains("complete -c 'zhnorm'")) }
    if shell == "zsh" { #expect(result.text.hasPrefix("#compdef zhnorm")) }
  }

  @Test("The man page says what --help says: every option, the abstract and every line of the discussion")
  func manualPage() throws {
    let manual = try ZhNormBinary.run(["--generate-manual"])
    #expect(manual.status == 0)
    let page = manual.text
    #expect(page.hasPrefix(".TH ZHNORM 1 "))
    let source = page.replacingOccurrences(of: "\\e", with: "\\").replacingOccurrences(of: "\\&", with: "")

    let dump = try ZhNormBinary.run(["--experimental-dump-help"])
    let command = (try JSONSerialization.jsonObject(with: dump.output) as! [String: Any])["command"] as! [String: Any]
    #expect(source.contains("zhnorm \\- " + (command["abstract"] as! String)))
    var options = 0
    for argument in command["arguments"] as! [[String: Any]] where argument["shouldDisplay"] as? Bool == true {
      let names = (argument["names"] as? [[String: String]] ?? []).map { ($0["kind"] == "short" ? "-" : "--") + $0["name"]! }
      for name in names {
        #expect(source.contains("\\fB" + name) || source.contains(" " + name), "man page lacks \(name)")
      }
      if let abstract = argument["abstract"] as? String {
        #expect(source.contains(abstract), "man page lacks the help of \(names)")
      }
      options += 1
    }
    #expect(options >= 25)
    let discussion = command["discussion"] as! String
    for line in discussion.split(separator: "\n") {
      var text = line.trimmingCharacters(in: .whitespaces)
      // A heading's colon and a label's gap are markup in the man page.
      if let first = text.first, first.isUppercase, text.hasSuffix(":"), text.uppercased() == text || text.contains(" (") {
        text = String(text.prefix { $0 != " " && $0 != ":" })
      }
      let words = text.split(separator: " ", omittingEmptySubsequences: true)
      // The label and its text are on lines of their own; check the words in order.
      var position = source.startIndex
      for word in words {
        guard let found = source.range(of: word, range: position..<source.endIndex) else {
          Issue.record("man page lacks “\(word)” of: \(text)")
          break
        }
        position = found.upperBound
      }
    }
  }

  @Test("man renders the page without warnings (when man is installed)")
  func rendersWithMan() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/man") else { return }
    let directory = try ZhNormBinary.temporaryDirectory()
    defer { ZhNormBinary.removeTemporaryDirectory(directory) }
    let file = directory.appendingPathComponent("zhnorm.1")
    try ZhNormBinary.run(["--generate-manual"]).output.write(to: file)
    let rendered = try ZhNormBinary.runTool("/usr/bin/env", ["LANG=C.UTF-8", "MANWIDTH=100", "/usr/bin/man", "--warnings", "-l", file.path])
    #expect(rendered.status == 0)
    #expect(rendered.errors.isEmpty, "\(rendered.errors)")
    #expect(rendered.text.contains("行業(yè)"))
    #expect(rendered.text.contains("--stats-format"))
  }
}
