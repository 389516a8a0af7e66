import ZhNorm

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One run of the filter over its inputs: opens each document, streams it
/// through a ``NormalizationStream``, writes the output and the report, and
/// turns failures into messages and an exit status.
struct FilterSession {
  let normalizer: Normalizer
  let strict: Bool
  let quiet: Bool
  /// The most severe failure so far.
  var status = ExitStatus.success
  var chunk = InputFile.makeChunkBuffer()
  /// `--jsonl`: normalize one field of each record instead of whole documents.
  var jsonl: JSONLNormalizer?
  /// One JSON Lines stream for all inputs (as `sharedStream`).
  var sharedJSONLStream: JSONLStream?
  /// `--line-buffered`: flush after each record or chunk of output.
  var lineBuffered = false
  /// Counts bytes and files for the progress line.
  var progress: ProgressMeter?
  /// `--binary-ok`: process input with NUL bytes in its first block.
  var binaryOK = false
  /// One stream for all inputs, so that state meant to span documents (dedup's
  /// run scope) does; each input ends with `finishDocument`.
  private var sharedStream: NormalizationStream?
  /// `--explain`'s account, when asked for.
  private var explain: ExplainSink?

  init(normalizer: Normalizer, strict: Bool, quiet: Bool, explain: ExplainSink? = nil) {
    self.normalizer = normalizer
    self.explain = explain
    self.sharedStream = normalizer.makeStream(tracingLines: explain != nil)
    self.strict = strict
    self.quiet = quiet
  }

  /// Invalid input under `--strict`, or binary input.
  struct InvalidInput: Error {
    var diagnostic: Diagnostic
    var hint = ""
  }

  /// Processes every input; returns the exit status (the most severe failure).
  mutating func run(inputs: [String], output: String?, inPlace: Bool, reportPath: String?, destinations: [String]? = nil) -> ExitStatus {
    var report: ReportSink?
    if let reportPath {
      do { report = try ReportSink(path: reportPath) } catch {
        fail(error.description, error.exitStatus)
        return status
      }
    }

    if let destinations {
      for (path, destination) in zip(inputs, destinations) { write(path, toFile: destination, report: &report) }
    } else if inPlace {
      for path in inputs { editInPlace(path, report: &report) }
    } else if let output {
      do {
        let file = try AtomicFile(path: output)
        var writer = ByteWriter(descriptor: file.descriptor, path: output)
        var failedHard = false
        for path in inputs {
          if !process(path, into: &writer, report: &report) && status >= .dataError && status != .noInput {
            failedHard = true
            break
          }
        }
        if failedHard {
          file.discard()
        } else {
          do {
            try writer.flush()
          } catch {
            file.discard()  // a failed last write must not leave the temporary behind
            fail(error.description, .ioError)
            failedHard = true
          }
          if !failedHard {
            do { try file.commit() } catch { fail(error.description, .ioError) }
          }
        }
      } catch {
        fail(error.description, error.exitStatus == .noInput ? .ioError : error.exitStatus)
      }
    } else {
      var writer = ByteWriter(descriptor: 1, path: "standard output")
      if !lineBuffered { PipeBuffer.enlarge(1) }
      for path in inputs {
        if !process(path, into: &writer, report: &report) && status == .ioError { break }
      }
      do { try writer.flush() } catch { fail(error.description, .ioError) }
    }

    if var sink = report {
      do { try sink.finish() } catch { fail(error.description, .ioError); sink.discard() }
    }
    return status
  }

  /// Replaces `path` with its normalized text through a temporary file.
  mutating func editInPlace(_ path: String, report: inout ReportSink?) {
    let file: AtomicFile
    do throws(SystemError) {
      guard let mode = permissions(of: path) else { throw SystemError("open", path: path) }
      file = try AtomicFile(path: path, mode: mode)
    } catch {
      fail(error.description, error.exitStatus)
      return
    }
    process(path, intoAtomic: file, named: path, report: &report)
  }

  /// Streams `path` into `file` and commits it; discards it if anything failed,
  /// so that the destination is either complete or as it was.
  mutating func process(_ path: String, intoAtomic file: AtomicFile, named destination: String, report: inout ReportSink?) {
    var writer = ByteWriter(descriptor: file.descriptor, path: destination)
    guard process(path, into: &writer, report: &report) else {
      file.discard()
      return
    }
    do {
      try writer.flush()
      try file.commit()
    } catch {
      file.discard()
      fail(error.description, .ioError)
    }
  }

