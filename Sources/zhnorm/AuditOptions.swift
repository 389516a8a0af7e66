import ArgumentParser
import ZhNorm

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The options that tell a person what zhnorm does: `--explain`, `--color`,
/// `--stats` and `--stats-format`.
struct AuditOptions: ParsableArguments {
  @Flag(help: "Explain on standard error what changed and why, line by line (joins with their evidence, removals, an inline diff of each changed line, counts per step).")
  var explain = false

  @Option(help: ArgumentHelp("Colour the --explain diff: auto (when standard error is a terminal and NO_COLOR is not set), always, never.", valueName: "WHEN"))
  var color: ColorChoice = .auto

  @Flag(help: "Report per file what the pipeline would do (bytes, lines, script, changes per kind, duplicate paragraphs) without writing any text.")
  var stats = false

  @Option(name: .customLong("stats-format"), help: ArgumentHelp("Format of --stats: table or json.", valueName: "FORMAT"))
  var statsFormat: StatsFormat = .table

  /// Whether `--explain` output gets ANSI colours.
  var usesColors: Bool {
    switch color {
    case .always: return true
    case .never: return false
    case .auto:
      if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
      if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
      return isatty(2) == 1
    }
  }

  /// Checks the combinations; `reportToStandardError` is `--report -`.
  func validate(reportToStandardError: Bool, detect: Bool, inPlace: Bool, output: String?) throws {
    if explain && reportToStandardError {
      throw ValidationError("--explain and --report - both write to standard error; give --report a file.")
    }
    if stats && (explain || detect || inPlace || output != nil) {
      throw ValidationError("--stats writes no text: it cannot be combined with --explain, --detect, --in-place or --output.")
    }
  }
}

/// When `--explain` uses colours.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, always, never
}

/// How `--stats` prints.
enum StatsFormat: String, ExpressibleByArgument, CaseIterable {
  case table, json
}
