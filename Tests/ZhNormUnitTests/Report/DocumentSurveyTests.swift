import Testing
@testable import ZhNorm

@Suite("DocumentSurvey")
struct DocumentSurveyTests {
  @Test("A survey counts what the pipeline would do, the input's script and the duplicates")
  func seed002() {
    var survey = DocumentSurvey(normalizer: Normalizer())
    let bytes = Fixtures.seed("002")
    var index = 0
    while index < bytes.count {
      survey.push(bytes[index..<min(index + 1000, bytes.count)])
      index += 1000
    }
    let summary = survey.finishDocument()
    #expect(summary.statistics.bytesIn == bytes.count)
    #expect(summary.statistics.count(.paragraphJoin, by: .repair) == 12)
    #expect(summary.script == .hans)
    #expect(summary.duplicateParagraphs == 1)
    #expect(summary.paragraphsOut == 69)
    #expect(abs(summary.duplicateRatio - 1.0 / 70) < 1e-9)
    #expect(summary.duplicateBytes > 400)
  }

  @Test("Documents surveyed in turn are independent unless the dedup scope spans them")
  func scopes() {
    let paragraph = Array("这是一个足够长的段落，用来检验重复段落的统计是否正确无误。\n".utf8)
    var configuration = NormalizerConfiguration()
    var survey = DocumentSurvey(normalizer: Normalizer(configuration: configuration))
    survey.push(paragraph)
    #expect(survey.finishDocument().duplicateParagraphs == 0)
    survey.push(paragraph)
    let second = survey.finishDocument()
    #expect(second.duplicateParagraphs == 0)
    #expect(second.paragraphsOut == 1)
    #expect(second.evidence.script == .hans)

    configuration.dedup.scope = .run
    var run = DocumentSurvey(normalizer: Normalizer(configuration: configuration))
    run.push(paragraph)
    _ = run.finishDocument()
    run.push(paragraph)
    let repeated = run.finishDocument()
    #expect(repeated.duplicateParagraphs == 1)
    #expect(repeated.duplicateRatio == 1)
  }

  @Test("An empty document has no paragraphs and a ratio of 0")
  func empty() {
    var survey = DocumentSurvey(normalizer: Normalizer())
    let summary = survey.finishDocument()
    #expect(summary.paragraphsOut == 0 && summary.duplicateRatio == 0 && summary.script == .none)
  }
}
