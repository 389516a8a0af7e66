import Testing
@testable import ZhNorm

@Suite("Convert: pipeline stage")
struct ConvertStageTests {
  static func run(_ options: ConvertOptions, _ text: String, segmentBytes: Int? = nil) -> (String, StageOutput) {
    var stage = ConvertStage(options: options)
    var output = StageOutput(recordsChanges: true)
    output.step = .convert
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (number, line) in lines.enumerated() {
      if let segmentBytes, line.utf8.count > segmentBytes {
        // Cut the line into partial segments at scalar boundaries.
        var segment = ""
        var segments: [String] = []
        for scalar in line.unicodeScalars {
          segment.unicodeScalars.append(scalar)
          if segment.utf8.count >= segmentBytes { segments.append(segment); segment = "" }
        }
        segments.append(segment)
        for (i, piece) in segments.enumerated() {
          stage.process(
            Block(text: piece, isPartialLine: i < segments.count - 1, lines: (number + 1)...(number + 1)),
            into: &output)
        }
      } else {
        stage.process(Block(text: line, lines: (number + 1)...(number + 1)), into: &output)
      }
    }
    stage.finishDocument(into: &output)
    var result = ""
    for block in output.blocks {
      result += block.text
      if !block.isPartialLine { result += "\n" }
    }
    return (String(result.dropLast()), output)
  }

  @Test func fixesStraysInAClearlySimplifiedDocument() {
    let text = ConvertFixtures.seed("000")
    let (result, output) = Self.run(ConvertOptions(), text)
    #expect(result == text.replacingOccurrences(of: "先鋒", with: "先锋"))
    #expect(output.records.count == 1)
    #expect(output.records.first?.kind == .strayCharacter)
  }

  @Test func fixesStraysInAClearlyTraditionalDocumentOnly() {
    let text = ConvertFixtures.seed("004")
    let (result, _) = Self.run(ConvertOptions(), text)
    #expect(!result.contains("并"))
    #expect(result.contains("秘書長"))  // Taiwan form, valid Traditional: untouched
    let (short, _) = Self.run(ConvertOptions(), "先鋒队")
    #expect(short == "先鋒队")  // too little evidence: left alone
  }

  @Test func profileConversionIsExactAcrossPartialLines() {
    let text = (ConvertFixtures.seed("000") + ConvertFixtures.seed("002")).replacingOccurrences(of: "\n", with: "")
    let expected = ScriptConverter(profile: .s2twp).convert(text)
    let (whole, _) = Self.run(ConvertOptions(profile: .s2twp), text)
    #expect(whole == expected)
    let (segmented, _) = Self.run(ConvertOptions(profile: .s2twp), text, segmentBytes: 100)
    #expect(segmented == expected)
  }

  @Test func batchesGiveTheSameResultAsSingleBlocks() {
    let lines = (ConvertFixtures.seed("000") + "\n" + ConvertFixtures.seed("004"))
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for options in [ConvertOptions(), ConvertOptions(profile: .s2twp), ConvertOptions(target: .hant),
                    ConvertOptions(decisionHanCharacters: 100)] {
      var single = ConvertStage(options: options)
      var singleOutput = StageOutput()
      for (n, line) in lines.enumerated() {
        single.process(Block(text: line, lines: (n + 1)...(n + 1)), into: &singleOutput)
      }
      single.finishDocument(into: &singleOutput)
      var batched = ConvertStage(options: options)
      var batchedOutput = StageOutput()
      var start = 0
      while start < lines.count {
        let end = min(lines.count, start + 17)
        var batch = (start..<end).map { Block(text: lines[$0], lines: ($0 + 1)...($0 + 1)) }
        batched.process(&batch, into: &batchedOutput)
        start = end
      }
      batched.finishDocument(into: &batchedOutput)
      #expect(batchedOutput.blocks.map(\.text) == singleOutput.blocks.map(\.text))
      #expect(batchedOutput.statistics == singleOutput.statistics)
    }
  }

  @Test func targetConversionIsIdempotent() {
    let text = ConvertFixtures.seed("004")
    let (once, _) = Self.run(ConvertOptions(target: .hans), text)
    let (twice, output) = Self.run(ConvertOptions(target: .hans), once)
    #expect(twice == once)
    #expect(output.statistics == StageOutput().statistics)
  }
}
