/// Turns a stream of bytes into lines, in bounded memory: blocks for the
/// pipeline, or lines for any other ``DecodedLineSink``.
///
/// - Decodes UTF-8. Each maximal ill-formed subsequence becomes one U+FFFD and
///   is counted, with its byte offset; nothing is dropped silently.
/// - Splits lines at every mandatory break of UAX #14 (LF, CR, CRLF, NEL, VT,
///   FF, LS, PS) and remembers which one it was.
/// - Counts blank lines and page breaks so each block knows its layout.
/// - Cuts a line longer than ``maximumLineBytes`` into segments
///   (``Block/isPartialLine``) at the first scalar boundary past the limit,
///   a place chosen from the content alone, so memory stays bounded and the
///   output does not depend on chunking.
///
/// The result is the same however the input is split into chunks: a CR, or a
/// multi-byte sequence cut by the end of a chunk, waits for the next chunk.
///
/// One pass over the bytes both validates UTF-8 and finds line breaks (they
/// are both decided at each sequence's lead byte), sixteen bytes at a time
/// where it can. Bytes are copied once, into a ``DecodedChunk`` that the
/// blocks of its lines then share.
///
/// Complexity: O(n) time over the input; memory O(``maximumLineBytes``) plus
/// the chunk being filled.
struct LineDecoder {
  /// Lines longer than this (in bytes) are cut into segments.
  let maximumLineBytes: Int

  /// The bytes of the unfinished line(s), not yet handed to blocks.
  private var buffer = DecodedChunk(capacity: 1 << 16)
  /// Where scanning resumes in `buffer`.
  private var scanIndex = 0
  /// Where the line being scanned started (overlong cuts move it).
  private var lineStart = 0
  /// The first and the last ill-formed byte scanned so far, if any.
  private var firstInvalid: Int?
  private var lastInvalid: Int?
  /// The document offset of `buffer`'s first byte.
  private var bufferOffset = 0
  /// The 1-based number of the line being assembled.
  private var lineNumber = 1
  private var blankRun = 0
  private var afterPageBreak = false
  /// `true` when the line being assembled continues a cut overlong line.
  private var continuingLine = false
  private var diagnostics: [Diagnostic] = []
  private var invalidUTF8 = InvalidUTF8Log()
  /// What the vector step learned about the line being assembled so far.
  private var profile = LineByteProfile.empty
  /// Scratch for ``scan(atEnd:into:statistics:)``, kept for its capacity.
  private var foundScratch: [FoundLine] = []

  init(maximumLineBytes: Int) {
    precondition(maximumLineBytes >= 16, "maximumLineBytes must be at least 16")
    self.maximumLineBytes = maximumLineBytes
  }

  /// Decodes `bytes` and hands every completed line to `sink` (for an
  /// array of blocks: appends a block per line).
  mutating func push<Sink: DecodedLineSink>(
    _ bytes: UnsafeRawBufferPointer, into sink: inout Sink, statistics: inout DocumentStatistics
  ) {
    buffer.append(bytes)
    statistics.bytesIn += bytes.count
    scan(atEnd: false, into: &sink, statistics: &statistics)
  }

