/// Writes, for a person, what the pipeline changed in a document and why:
/// each join with its evidence, each removal with its text, each changed line
/// as an inline diff, and the counts per step — `zhnorm --explain`.
///
/// Feed it what a traced stream produces, after every push:
///
/// ```swift
/// var configuration = NormalizerConfiguration()
/// configuration.recordsChanges = true
/// let normalizer = Normalizer(configuration: configuration)
/// var stream = normalizer.makeStream(tracingLines: true)
/// var explainer = ExplainRenderer(configuration: configuration)
/// var account = ""
/// explainer.beginDocument("page.txt", into: &account)
/// for chunk in chunks {
///   output += stream.push(chunk)
///   explainer.add(stream.takeRecords(), stream.takeLineTrace(), into: &account)
/// }
/// output += stream.finishDocument()
/// explainer.add(stream.takeRecords(), stream.takeLineTrace(), into: &account)
/// explainer.finishDocument(stream.statistics, into: &account)
/// ```
///
/// A changed line reads like this (plain style):
///
/// ```text
///   lines 27-29: repair: joined line 27 to line 29 across 1 blank line: … (+3)
///     …全省汽车产量179万辆，其[-⏎⏎-]中新能源汽车产量38.8万辆。…
/// ```
///
/// Line numbers are input lines. Invisible and control characters in the
/// text are shown as `<U+200B>`, and a line break removed by a join as `⏎`.
///
/// Memory: the input lines and records the output has not reached yet
/// (bounded by ``ExplainStyle/maximumPendingLines``), never the document.
/// Time: O(n) per line plus the bounded diff of ``InlineDiff``.
public struct ExplainRenderer {
  /// What the pipeline was asked to do (to name the profile of a conversion).
  public let configuration: NormalizerConfiguration
  /// The layout.
  public let style: ExplainStyle

  private var inputs: [LineTrace.InputLine] = []
  private var inputHead = 0
  private var records: [ChangeRecord] = []
  private var entries = 0

  /// Creates a renderer for output of a normalizer with `configuration`.
  public init(configuration: NormalizerConfiguration, style: ExplainStyle = ExplainStyle()) {
    self.configuration = configuration
    self.style = style
  }

  /// Starts the account of a document called `name`.
  public mutating func beginDocument(_ name: String, into output: inout String) {
    inputs.removeAll()
    inputHead = 0
    records.removeAll()
    entries = 0
    output += bold(name) + "\n"
  }

  /// Explains the records and lines a stream produced since the last call.
  public mutating func add(_ newRecords: [ChangeRecord], _ trace: LineTrace, into output: inout String) {
    inputs.append(contentsOf: trace.inputs)
    if !newRecords.isEmpty {
      // Kept in line order (stable: records of one line keep their step order),
      // so that each output line takes its records from the front.
      records.append(contentsOf: newRecords)
      records = records.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }
    for line in trace.outputs { explain(line, into: &output) }
    letGoOfOldest(into: &output)
  }

  /// Ends the document's account: what is left, then the counts per step.
  public mutating func finishDocument(_ statistics: DocumentStatistics, into output: inout String) {
    flushRecords(before: Int.max, into: &output)
    inputs.removeAll()
    inputHead = 0
    if entries == 0 && statistics.changes.isEmpty {
      output += "  no changes\n"
    }
    output += "  summary: \(statistics.linesIn) lines in, \(statistics.linesOut) out; \(statistics.bytesIn) bytes in, \(statistics.bytesOut) out\n"
    for step in PipelineStep.allCases {
      guard let kinds = statistics.changes[step], !kinds.isEmpty else { continue }
      var line = "    \(step.rawValue): " + kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      if step == .convert, let profile = configuration.convert.profile {
        line += " (converted with profile \(profile.rawValue))"
      } else if step == .convert, let target = configuration.convert.target {
        line += " (converted to \(target.rawValue))"
      }
      output += line + "\n"
    }
    if statistics.invalidSequences > 0 {
      output += "    decode: \(statistics.invalidSequences) invalid UTF-8 sequences replaced with U+FFFD\n"
    }
  }

