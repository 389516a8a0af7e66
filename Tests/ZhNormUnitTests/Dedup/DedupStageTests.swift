import Testing
@testable import ZhNorm

@Suite("Dedup step")
struct DedupStageTests {
  static let long = "孙伟强调，要深入学习贯彻党中央关于开展第二批主题教育的部署要求，持之以恒把学习贯彻作为长期根本任务，切实把主题教育成果转化为廉洁奉公的强大力量。"
  static let other = "省政协党组书记、副主席李青松，副主席杨兴平、王忠武出席会议并在会上作对照检查发言。"

  func clean(_ text: String, _ configure: (inout DedupOptions) -> Void = { _ in }) -> String {
    var configuration = NormalizerConfiguration(steps: [.unicode, .dedup])
    configure(&configuration.dedup)
    return Normalizer(configuration: configuration).normalize(text)
  }

  @Test("An exact repeat goes, with the blank line that separated it")
  func exact() {
    #expect(clean("\(Self.long)\n\n\(Self.other)\n\n\(Self.long)\n\n结束了。\n") == "\(Self.long)\n\n\(Self.other)\n\n结束了。\n")
    #expect(clean("\(Self.long)\n\n\(Self.long)\n") == "\(Self.long)\n")
    #expect(clean("\(Self.long)\n\(Self.long)\n\(Self.other)\n") == "\(Self.long)\n\(Self.other)\n")
  }

  @Test("Whitespace and width variants are exact repeats")
  func variants() {
    let variant = Self.other.replacingOccurrences(of: "，", with: " , ").replacingOccurrences(of: "副主席", with: "副 主席")
    #expect(clean("\(Self.other)\n\n\(variant)\n") == "\(Self.other)\n")
    let fullwidth = "Debian 12 的安装程序支持 UEFI 和 Secure Boot 两种启动方式。"
    #expect(clean("\(fullwidth)\n\nＤｅｂｉａｎ　１２的安装程序支持ＵＥＦＩ和Ｓｅｃｕｒｅ　Ｂｏｏｔ两种启动方式。\n") == "\(fullwidth)\n")
  }

  @Test("A truncated repeat (a prefix of a recent paragraph) goes")
  func truncated() {
    let fragment = String(Self.long.prefix(60))
    #expect(clean("\(Self.long)\n\n\(fragment)\n\n\(Self.other)\n") == "\(Self.long)\n\n\(Self.other)\n")
    // The seed's case before repair joins the first occurrence: an exact repeat.
    let rest = String(Self.long.dropFirst(60))
    #expect(clean("\(fragment)\n\n\(rest)\n\n\(fragment)\n\n\(Self.other)\n") == "\(fragment)\n\n\(rest)\n\n\(Self.other)\n")
  }

  @Test("A near repeat goes at 0.85 and stays with near-duplicate detection off (the default)")
  func near() {
    let edited = Self.long.replacingOccurrences(of: "长期根本任务", with: "长期基本任务")
    #expect(clean("\(Self.long)\n\n\(edited)\n") { $0.nearDuplicateThreshold = 0.85 } == "\(Self.long)\n")
    #expect(clean("\(Self.long)\n\n\(edited)\n") == "\(Self.long)\n\n\(edited)\n")
  }

  @Test("Short and structural repeats stay")
  func legitimateRepeats() {
    let text = "图1\n\n（完）\n\n本报记者 张三\n\n甲\t乙\t丙\t丁\t戊\t己\t庚\t辛\t壬\t癸\t子\t丑\t寅\t卯\t辰\t巳\n\n第一章 总则与一般规定以及适用范围说明\n\n"
    #expect(clean(text + text) == text + text.dropLast())
  }

  @Test("Distinct paragraphs that share words stay")
  func distinctStay() {
    let a = "2023年全省粮食总产量达到了五百二十万吨，比上年增长百分之三点一。"
    let b = "2024年全省粮食总产量达到了五百四十万吨，比上年增长百分之三点八。"
    #expect(clean("\(a)\n\n\(b)\n") == "\(a)\n\n\(b)\n")
  }

  @Test("Document scope forgets between documents; run scope does not")
  func scopes() {
    for scope in [DedupOptions.Scope.document, .run] {
      var configuration = NormalizerConfiguration(steps: [.unicode, .dedup])
      configuration.dedup.scope = scope
      var stream = Normalizer(configuration: configuration).makeStream()
      var output = stream.push(Array("\(Self.long)\n".utf8))
      stream.finishDocument(appendingTo: &output)
      stream.push(Array("\(Self.long)\n\n\(Self.other)\n".utf8), appendingTo: &output)
      stream.finishDocument(appendingTo: &output)
      let text = String(decoding: output, as: UTF8.self)
      #expect(text == (scope == .document ? "\(Self.long)\n\(Self.long)\n\n\(Self.other)\n" : "\(Self.long)\n\(Self.other)\n"))
    }
  }

  @Test("Records say which line was kept and how the copy matched")
  func records() {
    var configuration = NormalizerConfiguration(steps: [.unicode, .dedup], recordsChanges: true)
    configuration.dedup.scope = .run
    configuration.dedup.nearDuplicateThreshold = 0.85
    var stream = Normalizer(configuration: configuration).makeStream()
    let edited = Self.long.replacingOccurrences(of: "长期根本任务", with: "长期基本任务")
    _ = stream.push(Array("\(Self.long)\n\n\(Self.long)\n\n\(String(Self.long.prefix(50)))\n\n\(edited)\n".utf8))
    _ = stream.finishDocument()
    let records = stream.takeRecords()
    #expect(records.map(\.kind) == [.exactDuplicate, .truncatedDuplicate, .nearDuplicate])
    #expect(records.map(\.line) == [3, 5, 7])
    #expect(records[0].detail == "duplicate of line 1 (exact)")
    #expect(records[1].detail == "duplicate of line 1 (truncated: a prefix of it)")
    #expect(records[2].detail?.hasPrefix("duplicate of line 1 (near, similarity ") == true)
    _ = stream.push(Array("\(Self.long)\n".utf8))
    _ = stream.finishDocument()
    #expect(stream.takeRecords().first?.detail == "duplicate of line 1 of document 1 (exact)")
  }

