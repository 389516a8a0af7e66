/// Pieces of the machine-readable JSON report that `zhnorm --report` writes.
///
/// The report is one JSON object, `{"zhnorm": VERSION, "inputs": [...]}`, with
/// one object per input document. It is written piece by piece as documents
/// are processed, so removal records stream out instead of piling up:
///
/// ```json
/// {"zhnorm": "0.1.0", "inputs": [
///   {"file": "a.txt", "records": [{"step": "dedup", "kind": "duplicate", "line": 9, "text": "…", "detail": "…"}],
///    "bytesIn": 120, "bytesOut": 118, "linesIn": 4, "linesOut": 4, "seconds": 0.0004,
///    "invalidUTF8": {"count": 0, "firstOffset": null},
///    "encoding": {"name": "GB18030", "source": "detection", "confidence": 100},
///    "steps": {"unicode": {"punctuation-width": 3}}}
/// ]}
/// ```
public enum JSONReport {
  /// The text before the first document.
  public static func header(version: String) -> String {
    "{\"zhnorm\": \(quoted(version)), \"inputs\": [\n"
  }

  /// The text after the last document.
  public static let footer = "\n]}\n"

  /// The separator between two documents.
  public static let documentSeparator = ",\n"

  /// The opening of a document's object, up to its list of records.
  public static func documentStart(file: String) -> String {
    "  {\"file\": \(quoted(file)), \"records\": ["
  }

  /// One change record; `first` says whether it is the first in its list.
  public static func record(_ record: ChangeRecord, first: Bool) -> String {
    var fields = [
      "\"step\": \(quoted(record.step.rawValue))",
      "\"kind\": \(quoted(record.kind.rawValue))",
      "\"line\": \(record.line)",
    ]
    if let text = record.text { fields.append("\"text\": \(quoted(text))") }
    if let detail = record.detail { fields.append("\"detail\": \(quoted(detail))") }
    return (first ? "\n    " : ",\n    ") + "{" + fields.joined(separator: ", ") + "}"
  }

  /// The close of a document's object: its statistics and timing.
  public static func documentEnd(_ statistics: DocumentStatistics, seconds: Double, extra: [(String, String)] = []) -> String {
    var fields = [
      "\"bytesIn\": \(statistics.bytesIn)",
      "\"bytesOut\": \(statistics.bytesOut)",
      "\"linesIn\": \(statistics.linesIn)",
      "\"linesOut\": \(statistics.linesOut)",
      "\"seconds\": \(seconds)",
      "\"invalidUTF8\": {\"count\": \(statistics.invalidSequences), \"firstOffset\": \(statistics.firstInvalidOffset.map(String.init) ?? "null")}",
    ]
    if let encoding = statistics.encoding {
      var decision = ["\"name\": \(quoted(encoding.name))", "\"source\": \(quoted(encoding.source.rawValue))"]
      if let confidence = encoding.confidence { decision.append("\"confidence\": \(confidence)") }
      fields.append("\"encoding\": {\(decision.joined(separator: ", "))}")
    }
    let steps = statistics.changes.keys.sorted().map { step in
      let kinds = statistics.changes[step]!.sorted { $0.key < $1.key }
        .map { "\(quoted($0.key.rawValue)): \($0.value)" }
      return "\(quoted(step.rawValue)): {\(kinds.joined(separator: ", "))}"
    }
    fields.append("\"steps\": {\(steps.joined(separator: ", "))}")
    for (key, value) in extra { fields.append("\(quoted(key)): \(value)") }
    return "], " + fields.joined(separator: ", ") + "}"
  }

  /// `text` as a JSON string literal, quotes included.
  public static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default:
        result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
