import Testing
@testable import ZhNorm

@Test func stepsRunInDeclaredOrder() {
  #expect(PipelineStep.allCases.sorted() == [.unicode, .repair, .convert, .dedup])
}