  /// Flushes the last line, if any, and resets for the next document.
  mutating func finish<Sink: DecodedLineSink>(into sink: inout Sink, statistics: inout DocumentStatistics) {
    scan(atEnd: true, into: &sink, statistics: &statistics)
    // After a scan the buffer holds exactly the unfinished last line. (An
    // overlong line that ended right at a cut still gets its last, empty,
    // block, so that it is known to be complete.)
    if buffer.count > 0 || continuingLine {
      emit(
        [FoundLine(range: 0..<buffer.count, terminator: .none, isSegment: false, profile: profile)],
        upTo: buffer.count, into: &sink, statistics: &statistics)
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

  /// A line (or segment) found by the scan, as a range of `buffer`.
  private struct FoundLine {
    var range: Range<Int>
    var terminator: LineTerminator
    var isSegment: Bool
    var profile: LineByteProfile
  }

  /// Whether any byte of `word` has its high bit set or is below 0x0E (the
  /// "has less than" bit trick): a word of ASCII above 0x0D holds no line
  /// break and needs no validation. False positives only cost a slower step.
  @inline(__always)
  private static func needsAttention(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    return ((word &- ones &* 0x0E) | word) & highs != 0
  }

  private mutating func scan<Sink: DecodedLineSink>(
    atEnd: Bool, into sink: inout Sink, statistics: inout DocumentStatistics
  ) {
    var found: [FoundLine] = []
    swap(&found, &foundScratch)
    defer {
      found.removeAll(keepingCapacity: true)
      swap(&found, &foundScratch)
    }
    var i = scanIndex
    var start = lineStart
    var invalid = firstInvalid
    var lastBad = lastInvalid
    // The continuation bytes the last vector step left for the next (a
    // vector may end inside a character; the byte-by-byte path never does).
    var carry: UInt32 = 0
    let base = buffer.base
    let count = buffer.count
    let raw = UnsafeRawPointer(base)
    scanning: while i < count {
      let limit = start + maximumLineBytes
      if i &+ DecodedVector.readLength <= count && i &+ 16 <= limit {
        // Sixteen bytes at a time; the line feeds among them end lines.
        let vector = DecodedVector(raw + i, carry: carry)
        if vector.isWhole {
          var lineFeeds = vector.lineFeeds
          var lane = 0
          while lineFeeds != 0 {
            let lineFeed = lineFeeds.trailingZeroBitCount
            profile.add(vector, lanes: DecodedVector.lanes(from: lane, to: lineFeed))
            found.append(FoundLine(range: start..<(i &+ lineFeed), terminator: .lineFeed, isSegment: false, profile: profile))
            profile = .empty
            lane = lineFeed &+ 1
            start = i &+ lane
            lineFeeds &= lineFeeds &- 1
          }
          profile.add(vector, lanes: DecodedVector.lanes(from: lane, to: 16))
          carry = vector.carry
          i &+= 16
          continue
        }
      }
      // The byte-by-byte path starts at a character boundary, and the line's
      // profile is not known (the `unicode` step will read the line).
      i &+= DecodedVector.characterStart(carry: carry)
      carry = 0
      profile = .unknown
      if i &+ 8 <= count && i &+ 8 <= limit {
        if !Self.needsAttention(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
          i &+= 8
          continue
        }
      }
      // Runs of three-byte sequences (Chinese text is mostly these) are
      // validated in a tight loop. Lead bytes E3–EC, EE and EF take any two
      // continuation bytes (E0 and ED restrict the second byte, E1 is rare,
      // E2 may start LS/PS, which end lines), so only the continuation bits
      // are checked; anything else falls through to the general path.
      let runEnd = min(count, limit) &- 2
      while i < runEnd {
        let lead = base[i]
        guard lead &- 0xE3 < 13, lead != 0xED,
          base[i &+ 1] & 0xC0 == 0x80, base[i &+ 2] & 0xC0 == 0x80
        else { break }
        i &+= 3
      }
      guard i < count else { break scanning }
      let b0 = base[i]
      if i >= limit && !(b0 >= 0x0A && b0 <= 0x0D) {
        // An overlong line: cut it here, at a scalar boundary (or at a stray
        // continuation byte, which is ill-formed on its own anyway). A line
        // break right here ends the line instead, so no segment is empty.
        found.append(FoundLine(range: start..<i, terminator: .none, isSegment: true, profile: profile))
        profile = .empty
        start = i
        continue
      }
      if b0 < 0x80 {
        if b0 >= 0x0A && b0 <= 0x0D {
          var terminator: LineTerminator
          var length = 1
          switch b0 {
          case 0x0A: terminator = .lineFeed
          case 0x0B: terminator = .verticalTab
          case 0x0C: terminator = .formFeed
          default:
            if i &+ 1 < count {
              if base[i &+ 1] == 0x0A {
                terminator = .carriageReturnLineFeed
                length = 2
              } else {
                terminator = .carriageReturn
              }
            } else if atEnd {
              terminator = .carriageReturn
            } else {
              break scanning  // the next chunk says whether LF follows
            }
          }
          found.append(FoundLine(range: start..<i, terminator: terminator, isSegment: false, profile: profile))
          profile = .empty
          i &+= length
          start = i
          continue
        }
        // The rest of a run of ASCII above 0x0D (digits and punctuation
        // between Chinese characters come in short runs the eight-byte step
        // above does not see).
        i &+= 1
        let asciiEnd = min(count, limit)
        while i < asciiEnd && base[i] &- 0x0E < 0x72 { i &+= 1 }
        continue
      }
      // A multi-byte sequence (Unicode, Table 3-7). NEL (C2 85) and LS/PS
      // (E2 80 A8/A9) are recognised where they are validated.
      let length = b0 < 0xC2 ? 0 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : b0 <= 0xF4 ? 4 : 0
      if length == 0 {
        if invalid == nil { invalid = i }
        lastBad = i
        i &+= 1
        continue
      }
      if i &+ length > count {
        if !atEnd && UTF8Codec.isSequencePrefix(UnsafeBufferPointer(start: base + i, count: count - i)) { break scanning }
        if invalid == nil { invalid = i }
        lastBad = i
        i &+= 1
        continue
      }
      let b1 = base[i &+ 1]
      let lower: UInt8 = b0 == 0xE0 ? 0xA0 : b0 == 0xF0 ? 0x90 : 0x80
      let upper: UInt8 = b0 == 0xED ? 0x9F : b0 == 0xF4 ? 0x8F : 0xBF
      var valid = b1 >= lower && b1 <= upper
      if length >= 3 { valid = valid && base[i &+ 2] & 0xC0 == 0x80 }
      if length == 4 { valid = valid && base[i &+ 3] & 0xC0 == 0x80 }
      if !valid {
        if invalid == nil { invalid = i }
        lastBad = i
        i &+= 1
        continue
      }
      if b0 == 0xC2 && b1 == 0x85 {
        found.append(FoundLine(range: start..<i, terminator: .nextLine, isSegment: false, profile: profile))
        profile = .empty
        i &+= 2
        start = i
        continue
      }
      if b0 == 0xE2 && b1 == 0x80 && (base[i &+ 2] == 0xA8 || base[i &+ 2] == 0xA9) {
        found.append(FoundLine(
          range: start..<i, terminator: base[i &+ 2] == 0xA8 ? .lineSeparator : .paragraphSeparator, isSegment: false,
          profile: profile))
        profile = .empty
        i &+= 3
        start = i
        continue
      }
      i &+= length
    }
    scanIndex = i
    lineStart = start
    firstInvalid = invalid
    lastInvalid = lastBad
    guard let last = found.last else { return }
    let end = last.isSegment ? last.range.upperBound : start
    emit(found, upTo: end, into: &sink, statistics: &statistics)
  }

  /// Hands the lines found in `buffer[..<end]` to `sink` and moves the rest
  /// of the buffer to a fresh chunk. If those bytes are valid UTF-8 (the usual
  /// case) every line is a range of the old chunk; otherwise each line is
  /// decoded on its own, with ill-formed sequences replaced and reported,
  /// into a chunk of its own.
  private mutating func emit<Sink: DecodedLineSink>(
    _ found: [FoundLine], upTo end: Int, into sink: inout Sink, statistics: inout DocumentStatistics
  ) {
    let chunk = buffer
    let valid = firstInvalid.map { $0 >= end } ?? true
    for line in found {
      if valid {
        let bytes = UnsafeBufferPointer(start: chunk.base + line.range.lowerBound, count: line.range.count)
        deliver(line, bytes: bytes, profile: line.profile, in: chunk, to: &sink, statistics: &statistics)
      } else {
        let repaired = decode(line.range, statistics: &statistics)
        let bytes = UnsafeBufferPointer(start: repaired.base, count: repaired.count)
        deliver(line, bytes: bytes, profile: .unknown, in: repaired, to: &sink, statistics: &statistics)
      }
    }
    sink.finishBatch(statistics: &statistics)
    // The same capacity as the last chunk: input arrives in pushes of similar
    // size, so the next chunk fills without growing, and the allocator can
    // reuse the memory of chunks already freed (fresh memory costs page faults).
    let rest = DecodedChunk(capacity: max(chunk.capacity, chunk.count - end))
    chunk.withUTF8 { rest.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0[end...]))) }
    buffer = rest
    scanIndex -= end
    lineStart -= end
    // If the rest holds an ill-formed byte, the batch that will contain it is
    // decoded line by line (which finds exactly where): mark it from its start.
    if let last = lastInvalid, last >= end {
      firstInvalid = 0
      lastInvalid = last - end
    } else {
      firstInvalid = nil
      lastInvalid = nil
    }
    bufferOffset += end
  }

  /// Hands one line to `sink` with its layout, and keeps count of the layout:
  /// blank lines, page breaks, line numbers. A segment of an overlong line
  /// takes the layout of the line it starts; the segments after it have none.
  @inline(__always)
  private mutating func deliver<Sink: DecodedLineSink>(
    _ found: FoundLine, bytes: UnsafeBufferPointer<UInt8>, profile: LineByteProfile, in chunk: DecodedChunk,
    to sink: inout Sink, statistics: inout DocumentStatistics
  ) {
    let line = DecodedLine(
      bytes: bytes, terminator: found.terminator, isSegment: found.isSegment, profile: profile,
      blankLinesBefore: continuingLine ? 0 : blankRun, followsPageBreak: continuingLine ? false : afterPageBreak,
      lineNumber: lineNumber, byteOffset: bufferOffset + found.range.lowerBound)
    if found.isSegment {
      if !continuingLine {
        blankRun = 0
        afterPageBreak = false
      }
      continuingLine = true
    } else {
      let isBlank = Block.isBlank(utf8: bytes)
      statistics.linesIn += 1
      blankRun = isBlank && !continuingLine ? blankRun + 1 : 0
      afterPageBreak = found.terminator == .formFeed
      continuingLine = false
      lineNumber += 1
    }
    sink.receive(line, in: chunk, statistics: &statistics)
  }

  /// Decodes `buffer[range]` into a chunk of its own, replacing ill-formed
  /// sequences with U+FFFD.
  private mutating func decode(_ range: Range<Int>, statistics: inout DocumentStatistics) -> DecodedChunk {
    let bytes = buffer.withUTF8 { UnsafeBufferPointer(rebasing: $0[range]) }
    if UTF8Codec.isValid(bytes) {
      return DecodedChunk(copying: bytes)
    }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + 16)
    let start = bufferOffset + range.lowerBound
    UTF8Codec.appendReplacingInvalid(bytes, to: &result) { position, length in
      invalidUTF8.note(
        offset: start + position, line: lineNumber, length: length, statistics: &statistics, diagnostics: &diagnostics)
    }
    return result.withUnsafeBufferPointer(DecodedChunk.init(copying:))
  }
}