  /// Streams one document into `writer`. Returns `false` if it failed.
  mutating func process(_ path: String, into writer: inout ByteWriter, report: inout ReportSink?) -> Bool {
    defer { progress?.finishFile() }
    if let jsonl { return processJSONL(path, with: jsonl, into: &writer, report: &report) }
    let name = path == "-" ? "standard input" : path
    let clock = ContinuousClock()
    let start = clock.now
    var stream = sharedStream.take() ?? normalizer.makeStream(tracingLines: explain != nil)
    var failure: String?
    defer {
      defer { sharedStream = stream }
      let records = stream.takeRecords()
      if explain != nil {
        do {
          try explain?.add(records, stream.takeLineTrace())
          try explain?.endDocument(stream.statistics, error: failure)
        } catch {
          fail(error.description, .ioError)
        }
      }
      if report != nil {
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        do {
          try report?.add(records)
          try report?.endDocument(stream.statistics, seconds: seconds, error: failure)
        } catch {
          fail(error.description, .ioError)
        }
      }
    }
    do {
      try report?.beginDocument(name)
      try explain?.beginDocument(name)
      let input = try InputFile(path: path)
      defer { input.close() }
      while true {
        let count = try input.read(into: &chunk)
        if count == 0 { break }
        progress?.add(bytes: count)
        try writer.append { buffer in
          let mark = buffer.count
          stream.push(chunk[..<count], appendingTo: &buffer)
          try check(stream.takeDiagnostics(), in: name, output: &buffer, from: mark)
        }
        if lineBuffered { try writer.flush() }
        try takeRecords(from: &stream, report: &report)
      }
      try writer.append { buffer in
        let mark = buffer.count
        stream.finishDocument(appendingTo: &buffer)
        try check(stream.takeDiagnostics(), in: name, output: &buffer, from: mark)
      }
      if lineBuffered { try writer.flush() }
      if stream.statistics.invalidSequences > 1 {
        let encoding = stream.statistics.encoding.map { $0.name == "UTF-8" ? "UTF-8" : "\($0.name) (invalid or unmappable)" } ?? "UTF-8"
        warn("\(name): \(stream.statistics.invalidSequences) invalid \(encoding) sequences were replaced with U+FFFD in all")
      }
      return true
    } catch let error as SystemError {
      stream.discardDocument()
      failure = error.description
      fail(error.operation == "open" || error.path == path ? "\(error)" : error.description, error.exitStatus)
    } catch let error as InvalidInput {
      stream.discardDocument()
      failure = "\(error.diagnostic)"
      fail("\(name): \(error.diagnostic)\(error.hint)", .dataError)
    } catch {
      stream.discardDocument()
      failure = "\(error)"
      fail("\(name): \(error)", .ioError)
    }
    return false
  }

  /// Hands the records (and, for `--explain`, the line trace) made so far to
  /// the report and the account.
  private mutating func takeRecords(from stream: inout NormalizationStream, report: inout ReportSink?) throws {
    let records = stream.takeRecords()
    try report?.add(records)
    try explain?.add(records, stream.takeLineTrace())
  }

  /// Warns about diagnostics or fails on them (binary input unless
  /// `--binary-ok`; decoding errors under `--strict`) after taking back the
  /// output of the chunk that had them. The input decoder holds back the first
  /// block, so binary input is refused before any of its output exists.
  private func check(_ diagnostics: [Diagnostic], in name: String, output: inout [UInt8], from mark: Int) throws {
    if let binary = diagnostics.first(where: { $0.kind == .binaryInput }), !binaryOK {
      output.removeSubrange(mark...)
      throw InvalidInput(diagnostic: binary, hint: "; use --binary-ok to process it anyway")
    }
    if let first = diagnostics.first(where: \.isDecodingError) {
      if strict {
        output.removeSubrange(mark...)
        throw InvalidInput(diagnostic: first)
      }
      warn("\(name): warning: \(first); replaced with U+FFFD")
    }
    for damage in diagnostics where damage.kind == .mojibakeDamage {
      warn("\(name): warning: \(damage)")
    }
  }

  func warn(_ message: String) {
    guard !quiet else { return }
    printError("zhnorm: \(message)")
  }

  mutating func fail(_ message: String, _ exitStatus: ExitStatus) {
    printError("zhnorm: \(message)")
    if exitStatus > status { status = exitStatus }
  }
}

extension NormalizationStream {
  /// Ends a document that failed, dropping the rest of its output.
  mutating func discardDocument() {
    var discarded: [UInt8] = []
    finishDocument(appendingTo: &discarded)
  }
}

/// Writes a line to standard error, unbuffered.
func printError(_ message: String) {
  // On a terminal, first erase a progress line that may be showing.
  let bytes = Array(((isatty(2) != 0 ? "\r\u{1B}[K" : "") + message + "\n").utf8)
  bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
}
