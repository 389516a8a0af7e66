import Testing
@testable import ZhNorm

@Suite("Repair step")
struct RepairTests {
  let normalizer = Normalizer(configuration: NormalizerConfiguration(steps: [.unicode, .repair]))
  func run(_ text: String, _ configuration: NormalizerConfiguration = NormalizerConfiguration(steps: [.unicode, .repair])) -> String {
    Normalizer(configuration: configuration).normalize(text)
  }

  @Test("Pinyin annotations that are readings of the character are removed, others stay")
  func annotations() {
    #expect(run("重慶汽車行業(yè)第35屆年會。") == "重慶汽車行業第35屆年會。\n")
    #expect(run("協（xié）調（diào）發（fā）展。") == "協調發展。\n")
    #expect(run("董事長（創（chuàng）始人）。") == "董事長（創始人）。\n")
    #expect(run("他来自武汉（wǔ）。") == "他来自武汉（wǔ）。\n")  // 汉 is not read wǔ
    #expect(run("调(diao4)整。") == "调整。\n")
    #expect(run("业（yè）（yè）务。") == "业务。\n")
    var keep = NormalizerConfiguration(steps: [.unicode, .repair])
    keep.repair.removesAnnotations = false
    #expect(run("行業(yè)。", keep) == "行業（yè）。\n")
  }

  @Test("Page furniture is removed")
  func furniture() {
    #expect(run("甲文。\n\n（上接第一版）\n\n乙文。") == "甲文。\n\n乙文。\n")
    #expect(run("甲文。\n\n- 7 -\n\n乙文。") == "甲文。\n\n乙文。\n")
    #expect(run("甲文。\n\n第3页\n\n乙文。\n\nPage 3 of 10\n") == "甲文。\n\n乙文。\n")
    #expect(run("（上接第1版）要坚持创新。") == "要坚持创新。\n")
    #expect(run("第3页的内容很多。") == "第3页的内容很多。\n")
  }

  @Test("Seeds: acceptance strings")
  func seeds() {
    let s000 = normalizer.normalize(Fixtures.seedText("000"))
    for s in ["其中新能源汽车产量38.8万辆", "开始向中国学习", "深度对接", "一条条机械臂正精准高效地", "营销中心方云鹏"] {
      #expect(s000.contains(s), "\(s)")
    }
    #expect(!s000.contains("上接第一版"))
    #expect(s000.contains("\n等51个绿色驿站"))
    let s002 = normalizer.normalize(Fixtures.seedText("002"))
    for s in ["共建国家有贸易往来", "中部第一。", "驻马店市", "数据要素市场化平台", "助推湖北汽车产业", "圈出自己家的86.2亩土地", "关注着该项目",
      "35个百亿级项目", "进一步放宽至160千瓦", "廉洁奉公的强大力量。", "盛阅春强调\n\n## 全面提升", "\n## 全面提升动力储能电池产业核心竞争力\n"]
    {
      #expect(s002.contains(s), "\(s)")
    }
    #expect(!s002.contains("廉洁奉公的强省政协"))
    var unicodeOnly = NormalizerConfiguration(steps: [.unicode, .repair])
    unicodeOnly.steps = [.unicode]
    for seed in ["001", "003"] {
      #expect(normalizer.normalize(Fixtures.seedText(seed)) == Normalizer(configuration: unicodeOnly).normalize(Fixtures.seedText(seed)))
    }
    #expect(!normalizer.normalize(Fixtures.seedText("004")).contains("(yè)"))
  }

  @Test("Hyphenation and Latin joins")
  func latin() {
    #expect(Hyphenation.removesHyphen(left: Array("inter-".unicodeScalars.map(\.value)), right: Array("national".unicodeScalars.map(\.value))))
    #expect(!Hyphenation.removesHyphen(left: Array("e-".unicodeScalars.map(\.value)), right: Array("mail".unicodeScalars.map(\.value))))
    #expect(!Hyphenation.removesHyphen(left: Array("Wi-".unicodeScalars.map(\.value)), right: Array("Fi".unicodeScalars.map(\.value))))
    #expect(!Hyphenation.removesHyphen(left: Array("COVID-".unicodeScalars.map(\.value)), right: Array("19".unicodeScalars.map(\.value))))
  }

  @Test("A Latin join inserts a space, but not before a mark that attaches to the text before it, nor after an opening bracket",
    arguments: [
      ("the", "house", true), ("total:", "42", true), ("增长66", ".7%。", false), ("增长16.62", "%、13.97%。", false),
      ("see (", "note 2)", false), ("in 2024", ", the", false),
    ])
  func joinSpacing(left: String, right: String, space: Bool) {
    func facts(_ text: String) -> LineFacts { Array(text.utf8).withUnsafeBufferPointer { LineFacts($0) } }
    let context = JoinDecision.Context(
      blankLines: 0, pageBreak: false, interleaved: false, wrap: (width: 60, tolerance: 4, near: 3, of: 3),
      lastLineWidth: 60, widestLine: 60, paragraphWidth: 120, nextWidth: 20)
    let decision = JoinDecision.decide(facts(left), facts(right), context)
    #expect(decision.joins)
    #expect(decision.insertsSpace == space)
  }