  // MARK: - Entries

  /// Explains one output line: its records, and a diff when its text changed.
  private mutating func explain(_ line: LineTrace.OutputLine, into output: inout String) {
    let first = line.lines.lowerBound
    let last = line.lines.upperBound
    flushRecords(before: first, into: &output)
    while inputHead < inputs.count && inputs[inputHead].line < first { inputHead += 1 }
    compactInputs()

    var before: [String] = []
    var segmented = line.isPartial
    var index = inputHead
    while index < inputs.count && inputs[index].line <= last {
      if inputs[index].isPartial { segmented = true }
      before.append(inputs[index].text)
      index += 1
    }
    let held = !before.isEmpty
    let oldText = before.joined(separator: "\n")
    let attachedCount = records.prefix { $0.line <= last }.count
    let attached = Array(records[..<attachedCount])
    if attachedCount > 0 { records.removeFirst(attachedCount) }
    let changed = held && !segmented && oldText != line.text
    guard changed || !attached.isEmpty else { return }

    var header = "  " + location(line.lines) + ": "
    if attached.isEmpty {
      header += "changed (" + describeChange(InlineDiff(from: oldText, to: line.text)) + ")"
      output += header + "\n"
    } else {
      output += header + describe(attached[0]) + "\n"
      for record in attached.dropFirst() {
        output += "    and " + describe(record) + "\n"
      }
    }
    if changed {
      output += "    " + render(InlineDiff(from: oldText, to: line.text)) + "\n"
    } else if segmented && attached.isEmpty {
      output += "    (a segment of an overlong line: no diff)\n"
    }
    entries += 1
  }

  /// Prints, as entries of their own, the records of lines before `line`:
  /// lines that were removed, or whose output came earlier.
  private mutating func flushRecords(before line: Int, into output: inout String) {
    let dueCount = records.prefix { $0.line < line }.count
    guard dueCount > 0 else { return }
    let due = records[..<dueCount]
    for record in due { standalone(record, into: &output) }
    records.removeFirst(dueCount)
  }

  private mutating func standalone(_ record: ChangeRecord, into output: inout String) {
    output += "  " + location(record.line...record.line) + ": " + describe(record) + "\n"
    if let text = record.text, !text.isEmpty {
      let quoted = display(clipped(text), escapingBreaks: true)
      output += "    " + (Self.removalKinds.contains(record.kind) ? deleted(quoted) : "“" + quoted + "”") + "\n"
    }
    entries += 1
  }

  /// Lets go of the oldest held input lines and records past the style's bound.
  private mutating func letGoOfOldest(into output: inout String) {
    let heldLines = inputs.count - inputHead
    if heldLines > style.maximumPendingLines {
      inputHead += heldLines - style.maximumPendingLines
      compactInputs()
    }
    if records.count > style.maximumPendingLines {
      let cut = records[records.count - style.maximumPendingLines].line
      flushRecords(before: cut, into: &output)
    }
  }

  private mutating func compactInputs() {
    if inputHead > 1024 && inputHead * 2 > inputs.count {
      inputs.removeFirst(inputHead)
      inputHead = 0
    }
  }

  // MARK: - Words

  /// Kinds whose record text is text that was removed.
  private static let removalKinds: Set<ChangeKind> = [
    .pageFurniture, .pinyinAnnotation, .exactDuplicate, .truncatedDuplicate, .nearDuplicate,
  ]

  private func location(_ lines: ClosedRange<Int>) -> String {
    lines.count == 1 ? "line \(lines.lowerBound)" : "lines \(lines.lowerBound)-\(lines.upperBound)"
  }

  /// "repair: joined line 27 to line 29 …", "dedup: removed duplicate of line 12 (exact)".
  private func describe(_ record: ChangeRecord) -> String {
    var words = record.detail ?? record.kind.rawValue
    if Self.removalKinds.contains(record.kind) && !words.hasPrefix("removed") { words = "removed " + words }
    return "\(record.step.rawValue) \(record.kind.rawValue): \(words)"
  }

