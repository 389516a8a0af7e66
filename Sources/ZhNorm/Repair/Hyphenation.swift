/// A hyphen at the end of a line inside a Latin word: `inter-` ⏎ `national`.
///
/// It is removed when the word was cut by the line break, and kept when it
/// is part of a real compound: a one-letter first part (`e-mail`, `X-ray`),
/// capitals or digits on either side (`Wi-Fi`, `COVID-19`, `B-52`).
enum Hyphenation {
  /// Whether the hyphen ending `left` should be removed when `right` follows.
  static func removesHyphen(left: [UInt32], right: [UInt32]) -> Bool {
    guard left.last == 0x2D, left.count >= 2 else { return false }
    var start = left.count - 1
    while start > 0, TextFacts.isASCIILetter(left[start - 1]) { start -= 1 }
    let firstPart = left[start..<(left.count - 1)]
    var end = 0
    while end < right.count, TextFacts.isASCIILetter(right[end]) { end += 1 }
    let secondPart = right[0..<end]
    guard firstPart.count >= 2, !secondPart.isEmpty else { return false }
    if start > 0, TextFacts.isASCIIAlphanumeric(left[start - 1]) || left[start - 1] == 0x2D { return false }
    if end < right.count, TextFacts.isASCIIAlphanumeric(right[end]) || right[end] == 0x2D { return false }
    let lower = { (s: UInt32) in (0x61...0x7A).contains(s) }
    return firstPart.allSatisfy(lower) && secondPart.allSatisfy(lower)
  }
}
