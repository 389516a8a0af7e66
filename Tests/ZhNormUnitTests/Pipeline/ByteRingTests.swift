import Testing
@testable import ZhNorm

@Suite("Pipeline: byte ring")
struct ByteRingTests {
  @Test("Grows as it fills, wraps at its limit, and returns every byte it still holds")
  func growsAndWraps() {
    var ring = ByteRing(limit: 10_000)
    var random = SeededGenerator(seed: 7)
    var appended: [(start: Int, bytes: [UInt8])] = []
    for _ in 0..<2_000 {
      let bytes = (0..<Int.random(in: 1...700, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
      let start = bytes.withUnsafeBufferPointer { ring.append($0) }
      appended.append((start, bytes))
      // Every entry still held reads back intact (in place or across the wrap).
      for (start, bytes) in appended.suffix(20) where ring.holds(start, count: bytes.count) {
        #expect(ring.withBytes(at: start, count: bytes.count) { Array($0) } == bytes)
        let half = Array(bytes.prefix(bytes.count / 2))
        #expect(half.withUnsafeBufferPointer { ring.bytes(at: start, startWith: $0) })
      }
    }
    // Entries more than `limit` bytes back are no longer held.
    let oldest = appended[0]
    #expect(!ring.holds(oldest.start, count: oldest.bytes.count))
  }

  @Test("A short text allocates a little, not the whole window")
  func smallWhenShort() {
    var ring = ByteRing(limit: 1 << 20)
    let bytes: [UInt8] = Array("短的一段文字".utf8)
    let start = bytes.withUnsafeBufferPointer { ring.append($0) }
    #expect(ring.withBytes(at: start, count: bytes.count) { Array($0) } == bytes)
    #expect(ring.capacity <= 4096)
  }
}