  /// Names what kind of edit a diff without a record made, from the scalars
  /// it deleted and inserted.
  private func describeChange(_ diff: InlineDiff) -> String {
    var han = false, punctuation = false, space = false, invisible = false, width = false, other = false
    for segment in diff.segments {
      let text: String
      switch segment {
      case .same: continue
      case .deleted(let value), .inserted(let value): text = value
      }
      for scalar in text.unicodeScalars {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case _ where scalar.properties.isIdeographic: han = true
        case _ where (0xFF10...0xFF19).contains(value) || (0xFF21...0xFF3A).contains(value) || (0xFF41...0xFF5A).contains(value):
          width = true
        case .control, .format: if value == 0x09 { space = true } else { invisible = true }
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: space = true
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
          .finalPunctuation, .otherPunctuation, .mathSymbol:
          punctuation = true
        case .decimalNumber, .uppercaseLetter, .lowercaseLetter:
          if value >= 0xFF00 { width = true } else { other = true }
        default: other = true
        }
      }
    }
    var words: [String] = []
    if han {
      if let profile = configuration.convert.profile {
        words.append("converted with profile \(profile.rawValue)")
      } else if let target = configuration.convert.target {
        words.append("converted to \(target.rawValue)")
      } else {
        words.append("Han characters")
      }
    }
    if punctuation { words.append("punctuation") }
    if width { words.append("width variants") }
    if space { words.append("spaces") }
    if invisible { words.append("invisible or control characters") }
    if other || words.isEmpty { words.append("text") }
    return words.joined(separator: ", ")
  }

  // MARK: - Rendering

  /// The diff on one line, unchanged stretches cut to the style's context.
  private func render(_ diff: InlineDiff) -> String {
    var result = ""
    let segments = diff.segments
    for (index, segment) in segments.enumerated() {
      switch segment {
      case .same(let text):
        let scalars = Array(text.unicodeScalars)
        let context = style.context
        let isFirst = index == 0
        let isLast = index == segments.count - 1
        if isFirst && isLast {
          result += display(text, escapingBreaks: false)
        } else if isFirst {
          result += scalars.count > context ? "…" + string(scalars.suffix(context)) : display(text, escapingBreaks: false)
        } else if isLast {
          result += scalars.count > context ? string(scalars.prefix(context)) + "…" : display(text, escapingBreaks: false)
        } else if scalars.count > 2 * context + 1 {
          result += string(scalars.prefix(context)) + "…" + string(scalars.suffix(context))
        } else {
          result += display(text, escapingBreaks: false)
        }
      case .deleted(let text): result += deleted(display(clipped(text), escapingBreaks: true))
      case .inserted(let text): result += inserted(display(clipped(text), escapingBreaks: true))
      }
    }
    return result
  }

  private func string(_ scalars: some Collection<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return display(String(view), escapingBreaks: false)
  }

  private func clipped(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard scalars.count > style.maximumQuotedScalars else { return text }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars.prefix(style.maximumQuotedScalars))
    return String(view) + "…"
  }

  /// Makes invisible and control characters visible (`<U+200B>`) and, in
  /// changed text, a line break `⏎`. Escape sequences in the input can thus
  /// never reach the terminal.
  private func display(_ text: String, escapingBreaks: Bool) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value == 0x0A {
        result += "⏎"
      } else if value == 0x09 && !escapingBreaks {
        result.unicodeScalars.append(scalar)
      } else if value == 0x20 || value == 0x3000 {
        result.unicodeScalars.append(scalar)
      } else {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate,
          .privateUse:
          result += "<U+" + hex(value) + ">"
        default:
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  private func deleted(_ text: String) -> String {
    style.colors ? "\u{1B}[31;9m" + text + "\u{1B}[0m" : "[-" + text + "-]"
  }

  private func inserted(_ text: String) -> String {
    style.colors ? "\u{1B}[32m" + text + "\u{1B}[0m" : "{+" + text + "+}"
  }

  private func bold(_ text: String) -> String {
    style.colors ? "\u{1B}[1m" + display(text, escapingBreaks: true) + "\u{1B}[0m" : display(text, escapingBreaks: true)
  }
}
