extension MojibakeRepair {
  /// Irreversible mojibake in `line`: each stretch of `锟斤拷` (U+FFFD saved
  /// as UTF-8, then read as GBK) and each run of three or more `烫` or `屯`
  /// (uninitialised memory, 0xCC or 0xCD bytes, read as GBK), with its
  /// offset in the line's UTF-8 bytes. Nothing can be recovered from these.
  ///
  /// Complexity: O(n), one scan for the lead bytes of the three characters.
  public static func damage(in line: UnsafeBufferPointer<UInt8>) -> [(utf8Offset: Int, text: String)] {
    var found: [(Int, String)] = []
    var i = 0
    while i + 3 <= line.count {
      guard line[i] == 0xE9 || line[i] == 0xE7 || line[i] == 0xE5 else {
        i += 1
        continue
      }
      let start = i
      if matches(line, at: i, kunjinkao) {
        while matches(line, at: i, kunjinkao) { i += kunjinkao.count }
      } else {
        for pattern in [tang, tun] where matches(line, at: i, pattern) {
          var repeats = 0
          while matches(line, at: i, pattern) {
            i += pattern.count
            repeats += 1
          }
          if repeats < 3 { i = start }
          break
        }
      }
      if i > start {
        found.append((start, String(decoding: line[start..<i], as: UTF8.self)))
      } else {
        i += 1
      }
    }
    return found
  }

  private static let kunjinkao: [UInt8] = Array("锟斤拷".utf8)
  private static let tang: [UInt8] = Array("烫".utf8)
  private static let tun: [UInt8] = Array("屯".utf8)

  private static func matches(_ line: UnsafeBufferPointer<UInt8>, at i: Int, _ pattern: [UInt8]) -> Bool {
    i + pattern.count <= line.count && pattern.indices.allSatisfy { line[i + $0] == pattern[$0] }
  }
}
