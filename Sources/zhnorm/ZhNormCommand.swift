import ArgumentParser
import ZhNorm

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `zhnorm`: the command-line filter. It parses options, opens files and
/// moves bytes; all text processing happens in the ZhNorm library.
@main
struct ZhNormCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "zhnorm",
    abstract: "Clean up Chinese text in one streaming pass.",
    discussion: """
      Reads each FILE (standard input when there is none, or for '-') and writes the \
      normalized text to standard output, one document after another.

      STEPS (run in this order; select with --only/--skip):
        unicode   NFC; LF line endings (CRLF, CR, NEL, VT, FF, U+2028/2029); removes \
      BOM, zero-width and other invisible format characters (keeps ZWJ inside emoji \
      sequences), C0/C1 control characters other than TAB; removes U+00A0 and other \
      space variants between Chinese characters and makes them plain spaces elsewhere; \
      trims trailing whitespace (keeps the trailing tabs of table rows); collapses runs \
      of blank lines and removes blank lines at the start and end; makes fullwidth \
      letters and digits ASCII; sets punctuation width (--punctuation).
        repair    joins paragraphs split by page or column breaks (and re-flows \
      hard-wrapped lines; a line-end hyphen inside a Latin word is removed) when the \
      evidence agrees, never headings, list items, bylines, dates or table rows \
      (--no-join); removes continuation markers like (上接第1版), page-number lines and \
      running headers and footers repeated at page breaks (--keep-furniture) and \
      pinyin annotations that are a reading of the character before them, \
      行業(yè) -> 行業 (--keep-annotations). Every change is in --report.
        convert   In a document that is clearly Simplified (or Traditional), replaces \
      the characters that exist only in the other script (先鋒 → 先锋); characters \
      valid in both (乾隆, 著作, 瞭望) are never touched (--keep-script turns this \
      off). With -c PROFILE, converts everything with that OpenCC profile, phrase by \
      phrase, exactly as OpenCC 1.4.2; with --to SCRIPT, converts only the paragraphs \
      not yet in that script.
        dedup     removes repeated paragraphs, keeping the first: exact copies (ignoring \
      whitespace and width), truncated copies (a prefix of a recent paragraph) and near \
      copies (--near-dup). Short lines, unterminated lines under 32 characters and table \
      rows are kept. Scope: each input (--dedup-scope doc), the whole run (run), or \
      every run sharing --dedup-db.

      PUNCTUATION (--punctuation):
        cjk    (default) ASCII , : ; ! ? ( ) in Chinese context become ，：；！？（）: \
      a mark right after a Chinese character, or right before one when not preceded by \
      a space; parentheses whose content or both sides are Chinese. Decimals, times, \
      URLs, e-mail addresses and Latin sentences are left alone.
        ascii  fullwidth ，：；！？（） become ASCII everywhere.
        keep   punctuation is left as it is.

      INPUT (--from, --fix-mojibake, --binary-ok):
        UTF-8 by default; --from ENCODING converts from any encoding ICU knows; \
      --from auto decides per file from its first 64 KiB (byte order mark, UTF-16/32 \
      NUL pattern, valid UTF-8, ICU detection; UTF-8 when unsure) and records the \
      decision in --report. Bad bytes become U+FFFD with a warning (file, byte offset). \
      A NUL byte in the first 8 KiB means binary input: refused unless --binary-ok. \
      --fix-mojibake repairs UTF-8 that was read as GBK or Latin-1/Windows-1252 when \
      that can be undone exactly, and warns about 锟斤拷/烫烫烫 (never guessed at).

      JSON LINES (--jsonl):
        Each line is a JSON record; the string at --field PATH \
      (default text; meta.body for a nested object) is decoded, normalized as one \
      document and written back into the same place (\", \\ and control characters \
      escaped, CJK kept as UTF-8); every other byte of the line is kept. Records \
      without the field or with a non-string field pass through and are counted; a \
      malformed line is reported (FILE:LINE) and passed through (--strict: exit 65). \
      Duplicate keys: the last one counts, as in most JSON readers. One output line per \
      input line unless --drop-empty. Output is block-buffered; --line-buffered \
      flushes after each record (or each output line in text mode).

      MANY FILES:
        -j N processes the files on N threads, output byte-identical to \
      -j 1 (documents are spooled and written in input order); -j N refuses \
      --dedup-scope run and --dedup-db, whose result depends on order. --output-dir \
      DIR writes each input to DIR/NAME atomically; --recursive (-r) walks \
      directories (regular files, sorted; names starting with '.' skipped). A \
      progress line appears on standard error when it is a terminal and the work is \
      large (--quiet, --no-progress: never; --progress: always).

      EXAMPLES:
        zhnorm < in.txt > out.txt
        zhnorm seeds/*.txt
        zhnorm --only unicode --punctuation keep page.txt
        zhnorm -c t2s traditional.txt
        zhnorm --to hans mixed.txt
        zhnorm --detect *.txt
        zhnorm --in-place --report report.json corpus/*.txt
        zhnorm -o clean.txt --strict a.txt b.txt
        zhnorm --explain page.txt > clean.txt 2> audit.txt
        zhnorm --stats --stats-format json corpus/*.txt
        zhnorm --jsonl --field meta.body --drop-empty --dedup-scope run shard.jsonl
        zhnorm -j 4 --jsonl -r raw/ --output-dir clean/
        zhnorm --generate-completion-script bash > /etc/bash_completion.d/zhnorm
        zhnorm --from gb18030 old.txt; zhnorm --from auto --report - *.txt

      EXIT STATUS:
        0 success; 64 usage error (also an unknown --from encoding); 65 data error \
      (invalid input under --strict, binary input without --binary-ok); 66 an input \
      file is missing, unreadable or a directory (the other files are still \
      processed); 74 I/O error (reading or writing failed, disk full, file too large); \
      130/143 interrupted by SIGINT/SIGTERM (temporary files removed; -o and \
      --in-place files untouched); a closed output pipe ends zhnorm quietly by SIGPIPE \
      (the shell shows 141); 69 the system ICU (libicuuc.so.72), which zhnorm opens when a \
      step first needs it, cannot be loaded.
      """,
    version: zhnormVersion
  )

  @Argument(help: "Input files ('-' or none: standard input).")
  var files: [String] = []

  @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the output to FILE (atomically: a failed run leaves FILE as it was).", valueName: "FILE"))
  var output: String?

  @Flag(name: .customLong("in-place"), help: "Replace each input file with its normalized text (atomic; permissions kept).")
  var inPlace = false

  @Option(name: .customLong("only"), help: ArgumentHelp("Run only these steps (comma-separated: unicode, repair, convert, dedup).", valueName: "STEP,..."))
  var only: StepList?

  @Option(name: .customLong("skip"), help: ArgumentHelp("Run the default steps except these.", valueName: "STEP,..."))
  var skip: StepList?

  @Option(help: "Punctuation width: cjk, ascii or keep.")
  var punctuation: PunctuationStyle = .cjk

  @OptionGroup(title: "Repair") var repairFlags: RepairFlags

  @OptionGroup(title: "Input") var input: InputFlags

  @Option(help: ArgumentHelp("Write a JSON report of what each step changed to FILE ('-': standard error).", valueName: "FILE"))
  var report: String?

  @Flag(help: "Treat invalid input (bad UTF-8, or bad bytes in the --from encoding) as an error (exit 65) instead of replacing it with U+FFFD.")
  var strict = false

  @Flag(name: [.short, .long], help: "Do not print warnings.")
  var quiet = false

  @OptionGroup(title: "Script conversion")
  var convert: ConvertFlags

  @OptionGroup(title: "Dedup step") var dedup: DedupCommandOptions

  @OptionGroup(title: "Audit") var audit: AuditOptions

  @OptionGroup(title: "JSON Lines, many files, progress") var formats: FormatOptions

  @Flag(name: .customLong("generate-manual"), help: "Print a man page (zhnorm.1) with the same text as this help, and exit.")
  var generateManual = false

  mutating func validate() throws {
    if only != nil && skip != nil {
      throw ValidationError("--only and --skip cannot be used together.")
    }
    if convert.asksForConversion && !normalizerConfiguration.steps.contains(.convert) {
      throw ValidationError("--convert and --to need the convert step (see --only and --skip).")
    }
    try audit.validate(reportToStandardError: report == "-", detect: convert.detect, inPlace: inPlace, output: output)
    if inPlace {
      if output != nil { throw ValidationError("--in-place and --output cannot be used together.") }
      if files.isEmpty || files.contains("-") { throw ValidationError("--in-place needs input files (not standard input).") }
    }
    if let output, let target = FileIdentity(path: output) {
      for file in files where file != "-" && FileIdentity(path: file) == target {
        throw ValidationError("--output \(output) names an input file; use --in-place to edit files in place.")
      }
    }
    try formats.check(files: files, output: output, inPlace: inPlace, report: report, dedup: dedup)
    if audit.explain && formats.jobs > 1 {
      throw ValidationError("--explain is not supported with -j \(formats.jobs): the accounts of files processed at once would interleave; use -j 1.")
    }
    if formats.jsonl && input.encoding != .utf8 {
      throw ValidationError("--from cannot be used with --jsonl: JSON Lines are UTF-8.")
    }
    if audit.explain && formats.jsonl {
      throw ValidationError("--explain is not supported with --jsonl yet; use --report for an account of each record.")
    }
  }

  var normalizerConfiguration: NormalizerConfiguration {
    var steps = NormalizerConfiguration.defaultSteps
    if let only { steps = only.steps }
    if let skip { steps.subtract(skip.steps) }
    var configuration = NormalizerConfiguration(
      steps: steps,
      unicode: UnicodeCleanupOptions(punctuation: punctuation),
      repair: repairFlags.options,
      convert: convert.options,
      recordsChanges: report != nil || audit.explain
    )
    dedup.apply(to: &configuration)
    input.apply(to: &configuration)
    if formats.lineBuffered { configuration.holdsBackFirstBlock = false }  // lines come out as they arrive
    return configuration
  }

  func run() throws {
    SignalHandling.install()
    if generateManual {
      print(ManualPage.render(
        name: "zhnorm", version: zhnormVersion, abstract: Self.configuration.abstract,
        help: Self.helpMessage(columns: 1 << 20)), terminator: "")
      return
    }
    if convert.detect {
      let status = ScriptReport.run(inputs: files.isEmpty ? ["-"] : files)
      if status != .success { throw ExitCode(status.rawValue) }
      return
    }
    if audit.stats {
      let status = StatsReport.run(inputs: files.isEmpty ? ["-"] : files, normalizer: Normalizer(configuration: normalizerConfiguration), format: audit.statsFormat, quiet: quiet)
      if status != .success { throw ExitCode(status.rawValue) }
      return
    }
    let status = formats.run(
      normalizer: Normalizer(configuration: normalizerConfiguration), files: files.isEmpty ? ["-"] : files,
      output: output, inPlace: inPlace, report: report, strict: strict, quiet: quiet, binaryOK: input.binaryOK,
      explain: audit.explain ? ExplainSink(configuration: normalizerConfiguration, colors: audit.usesColors) : nil)
    if status != .success { throw ExitCode(status.rawValue) }
  }
}
