import ArgumentParser
import ZhNorm

/// The options of the `convert` step.
struct ConvertFlags: ParsableArguments {
  @Option(
    name: [.customShort("c"), .customLong("convert")],
    help: ArgumentHelp(
      "Convert every paragraph with an OpenCC profile, phrase by phrase, exactly as OpenCC 1.4.2 does.",
      valueName: "PROFILE"))
  var profile: ConversionProfile?

  @Option(
    name: .customLong("to"),
    help: ArgumentHelp(
      "Convert only the paragraphs not yet in this script; text already in it is left alone.",
      valueName: "SCRIPT"))
  var target: ConversionTarget?

  @Flag(help: "Do not fix stray characters of the other script in a document that is clearly Simplified or Traditional.")
  var keepScript = false

  @Flag(help: "Print each file's script (hans, hant, mixed, none) with the evidence, and change nothing.")
  var detect = false

  func validate() throws {
    if profile != nil && target != nil {
      throw ValidationError("--convert and --to cannot be used together.")
    }
  }

  var options: ConvertOptions {
    ConvertOptions(profile: profile, target: target, fixesStrayCharacters: !keepScript)
  }

  /// Whether a flag asks for conversion, which needs the `convert` step.
  var asksForConversion: Bool { profile != nil || target != nil }
}

extension ConversionProfile: ExpressibleByArgument {}
extension ConversionTarget: ExpressibleByArgument {}
