import ZhNorm

/// Writes `--explain`'s account to standard error as documents are processed.
struct ExplainSink {
  private var renderer: ExplainRenderer
  private var writer = ByteWriter(descriptor: 2, path: "standard error")
  private var text = ""

  init(configuration: NormalizerConfiguration, colors: Bool) {
    renderer = ExplainRenderer(configuration: configuration, style: ExplainStyle(colors: colors))
  }

  mutating func beginDocument(_ name: String) throws(SystemError) {
    renderer.beginDocument(name, into: &text)
    try drain()
  }

  mutating func add(_ records: [ChangeRecord], _ trace: LineTrace) throws(SystemError) {
    renderer.add(records, trace, into: &text)
    try drain()
  }

  /// Ends the document's account (`error`: why it stopped early) and flushes,
  /// so that warnings printed next do not land in the middle of it.
  mutating func endDocument(_ statistics: DocumentStatistics, error: String? = nil) throws(SystemError) {
    renderer.finishDocument(statistics, into: &text)
    if let error { text += "  stopped: \(error)\n" }
    try drain()
  }

  private mutating func drain() throws(SystemError) {
    guard !text.isEmpty else { return }
    try writer.write(text)
    try writer.flush()  // keeps the account in order with warnings, which are unbuffered
    text.removeAll(keepingCapacity: true)
  }
}
