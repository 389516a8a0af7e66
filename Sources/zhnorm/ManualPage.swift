/// Turns the text of `zhnorm --help` into a man page (man(7) macros), so that
/// the man page and `--help` always say the same thing — in UTF-8, Chinese
/// examples included.
///
/// The help text is taken unwrapped (one line per paragraph or option) and
/// mapped line by line: a line `HEADING: …` at the margin starts a section;
/// an indented `label   text` line (an option, a step, an exit status)
/// becomes a tagged paragraph; an indented line without such a gap (an
/// example command) is kept as it is; other lines are running text.
enum ManualPage {
  /// The man page for a command called `name`, from its unwrapped help text.
  static func render(name: String, version: String, abstract: String, help: String) -> String {
    var page = ""
    var synopsis = ""
    var literal = false
    func endLiteral() {
      if literal { page += ".fi\n" }
      literal = false
    }
    for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
      let text = String(line)
      if text.trimmingSpaces.isEmpty {
        endLiteral()
        continue
      }
      if let (heading, rest) = heading(text) {
        endLiteral()
        if heading == "USAGE" {
          synopsis = ".SH SYNOPSIS\n" + escaped(rest) + "\n"
          continue
        }
        page += ".SH " + escaped(heading == "OVERVIEW" ? "DESCRIPTION" : heading) + "\n"
        if heading != "OVERVIEW", !rest.isEmpty { page += escaped(rest) + "\n" }
        continue
      }
      if text.hasPrefix(" ") {
        let content = text.trimmingSpaces
        if text.hasPrefix("          ") {
          page += escaped(content) + "\n"  // help continued under its label
        } else if let (label, body) = optionLabel(content) ?? gapLabel(content) {
          endLiteral()
          page += ".TP\n\\fB" + escaped(label) + "\\fR\n" + (body.isEmpty ? "" : escaped(body) + "\n")
        } else if content == name || content.hasPrefix(name + " ") {
          if !literal { page += ".nf\n" }
          literal = true
          page += escaped(content) + "\n"
        } else {
          endLiteral()
          page += ".IP\n" + escaped(content) + "\n"
        }
        continue
      }
      endLiteral()
      page += ".PP\n" + escaped(text) + "\n"
    }
    endLiteral()
    let header = ".TH \(name.uppercased()) 1 \"\" \"\(name) \(version)\" \"User Commands\"\n"
      + ".SH NAME\n\(escaped(name)) \\- \(escaped(abstract))\n"
    return header + synopsis + page
  }

  /// An option's label and help: `-c, --convert <PROFILE> Convert …` →
  /// (`-c, --convert <PROFILE>`, `Convert …`). The label is the leading words
  /// that start with `-` or `<`; the help may follow after a single space.
  private static func optionLabel(_ content: String) -> (String, String)? {
    guard content.hasPrefix("-") || content.hasPrefix("<") else { return nil }
    let words = content.split(separator: " ", omittingEmptySubsequences: false)
    var count = 0
    while count < words.count && (words[count].hasPrefix("-") || words[count].hasPrefix("<") || words[count] == "...") {
      count += 1
    }
    let label = words[..<count].joined(separator: " ")
    return (label, words[count...].joined(separator: " ").trimmingSpaces)
  }

  /// A label and text separated by a gap of two spaces or more (`unicode   NFC; …`).
  private static func gapLabel(_ content: String) -> (String, String)? {
    guard let gap = content.doubleSpace else { return nil }
    return (String(content[..<gap]), String(content[gap...]).trimmingSpaces)
  }

  /// `("EXIT STATUS", "")` for `EXIT STATUS:`, `("USAGE", "zhnorm …")` for
  /// `USAGE: zhnorm …`, `("STEPS", "")` for `STEPS (…):`; `nil` otherwise.
  private static func heading(_ line: String) -> (String, String)? {
    guard let first = line.unicodeScalars.first, ("A"..."Z").contains(first) else { return nil }
    var heading = ""
    for character in line {
      guard character.isUppercase || character == " " else { break }
      heading.append(character)
    }
    heading = heading.trimmingSpaces
    guard heading.count >= 3, heading.allSatisfy({ $0.isUppercase || $0 == " " }) else { return nil }
    let rest = line.dropFirst(heading.count)
    if rest.hasPrefix(":") { return (heading, String(rest.dropFirst()).trimmingSpaces) }
    if rest.hasPrefix(" ("), line.hasSuffix(":") { return (heading, "") }
    return nil
  }

  /// Text made safe for man(7): backslashes escaped, and a line that would
  /// start with a control character (`.` or `'`) protected.
  private static func escaped(_ text: String) -> String {
    let body = text.replacingAll("\\", with: "\\e")
    return body.hasPrefix(".") || body.hasPrefix("'") ? "\\&" + body : body
  }
}

extension String {
  /// The string without leading and trailing spaces.
  fileprivate var trimmingSpaces: String {
    var scalars = Substring(self)
    while scalars.first == " " { scalars = scalars.dropFirst() }
    while scalars.last == " " { scalars = scalars.dropLast() }
    return String(scalars)
  }

  /// Where the first run of two spaces starts, if any.
  fileprivate var doubleSpace: String.Index? {
    var index = startIndex
    while index < endIndex {
      let next = self.index(after: index)
      if self[index] == " ", next < endIndex, self[next] == " " { return index }
      index = next
    }
    return nil
  }

  /// Every occurrence of `target` replaced with `replacement`.
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
