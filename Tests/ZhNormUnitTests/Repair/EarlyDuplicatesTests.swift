import Testing
@testable import ZhNorm

/// The repair step's copy of dedup's exact and truncation checks.
@Suite("Repair: early duplicates")
struct EarlyDuplicatesTests {
  static let paragraph = "孙伟强调，要深入学习贯彻党中央关于开展第二批主题教育的部署要求，切实把主题教育成果转化为廉洁奉公的强大力量。"

  func match(_ early: inout EarlyDuplicates, _ text: String, held: Block? = nil) -> ChangeKind? {
    var block = Block(text: text)
    var held = held
    return early.match(&block, held: &held)?.kind
  }

  func remember(_ early: inout EarlyDuplicates, _ text: String, line: Int) {
    var block = Block(text: text, lines: line...line)
    early.remember(&block)
  }

  @Test("Copies equal after normalization are exact duplicates; prefixes are truncated ones")
  func exactAndTruncated() {
    var early = EarlyDuplicates(options: DedupOptions())
    remember(&early, Self.paragraph, line: 3)
    let spaced = Self.paragraph.replacingOccurrences(of: "，", with: ", ")
    #expect(match(&early, spaced) == .exactDuplicate)
    #expect(match(&early, String(Self.paragraph.prefix(30))) == .truncatedDuplicate)
    #expect(match(&early, "省政协党组书记、主席孙伟主持会议并讲话，强调要把学习成果转化为工作成效。") == nil)
  }

  @Test("Warming a batch fingerprints its candidates; a block rewritten afterwards is judged by its new text")
  func warmedBatch() {
    var early = EarlyDuplicates(options: DedupOptions())
    remember(&early, Self.paragraph, line: 1)
    let other = "省政协党组书记、主席孙伟主持会议并讲话，强调要把学习成果转化为工作成效。"
    var blocks = [Block(text: other), Block(text: ""), Block(text: "短行"), Block(text: other + "另有补充。")]
    early.warm(&blocks)
    #expect(blocks[0].dedupFingerprint != nil)
    #expect(blocks[1].dedupFingerprint == nil)  // blank
    #expect(blocks[2].dedupFingerprint == nil)  // shorter than the minimum length
    // Rewritten after warming (as a removed annotation would): the stale
    // fingerprint is gone, and the copy is found by its new text.
    blocks[3].text = Self.paragraph
    var held: Block?
    #expect(early.match(&blocks[0], held: &held) == nil)
    #expect(early.match(&blocks[3], held: &held)?.kind == .exactDuplicate)
  }

  @Test("A paragraph dedup would not index (a short heading) makes nothing a copy")
  func headingsAreNotIndexed() {
    var early = EarlyDuplicates(options: DedupOptions())
    remember(&early, "Option ClassModule 语句", line: 1)
    #expect(match(&early, "Option ClassModule") == nil)
    #expect(match(&early, "Option ClassModule 语句") == nil)
  }

  @Test("The held paragraph counts: a copy of it is removed before it is written")
  func heldParagraph() {
    var early = EarlyDuplicates(options: DedupOptions())
    let held = Block(text: Self.paragraph, lines: 7...7)
    #expect(match(&early, String(Self.paragraph.prefix(30)), held: held) == .truncatedDuplicate)
    #expect(match(&early, Self.paragraph, held: held) == .exactDuplicate)
    #expect(match(&early, Self.paragraph, held: nil) == nil)
    // The held paragraph's fingerprint is computed once and travels with it.
    var block = Block(text: "省政协党组书记、主席孙伟主持会议并讲话，强调要把学习成果转化为工作成效。")
    var holding: Block? = held
    _ = early.match(&block, held: &holding)
    var fingerprinter = Fingerprinter()
    let expected = held.withUTF8 { fingerprinter.fingerprint($0, signature: false) }
    #expect(holding?.dedupFingerprint?.exact == expected.exact)
  }

  @Test("A copy far back, spaced differently, between a fragment and its continuation: removed first, then the halves join")
  func farCopyBetweenHalves() {
    var text = Self.paragraph + "\n\n"
    for i in 0..<40 { text += "第\(i)段正文，讲述了会议的第\(i)项安排与具体要求，内容完整。\n\n" }
    text += "会议指出，全省汽车产量179万辆，其\n\n"
    text += Self.paragraph.replacingOccurrences(of: "，", with: ", ") + "\n\n"
    text += "中新能源汽车产量38.8万辆，同比增长。\n"
    let normalizer = Normalizer()
    let once = normalizer.normalize(text)
    #expect(once.components(separatedBy: "孙伟强调").count == 2)
    #expect(once.contains("其中新能源汽车产量38.8万辆"))
    #expect(normalizer.normalize(once) == once)
  }
}

@Suite("Pipeline: a block's cached dedup fingerprint")
struct BlockFingerprintTests {
  @Test("The early check attaches the fingerprint; changing the text forgets it")
  func forgottenOnChange() {
    var early = EarlyDuplicates(options: DedupOptions())
    var block = Block(text: EarlyDuplicatesTests.paragraph)
    var none: Block? = nil
    #expect(early.match(&block, held: &none) == nil)
    var fingerprinter = Fingerprinter()
    let expected = block.withUTF8 { fingerprinter.fingerprint($0, signature: false) }
    #expect(block.dedupFingerprint?.exact == expected.exact)
    block.text = "另一段文字，内容完全不同，长度也足够作为正文段落。"
    #expect(block.dedupFingerprint == nil)
  }
}
