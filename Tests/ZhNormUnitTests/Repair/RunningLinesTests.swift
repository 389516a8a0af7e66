import Testing
@testable import ZhNorm

@Suite("Repair: running header memory")
struct RunningLinesTests {
  @Test("Nothing is forgotten below the capacity, whatever the order of learning")
  func remembersEverything() {
    var lines = RunningLines()
    #expect(lines.isEmpty)
    for hash in UInt64(1)...UInt64(RunningLines.capacity) { lines.add(hash &* 0x9E37_79B9) }
    for hash in UInt64(1)...UInt64(RunningLines.capacity) { #expect(lines.contains(hash &* 0x9E37_79B9)) }
  }

  @Test("Once full, nothing more is learned and nothing learned is lost")
  func fullStopsLearning() {
    var lines = RunningLines()
    for hash in UInt64(1)...UInt64(RunningLines.capacity) { lines.add(hash) }
    lines.add(0xDEAD_BEEF)
    #expect(!lines.contains(0xDEAD_BEEF))
    #expect(lines.contains(1))
    lines.removeAll()
    #expect(lines.isEmpty && !lines.contains(1))
  }

  @Test("A header seen at the first page break is removed at the tenth, after many other page-top lines")
  func headerRemovedAfterManyPages() {
    var text = "报告标题\n第一页正文的第一段，内容较长。\n"
    for page in 2...12 { text += "\u{0C}报告标题\n第\(page)页的小标题\n第\(page)页正文，内容较长。\n" }
    let normalizer = Normalizer(configuration: NormalizerConfiguration(steps: [.repair]))
    let once = normalizer.normalize(text)
    #expect(once.components(separatedBy: "报告标题").count == 2)
    #expect(normalizer.normalize(once) == once)
  }
}
