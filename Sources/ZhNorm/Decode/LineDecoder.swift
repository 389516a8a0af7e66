#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Turns a stream of bytes into blocks, one per line, in bounded memory.
///
/// - Decodes UTF-8. Each maximal ill-formed subsequence becomes one U+FFFD and
///   is counted, with its byte offset; nothing is dropped silently.
/// - Splits lines at every mandatory break of UAX #14 (LF, CR, CRLF, NEL, VT,
///   FF, LS, PS) and remembers which one it was.
/// - Counts blank lines and page breaks so each block knows its layout.
/// - Cuts a line longer than ``maximumLineBytes`` into segments
///   (``Block/isPartialLine``), at a scalar boundary chosen from the content
///   alone, so memory stays bounded and output does not depend on chunking.
///
/// The result is the same however the input is split into chunks: a CR, or the
/// first bytes of a multi-byte terminator, at the end of a chunk waits for the
/// next chunk before the line is cut.
///
/// Complexity: O(n) time over the input; memory O(``maximumLineBytes``).
struct LineDecoder {
  /// Lines longer than this (in bytes) are cut into segments.
  let maximumLineBytes: Int
  /// At most this many diagnostics are kept per document; all are counted.
  static let diagnosticLimit = 100

  /// Bytes of the line being assembled (and possibly the lines after it).
  private var pending: [UInt8] = []
  /// Where scanning resumes in `pending`.
  private var scanIndex = 0
  /// The document offset of `pending[0]`.
  private var pendingOffset = 0
  /// The 1-based number of the line being assembled.
  private var lineNumber = 1
  private var blankRun = 0
  private var afterPageBreak = false
  /// `true` when the line being assembled continues a cut overlong line.
  private var continuingLine = false
  private var diagnostics: [Diagnostic] = []

  init(maximumLineBytes: Int) {
    precondition(maximumLineBytes >= 16, "maximumLineBytes must be at least 16")
    self.maximumLineBytes = maximumLineBytes
  }

  /// Decodes `bytes` and appends every completed line to `blocks`.
  mutating func push(_ bytes: UnsafeRawBufferPointer, into blocks: inout [Block], statistics: inout DocumentStatistics) {
    pending.append(contentsOf: bytes)
    statistics.bytesIn += bytes.count
    scan(atEnd: false, into: &blocks, statistics: &statistics)
  }

  /// Flushes the last line, if any, and resets for the next document.
  mutating func finish(into blocks: inout [Block], statistics: inout DocumentStatistics) {
    scan(atEnd: true, into: &blocks, statistics: &statistics)
    if !pending.isEmpty {
      emit([FoundLine(range: 0..<pending.count, terminator: .none, isSegment: false)], upTo: pending.count, into: &blocks, statistics: &statistics)
    }
    let kept = diagnostics
    self = LineDecoder(maximumLineBytes: maximumLineBytes)
    diagnostics = kept
  }

  /// Takes the diagnostics gathered since the last call.
  mutating func takeDiagnostics() -> [Diagnostic] {
    defer { diagnostics.removeAll() }
    return diagnostics
  }

  /// What the byte scan found.
  private enum Found {
    case lineBreak(at: Int, LineTerminator, length: Int)
    /// A CR, C2 or E2 at the very end: the next chunk decides.
    case undecided(at: Int)
    /// The current line reached the maximum length at this index.
    case overlong(at: Int)
    case endOfInput
  }

