import ZhNorm

/// Writes the JSON report (`--report`) as documents are processed.
struct ReportSink {
  private var writer: ByteWriter
  private var file: AtomicFile?
  private var documents = 0
  private var recordsInDocument = 0

  /// Opens the report destination: a file (written atomically), or standard error for `-`.
  init(path: String) throws(SystemError) {
    if path == "-" {
      writer = ByteWriter(descriptor: 2, path: "standard error")
    } else {
      let file = try AtomicFile(path: path)
      self.file = file
      writer = ByteWriter(descriptor: file.descriptor, path: path)
    }
    try writer.write(JSONReport.header(version: zhnormVersion))
  }

  mutating func beginDocument(_ name: String) throws(SystemError) {
    if documents > 0 { try writer.write(JSONReport.documentSeparator) }
    documents += 1
    recordsInDocument = 0
    try writer.write(JSONReport.documentStart(file: name))
  }

  mutating func add(_ records: [ChangeRecord]) throws(SystemError) {
    for record in records {
      try writer.write(JSONReport.record(record, first: recordsInDocument == 0))
      recordsInDocument += 1
    }
  }

  mutating func endDocument(_ statistics: DocumentStatistics, seconds: Double, error: String? = nil) throws(SystemError) {
    let extra = error.map { [("error", JSONReport.quoted($0))] } ?? []
    try writer.write(JSONReport.documentEnd(statistics, seconds: seconds, extra: extra))
  }

  /// Ends the report and, for a file, puts it in place.
  mutating func finish() throws(SystemError) {
    try writer.write(JSONReport.footer)
    try writer.flush()
    try file?.commit()
  }

  func discard() { file?.discard() }
}
