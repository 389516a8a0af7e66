/// Normalizes a document given in chunks of bytes, in bounded memory.
///
/// Push chunks as they arrive; each call returns the output that is final so
/// far (whole lines that no stage holds back any more). Call
/// ``finishDocument()`` at the end of each document to get the rest. The
/// output is the same however the input is split into chunks.
///
/// ```swift
/// var stream = Normalizer().makeStream()
/// while let chunk = try readChunk() {
///   try write(stream.push(chunk))
/// }
/// try write(stream.finishDocument())
/// print(stream.statistics.bytesIn)
/// ```
///
/// Memory: the longest line (at most the configuration's
/// ``NormalizerConfiguration/maximumLineBytes``) plus what the stages hold
/// back, which does not grow with the input.
public struct NormalizationStream {
  private var input: InputDecoder
  private var countedInputErrors = 0
  private var decoder: LineDecoder
  private var pipeline: BlockPipeline
  private var output: StageOutput
  private var decoded: [Block] = []
  /// Set when the only step is one that needs no blocks: see ``RawPath``.
  private var raw: (any RawPath)?
  private var rawDiagnostics: [Diagnostic] = []
  private var startsNewDocument = false
  /// Input and output lines since the last ``takeLineTrace()``, when tracing.
  private var trace: LineTrace?

  /// `dedupTakesVerdicts: false` is for tests (see ``Normalizer/stages(for:dedupTakesVerdicts:)``).
  init(configuration: NormalizerConfiguration, tracingLines: Bool = false, dedupTakesVerdicts: Bool = true) {
    input = InputDecoder(encoding: configuration.inputEncoding, holdsBackFirstBlock: configuration.holdsBackFirstBlock)
    decoder = LineDecoder(maximumLineBytes: configuration.maximumLineBytes)
    pipeline = BlockPipeline(stages: Normalizer.stages(for: configuration, dedupTakesVerdicts: dedupTakesVerdicts))
    output = StageOutput(recordsChanges: configuration.recordsChanges)
    if !tracingLines && !configuration.fixesMojibake {
      if configuration.steps == [.convert], let profile = configuration.convert.profile {
        raw = RawConversionPath(profile: profile)
      } else if configuration.steps == [.unicode] {
        raw = RawCleanupPath(options: configuration.unicode, maximumLineBytes: configuration.maximumLineBytes)
      }
    }
    if tracingLines { trace = LineTrace() }
  }

  /// Statistics of the current document (after ``finishDocument()``: of the
  /// document just finished, until the next push).
  public var statistics: DocumentStatistics { output.statistics }

  /// Feeds the next chunk of the document; returns output that is now final.
  public mutating func push(_ bytes: some Collection<UInt8>) -> [UInt8] {
    var result: [UInt8] = []
    push(bytes, appendingTo: &result)
    return result
  }

