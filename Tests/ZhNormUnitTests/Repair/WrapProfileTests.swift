import Testing
@testable import ZhNorm

@Suite("Repair: the line-width profile")
struct WrapProfileTests {
  /// The wrap a profile says after `widths`, sample by sample.
  static func wraps(_ widths: [Int], into profile: inout WrapProfile) -> [WrapProfile.Wrap?] {
    widths.map { width in
      profile.add(width)
      return profile.wrap
    }
  }

  static func same(_ a: WrapProfile.Wrap?, _ b: WrapProfile.Wrap?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case let (a?, b?): a == b
    default: false
    }
  }

  @Test("Lines of one width say hard wrap; a wider line among them moves the width")
  func hardWrap() {
    var profile = WrapProfile()
    let wraps = Self.wraps([60, 58, 40, 59, 61], into: &profile)
    #expect(wraps[1] == nil)  // fewer than three samples
    #expect(wraps[3].map { $0.width == 60 && $0.near == 3 && $0.of == 4 } == true)
    #expect(wraps[4].map { $0.width == 61 && $0.tolerance == 4 } == true)
  }

  /// `removeLast()` undoes `add(_:)` wherever the ring stands: everything the
  /// profile says afterwards, as samples come and the oldest are forgotten,
  /// is what it would say had the sample never been added.
  @Test("Removing the sample added last is as if it had never been added", arguments: 0..<200)
  func removeLastUndoesAdd(seed: Int) {
    var random = SeededGenerator(seed: UInt64(seed))
    let before = (0..<Int.random(in: 0...30, using: &random)).map { _ in Int.random(in: 15...80, using: &random) }
    let after = (0..<Int.random(in: 1...30, using: &random)).map { _ in Int.random(in: 15...80, using: &random) }
    var undone = WrapProfile()
    var never = WrapProfile()
    _ = Self.wraps(before, into: &undone)
    _ = Self.wraps(before, into: &never)
    undone.add(Int.random(in: 15...200, using: &random))
    undone.removeLast()
    #expect(Self.same(undone.wrap, never.wrap))
    let a = Self.wraps(after, into: &undone)
    let b = Self.wraps(after, into: &never)
    #expect(zip(a, b).allSatisfy(Self.same), "before \(before), after \(after)")
  }
}
