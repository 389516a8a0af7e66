#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The pipeline when its only step is profile conversion (`-c PROFILE --only
/// convert`): the bytes stream straight through the converter, without being
/// cut into lines.
///
/// OpenCC's conversion never looks across a line break (no dictionary key
/// contains one), so lines need not be made; skipping them (and the blocks,
/// and writing them back) is what lets conversion run at the converter's own
/// speed. The output is the same as the block pipeline's. The input is still
/// validated: a chunk with ill-formed UTF-8 is repaired (each ill-formed
/// sequence becomes U+FFFD, counted, with a diagnostic) before conversion.
/// Line statistics count line feeds; the `script-conversion` count, which
/// the block pipeline keeps per line, is not kept on this path.
struct RawConversionPath {
  private var converter: ScriptConverter
  private let profile: ConversionProfile
  /// The start of a UTF-8 sequence cut by the end of the last chunk.
  private var carry: [UInt8] = []
  private var offset = 0
  private var lineNumber = 1
  private var endsWithLineFeed = true
  private var invalidUTF8 = InvalidUTF8Log()

  init(profile: ConversionProfile) {
    self.profile = profile
    converter = ScriptConverter(profile: profile)
  }

  /// Converts the next chunk; appends the output that is final to `result`.
  mutating func push(
    _ bytes: UnsafeRawBufferPointer, appendingTo result: inout [UInt8],
    statistics: inout DocumentStatistics, diagnostics: inout [Diagnostic]
  ) {
    statistics.bytesIn += bytes.count
    let input = bytes.bindMemory(to: UInt8.self)
    guard !input.isEmpty else { return }
    // Whole sequences of this chunk: the carry completed by its first bytes,
    // then everything up to a sequence cut by the chunk's end.
    var start = 0
    var head: [UInt8] = []
    if !carry.isEmpty {
      // Complete the cut sequence with as many bytes as continue it validly.
      head = carry
      carry = []
      let total = UTF8Codec.sequenceLength(head[0])
      while head.count < total && start < input.count && Self.isPrefix(head + [input[start]]) {
        head.append(input[start])
        start += 1
      }
      if head.count < total {
        if start == input.count {
          carry = head  // still incomplete: wait for more
          return
        }
        // Broken off: the cut bytes are one ill-formed sequence; the byte
        // that broke it starts the rest, as in a whole-input decode.
        let repaired = repair(head, statistics: &statistics, diagnostics: &diagnostics)
        result += converter.convertUTF8(chunk: repaired)
        offset += head.count
        head = []
      }
    }
    var end = input.count
    var back = 0
    while back < 3 && end - back - 1 >= start {
      let byte = input[end - back - 1]
      if byte & 0xC0 != 0x80 {
        if byte >= 0xC0 && UTF8Codec.sequenceLength(byte) > back + 1 && Self.isPrefix(Array(input[(end - back - 1)...])) {
          end -= back + 1
        }
        break
      }
      back += 1
    }
    let body = UnsafeBufferPointer(rebasing: input[start..<end])
    carry = Array(input[end...])
    let valid = (head.isEmpty || head.withUnsafeBufferPointer(UTF8Codec.isValid)) && UTF8Codec.isValid(body)
    if valid {
      if !head.isEmpty { result += converter.convertUTF8(chunk: head) }
      result += converter.convertUTF8(chunk: body)
    } else {
      let repaired = repair(head + Array(body), statistics: &statistics, diagnostics: &diagnostics)
      result += converter.convertUTF8(chunk: repaired)
    }
    head.withUnsafeBufferPointer { count($0, statistics: &statistics) }
    count(body, statistics: &statistics)
    offset += head.count + body.count
  }

  /// Ends the document: converts what is held back, and resets.
  mutating func finish(appendingTo result: inout [UInt8], statistics: inout DocumentStatistics, diagnostics: inout [Diagnostic]) {
    if !carry.isEmpty {
      let repaired = repair(carry, statistics: &statistics, diagnostics: &diagnostics)
      result += converter.convertUTF8(chunk: repaired)
      carry.withUnsafeBufferPointer { count($0, statistics: &statistics) }
      carry = []
    }
    result += converter.finishUTF8()
    if !endsWithLineFeed { statistics.linesIn += 1 }
    statistics.linesOut = statistics.linesIn
    self = RawConversionPath(profile: profile)
  }

  /// Counts the line feeds of `bytes` (with `memchr`, at memory speed).
  private mutating func count(_ bytes: UnsafeBufferPointer<UInt8>, statistics: inout DocumentStatistics) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    var lines = 0
    var position = UnsafeRawPointer(base)
    let end = UnsafeRawPointer(base + bytes.count)
    while position < end, let found = memchr(position, 0x0A, end - position) {
      lines += 1
      position = UnsafeRawPointer(found) + 1
    }
    statistics.linesIn += lines
    lineNumber += lines
    endsWithLineFeed = bytes[bytes.count - 1] == 0x0A
  }

  /// Replaces each ill-formed sequence of `bytes` with U+FFFD, counting it.
  private mutating func repair(
    _ bytes: [UInt8], statistics: inout DocumentStatistics, diagnostics: inout [Diagnostic]
  ) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + 16)
    // The line of each ill-formed sequence: the line feeds before it (never
    // part of one) are counted up to it.
    var line = lineNumber
    var counted = 0
    bytes.withUnsafeBufferPointer { bytes in
      UTF8Codec.appendReplacingInvalid(bytes, to: &result) { position, length in
        while counted < position {
          if bytes[counted] == 0x0A { line += 1 }
          counted += 1
        }
        invalidUTF8.note(
          offset: offset + position, line: line, length: length, statistics: &statistics, diagnostics: &diagnostics)
      }
    }
    return result
  }

  private static func isPrefix(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer(UTF8Codec.isSequencePrefix)
  }
}