  @Test("Precision and recall on generated documents", arguments: [1, 2, 3, 4, 5])
  func precisionAndRecall(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let corpus = DedupCorpus.document(count: 400, using: &generator)
    let withNear: (inout DedupOptions) -> Void = { $0.nearDuplicateThreshold = 0.85 }
    let output = clean(corpus.text, withNear)
    let score = DedupScore(corpus: corpus, output: output)
    print("dedup seed \(seed): precision \(score.precision) recall \(score.recall) TP \(score.truePositives) FP \(score.falsePositives) FN \(score.falseNegatives) missed \(score.missedByKind)")
    #expect(score.falsePositives == 0)
    #expect(score.recall >= 0.95)
    // Running again on the output removes nothing more.
    #expect(clean(output, withNear) == output)
  }

  @Test("The exact index stays under its memory limit and only forgets")
  func boundedIndex() {
    var index = ExactIndex(keepsPositions: false, byteLimit: 1 << 16)
    var generator = SeededGenerator(seed: 9)
    var keys: [UInt64] = []
    for _ in 0..<100_000 {
      let key = generator.next() | 1
      if index.lookup(key) == nil { index.insert(key, position: 0) }
      keys.append(key)
    }
    #expect(index.byteCount <= 1 << 16)
    #expect(!index.isComplete)
    let remembered = keys.suffix(1000).filter { index.lookup($0) != nil }.count
    #expect(remembered > 500)  // recent keys are mostly still there
    #expect(index.lookup(2) == nil)  // never a false positive
  }

  @Test("Below its memory limit the exact index forgets nothing, whatever the load of a bucket")
  func completeIndex() {
    // A regression: a full bucket used to evict one of its slots even when the
    // table was far below its limit (about 1 paragraph in 1000 was forgotten).
    var index = ExactIndex(keepsPositions: true, byteLimit: 64 << 20)
    var generator = SeededGenerator(seed: 11)
    var keys: [UInt64] = []
    for n in 0..<300_000 {
      let key = generator.next() | 1
      #expect(index.lookup(key) == nil)
      index.insert(key, position: UInt64(n))
      keys.append(key)
    }
    #expect(index.isComplete && index.evictions == 0 && index.count == keys.count)
    #expect(keys.enumerated().allSatisfy { index.lookup($0.element) == UInt64($0.offset) })
    #expect(index.lookup(2) == nil)
  }

  @Test("Inserting a key unless it is there is a lookup and then an insert, at the limit and below it",
    arguments: [1 << 16, 64 << 20])
  func insertIfAbsent(byteLimit: Int) {
    var oneCall = ExactIndex(keepsPositions: true, byteLimit: byteLimit)
    var twoCalls = ExactIndex(keepsPositions: true, byteLimit: byteLimit)
    var generator = SeededGenerator(seed: 13)
    var keys: [UInt64] = []
    for n in 0..<60_000 as Range<UInt64> {
      // Every third key is one seen before.
      let key = n % 3 == 2 ? keys[Int(generator.next() % UInt64(keys.count))] : generator.next() | 1
      keys.append(key)
      let expected = twoCalls.lookup(key)
      if expected == nil { twoCalls.insert(key, position: n) }
      #expect(oneCall.insertIfAbsent(key, position: n) == expected)
    }
    #expect(oneCall.count == twoCalls.count && oneCall.evictions == twoCalls.evictions)
    #expect(oneCall.byteCount == twoCalls.byteCount)
    #expect(keys.allSatisfy { oneCall.lookup($0) == twoCalls.lookup($0) })
    #expect(byteLimit > 1 << 16 ? oneCall.isComplete : !oneCall.isComplete)
  }

  @Test("The exact index is a value: a copy changes apart from the original")
  func indexIsAValue() {
    var original = ExactIndex(keepsPositions: true, byteLimit: 1 << 20)
    original.insert(3, position: 30)
    var copy = original
    copy.insert(5, position: 50)
    for key: UInt64 in 7...5_000 { copy.insert(key &* 0x9E37_79B9_7F4A_7C15 | 1, position: key) }  // grows
    #expect(original.lookup(5) == nil && original.lookup(3) == 30 && original.count == 1)
    #expect(copy.lookup(5) == 50 && copy.lookup(3) == 30)
    original.removeAll()
    #expect(original.lookup(3) == nil && copy.lookup(3) == 30)
  }

  @Test("MinHash estimates Jaccard similarity of character 5-grams")
  func minHash() {
    var fingerprinter = Fingerprinter()
    func signature(_ text: String) -> [UInt32] {
      var copy = text
      return copy.withUTF8 { _ = fingerprinter.fingerprint($0, signature: true); fingerprinter.densify(); return Array(fingerprinter.signature) }
    }
    let a = signature(Self.long)
    #expect(signature(Self.long) == a)
    let b = signature(Self.other)
    let same = zip(a, b).filter { $0 == $1 }.count
    #expect(same < 8)
  }
}
