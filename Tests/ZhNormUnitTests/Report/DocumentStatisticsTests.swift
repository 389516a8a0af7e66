import Testing
@testable import ZhNorm

@Suite("Report: document statistics")
struct DocumentStatisticsTests {
  @Test("Counts add up per step and kind, and zero counts leave no entry")
  func countsAddUp() {
    var statistics = DocumentStatistics()
    statistics.add(2, .blankLine, by: .unicode)
    statistics.add(1, "duplicate-exact", by: .dedup)
    statistics.add(3, .blankLine, by: .unicode)
    statistics.add(0, "never", by: .repair)
    #expect(statistics.count(.blankLine, by: .unicode) == 5)
    #expect(statistics.count(.blankLine, by: .dedup) == 0)
    #expect(statistics.total(for: .unicode) == 5)
    #expect(statistics.total(for: .dedup) == 1)
    #expect(statistics.changes == [.unicode: [.blankLine: 5], .dedup: ["duplicate-exact": 1]])
  }

  @Test("Equality and hashing do not depend on the order in which kinds were first counted")
  func orderDoesNotMatter() {
    var first = DocumentStatistics()
    first.add(1, "a", by: .unicode)
    first.add(1, "b", by: .repair)
    var second = DocumentStatistics()
    second.add(1, "b", by: .repair)
    second.add(1, "a", by: .unicode)
    #expect(first == second)
    #expect(first.hashValue == second.hashValue)
    second.add(1, "a", by: .unicode)
    #expect(first != second)
  }

  @Test("Setting the changes replaces all counts")
  func settingChanges() {
    var statistics = DocumentStatistics()
    statistics.add(4, "x", by: .convert)
    statistics.changes = [.repair: ["y": 2]]
    #expect(statistics.count("x", by: .convert) == 0)
    #expect(statistics.count("y", by: .repair) == 2)
    statistics.add(1, "y", by: .repair)
    #expect(statistics.changes == [.repair: ["y": 3]])
  }
}