  /// Feeds the next chunk of the document and appends the output that is now
  /// final to `output`. Reusing one buffer across calls avoids an allocation
  /// per chunk, which matters at hundreds of megabytes per second.
  public mutating func push(_ bytes: some Collection<UInt8>, appendingTo result: inout [UInt8]) {
    if startsNewDocument { resetStatistics() }
    let bytesIn = output.statistics.bytesIn + bytes.count
    // The input decoder is moved out while it calls back into `feed` (and
    // stays uniquely referenced, so its converter is never cloned).
    var reader = takeInput()
    let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      reader.push(UnsafeRawBufferPointer(buffer)) { feed($0, into: &result) }
    }
    if handled == nil {
      Array(bytes).withUnsafeBytes { raw in reader.push(raw) { feed($0, into: &result) } }
    }
    input = reader
    // Count the bytes as read, not as decoded to UTF-8.
    output.statistics.bytesIn = bytesIn
    noteInput()
  }

  /// Runs UTF-8 from the input decoder through the line decoder and the
  /// stages, at most ``sliceBytes`` at a time: a slice of line feeds makes a
  /// block per byte, so slicing bounds the blocks in flight.
  private mutating func feed(_ bytes: UnsafeRawBufferPointer, into result: inout [UInt8]) {
    if raw != nil {
      let before = result.count
      raw!.push(bytes, appendingTo: &result, statistics: &output.statistics, diagnostics: &rawDiagnostics)
      output.statistics.bytesOut += result.count - before
      return
    }
    var start = 0
    repeat {
      let end = min(bytes.count, start + Self.sliceBytes)
      decoder.push(UnsafeRawBufferPointer(rebasing: bytes[start..<end]), into: &decoded, statistics: &output.statistics)
      drain(finishing: false, into: &result)
      start = end
    } while start < bytes.count
  }

  /// The most bytes handed to the line decoder between two drains of the pipeline.
  static let sliceBytes = 64 << 10

  private mutating func takeInput() -> InputDecoder {
    let reader = input
    input = InputDecoder(encoding: .utf8)  // a placeholder until the reader is put back
    return reader
  }

  /// Copies what the input decoder knows into the statistics.
  private mutating func noteInput() {
    output.statistics.encoding = input.decision
    output.statistics.invalidSequences += input.errorCount - countedInputErrors
    countedInputErrors = input.errorCount
    if output.statistics.firstInvalidOffset == nil, let offset = input.firstErrorOffset {
      output.statistics.firstInvalidOffset = offset
    }
  }

  /// Ends the current document and returns the rest of its output. The
  /// stream is then ready for the next document (per-document state is reset;
  /// ``statistics`` still describes the finished one until the next push).
  public mutating func finishDocument() -> [UInt8] {
    var result: [UInt8] = []
    finishDocument(appendingTo: &result)
    return result
  }

  /// Ends the current document, appending the rest of its output to `result`.
  public mutating func finishDocument(appendingTo result: inout [UInt8]) {
    if startsNewDocument { resetStatistics() }
    let bytesIn = output.statistics.bytesIn
    var reader = takeInput()
    reader.finish { feed($0, into: &result) }
    input = reader
    output.statistics.bytesIn = bytesIn
    noteInput()
    if raw != nil {
      let before = result.count
      raw!.finish(appendingTo: &result, statistics: &output.statistics, diagnostics: &rawDiagnostics)
      output.statistics.bytesOut += result.count - before
      startsNewDocument = true
      return
    }
    decoder.finish(into: &decoded, statistics: &output.statistics)
    drain(finishing: true, into: &result)
    startsNewDocument = true
  }

  /// Takes the change records made since the last call (only made when the
  /// configuration's ``NormalizerConfiguration/recordsChanges`` is on).
  public mutating func takeRecords() -> [ChangeRecord] {
    defer { output.records.removeAll(keepingCapacity: true) }
    return output.records
  }

  /// Takes the input and output lines seen since the last call (empty unless
  /// the stream was made with ``Normalizer/makeStream(tracingLines:)``).
  public mutating func takeLineTrace() -> LineTrace {
    guard let taken = trace else { return LineTrace() }
    trace = LineTrace()
    return taken
  }

  /// Takes the diagnostics (invalid UTF-8 or invalid bytes in the input
  /// encoding, binary input, irreversible mojibake) found since the last
  /// call, in the order they were found. At most 100 decoding errors are
  /// kept per document; ``statistics`` counts them all.
  public mutating func takeDiagnostics() -> [Diagnostic] {
    defer {
      rawDiagnostics.removeAll()
      output.diagnostics.removeAll()
    }
    return input.takeDiagnostics() + rawDiagnostics + decoder.takeDiagnostics() + output.diagnostics
  }

  private mutating func resetStatistics() {
    output.statistics = DocumentStatistics()
    input.resetCounts()
    countedInputErrors = 0
    startsNewDocument = false
  }

  private mutating func drain(finishing: Bool, into bytes: inout [UInt8]) {
    if !decoded.isEmpty {
      trace?.addInputs(decoded)
      var finished = pipeline.process(&decoded, output: &output)
      trace?.addOutputs(finished)
      BlockEncoder.append(finished, to: &bytes, statistics: &output.statistics)
      // The emptied array goes back to the line decoder, so the next slice's
      // blocks fill it without growing a fresh array step by step.
      finished.removeAll(keepingCapacity: true)
      if decoded.capacity < finished.capacity { swap(&decoded, &finished) }
    }
    if finishing {
      let finished = pipeline.finishDocument(output: &output)
      trace?.addOutputs(finished)
      BlockEncoder.append(finished, to: &bytes, statistics: &output.statistics)
    }
  }
}
