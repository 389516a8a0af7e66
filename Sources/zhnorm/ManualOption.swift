import ArgumentParser

/// `--generate-manual`: prints the man page, made from `--help`.
struct ManualOption: ParsableArguments {
  @Flag(name: .customLong("generate-manual"), help: "Print a man page (zhnorm.1) with the same text as this help, and exit.")
  var generateManual = false
}
