/// What normalizing documents would do, without keeping their text:
/// `zhnorm --stats`.
///
/// A survey runs the documents through a normalizer (so every count is what
/// a real run would do), reads their script from the input as it was, and
/// counts paragraphs and duplicates; the normalized text itself is dropped
/// chunk by chunk.
///
/// ```swift
/// var survey = DocumentSurvey(normalizer: Normalizer())
/// survey.push(Array(text.utf8))
/// let summary = survey.finishDocument()
/// print(summary.evidence.script, summary.duplicateRatio)
/// ```
///
/// Documents surveyed one after another share one stream, so `dedup`'s run
/// scope finds duplicates across them as it would in a real run.
/// Memory: what the normalizer's stream holds (bounded), plus the records of
/// one chunk. Time: O(n) per byte of input, as normalizing.
public struct DocumentSurvey {
  /// What one document would undergo.
  public struct Summary: Sendable, Hashable {
    /// The pipeline's counts: bytes and lines in and out, changes per step
    /// and kind, invalid UTF-8.
    public var statistics: DocumentStatistics
    /// The script of the input, with its evidence (before any conversion).
    public var evidence: ScriptEvidence
    /// Non-blank lines the output would have (paragraphs, after joins).
    public var paragraphsOut: Int
    /// Paragraphs `dedup` would remove (exact, truncated and near copies).
    public var duplicateParagraphs: Int
    /// UTF-8 bytes of the paragraphs `dedup` would remove.
    public var duplicateBytes: Int

    /// Creates a summary.
    public init(
      statistics: DocumentStatistics = DocumentStatistics(), evidence: ScriptEvidence = ScriptEvidence(),
      paragraphsOut: Int = 0, duplicateParagraphs: Int = 0, duplicateBytes: Int = 0
    ) {
      self.statistics = statistics
      self.evidence = evidence
      self.paragraphsOut = paragraphsOut
      self.duplicateParagraphs = duplicateParagraphs
      self.duplicateBytes = duplicateBytes
    }

    /// The script detected: the clear script when there is one, else the
    /// lenient judgement (`.mixed`, `.none`, …).
    public var script: Script { evidence.clearScript ?? evidence.script }

    /// The share of paragraphs that are duplicates: removed / (kept + removed);
    /// 0 for a document without paragraphs.
    public var duplicateRatio: Double {
      let paragraphs = paragraphsOut + duplicateParagraphs
      return paragraphs == 0 ? 0 : Double(duplicateParagraphs) / Double(paragraphs)
    }
  }

  private var stream: NormalizationStream
  private var decoder: NormalizationStream
  private let detector = ScriptDetector()
  private var summary = Summary()
  private var output: [UInt8] = []
  private var lines: [UInt8] = []
  /// Whether the output line being counted has had a non-space byte yet.
  private var lineHasText = false

  /// The kinds of change that remove a duplicate paragraph.
  public static let duplicateKinds: Set<ChangeKind> = [.exactDuplicate, .truncatedDuplicate, .nearDuplicate]

  /// Creates a survey of what `normalizer` would do. Records are turned on
  /// (to measure duplicates), whatever the normalizer's configuration says.
  public init(normalizer: Normalizer) {
    var configuration = normalizer.configuration
    configuration.recordsChanges = true
    stream = Normalizer(configuration: configuration).makeStream()
    decoder = Normalizer(configuration: NormalizerConfiguration(steps: [])).makeStream()
  }

  /// Feeds the next chunk of the current document.
  public mutating func push(_ bytes: some Collection<UInt8>) {
    stream.push(bytes, appendingTo: &output)
    decoder.push(bytes, appendingTo: &lines)
    absorb()
  }

  /// Ends the current document and returns its summary; the survey is then
  /// ready for the next document.
  public mutating func finishDocument() -> Summary {
    stream.finishDocument(appendingTo: &output)
    decoder.finishDocument(appendingTo: &lines)
    absorb()
    if lineHasText { summary.paragraphsOut += 1 }
    var finished = summary
    finished.statistics = stream.statistics
    summary = Summary()
    lineHasText = false
    return finished
  }

  /// Diagnostics (such as invalid UTF-8) found since the last call.
  public mutating func takeDiagnostics() -> [Diagnostic] {
    _ = decoder.takeDiagnostics()
    return stream.takeDiagnostics()
  }

  /// Counts what the last push produced and lets go of it.
  private mutating func absorb() {
    summary.evidence += lines.withUnsafeBufferPointer { detector.evidence(inUTF8: $0) }
    lines.removeAll(keepingCapacity: true)
    for byte in output {
      if byte == 0x0A {
        if lineHasText { summary.paragraphsOut += 1 }
        lineHasText = false
      } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
        lineHasText = true
      }
    }
    output.removeAll(keepingCapacity: true)
    for record in stream.takeRecords() where Self.duplicateKinds.contains(record.kind) {
      summary.duplicateParagraphs += 1
      summary.duplicateBytes += record.text?.utf8.count ?? 0
    }
  }
}
