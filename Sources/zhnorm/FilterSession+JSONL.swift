import ZhNorm

extension FilterSession {
  /// A malformed line or invalid UTF-8 in a record's text under `--strict`.
  struct InvalidRecord: Error {
    var diagnostic: JSONLDiagnostic
  }

  /// At most this many problems are printed per input; the rest are counted.
  static let shownProblemsPerInput = 20

  /// Streams one JSON Lines input into `writer` (`--jsonl`). Returns `false` if it failed.
  mutating func processJSONL(_ path: String, with jsonl: JSONLNormalizer, into writer: inout ByteWriter, report: inout ReportSink?) -> Bool {
    let name = path == "-" ? "standard input" : path
    let clock = ContinuousClock()
    let start = clock.now
    var stream = sharedJSONLStream.take() ?? jsonl.makeStream()
    var failure: String?
    var shown = 0
    defer {
      defer { sharedJSONLStream = stream }
      if report != nil {
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        do {
          try report?.add(stream.takeRecords())
          try report?.endDocument(stream.textStatistics, seconds: seconds, error: failure, fields: [("jsonl", Self.json(stream.statistics))])
        } catch {
          fail(error.description, .ioError)
        }
      }
    }
    do {
      try report?.beginDocument(name)
      let input = try InputFile(path: path)
      defer { input.close() }
      var ended = false
      while !ended {
        let count = try input.read(into: &chunk)
        progress?.add(bytes: count)
        if count == 0 {
          ended = true
          try writer.append { buffer in
            let mark = buffer.count
            stream.finish(appendingTo: &buffer)
            try check(stream.takeDiagnostics(), in: name, output: &buffer, from: mark, shown: &shown)
          }
        } else {
          stream.feed(chunk[..<count])
          var more = true
          while more {
            try writer.append { buffer in
              let mark = buffer.count
              more = stream.processNextRecord(appendingTo: &buffer)
              try check(stream.takeDiagnostics(), in: name, output: &buffer, from: mark, shown: &shown)
            }
            if lineBuffered && more { try writer.flush() }
          }
        }
        if lineBuffered { try writer.flush() }
        try report?.add(stream.takeRecords())
      }
      summarize(stream.statistics, field: jsonl.field, in: name, shown: shown)
      return true
    } catch let error as SystemError {
      stream.discardInput()
      failure = error.description
      fail(error.operation == "open" || error.path == path ? "\(error)" : error.description, error.exitStatus)
    } catch let error as InvalidRecord {
      stream.discardInput()
      failure = "\(error.diagnostic)"
      fail("\(name):\(error.diagnostic.line): \(Self.message(error.diagnostic))", .dataError)
    } catch {
      stream.discardInput()
      failure = "\(error)"
      fail("\(name): \(error)", .ioError)
    }
    return false
  }

  /// Warns about each problem (the first few), or under `--strict` fails on
  /// the first after taking back the output of the record that had it.
  private func check(_ diagnostics: [JSONLDiagnostic], in name: String, output: inout [UInt8], from mark: Int, shown: inout Int) throws {
    for diagnostic in diagnostics {
      if strict {
        output.removeSubrange(mark...)
        throw InvalidRecord(diagnostic: diagnostic)
      }
      shown += 1
      if shown <= Self.shownProblemsPerInput {
        let outcome = diagnostic.isMalformed ? "line passed through unchanged" : "replaced with U+FFFD"
        warn("\(name):\(diagnostic.line): warning: \(Self.message(diagnostic)); \(outcome)")
      }
    }
  }

  /// The end-of-input summary: records passed through without their field, and problems not shown.
  private func summarize(_ statistics: JSONLStatistics, field: JSONFieldPath, in name: String, shown: Int) {
    let skipped = statistics.missingField + statistics.notString
    if skipped > 0 {
      warn("\(name): \(skipped) record\(skipped == 1 ? "" : "s") without a string field '\(field)' passed through unchanged (\(statistics.missingField) missing, \(statistics.notString) not a string)")
    }
    if shown > Self.shownProblemsPerInput {
      warn("\(name): \(shown) problems in all (\(statistics.malformed) malformed lines); only the first \(Self.shownProblemsPerInput) were shown")
    }
  }

  private static func message(_ diagnostic: JSONLDiagnostic) -> String {
    switch diagnostic.problem {
    case .malformed(let error): "\(error)"
    case .text(let problem): "in the field's text: \(problem)"
    }
  }

  /// The `jsonl` object of a report entry.
  static func json(_ statistics: JSONLStatistics) -> String {
    let fields = [
      ("lines", statistics.lines), ("normalized", statistics.normalized), ("changed", statistics.changed),
      ("missingField", statistics.missingField), ("notString", statistics.notString), ("malformed", statistics.malformed),
      ("blank", statistics.blank), ("dropped", statistics.dropped), ("unpairedSurrogates", statistics.unpairedSurrogates),
    ]
    return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
  }
}

extension JSONLStream {
  /// Ends an input that failed, dropping the rest of its output.
  mutating func discardInput() {
    var discarded: [UInt8] = []
    finish(appendingTo: &discarded)
  }
}
