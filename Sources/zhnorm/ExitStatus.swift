/// The exit statuses of `zhnorm`, from BSD's sysexits.h.
enum ExitStatus: Int32, Comparable {
  /// Everything went well.
  case success = 0
  /// The command line was wrong (argument-parser also uses 64).
  case usage = 64
  /// The input was bad: invalid UTF-8 under `--strict`, binary input.
  case dataError = 65
  /// An input file did not exist or could not be read.
  case noInput = 66
  /// Reading or writing failed (disk full, I/O error).
  case ioError = 74

  static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
