import Testing
@testable import ZhNorm

@Suite("InlineDiff")
struct InlineDiffTests {
  /// The old and new texts a diff describes.
  private func sides(_ diff: InlineDiff) -> (old: String, new: String) {
    var old = ""
    var new = ""
    for segment in diff.segments {
      switch segment {
      case .same(let text): old += text; new += text
      case .deleted(let text): old += text
      case .inserted(let text): new += text
      }
    }
    return (old, new)
  }

  @Test("A replaced comma is one deletion and one insertion between unchanged text")
  func replacement() {
    let diff = InlineDiff(from: "强调,当前", to: "强调，当前")
    #expect(diff.segments == [.same("强调"), .deleted(","), .inserted("，"), .same("当前")])
    #expect(!diff.isEmpty)
  }

  @Test("Equal texts give one unchanged segment; empty texts none")
  func equal() {
    #expect(InlineDiff(from: "甲乙", to: "甲乙").segments == [.same("甲乙")])
    #expect(InlineDiff(from: "甲乙", to: "甲乙").isEmpty)
    #expect(InlineDiff(from: "", to: "").segments.isEmpty)
    #expect(InlineDiff(from: "", to: "甲").segments == [.inserted("甲")])
    #expect(InlineDiff(from: "甲", to: "").segments == [.deleted("甲")])
  }

  @Test("Changes in several places are found separately (a minimal edit script)")
  func severalChanges() {
    let diff = InlineDiff(from: "a,b,c(d)e", to: "a，b，c（d）e")
    #expect(diff.segments == [
      .same("a"), .deleted(","), .inserted("，"), .same("b"), .deleted(","), .inserted("，"),
      .same("c"), .deleted("("), .inserted("（"), .same("d"), .deleted(")"), .inserted("）"), .same("e"),
    ])
  }

  @Test("A join: the removed line breaks are one deletion")
  func join() {
    let diff = InlineDiff(from: "产量179万辆，其\n\n中新能源", to: "产量179万辆，其中新能源")
    #expect(diff.segments == [.same("产量179万辆，其"), .deleted("\n\n"), .same("中新能源")])
  }

  @Test("Past the edit bound the middle is replaced whole, and both sides are still right")
  func boundedEdits() {
    let old = String(repeating: "甲乙", count: 50)
    let new = String(repeating: "丙丁", count: 50)  // 200 edits
    let diff = InlineDiff(from: "头" + old + "尾", to: "头" + new + "尾", maximumEdits: 8)
    #expect(diff.segments == [.same("头"), .deleted(old), .inserted(new), .same("尾")])
    let long = InlineDiff(from: "x" + old, to: "x" + new, maximumScalars: 10)
    #expect(long.segments == [.same("x"), .deleted(old), .inserted(new)])
  }

  @Test("Property: on random texts, the segments rebuild both sides, and a deletion precedes its insertion")
  func rebuildsBothSides() {
    var generator = SeededGenerator(seed: 7)
    let alphabet = Array("甲乙丙,，。 \n\u{200B}ab".unicodeScalars)
    for _ in 0..<500 {
      func random() -> String {
        var view = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...24, using: &generator) { view.append(alphabet.randomElement(using: &generator)!) }
        return String(view)
      }
      let old = random()
      let new = random()
      let diff = InlineDiff(from: old, to: new)
      let rebuilt = sides(diff)
      #expect(rebuilt.old == old && rebuilt.new == new, "\(old.debugDescription) → \(new.debugDescription)")
      for (first, second) in zip(diff.segments, diff.segments.dropFirst()) {
        if case .inserted = first, case .deleted = second { Issue.record("insertion before deletion in \(diff.segments)") }
        if case .same = first, case .same = second { Issue.record("unmerged segments in \(diff.segments)") }
      }
      // Small enough that the bound never applies: the script is minimal, so
      // it never deletes and reinserts the same scalar at one place.
      let edits = diff.segments.reduce(0) { total, segment in
        switch segment {
        case .same: total
        case .deleted(let text), .inserted(let text): total + text.unicodeScalars.count
        }
      }
      #expect(edits <= old.unicodeScalars.count + new.unicodeScalars.count)
    }
  }
}
