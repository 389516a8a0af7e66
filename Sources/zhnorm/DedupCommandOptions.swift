import ArgumentParser
import ZhNorm

/// The `dedup` step's command-line options.
struct DedupCommandOptions: ParsableArguments {
  @Option(
    name: .customLong("dedup-scope"),
    help: ArgumentHelp("Where to look for earlier copies: doc (within each input) or run (across all inputs, in order).", valueName: "SCOPE"))
  var scope: DedupOptions.Scope = .document

  @Option(
    name: .customLong("near-dup"),
    help: ArgumentHelp("Near-duplicate threshold: MinHash Jaccard similarity of character 5-grams, 0 < T ≤ 1, or 'off'.", valueName: "T|off"))
  var nearDuplicate: NearDuplicateThreshold = NearDuplicateThreshold(value: nil)

  @Option(
    name: .customLong("dedup-min-length"),
    help: ArgumentHelp("Never remove paragraphs shorter than N characters (whitespace not counted).", valueName: "N"))
  var minimumLength: Int = 16

  @Option(
    name: .customLong("dedup-db"),
    help: ArgumentHelp("Keep paragraph fingerprints in the SQLite database FILE (created if missing) and dedup against earlier runs; implies run scope.", valueName: "FILE"))
  var database: String?

  @Option(
    name: .customLong("dedup-memory"),
    help: ArgumentHelp("Memory for dedup's indexes, e.g. 64M or 1G (default 128M); beyond it, old fingerprints are forgotten at random.", valueName: "SIZE"))
  var memory: ByteSize = ByteSize(bytes: 128 << 20)

  func validate() throws {
    if minimumLength < 1 { throw ValidationError("--dedup-min-length must be at least 1.") }
    if memory.bytes < 1 << 20 { throw ValidationError("--dedup-memory must be at least 1M.") }
    do {
      try DedupOptions(databasePath: database).checkDatabase()
    } catch {
      throw ValidationError("--dedup-db: \(error)")
    }
  }

  /// Applies the options to `configuration`.
  func apply(to configuration: inout NormalizerConfiguration) {
    configuration.dedup.scope = scope
    configuration.dedup.nearDuplicateThreshold = nearDuplicate.value
    configuration.dedup.minimumLength = minimumLength
    configuration.dedup.minimumUnterminatedLength = max(32, minimumLength)
    configuration.dedup.databasePath = database
    configuration.dedup.memoryLimit = memory.bytes
  }
}

extension DedupOptions.Scope: ExpressibleByArgument {}

/// `--near-dup`: a similarity threshold in (0, 1], or `off`.
struct NearDuplicateThreshold: ExpressibleByArgument {
  var value: Double?

  init(value: Double?) { self.value = value }

  init?(argument: String) {
    if argument.lowercased() == "off" {
      value = nil
    } else if let number = Double(argument), number > 0, number <= 1 {
      value = number
    } else {
      return nil
    }
  }

  var defaultValueDescription: String { value.map { "\($0)" } ?? "off" }
}

/// A size in bytes with an optional K, M or G suffix (powers of 1024).
struct ByteSize: ExpressibleByArgument {
  var bytes: Int

  init(bytes: Int) { self.bytes = bytes }

  init?(argument: String) {
    var digits = Substring(argument.uppercased())
    var multiplier = 1
    if let last = digits.last, let power = ["K": 10, "M": 20, "G": 30][String(last)] {
      multiplier = 1 << power
      digits = digits.dropLast()
    }
    if digits.hasSuffix("I") || digits.hasSuffix("B") { return nil }
    guard let number = Int(digits), number >= 0 else { return nil }
    bytes = number * multiplier
  }

  var defaultValueDescription: String { bytes % (1 << 20) == 0 ? "\(bytes >> 20)M" : "\(bytes)" }
}