  // The scan looks for eight terminators: five single control bytes, NEL
  // (C2 85), and LS/PS (E2 80 A8/A9). It tests eight bytes at a time (SWAR):
  // a word with no byte below 0x0E and no C2 or E2 byte cannot hold a
  // terminator and is skipped whole. Chinese text has E2 only around quotes
  // and dashes, so most words are skipped; the rest go byte by byte.
  private func findBreak(from start: Int, lineStart: Int, atEnd: Bool) -> Found {
    pending.withUnsafeBufferPointer { buffer in
      let count = buffer.count
      let limit = lineStart + maximumLineBytes
      let base = UnsafeRawPointer(buffer.baseAddress!)
      var i = start
      while i < count {
        if i &+ 8 <= count && i &+ 8 <= limit {
          let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
          if !Self.mayHoldTerminator(word) {
            i &+= 8
            continue
          }
        }
        let byte = buffer[i]
        if byte > 0x0D && byte != 0xC2 && byte != 0xE2 {
          if i >= limit { return .overlong(at: i) }
          i &+= 1
          continue
        }
        switch byte {
        case 0x0A: return .lineBreak(at: i, .lineFeed, length: 1)
        case 0x0B: return .lineBreak(at: i, .verticalTab, length: 1)
        case 0x0C: return .lineBreak(at: i, .formFeed, length: 1)
        case 0x0D:
          if i + 1 < count {
            return buffer[i + 1] == 0x0A
              ? .lineBreak(at: i, .carriageReturnLineFeed, length: 2)
              : .lineBreak(at: i, .carriageReturn, length: 1)
          }
          return atEnd ? .lineBreak(at: i, .carriageReturn, length: 1) : .undecided(at: i)
        case 0xC2:
          if i + 1 < count {
            if buffer[i + 1] == 0x85 { return .lineBreak(at: i, .nextLine, length: 2) }
          } else if !atEnd {
            return .undecided(at: i)
          }
        case 0xE2:
          if i + 2 < count {
            if buffer[i + 1] == 0x80 && (buffer[i + 2] == 0xA8 || buffer[i + 2] == 0xA9) {
              return .lineBreak(at: i, buffer[i + 2] == 0xA8 ? .lineSeparator : .paragraphSeparator, length: 3)
            }
          } else if !atEnd {
            return .undecided(at: i)
          }
        default:
          break
        }
        if i >= limit { return .overlong(at: i) }
        i &+= 1
      }
      return .endOfInput
    }
  }

  /// Whether any byte of `word` is below 0x0E, or is 0xC2 or 0xE2.
  /// (The classic "has zero byte" bit trick, applied to `word` and to `word`
  /// XOR the repeated byte; false positives only send a word to the byte loop.)
  @inline(__always)
  private static func mayHoldTerminator(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let below0E = (word &- ones &* 0x0E) & ~word & highs
    let xorC2 = word ^ (ones &* 0xC2)
    let isC2 = (xorC2 &- ones) & ~xorC2 & highs
    let xorE2 = word ^ (ones &* 0xE2)
    let isE2 = (xorE2 &- ones) & ~xorE2 & highs
    return (below0E | isC2 | isE2) != 0
  }

  /// A line (or segment) found by the scan, as a range of `pending`.
  private struct FoundLine {
    var range: Range<Int>
    var terminator: LineTerminator
    var isSegment: Bool
  }

  private mutating func scan(atEnd: Bool, into blocks: inout [Block], statistics: inout DocumentStatistics) {
    var lineStart = 0
    var i = scanIndex
    var found: [FoundLine] = []
    scanning: while true {
      switch findBreak(from: i, lineStart: lineStart, atEnd: atEnd) {
      case .lineBreak(let at, let terminator, let length):
        found.append(FoundLine(range: lineStart..<at, terminator: terminator, isSegment: false))
        i = at + length
        lineStart = i
      case .overlong(let at):
        let cut = segmentCut(from: lineStart, limit: at)
        found.append(FoundLine(range: lineStart..<cut, terminator: .none, isSegment: true))
        lineStart = cut
        i = at
      case .undecided(let at):
        i = at
        break scanning
      case .endOfInput:
        i = pending.count
        break scanning
      }
    }
    emit(found, upTo: lineStart, into: &blocks, statistics: &statistics)
    if lineStart > 0 {
      pending.removeFirst(lineStart)
      pendingOffset += lineStart
    }
    scanIndex = i - lineStart
  }

  /// Turns the lines found in `pending[..<end]` into blocks. The bytes are
  /// validated as one chunk; if it is valid (the usual case) every block
  /// refers to its range there, otherwise each line is decoded on its own,
  /// with ill-formed sequences replaced and reported.
  private mutating func emit(_ found: [FoundLine], upTo end: Int, into blocks: inout [Block], statistics: inout DocumentStatistics) {
    guard !found.isEmpty else { return }
    let chunk = pending.withUnsafeBufferPointer { buffer -> DecodedChunk? in
      let bytes = UnsafeBufferPointer(rebasing: buffer[..<end])
      return UTF8Validation.isValid(bytes) ? DecodedChunk(copying: bytes) : nil
    }
    for line in found {
      let text: BlockText
      if let chunk {
        text = .slice(chunk, line.range)
      } else {
        text = .owned(decode(line.range, statistics: &statistics))
      }
      let isBlank = text.withUTF8(Block.isBlank(utf8:))
      if line.isSegment {
        appendSegment(text, at: line.range.lowerBound, into: &blocks)
      } else {
        appendLine(text, at: line.range.lowerBound, terminator: line.terminator, isBlank: isBlank, into: &blocks, statistics: &statistics)
      }
    }
  }

