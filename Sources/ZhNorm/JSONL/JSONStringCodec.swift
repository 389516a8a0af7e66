/// Decodes and encodes the content of JSON strings (the bytes between the
/// quotes), as UTF-8.
///
/// **Decoding** turns every escape into its character: `\"` `\\` `\/` `\b`
/// `\f` `\n` `\r` `\t` and `\uXXXX`, where a high surrogate followed by a low
/// one (`\ud83d\ude00`) is one character. A surrogate escape without its
/// partner cannot be UTF-8 and becomes U+FFFD (counted). Other bytes are
/// copied as they are.
///
/// **Encoding** is the conventional one: `"` and `\` are escaped, control
/// characters U+0000–U+001F are written `\b \f \n \r \t` or `\u00XX`, and
/// everything else — CJK included — stays UTF-8 as it is (no `\u` escapes for
/// non-ASCII), which keeps the output short and readable.
///
/// ```swift
/// var text: [UInt8] = []
/// JSONStringCodec.decode(Array(#"\u4e2d\n"#.utf8), appendingTo: &text)   // "中\n"
/// var json: [UInt8] = []
/// JSONStringCodec.encode(text, appendingTo: &json)                     // #"中\n"#
/// ```
///
/// Complexity: O(n) for both.
public enum JSONStringCodec {
  /// Appends the text of the string content `content` to `output`. The
  /// content should be valid (``JSONLineScanner`` checks it); a malformed
  /// escape is copied as it is. Returns the number of unpaired surrogate
  /// escapes replaced by U+FFFD.
  @discardableResult
  public static func decode(_ content: [UInt8], appendingTo output: inout [UInt8]) -> Int {
    content.withUnsafeBufferPointer { decode($0, appendingTo: &output) }
  }

  /// Appends the text of the string content `content` to `output`; see the
  /// overload that takes an array.
  @discardableResult
  public static func decode(_ content: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) -> Int {
    let count = content.count
    var replaced = 0
    var runStart = 0
    var position = 0
    output.reserveCapacity(output.count + count)
    while position < count {
      guard content[position] == UInt8(ascii: "\\"), position + 1 < count else {
        position += 1
        continue
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: content[runStart..<position]))
      let kind = content[position + 1]
      var consumed = 2
      switch kind {
      case UInt8(ascii: "b"): output.append(0x08)
      case UInt8(ascii: "f"): output.append(0x0C)
      case UInt8(ascii: "n"): output.append(0x0A)
      case UInt8(ascii: "r"): output.append(0x0D)
      case UInt8(ascii: "t"): output.append(0x09)
      case UInt8(ascii: "u"):
        if let unit = hexUnit(content, at: position + 2) {
          consumed = 6
          var scalar = unit
          if (0xD800...0xDBFF).contains(unit) {
            if position + 7 < count, content[position + 6] == UInt8(ascii: "\\"), content[position + 7] == UInt8(ascii: "u"),
              let low = hexUnit(content, at: position + 8), (0xDC00...0xDFFF).contains(low)
            {
              scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
              consumed = 12
            } else {
              scalar = 0xFFFD
              replaced += 1
            }
          } else if (0xDC00...0xDFFF).contains(unit) {
            scalar = 0xFFFD
            replaced += 1
          }
          appendUTF8(scalar, to: &output)
        } else {
          output.append(contentsOf: [UInt8(ascii: "\\"), kind])
        }
      default:
        // `\"`, `\\`, `\/` stand for themselves; anything else is kept as written.
        if kind != UInt8(ascii: "\""), kind != UInt8(ascii: "\\"), kind != UInt8(ascii: "/") {
          output.append(UInt8(ascii: "\\"))
        }
        output.append(kind)
      }
      position += consumed
      runStart = position
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: content[runStart..<count]))
    return replaced
  }

  /// Appends `text` (UTF-8) to `output` as JSON string content, without quotes.
  public static func encode(_ text: [UInt8], appendingTo output: inout [UInt8]) {
    text.withUnsafeBufferPointer { encode($0, appendingTo: &output) }
  }

  /// Appends `text` (UTF-8) to `output` as JSON string content, without quotes.
  public static func encode(_ text: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) {
    output.reserveCapacity(output.count + text.count + 2)
    var runStart = 0
    for position in 0..<text.count {
      let byte = text[position]
      guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<position]))
      runStart = position + 1
      switch byte {
      case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case 0x08: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
      case 0x0C: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
      case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      default:
        let digits = Array("0123456789abcdef".utf8)
        output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
      }
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<text.count]))
  }

  /// The code unit of the four hexadecimal digits at `position`, if there are.
  private static func hexUnit(_ content: UnsafeBufferPointer<UInt8>, at position: Int) -> UInt32? {
    guard position + 4 <= content.count else { return nil }
    var value: UInt32 = 0
    for offset in 0..<4 {
      guard let digit = hexValue(content[position + offset]) else { return nil }
      value = value << 4 | digit
    }
    return value
  }

  private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4) { buffer in
      let length = UTF8Codec.encode(scalar, to: buffer.baseAddress!)
      output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<length]))
    }
  }
}
