import ZhNorm

/// `zhnorm --detect`: prints each input's script with the evidence.
///
/// Each input is decoded by the library (invalid bytes become U+FFFD, as
/// everywhere) and counted line by line, so memory stays bounded.
struct ScriptReport {
  /// Writes one line per input; returns the exit status.
  static func run(inputs: [String]) -> ExitStatus {
    let decoder = Normalizer(configuration: NormalizerConfiguration(steps: []))
    let detector = ScriptDetector()
    var status = ExitStatus.success
    var writer = ByteWriter(descriptor: 1, path: "standard output")
    var chunk = InputFile.makeChunkBuffer()
    for path in inputs {
      let name = path == "-" ? "standard input" : path
      do {
        var stream = decoder.makeStream()
        var evidence = ScriptEvidence()
        var lines: [UInt8] = []
        try InputFile.forEachChunk(of: path, buffer: &chunk) { bytes in
          stream.push(bytes, appendingTo: &lines)
          evidence += lines.withUnsafeBufferPointer { detector.evidence(inUTF8: $0) }
          lines.removeAll(keepingCapacity: true)
        }
        stream.finishDocument(appendingTo: &lines)
        evidence += lines.withUnsafeBufferPointer { detector.evidence(inUTF8: $0) }
        let script = evidence.clearScript ?? evidence.script
        try writer.write(
          "\(name): \(script.rawValue) (simplified-only \(evidence.simplifiedOnly), traditional-only \(evidence.traditionalOnly), Han characters \(evidence.hanCharacters)\(evidence.clearScript == nil && evidence.total > 0 ? ", not clearly one script" : ""))\n")
      } catch {
        printError("zhnorm: \(error)")
        status = max(status, error.exitStatus)
      }
    }
    do { try writer.flush() } catch { printError("zhnorm: \(error)"); status = max(status, .ioError) }
    return status
  }
}
