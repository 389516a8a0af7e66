import Testing
@testable import ZhNorm

@Suite("ExplainRenderer and LineTrace")
struct ExplainRendererTests {
  /// Normalizes `bytes` in chunks of `chunkSize` and returns the output and the account.
  private func explain(
    _ bytes: [UInt8], configuration: NormalizerConfiguration = NormalizerConfiguration(recordsChanges: true),
    style: ExplainStyle = ExplainStyle(), chunkSize: Int = 1 << 20
  ) -> (output: [UInt8], account: String) {
    var stream = Normalizer(configuration: configuration).makeStream(tracingLines: true)
    var renderer = ExplainRenderer(configuration: configuration, style: style)
    var account = ""
    var output: [UInt8] = []
    renderer.beginDocument("doc", into: &account)
    var index = 0
    while index < bytes.count {
      let end = min(index + chunkSize, bytes.count)
      stream.push(bytes[index..<end], appendingTo: &output)
      renderer.add(stream.takeRecords(), stream.takeLineTrace(), into: &account)
      index = end
    }
    stream.finishDocument(appendingTo: &output)
    renderer.add(stream.takeRecords(), stream.takeLineTrace(), into: &account)
    renderer.finishDocument(stream.statistics, into: &account)
    return (output, account)
  }

  @Test("The trace pairs each output line with the input lines it came from")
  func trace() {
    var stream = Normalizer().makeStream(tracingLines: true)
    _ = stream.push(Array("甲,乙\n\n\n丙\n".utf8)) + stream.finishDocument()
    let trace = stream.takeLineTrace()
    #expect(trace.inputs.map(\.line) == [1, 2, 3, 4])
    #expect(trace.inputs[0].text == "甲,乙")
    #expect(trace.outputs.map(\.text) == ["甲，乙", "", "丙"])
    #expect(trace.outputs.first?.lines == 1...1)
    #expect(stream.takeLineTrace().isEmpty)
    var untraced = Normalizer().makeStream()
    _ = untraced.push(Array("甲\n".utf8))
    #expect(untraced.takeLineTrace().isEmpty)
  }

  @Test("Tracing changes no output, profile conversion included")
  func tracingKeepsOutput() {
    for configuration in [NormalizerConfiguration(), NormalizerConfiguration(steps: [.convert], convert: ConvertOptions(profile: .s2twp))] {
      for seed in ["000", "002", "004"] {
        let bytes = Fixtures.seed(seed)
        var plain = Normalizer(configuration: configuration).makeStream()
        var traced = Normalizer(configuration: configuration).makeStream(tracingLines: true)
        let expected = plain.push(bytes) + plain.finishDocument()
        let actual = traced.push(bytes) + traced.finishDocument()
        #expect(actual == expected, "seed \(seed)")
      }
    }
  }

  @Test("A join shows its evidence and the removed line break; a removal its text; the summary the counts")
  func seed000() {
    let account = explain(Fixtures.seed("000")).account
    #expect(account.hasPrefix("doc\n"))
    #expect(account.contains("  lines 27-29: repair paragraph-join: joined line 27 to line 29 across 1 blank line: "))
    #expect(account.contains("179万辆[-,-]{+，+}其[-⏎⏎-]中新能源汽车产量38.8万辆"))
    #expect(account.contains("  line 151: repair page-furniture: removed a continuation marker line\n    [-（上接第一版）-]\n"))
    #expect(account.contains("  line 69: convert stray-character: 鋒 → 锋 (document is hans)\n"))
    #expect(account.contains("    unicode: blank-line 4, final-newline 1, punctuation-width 288\n"))
    #expect(account.contains("    repair: blank-line 3, page-furniture 6, paragraph-join 6\n"))
  }

  @Test("A duplicate is explained as removed, with the line it repeats")
  func duplicate() {
    let paragraph = "这是一个足够长的段落，用来检验重复段落的删除是否被正确说明。"
    let account = explain(Array("\(paragraph)\n\n\(paragraph)\n".utf8)).account
    #expect(account.contains("  line 3: dedup duplicate-exact: removed duplicate of line 1 (exact)\n    [-\(paragraph)-]\n"))
  }

  @Test("Pinyin annotations name the syllable and the character")
  func annotation() {
    let account = explain(Array("重慶汽車行業(yè)第35屆年會。\n".utf8)).account
    #expect(account.contains("repair pinyin-annotation: removed the pinyin （yè） after 業: it is a reading of that character in Unihan"))
    #expect(account.contains("行業[-(yè)-]第35屆年會"))
  }

  @Test("Unexplained edits are named by what they touched; invisible and control characters are shown as code points")
  func unexplained() {
    let account = explain(Array("甲\u{200B}乙,丙\u{1B}[31m\n".utf8)).account
    #expect(account.contains("  line 1: changed (punctuation, invisible or control characters)\n"))
    #expect(account.contains("甲[-<U+200B>-]乙[-,-]{+，+}丙[-<U+001B>-][31m"))
    #expect(!account.contains("\u{1B}"))
  }

  @Test("Colours replace the markers when asked for")
  func colours() {
    let account = explain(Array("甲,乙\n".utf8), style: ExplainStyle(colors: true)).account
    #expect(account.contains("甲\u{1B}[31;9m,\u{1B}[0m\u{1B}[32m，\u{1B}[0m乙"))
    #expect(!account.contains("[-"))
  }

  @Test("Long unchanged stretches are cut to the context")
  func context() {
    let long = String(repeating: "长", count: 100)
    let account = explain(Array("\(long),\(long),\(long)\n".utf8), style: ExplainStyle(context: 3)).account
    #expect(account.contains("    …长长长[-,-]{+，+}长长长…长长长[-,-]{+，+}长长长…\n"))
  }

  @Test("A document without changes says so")
  func noChanges() {
    let account = explain(Array("甲乙丙。\n".utf8)).account
    #expect(account == "doc\n  no changes\n  summary: 1 lines in, 1 out; 13 bytes in, 13 out\n")
  }

  @Test("The account does not depend on how the input is chunked (seeds)")
  func chunking() {
    for seed in ["000", "002", "004"] {
      let bytes = Fixtures.seed(seed)
      let whole = explain(bytes)
      for size in [1, 7, 4096] {
        let chunked = explain(bytes, chunkSize: size)
        #expect(chunked.output == whole.output)
        #expect(chunked.account == whole.account, "seed \(seed), chunks of \(size)")
      }
    }
  }

  @Test("Held input lines are bounded: past the bound, old lines go and their records are still told")
  func bounded() {
    // Every paragraph after the first is a duplicate: no output until the end.
    let paragraph = "这是一个足够长的段落，用来检验重复段落的删除是否被正确说明。"
    let text = Array(String(repeating: "\(paragraph)\n", count: 50).utf8)
    let account = explain(text, style: ExplainStyle(maximumPendingLines: 8), chunkSize: 64).account
    #expect(account.components(separatedBy: "removed duplicate of line 1").count - 1 == 49)
  }
}
