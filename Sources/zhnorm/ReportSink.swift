import ZhNorm

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writes the JSON report (`--report`) as documents are processed.
struct ReportSink {
  private var writer: ByteWriter
  private var file: AtomicFile?
  private var documents = 0
  private var recordsInDocument = 0

  /// Opens the report destination: a file (written atomically), or standard error for `-`.
  init(path: String) throws(SystemError) {
    if path == "-" {
      writer = ByteWriter(descriptor: 2, path: "standard error")
    } else {
      let file = try AtomicFile(path: path)
      self.file = file
      writer = ByteWriter(descriptor: file.descriptor, path: path)
    }
    try writer.write(JSONReport.header(version: zhnormVersion))
  }

  mutating func beginDocument(_ name: String) throws(SystemError) {
    if documents > 0 { try writer.write(JSONReport.documentSeparator) }
    documents += 1
    recordsInDocument = 0
    try writer.write(JSONReport.documentStart(file: name))
  }

  mutating func add(_ records: [ChangeRecord]) throws(SystemError) {
    for record in records {
      try writer.write(JSONReport.record(record, first: recordsInDocument == 0))
      recordsInDocument += 1
    }
  }

  mutating func endDocument(_ statistics: DocumentStatistics, seconds: Double, error: String? = nil, fields: [(String, String)] = []) throws(SystemError) {
    var extra = fields + [("peakResidentKiB", String(peakResidentKiB()))]
    if let error { extra.append(("error", JSONReport.quoted(error))) }
    try writer.write(JSONReport.documentEnd(statistics, seconds: seconds, extra: extra))
  }

  /// Ends the report and, for a file, puts it in place.
  mutating func finish() throws(SystemError) {
    try writer.write(JSONReport.footer)
    try writer.flush()
    try file?.commit()
  }

  func discard() { file?.discard() }
}

/// The peak resident set size of this process so far, in KiB. The report
/// gives it per document, so a user can see that memory does not grow with
/// the input.
///
/// It is read from `VmHWM` in /proc/self/status: `getrusage`'s `ru_maxrss`
/// also counts the memory of the parent process that spawned this one (Linux
/// folds the pre-exec high-water mark into it), which made a test that feeds
/// 200 MB from memory see 200 MB here.
func peakResidentKiB() -> Int {
  if let status = try? readSmallFile("/proc/self/status"),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
    let value = Int(line.dropFirst(6).filter(\.isNumber))
  {
    return value
  }
  var usage = rusage()
  getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
  return usage.ru_maxrss
}

/// Reads a small file (such as one under /proc) whole.
private func readSmallFile(_ path: String) throws(SystemError) -> String {
  let input = try InputFile(path: path)
  defer { input.close() }
  var buffer = [UInt8](repeating: 0, count: 1 << 16)
  var bytes: [UInt8] = []
  while true {
    let count = try input.read(into: &buffer)
    if count == 0 { break }
    bytes += buffer[..<count]
  }
  return String(decoding: bytes, as: UTF8.self)
}