  /// The bytes as a string if they are valid UTF-8, else `nil`.
  ///
  /// The bytes are copied into a new string, whose initializer validates them
  /// with the standard library's fast validator and repairs them if needed;
  /// a repaired string differs from its bytes, which one `memcmp` detects.
  private static func validated(_ source: UnsafeBufferPointer<UInt8>) -> String? {
    var text = String(unsafeUninitializedCapacity: source.count) { target in
      _ = target.initialize(fromContentsOf: source)
      return source.count
    }
    let unchanged = text.withUTF8 { utf8 in
      utf8.count == source.count && (source.isEmpty || memcmp(utf8.baseAddress!, source.baseAddress!, source.count) == 0)
    }
    return unchanged ? text : nil
  }

  /// Where to cut an overlong line that starts at `start`, given that the byte
  /// at `limit` (= start + maximumLineBytes) is not a line break: the last
  /// scalar boundary at or before `limit`.
  private func segmentCut(from start: Int, limit: Int) -> Int {
    var cut = limit
    while cut > limit - 3 && (pending[cut] & 0xC0) == 0x80 {
      cut -= 1
    }
    return (pending[cut] & 0xC0) == 0x80 ? limit : cut
  }

  private mutating func appendSegment(_ text: BlockText, at start: Int, into blocks: inout [Block]) {
    var block = Block(
      text: "", terminator: .none, isPartialLine: true,
      blankLinesBefore: continuingLine ? 0 : blankRun, followsPageBreak: continuingLine ? false : afterPageBreak,
      lines: lineNumber...lineNumber, byteOffset: pendingOffset + start)
    block.storage = text
    if !continuingLine {
      blankRun = 0
      afterPageBreak = false
    }
    continuingLine = true
    blocks.append(block)
  }

  private mutating func appendLine(
    _ text: BlockText, at start: Int, terminator: LineTerminator, isBlank: Bool,
    into blocks: inout [Block], statistics: inout DocumentStatistics
  ) {
    var block = Block(
      text: "", terminator: terminator, isPartialLine: false,
      blankLinesBefore: continuingLine ? 0 : blankRun, followsPageBreak: continuingLine ? false : afterPageBreak,
      lines: lineNumber...lineNumber, byteOffset: pendingOffset + start)
    block.storage = text
    statistics.linesIn += 1
    blankRun = isBlank && !continuingLine ? blankRun + 1 : 0
    afterPageBreak = terminator == .formFeed
    continuingLine = false
    lineNumber += 1
    blocks.append(block)
  }

  /// Decodes `pending[range]`, replacing ill-formed sequences with U+FFFD.
  private mutating func decode(_ range: Range<Int>, statistics: inout DocumentStatistics) -> String {
    let valid = pending.withUnsafeBufferPointer { buffer in
      Self.validated(UnsafeBufferPointer(rebasing: buffer[range]))
    }
    return valid ?? repair(range, statistics: &statistics)
  }

  private mutating func repair(_ range: Range<Int>, statistics: inout DocumentStatistics) -> String {
    var result = String.UnicodeScalarView()
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = pending[range].makeIterator()
    var position = range.lowerBound
    decoding: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        result.append(Unicode.UTF8.decode(encoded))
        position += encoded.count
      case .error(let length):
        result.append("\u{FFFD}")
        let offset = pendingOffset + position
        statistics.invalidSequences += 1
        if statistics.firstInvalidOffset == nil { statistics.firstInvalidOffset = offset }
        if diagnostics.count < Self.diagnosticLimit {
          diagnostics.append(Diagnostic(kind: .invalidUTF8, byteOffset: offset, line: lineNumber, length: length))
        }
        position += length
      case .emptyInput:
        break decoding
      }
    }
    return String(result)
  }
}
