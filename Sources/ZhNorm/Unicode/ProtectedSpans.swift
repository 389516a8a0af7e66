/// The parts of a line that punctuation rules must not touch: URLs
/// (`scheme://…`, `www.…`) and e-mail addresses.
///
/// A span runs over the ASCII characters a URL may contain and stops at
/// whitespace, at any non-ASCII character and at `<>"`; trailing `.,;:!?)`
/// are left outside (a sentence ends after the URL), except a `)` that closes
/// a `(` inside it. Complexity: O(n).
struct ProtectedSpans {
  private var ranges: [Range<Int>] = []

  /// Finds the spans of `s`. `mayContainSpan` is whether some index of `s`
  /// is a ``isSpanHint(_:at:)``; without one there is no span to look for.
  /// (The caller finds that in its own scan over the line: most lines have
  /// none, and are then done without another pass.)
  init(_ s: [UInt32], mayContainSpan: Bool) {
    guard mayContainSpan else { return }
    var i = 0
    while i < s.count {
      if let end = Self.urlEnd(s, startingAt: i) ?? Self.emailEnd(s, at: i) {
        ranges.append(Self.emailStart(s, before: i)..<end)
        i = end
      } else {
        i += 1
      }
    }
  }

  /// Whether index `i` of `s` is an "@", the ":" of a "://" or the "." of a
  /// "www." (any case). Every URL has "://" or starts with "www." and every
  /// address has an "@", so a line without a hint has no span. (A "." alone
  /// is common — decimals, sentence ends — and is not a hint.) O(1).
  @inline(__always)
  static func isSpanHint(_ s: [UInt32], at i: Int) -> Bool {
    switch s[i] {
    case 0x40:
      return true
    case 0x3A:
      return i + 2 < s.count && s[i + 1] == 0x2F && s[i + 2] == 0x2F
    case 0x2E:
      return i >= 3 && (s[i - 1] | 0x20) == 0x77 && (s[i - 2] | 0x20) == 0x77 && (s[i - 3] | 0x20) == 0x77
    default:
      return false
    }
  }

  /// Whether the line has no URL or e-mail address.
  var isEmpty: Bool { ranges.isEmpty }

  /// Whether index `i` lies in a URL or e-mail address. O(number of spans).
  func contains(_ i: Int) -> Bool {
    for range in ranges where range.contains(i) { return true }
    return false
  }

  private static func isURLCharacter(_ v: UInt32) -> Bool {
    v > 0x20 && v < 0x7F && v != 0x3C && v != 0x3E && v != 0x22
  }

  private static func isSchemeCharacter(_ v: UInt32) -> Bool {
    (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v) || (0x30...0x39).contains(v)
      || v == 0x2B || v == 0x2D || v == 0x2E
  }

  private static func isLetter(_ v: UInt32) -> Bool {
    (0x61...0x7A).contains(v) || (0x41...0x5A).contains(v)
  }

  /// If a URL starts at `i`, the index just past its end.
  private static func urlEnd(_ s: [UInt32], startingAt i: Int) -> Int? {
    guard isLetter(s[i]), i == 0 || !isSchemeCharacter(s[i - 1]) else { return nil }
    var j = i
    while j < s.count && isSchemeCharacter(s[j]) { j += 1 }
    let isScheme = j + 2 < s.count && s[j] == 0x3A && s[j + 1] == 0x2F && s[j + 2] == 0x2F
    let isWWW = j - i >= 4 && (s[i] | 0x20) == 0x77 && (s[i + 1] | 0x20) == 0x77 && (s[i + 2] | 0x20) == 0x77 && s[i + 3] == 0x2E
    guard isScheme || isWWW else { return nil }
    var end = i
    var depth = 0
    while end < s.count && isURLCharacter(s[end]) {
      if s[end] == 0x28 { depth += 1 } else if s[end] == 0x29 { depth -= 1 }
      end += 1
    }
    while end > i {
      let last = s[end - 1]
      let isSentenceMark = last == 0x2E || last == 0x2C || last == 0x3B || last == 0x3A || last == 0x21 || last == 0x3F
      if last == 0x29 && depth < 0 || isSentenceMark {
        if last == 0x29 { depth += 1 }
        end -= 1
      } else {
        break
      }
    }
    return end > i ? end : nil
  }

  private static func isEmailLocal(_ v: UInt32) -> Bool {
    isSchemeCharacter(v) || v == 0x5F || v == 0x25
  }

  /// If `i` is the `@` of an e-mail address, the index just past its end.
  private static func emailEnd(_ s: [UInt32], at i: Int) -> Int? {
    guard s[i] == 0x40, i > 0, isEmailLocal(s[i - 1]) else { return nil }
    var end = i + 1
    var sawDot = false
    while end < s.count && (isSchemeCharacter(s[end]) && s[end] != 0x2B) {
      if s[end] == 0x2E { sawDot = true }
      end += 1
    }
    while end > i + 1 && s[end - 1] == 0x2E { end -= 1 }
    return sawDot && end > i + 1 ? end : nil
  }

  /// The start of an e-mail address whose `@` is at `i` (or `i` for a URL).
  private static func emailStart(_ s: [UInt32], before i: Int) -> Int {
    guard s[i] == 0x40 else { return i }
    var start = i
    while start > 0 && isEmailLocal(s[start - 1]) { start -= 1 }
    return start
  }
}
