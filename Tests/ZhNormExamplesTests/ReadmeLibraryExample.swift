import ZhNorm

/// What the README's library example computes, so that a test can check each value.
struct ReadmeLibraryResults {
  var clean: String
  var output: [UInt8]
  var widened: Int
  var streamed: String
  var taiwan: String
  var script: Script
  var record: String
  var kept: String
  var summary: DocumentSurvey.Summary
  var records: [ChangeRecord]
  var cleanPage: [UInt8]
  var account: String
  var diff: [InlineDiff.Segment]
}

/// The README's library example (section "Library"), compiled and run by the tests.
///
/// The lines between the two `README` markers, without their common indentation, are the
/// README's ```` ```swift ```` block after its `import ZhNorm` line; `ReadmeLibraryExampleTests`
/// checks that they are the same text, so the README and this code cannot drift apart.
func readmeLibraryExample() async throws -> ReadmeLibraryResults {
  // README: begin
  // A string in, a string out.
  let normalizer = Normalizer()                       // default configuration
  let clean = normalizer.normalize("湖北日报讯(记者许旷)11月8日,论坛在武汉举行。")
  // "湖北日报讯（记者许旷）11月8日，论坛在武汉举行。\n"

  // Streaming, in bounded memory: push byte chunks (cut anywhere, even inside a
  // character), get the output as it becomes final.
  let bytes = Array("强调,当前。\n".utf8)
  let chunks = [bytes[..<4], bytes[4...]]             // "强" and the first byte of "调"
  var stream = normalizer.makeStream()
  var output: [UInt8] = []
  for chunk in chunks { stream.push(chunk, appendingTo: &output) }
  stream.finishDocument(appendingTo: &output)         // output: "强调，当前。\n"
  let widened = stream.statistics.count(.punctuationWidth, by: .unicode)   // 1

  // In an app: an AsyncSequence of byte chunks in, normalized text out.
  let byteChunks = AsyncStream { continuation in
    for chunk in chunks { continuation.yield(chunk) }
    continuation.finish()
  }
  var streamed = ""
  for try await text in normalizer.normalized(byteChunks) { streamed += text }   // "强调，当前。\n"

  // Script conversion on its own, exactly as OpenCC; script detection.
  let taiwan = ScriptConverter(profile: .s2twp).convert("软件和硬件")   // "軟體和硬體"
  let script = ScriptDetector().evidence(in: taiwan).script            // .hant (or .hans, .mixed, .none)

  // JSON Lines: normalize one field of each record, every other byte kept.
  // (jsonl.makeStream(): push(_:appendingTo:), finish(appendingTo:), statistics, takeDiagnostics())
  let jsonl = JSONLNormalizer(normalizer: normalizer, field: try JSONFieldPath("meta.body"))
  let record = jsonl.normalize(#"{"id":1,"meta":{"body":"论坛(第3届)"}}"#)   // {"id":1,"meta":{"body":"论坛（第3届）"}}

  // Choose steps and options.
  var configuration = NormalizerConfiguration()
  configuration.unicode.punctuation = .keep
  let kept = Normalizer(configuration: configuration).normalize("强调,当前")   // "强调,当前\n"

  // What would change, without the text (zhnorm --stats).
  var survey = DocumentSurvey(normalizer: normalizer)
  survey.push(bytes)
  let summary = survey.finishDocument()       // statistics, script evidence, duplicateRatio

  // The report: every change as a record (zhnorm --report), and explained to a person
  // (zhnorm --explain): trace lines, render as you go.
  let audited = NormalizerConfiguration(recordsChanges: true)
  var traced = Normalizer(configuration: audited).makeStream(tracingLines: true)
  var explainer = ExplainRenderer(configuration: audited, style: ExplainStyle(colors: false))
  var account = ""
  let page = Array("各方代表出席了会议,讨论了城市群的合作。\n\n各方代表出席了会议,讨论了城市群的合作。\n".utf8)
  explainer.beginDocument("page.txt", into: &account)
  let cleanPage = traced.push(page) + traced.finishDocument()   // the paragraph once, with "，"
  let records = traced.takeRecords()          // [ChangeRecord]: step, kind, line, text, detail
  explainer.add(records, traced.takeLineTrace(), into: &account)
  explainer.finishDocument(traced.statistics, into: &account)
  let diff = InlineDiff(from: "强调,当前", to: "强调，当前").segments   // [.same("强调"), .deleted(","), .inserted("，"), .same("当前")]
  // README: end
  return ReadmeLibraryResults(
    clean: clean, output: output, widened: widened, streamed: streamed, taiwan: taiwan, script: script,
    record: record, kept: kept, summary: summary, records: records, cleanPage: cleanPage, account: account, diff: diff)
}
