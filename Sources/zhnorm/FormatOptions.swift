import ArgumentParser
import ZhNorm

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Options for input formats and for running over many files: JSON Lines,
/// line buffering, parallel jobs, an output directory, directory walking and
/// the progress line.
struct FormatOptions: ParsableArguments {
  @Flag(name: .customLong("jsonl"), help: "Read JSON Lines: normalize one string field of each record (--field), keep every other byte of the line; one output line per input line.")
  var jsonl = false

  @Option(name: .customLong("field"), help: ArgumentHelp("With --jsonl, the field to normalize; a dotted path such as meta.body names a field of a nested object.", valueName: "PATH"))
  var field = "text"

  @Flag(name: .customLong("drop-empty"), help: "With --jsonl, leave out records whose text is empty after normalizing (e.g. a duplicate removed by dedup).")
  var dropEmpty = false

  @Flag(name: .customLong("line-buffered"), help: "Flush the output after each record (--jsonl) or each output line, for interactive use (default: block-buffered).")
  var lineBuffered = false

  @Option(name: [.short, .customLong("jobs")], help: ArgumentHelp("Process the input files on N threads; the output is the same as with -j 1.", valueName: "N"))
  var jobs = 1

  @Option(name: .customLong("output-dir"), help: ArgumentHelp("Write each input's output to DIR/NAME (the file's base name, or its path under a --recursive directory), atomically, creating directories.", valueName: "DIR"))
  var outputDirectory: String?

  @Flag(name: [.short, .customLong("recursive")], help: "Take directories as inputs: every regular file under them, in sorted order (names starting with '.' are skipped).")
  var recursive = false

  @Flag(inversion: .prefixedNo, help: "Show (or never show) a progress line on standard error (default: only when it is a terminal and the work is large).")
  var progress: Bool?

  func validate() throws {
    if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    if !jsonl {
      if field != "text" { throw ValidationError("--field needs --jsonl.") }
      if dropEmpty { throw ValidationError("--drop-empty needs --jsonl.") }
    }
    do { _ = try JSONFieldPath(field) } catch { throw ValidationError("--field: \(error)") }
  }

  /// Checks the combinations with the command's other options.
  func check(files: [String], output: String?, inPlace: Bool, report: String?, dedup: DedupCommandOptions) throws {
    if let outputDirectory {
      if output != nil || inPlace { throw ValidationError("--output-dir cannot be used with --output or --in-place.") }
      if files.isEmpty || files.contains("-") { throw ValidationError("--output-dir needs input files (not standard input).") }
      if outputDirectory.isEmpty { throw ValidationError("--output-dir needs a directory name.") }
    }
    if jobs > 1 {
      if dedup.scope == .run || dedup.database != nil {
        throw ValidationError("-j \(jobs) cannot be used with --dedup-scope run or --dedup-db: dedup across inputs depends on their order; use -j 1.")
      }
      if report != nil { throw ValidationError("--report is not supported with -j \(jobs) yet; use -j 1.") }
    }
  }

  /// Runs the filter over `files` with these options; returns the exit status.
  func run(
    normalizer: Normalizer, files: [String], output: String?, inPlace: Bool, report: String?, strict: Bool, quiet: Bool,
    binaryOK: Bool = false, explain: ExplainSink? = nil
  ) -> ExitStatus {
    var status = ExitStatus.success
    let inputs = InputList(arguments: files, recursive: recursive)
    for message in inputs.failures {
      printError("zhnorm: \(message)")
      status = max(status, .noInput)
    }
    var destinations: [String]?
    if let outputDirectory {
      do { destinations = try inputs.destinations(in: outputDirectory) } catch {
        printError("zhnorm: \(error)")
        return .usage
      }
    }
    var settings = SessionSettings(
      normalizer: normalizer,
      jsonl: jsonl ? JSONLNormalizer(normalizer: normalizer, field: try! JSONFieldPath(field), dropsEmpty: dropEmpty) : nil,
      strict: strict, quiet: quiet, lineBuffered: lineBuffered,
      progress: makeProgress(inputs: inputs.paths, quiet: quiet, writesStandardOutput: output == nil && !inPlace && outputDirectory == nil))
    settings.binaryOK = binaryOK
    settings.progress?.start()
    defer { settings.progress?.finish() }
    let paths = inputs.paths
    if jobs > 1 && paths.count > 1 {
      let parallel = ParallelRun(settings: settings, jobs: min(jobs, paths.count))
      if inPlace || destinations != nil {
        return max(status, parallel.runUnordered(inputs: paths, destinations: destinations))
      }
      return max(status, parallel.runOrdered(inputs: paths, output: output))
    }
    guard !paths.isEmpty else { return status }
    var session = settings.makeSession(explain: explain)
    return max(status, session.run(inputs: paths, output: output, inPlace: inPlace, reportPath: report, destinations: destinations))
  }

  /// The progress meter, when one should be shown: `--progress` forces it;
  /// otherwise only when standard error is a terminal, warnings are on, and
  /// the output does not go to that same terminal.
  private func makeProgress(inputs: [String], quiet: Bool, writesStandardOutput: Bool) -> ProgressMeter? {
    switch progress {
    case false?: return nil
    case true?: return ProgressMeter(inputs: inputs, forced: true)
    case nil:
      guard !quiet, isatty(2) != 0, !(writesStandardOutput && isatty(1) != 0) else { return nil }
      return ProgressMeter(inputs: inputs, forced: false)
    }
  }
}

/// What each ``FilterSession`` of a run is made from (one per thread).
struct SessionSettings: Sendable {
  var normalizer: Normalizer
  var jsonl: JSONLNormalizer?
  var strict: Bool
  var quiet: Bool
  var lineBuffered: Bool
  var progress: ProgressMeter?
  /// `--binary-ok`.
  var binaryOK = false

  /// A session; `explain` (serial runs only) receives its account of changes.
  func makeSession(explain: ExplainSink? = nil) -> FilterSession {
    var session = FilterSession(normalizer: normalizer, strict: strict, quiet: quiet, explain: explain)
    session.jsonl = jsonl
    session.lineBuffered = lineBuffered
    session.progress = progress
    session.binaryOK = binaryOK
    return session
  }
}
