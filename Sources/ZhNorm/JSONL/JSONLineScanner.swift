/// A byte-level JSON scanner for one line of a JSON Lines file: it checks that
/// the line is exactly one well-formed JSON value (RFC 8259) and finds where
/// the string value of a dotted field path is, without building any values.
///
/// ```swift
/// let line = Array(#"{"id": 7, "meta": {"body": "你好"}}"#.utf8)
/// let path = try JSONFieldPath("meta.body")
/// try JSONLineScanner.locate(path, in: line)   // .string(content: 27..<33, hasEscapes: false)
/// ```
///
/// - Only objects are descended into: `a.b` names key `b` of the object that
///   is the value of key `a` of the top-level object. A path never indexes
///   into arrays.
/// - **Duplicate keys**: the last occurrence wins (at every level of the
///   path), as in Python's `json`, JavaScript's `JSON.parse` and `jq`, so the
///   value located is the one a later reader of the record will see.
/// - Strings are checked for unescaped control characters and invalid
///   escapes; bytes ≥ 0x80 inside strings are not checked here (invalid UTF-8
///   in the field is found when its text is decoded and normalized; elsewhere
///   it is passed through).
/// - Nesting depth is limited only by the line's length (no recursion).
///
/// Complexity: O(n) in the line's length; memory O(nesting depth).
public enum JSONLineScanner {
  /// Validates `line` (without its line terminator) and locates `path` in it.
  public static func locate(_ path: JSONFieldPath, in line: [UInt8]) throws(JSONSyntaxError) -> JSONFieldLocation {
    try line.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try locate(path, in: buffer) }
  }

  /// Validates `line` (without its line terminator) and locates `path` in it.
  public static func locate(_ path: JSONFieldPath, in line: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONFieldLocation {
    var scanner = Scanner(bytes: line, keys: path.keys)
    return try scanner.run()
  }
}

/// The state of one scan.
private struct Scanner {
  let bytes: UnsafeBufferPointer<UInt8>
  let keys: [[UInt8]]
  var index = 0
  /// Open containers, innermost last: `array`, `object`, or `pathObject` (an
  /// object every enclosing key of which is on the path).
  var stack: [Frame] = []
  var result = JSONFieldLocation.missing
  var scratch: [UInt8] = []

  enum Frame: UInt8 { case array, object, pathObject }
  /// What the next value is to the path.
  enum Role { case none, descend, target }
  enum State { case value, afterValue, key }

  init(bytes: UnsafeBufferPointer<UInt8>, keys: [[UInt8]]) {
    self.bytes = bytes
    self.keys = keys
  }

