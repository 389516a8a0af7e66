import ArgumentParser
import ZhNorm

/// How input is read: its encoding, mojibake repair, binary input.
struct InputFlags: ParsableArguments {
  @Option(name: .customLong("from"), help: ArgumentHelp(
    "Input encoding: UTF-8 (default), auto (byte order mark, then detection), or any encoding ICU knows (GB18030, GBK, Big5, Big5-HKSCS, UTF-16LE, UTF-32, Shift_JIS, …).",
    valueName: "ENCODING"))
  var from: String?

  @Flag(name: .customLong("fix-mojibake"), help: "Repair mojibake that can be undone losslessly (UTF-8 read as GBK or Latin-1/Windows-1252 and saved again); report 锟斤拷/烫烫烫 damage.")
  var fixMojibake = false

  @Flag(name: .customLong("binary-ok"), help: "Process input with NUL bytes in its first 8 KiB (otherwise refused as binary, exit 65); NULs are removed.")
  var binaryOK = false

  /// The encoding `--from` names (checked in `validate`).
  var encoding: InputEncoding {
    guard let from else { return .utf8 }
    return (try? InputEncoding(from)) ?? .utf8
  }

  func validate() throws {
    if let from {
      do { _ = try InputEncoding(from) } catch { throw ValidationError("--from: \(error)") }
    }
  }

  func apply(to configuration: inout NormalizerConfiguration) {
    configuration.inputEncoding = encoding
    configuration.fixesMojibake = fixMojibake
  }
}