  /// A hard-wrap join whose joined line would fit the wrap width is refused:
  /// a second run would take that line for a full one and join the next line
  /// to it (fuzz-pipeline-b490562a). A wider joined line joins.
  @Test("A hard-wrap join is refused when the joined line would still fit the wrap width",
    arguments: [(58, 4, false), (58, 6, false), (58, 8, true), (120, 4, true)])
  func joinedLineFitsWrap(paragraphWidth: Int, nextWidth: Int, joins: Bool) {
    func facts(_ text: String) -> LineFacts { Array(text.utf8).withUnsafeBufferPointer { LineFacts($0) } }
    let context = JoinDecision.Context(
      blankLines: 0, pageBreak: false, interleaved: false, wrap: (width: 60, tolerance: 4, near: 3, of: 3),
      lastLineWidth: 58, widestLine: 60, paragraphWidth: paragraphWidth, nextWidth: nextWidth)
    let decision = JoinDecision.decide(facts("中国制造业的转型升级正在加快推进各地纷纷出台政策支持企业"), facts("发展壮大"), context)
    #expect(decision.joins == joins)
  }

  /// Clean paragraphs from the seeds, each its own line with blank lines between.
  static var paragraphs: [String] {
    let unicodeOnly = Normalizer(configuration: NormalizerConfiguration(steps: [.unicode]))
    return ["000", "002"].flatMap { seed in
      unicodeOnly.normalize(Fixtures.seedText(seed)).split(separator: "\n").map(String.init)
        .filter { $0.unicodeScalars.count >= 30 && ($0.hasSuffix("。") || $0.hasSuffix("”")) && !$0.contains("\t") }
        // Clean text only: the seeds' own continuation markers are artifacts.
        .filter { line in PageFurniture.leadingMarker(line.unicodeScalars.map(\.value)) == nil }
    }
  }

  @Test("Generated documents: page breaks injected inside paragraphs are joined; clean documents are unchanged")
  func generated() {
    var generator = SeededGenerator(seed: 7)
    let paragraphs = Self.paragraphs
    var truePositives = 0, falsePositives = 0, falseNegatives = 0
    var cleanChanged = 0
    for _ in 0..<60 {
      let chosen = (0..<8).map { _ in paragraphs.randomElement(using: &generator)! }
      let clean = chosen.joined(separator: "\n\n") + "\n"
      if normalizer.normalize(clean) != clean { cleanChanged += 1 }
      var broken: [String] = []
      var injected = 0
      for paragraph in chosen {
        let scalars = Array(paragraph.unicodeScalars)
        if Bool.random(using: &generator) {
          let cut = Int.random(in: 5..<(scalars.count - 3), using: &generator)
          var left = "", right = ""
          left.unicodeScalars.append(contentsOf: scalars[..<cut])
          right.unicodeScalars.append(contentsOf: scalars[cut...])
          let furniture = ["", "（上接第1版）\n\n", "— 12 —\n\n", "第3页\n\n"].randomElement(using: &generator)!
          broken.append(left + "\n\n" + furniture + right)
          injected += 1
        } else {
          broken.append(paragraph)
        }
      }
      let output = normalizer.normalize(broken.joined(separator: "\n\n") + "\n")
      let outLines = Set(output.split(separator: "\n").map(String.init))
      let joinedRight = chosen.filter { outLines.contains($0) }.count
      let expectedJoins = injected
      let misses = chosen.count - joinedRight
      truePositives += expectedJoins - misses
      falseNegatives += misses
      // A wrong join produces a line that is none of the clean paragraphs and longer than any half.
      falsePositives += outLines.filter { line in !chosen.contains(line) && !chosen.contains { $0.hasPrefix(line) || $0.hasSuffix(line) } }.count
    }
    let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
    let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
    print("repair join precision \(precision) recall \(recall) (tp \(truePositives), fp \(falsePositives), fn \(falseNegatives)); clean documents changed: \(cleanChanged)")
    #expect(cleanChanged == 0)
    #expect(falsePositives == 0)
  }
}

@Suite("Repair step and dedup together")
struct RepairWithDedupTests {
  // R is a whole paragraph seen before; between the two halves of the split
  // paragraph it is a repeat that dedup removes.
  let r = "省政协党组书记、主席孙伟主持会议并讲话，要求全体委员认真学习贯彻会议精神。"
  var document: String {
    "\(r)\n\n全省汽车产量179万辆,同比增长百分之十二,其\n\n\(r)\n\n中新能源汽车产量38.8万辆。\n"
  }

  @Test("A repeat between the halves of a paragraph is removed, and the halves are joined, as a second run would")
  func repeatBetweenHalves() {
    let normalizer = Normalizer()
    let once = normalizer.normalize(document)
    #expect(once == "\(r)\n\n全省汽车产量179万辆，同比增长百分之十二，其中新能源汽车产量38.8万辆。\n")
    #expect(normalizer.normalize(once) == once)
  }

  @Test("Without the dedup step the repeat stays, and keeps the halves apart")
  func repeatStaysWithoutDedup() {
    let normalizer = Normalizer(configuration: NormalizerConfiguration(steps: [.unicode, .repair, .convert]))
    let once = normalizer.normalize(document)
    #expect(once.components(separatedBy: r).count == 3)
    #expect(once.contains("其\n\n\(r)\n\n中新能源"))
  }

  @Test("A short repeat that dedup keeps (a caption) is not removed by repair either")
  func shortRepeatStays() {
    let text = "图1 产量\n\n全省汽车产量179万辆,同比增长百分之十二,其\n\n图1 产量\n\n中新能源汽车产量38.8万辆。\n"
    let once = Normalizer().normalize(text)
    #expect(once.components(separatedBy: "图1 产量").count == 3)
  }

  @Test("The removal is in the report, with the line of the copy kept")
  func reported() {
    var configuration = NormalizerConfiguration()
    configuration.recordsChanges = true
    var stream = Normalizer(configuration: configuration).makeStream()
    _ = stream.push(Array(document.utf8))
    _ = stream.finishDocument()
    let records = stream.takeRecords().filter { $0.kind == .exactDuplicate }
    #expect(records.count == 1)
    #expect(records.first?.detail?.contains("duplicate of line 1") == true)
  }
}