  mutating func run() throws(JSONSyntaxError) -> JSONFieldLocation {
    let count = bytes.count
    var role = Role.descend
    var state = State.value
    while true {
      switch state {
      case .value:
        skipWhitespace()
        guard index < count else {
          throw fail(stack.isEmpty ? "no JSON value on the line" : "unexpected end of line: a value is missing")
        }
        let current = role
        role = .none
        switch bytes[index] {
        case UInt8(ascii: "{"):
          if current == .target { result = .notString }
          stack.append(current == .descend ? .pathObject : .object)
          index += 1
          skipWhitespace()
          if index < count && bytes[index] == UInt8(ascii: "}") {
            stack.removeLast()
            index += 1
            state = .afterValue
          } else {
            state = .key
          }
        case UInt8(ascii: "["):
          if current == .target { result = .notString }
          stack.append(.array)
          index += 1
          skipWhitespace()
          if index < count && bytes[index] == UInt8(ascii: "]") {
            stack.removeLast()
            index += 1
            state = .afterValue
          } else {
            state = .value
          }
        case UInt8(ascii: "\""):
          let start = index
          let escaped = try scanString()
          if current == .target { result = .string(content: start + 1 ..< index - 1, hasEscapes: escaped) }
          state = .afterValue
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
          try scanNumber()
          if current == .target { result = .notString }
          state = .afterValue
        case UInt8(ascii: "t"):
          try scanLiteral("true")
          if current == .target { result = .notString }
          state = .afterValue
        case UInt8(ascii: "f"):
          try scanLiteral("false")
          if current == .target { result = .notString }
          state = .afterValue
        case UInt8(ascii: "n"):
          try scanLiteral("null")
          if current == .target { result = .notString }
          state = .afterValue
        default:
          throw fail("unexpected \(describe(bytes[index])) where a value should be")
        }
      case .afterValue:
        skipWhitespace()
        guard let top = stack.last else {
          if index < count { throw fail("unexpected \(describe(bytes[index])) after the JSON value") }
          return result
        }
        let close = top == .array ? UInt8(ascii: "]") : UInt8(ascii: "}")
        guard index < count else { throw fail("unexpected end of line: '\(Character(Unicode.Scalar(close)))' is missing") }
        let byte = bytes[index]
        if byte == UInt8(ascii: ",") {
          index += 1
          state = top == .array ? .value : .key
        } else if byte == close {
          stack.removeLast()
          index += 1
        } else {
          throw fail("expected ',' or '\(Character(Unicode.Scalar(close)))', found \(describe(byte))")
        }
      case .key:
        skipWhitespace()
        guard index < count, bytes[index] == UInt8(ascii: "\"") else {
          throw fail(index < count ? "expected a key in double quotes, found \(describe(bytes[index]))" : "unexpected end of line: a key is missing")
        }
        let start = index
        let escaped = try scanString()
        let key = start + 1 ..< index - 1
        skipWhitespace()
        guard index < count, bytes[index] == UInt8(ascii: ":") else {
          throw fail(index < count ? "expected ':' after a key, found \(describe(bytes[index]))" : "unexpected end of line: ':' is missing")
        }
        index += 1
        if stack.last == .pathObject {
          let level = stack.count - 1
          if keyMatches(key, escaped: escaped, keys[level]) {
            result = .missing  // a later duplicate replaces what an earlier one found
            role = level == keys.count - 1 ? .target : .descend
          }
        }
        state = .value
      }
    }
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  /// Scans a string starting at its opening quote; leaves `index` after the
  /// closing quote. Returns whether it has escapes.
  mutating func scanString() throws(JSONSyntaxError) -> Bool {
    let start = index
    let count = bytes.count
    var escaped = false
    var position = index + 1
    while position < count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        index = position + 1
        return escaped
      }
      if byte == UInt8(ascii: "\\") {
        escaped = true
        guard position + 1 < count else { break }
        switch bytes[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
          UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          position += 2
        case UInt8(ascii: "u"):
          guard position + 5 < count, (2...5).allSatisfy({ hexValue(bytes[position + $0]) != nil }) else {
            index = position
            throw fail("invalid \\u escape (four hexadecimal digits expected)")
          }
          position += 6
        default:
          index = position
          throw fail("invalid escape '\\\(Character(Unicode.Scalar(bytes[position + 1])))'")
        }
        continue
      }
      if byte < 0x20 {
        index = position
        throw fail("unescaped control character \(describe(byte)) in a string")
      }
      position += 1
    }
    index = start
    throw fail("unterminated string")
  }

  mutating func scanNumber() throws(JSONSyntaxError) {
    let count = bytes.count
    func isDigit(_ position: Int) -> Bool {
      position < count && bytes[position] >= UInt8(ascii: "0") && bytes[position] <= UInt8(ascii: "9")
    }
    var position = index
    if bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard isDigit(position) else { index = position; throw fail("invalid number: a digit is missing") }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
    } else {
      while isDigit(position) { position += 1 }
    }
    if position < count && bytes[position] == UInt8(ascii: ".") {
      position += 1
      guard isDigit(position) else { index = position; throw fail("invalid number: a digit must follow '.'") }
      while isDigit(position) { position += 1 }
    }
    if position < count && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
      position += 1
      if position < count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) { position += 1 }
      guard isDigit(position) else { index = position; throw fail("invalid number: the exponent has no digits") }
      while isDigit(position) { position += 1 }
    }
    index = position
  }

  mutating func scanLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
    let length = literal.utf8CodeUnitCount
    let matches = index + length <= bytes.count
      && (0..<length).allSatisfy { bytes[index + $0] == literal.utf8Start[$0] }
    guard matches else { throw fail("unexpected \(describe(bytes[index])) where a value should be") }
    index += length
  }

  /// Whether the key at `range` is `expected` (decoding escapes if it has any).
  mutating func keyMatches(_ range: Range<Int>, escaped: Bool, _ expected: [UInt8]) -> Bool {
    let raw = UnsafeBufferPointer(rebasing: bytes[range])
    if !escaped { return raw.elementsEqual(expected) }
    scratch.removeAll(keepingCapacity: true)
    JSONStringCodec.decode(raw, appendingTo: &scratch)
    return scratch == expected
  }

  func fail(_ reason: String) -> JSONSyntaxError {
    JSONSyntaxError(byteOffset: index, reason: reason)
  }

  func describe(_ byte: UInt8) -> String {
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    let hex = String(byte, radix: 16, uppercase: true)
    return "byte 0x" + (hex.count == 1 ? "0" : "") + hex
  }
}

/// The value of an ASCII hexadecimal digit.
@inline(__always)
func hexValue(_ byte: UInt8) -> UInt32? {
  switch byte {
  case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
  case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
  case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
  default: nil
  }
}
