import Testing
@testable import ZhNorm

/// Invalid input is reported with at most 100 diagnostics per document (all
/// are counted); the CLI takes them after every chunk it pushes.
@Suite("Diagnostics per document")
struct DiagnosticLimitTests {
  @Test("At most 100 decoding diagnostics per document, however often they are taken, on every path")
  func diagnosticLimitPerDocument() {
    // 140 ill-formed bytes over two lines. (Found by FuzzDecoder: the limit
    // was on the decoder's pending diagnostics, so taking them reset it.)
    // First more text than the input decoder holds back to look for binary
    // input, so that the lines arrive push by push.
    let document = Array(String(repeating: "正文一行。\n", count: 1_000).utf8) + Array(repeating: 0xFF, count: 70) + [0x0A]
      + Array(repeating: 0xFF, count: 70)
    let configurations = [
      NormalizerConfiguration(steps: [.unicode]), NormalizerConfiguration(steps: []), NormalizerConfiguration(),
      NormalizerConfiguration(steps: [.convert], convert: ConvertOptions(profile: .t2s)),
    ]
    for configuration in configurations {
      for tracing in [false, true] {
        var stream = Normalizer(configuration: configuration).makeStream(tracingLines: tracing)
        var diagnostics: [Diagnostic] = []
        var index = 0
        while index < document.count {
          let end = min(index + 50, document.count)
          _ = stream.push(document[index..<end])
          diagnostics += stream.takeDiagnostics()
          index = end
        }
        _ = stream.finishDocument()
        diagnostics += stream.takeDiagnostics()
        #expect(diagnostics.count == 100, "\(configuration.steps), tracing \(tracing)")
        #expect(stream.statistics.invalidSequences == 140)
        // The next document has its own 100.
        _ = stream.push(Array(repeating: 0xFF, count: 3))
        _ = stream.finishDocument()
        #expect(stream.takeDiagnostics().count == 3)
      }
    }
  }
}
