import Testing
@testable import ZhNorm

/// The window of recent paragraphs behind the truncated-copy check.
@Suite("Dedup: truncation window")
struct TruncationWindowTests {
  static func fingerprint(_ text: String) -> ParagraphFingerprint {
    var text = text
    return text.withUTF8 { Fingerprinter.fingerprint($0) }
  }

  static func append(_ window: inout TruncationWindow, _ text: String, position: UInt64) {
    var text = text
    let fingerprint = Self.fingerprint(text)
    text.withUTF8 { window.append($0, fingerprint: fingerprint, position: position) }
  }

  static func lookup(_ window: TruncationWindow, _ text: String) -> UInt64? {
    var text = text
    let fingerprint = Self.fingerprint(text)
    return text.withUTF8 { window.paragraph(extending: $0, fingerprint: fingerprint) }
  }

  static let whole = "孙伟强调，要深入学习贯彻党中央关于开展第二批主题教育的部署要求。"

  @Test("A prefix of a recent paragraph is found; the oldest are forgotten first; removeAll forgets all")
  func prefixesAndEviction() {
    var window = TruncationWindow(capacity: 4)
    Self.append(&window, Self.whole, position: 1)
    let cut = String(Self.whole.prefix(20))
    #expect(Self.lookup(window, cut) == 1)
    #expect(Self.lookup(window, Self.whole) == nil)  // not a strict prefix
    #expect(Self.lookup(window, String(Self.whole.prefix(7))) == nil)  // too short to judge
    for i in 2...5 { Self.append(&window, "第\(i)段正文，讲述了会议的第\(i)项安排与具体要求。", position: UInt64(i)) }
    #expect(Self.lookup(window, cut) == nil)  // pushed out by four newer paragraphs
    Self.append(&window, Self.whole, position: 6)
    #expect(Self.lookup(window, cut) == 6)
    window.removeAll()
    #expect(Self.lookup(window, cut) == nil)
    Self.append(&window, Self.whole, position: 7)
    #expect(Self.lookup(window, cut) == 7)
  }

  @Test("Against a list of the last paragraphs, over random appends, lookups and resets")
  func matchesModel() {
    let openings = ["孙伟强调，要深入学习", "省政协党组书记、主席", "会议指出，全省汽车产量", "The quick brown fox "]
    let endings = ["贯彻党中央的部署要求。", "主持会议并讲话。", "179万辆，其中新能源汽车。", "jumps over the dog."]
    var generator = SeededGenerator(seed: 7)
    let capacity = 5
    var window = TruncationWindow(capacity: capacity)
    var model: [(text: String, position: UInt64)] = []
    for step in 0..<4_000 {
      let text = openings[Int(generator.next() % 4)] + endings[Int(generator.next() % 4)]
      switch generator.next() % 10 {
      case 0:
        window.removeAll()
        model.removeAll()
      case 1...4:
        Self.append(&window, text, position: UInt64(step))
        model.append((text, UInt64(step)))
        if model.count > capacity { model.removeFirst() }
      default:
        let query = String(text.prefix(8 + Int(generator.next() % 12)))
        var expected: UInt64?
        if Self.fingerprint(query).length >= Fingerprinter.prefixLength {
          expected = model.last(where: { entry in
            Self.fingerprint(entry.text).length > Self.fingerprint(query).length
              && Self.isNormalizedPrefix(query, of: entry.text)
          })?.position
        }
        #expect(Self.lookup(window, query) == expected, "step \(step): \(query)")
      }
    }
  }

  static func isNormalizedPrefix(_ part: String, of whole: String) -> Bool {
    var part = part
    var whole = whole
    return part.withUTF8 { p in whole.withUTF8 { Fingerprinter.isNormalizedPrefix(p, of: $0) } }
  }
}
