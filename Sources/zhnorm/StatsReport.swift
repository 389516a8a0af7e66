import ZhNorm

/// `zhnorm --stats`: what the pipeline would do to each input, without the text.
///
/// Each input streams through a ``DocumentSurvey`` (memory stays bounded);
/// the table (or JSON) is printed on standard output once all inputs are read,
/// so that the columns line up.
struct StatsReport {
  /// One surveyed input.
  private struct Row {
    var name: String
    var summary: DocumentSurvey.Summary
  }

  /// Surveys every input and prints the result; returns the exit status.
  static func run(inputs: [String], normalizer: Normalizer, format: StatsFormat, quiet: Bool) -> ExitStatus {
    var survey = DocumentSurvey(normalizer: normalizer)
    var status = ExitStatus.success
    var rows: [Row] = []
    var chunk = InputFile.makeChunkBuffer()
    for path in inputs {
      let name = path == "-" ? "standard input" : path
      do {
        try InputFile.forEachChunk(of: path, buffer: &chunk) { survey.push($0) }
        let summary = survey.finishDocument()
        if !quiet, let first = survey.takeDiagnostics().first {
          printError("zhnorm: \(name): warning: \(first) (\(summary.statistics.invalidSequences) in all)")
        }
        rows.append(Row(name: name, summary: summary))
      } catch {
        _ = survey.finishDocument()
        _ = survey.takeDiagnostics()
        printError("zhnorm: \(error)")
        status = max(status, error.exitStatus)
      }
    }
    var writer = ByteWriter(descriptor: 1, path: "standard output")
    do {
      try writer.write(format == .json ? json(rows) : table(rows))
      try writer.flush()
    } catch {
      printError("zhnorm: \(error)")
      status = max(status, .ioError)
    }
    return status
  }

  /// The columns of the table: a heading and the value per summary.
  private static let columns: [(String, @Sendable (DocumentSurvey.Summary) -> String)] = [
    ("bytes", { String($0.statistics.bytesIn) }),
    ("lines", { String($0.statistics.linesIn) }),
    ("script", { $0.script.rawValue }),
    ("unicode", { String($0.statistics.total(for: .unicode)) }),
    ("joins", { String($0.statistics.count(.paragraphJoin, by: .repair)) }),
    ("furniture", { String($0.statistics.count(.pageFurniture, by: .repair)) }),
    ("annotations", { String($0.statistics.count(.pinyinAnnotation, by: .repair)) }),
    ("strays", { String($0.statistics.count(.strayCharacter, by: .convert)) }),
    ("paragraphs", { String($0.paragraphsOut + $0.duplicateParagraphs) }),
    ("duplicates", { String($0.duplicateParagraphs) }),
    ("dup%", { percent($0.duplicateRatio) }),
  ]

  /// A table, one row per input, then every count per step and kind.
  private static func table(_ rows: [Row]) -> String {
    var cells: [[String]] = [["file"] + columns.map(\.0)]
    for row in rows { cells.append([row.name] + columns.map { $0.1(row.summary) }) }
    var widths = [Int](repeating: 0, count: cells[0].count)
    for line in cells { for (index, cell) in line.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) } }
    var text = ""
    for line in cells {
      var fields: [String] = []
      for (index, cell) in line.enumerated() {
        let padding = String(repeating: " ", count: widths[index] - displayWidth(cell))
        fields.append(index == 0 ? cell + padding : padding + cell)
      }
      text += fields.joined(separator: "  ") + "\n"
    }
    for row in rows {
      let statistics = row.summary.statistics
      text += "\n\(row.name):\n"
      let evidence = row.summary.evidence
      text += "  script: \(row.summary.script.rawValue) (simplified-only \(evidence.simplifiedOnly), traditional-only \(evidence.traditionalOnly), Han characters \(evidence.hanCharacters))\n"
      for step in PipelineStep.allCases {
        guard let kinds = statistics.changes[step], !kinds.isEmpty else { continue }
        text += "  \(step.rawValue): " + kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
      }
      if row.summary.duplicateParagraphs > 0 {
        text += "  duplicates: \(row.summary.duplicateParagraphs) of \(row.summary.paragraphsOut + row.summary.duplicateParagraphs) paragraphs (\(percent(row.summary.duplicateRatio))), \(row.summary.duplicateBytes) bytes\n"
      }
      if statistics.invalidSequences > 0 {
        text += "  invalid UTF-8: \(statistics.invalidSequences) sequences (first at byte \(statistics.firstInvalidOffset ?? 0))\n"
      }
    }
    return text
  }

  /// `{"zhnorm": VERSION, "files": [...]}`, one object per input.
  private static func json(_ rows: [Row]) -> String {
    var objects: [String] = []
    for row in rows {
      let summary = row.summary
      let statistics = summary.statistics
      let steps = statistics.changes.keys.sorted().map { step in
        let kinds = statistics.changes[step]!.sorted { $0.key < $1.key }.map { "\(JSONReport.quoted($0.key.rawValue)): \($0.value)" }
        return "\(JSONReport.quoted(step.rawValue)): {\(kinds.joined(separator: ", "))}"
      }
      let fields = [
        "\"file\": \(JSONReport.quoted(row.name))",
        "\"bytes\": \(statistics.bytesIn)",
        "\"lines\": \(statistics.linesIn)",
        "\"bytesOut\": \(statistics.bytesOut)",
        "\"linesOut\": \(statistics.linesOut)",
        "\"script\": \(JSONReport.quoted(summary.script.rawValue))",
        "\"scriptEvidence\": {\"simplifiedOnly\": \(summary.evidence.simplifiedOnly), \"traditionalOnly\": \(summary.evidence.traditionalOnly), \"hanCharacters\": \(summary.evidence.hanCharacters)}",
        "\"invalidUTF8\": \(statistics.invalidSequences)",
        "\"steps\": {\(steps.joined(separator: ", "))}",
        "\"paragraphs\": \(summary.paragraphsOut + summary.duplicateParagraphs)",
        "\"duplicateParagraphs\": \(summary.duplicateParagraphs)",
        "\"duplicateBytes\": \(summary.duplicateBytes)",
        "\"duplicateRatio\": \(summary.duplicateRatio)",
      ]
      objects.append("  {" + fields.joined(separator: ", ") + "}")
    }
    return "{\"zhnorm\": \(JSONReport.quoted(zhnormVersion)), \"files\": [\n" + objects.joined(separator: ",\n") + "\n]}\n"
  }

  private static func percent(_ ratio: Double) -> String {
    let tenths = Int((ratio * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
  }

  /// Terminal columns: East Asian wide characters count 2.
  private static func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
      let value = scalar.value
      let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
        || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
        || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
      return width + (wide ? 2 : 1)
    }
  }
}
