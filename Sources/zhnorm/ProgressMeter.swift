import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The progress line on standard error: bytes read, files done, speed and
/// time left, redrawn at most ten times a second from a thread of its own and
/// erased (`\r` then "erase to end of line") when the run ends.
///
/// It appears once the work is large: 8 MB of input files in all, or after a
/// second (standard input has no known size; without a total, the line
/// gives no percentage and no ETA). Workers only add to atomic counters.
final class ProgressMeter: Sendable {
  /// Bytes of input in all, when every input is a regular file.
  let totalBytes: Int?
  let totalFiles: Int
  /// `--progress`: shown from the first tick, whatever the size.
  let forced: Bool
  private let bytesDone = Atomic<Int>(0)
  private let filesDone = Atomic<Int>(0)
  private let stopRequest = DispatchSemaphore(value: 0)
  private let stopped = DispatchSemaphore(value: 0)

  /// Work at least this large gets a progress line at once.
  static let largeWork = 8_000_000

  init(inputs: [String], forced: Bool) {
    var total = 0
    var known = true
    for path in inputs {
      var info = stat()
      if path != "-", stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
        total += Int(info.st_size)
      } else {
        known = false
      }
    }
    totalBytes = known ? total : nil
    totalFiles = inputs.count
    self.forced = forced
  }

  /// Counts `count` more input bytes read.
  func add(bytes count: Int) { bytesDone.add(count, ordering: .relaxed) }

  /// Counts one more input finished.
  func finishFile() { filesDone.add(1, ordering: .relaxed) }

  /// Starts drawing (on a thread of its own).
  func start() {
    DispatchQueue.global().async { [self] in draw() }
  }

  /// Stops drawing and erases the line.
  func finish() {
    stopRequest.signal()
    stopped.wait()
  }

  private func draw() {
    let start = monotonicSeconds()
    var shown = false
    while stopRequest.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
      let elapsed = monotonicSeconds() - start
      guard forced || (totalBytes ?? 0) >= Self.largeWork || elapsed >= 1 else { continue }
      writeToStandardError("\r\u{1B}[K" + line(elapsed: elapsed))
      shown = true
    }
    if shown { writeToStandardError("\r\u{1B}[K") }
    stopped.signal()
  }

  /// `zhnorm: 45.1 MB of 120.0 MB (37%), files 3/8, 52.3 MB/s, ETA 0:02`
  func line(elapsed: Double) -> String {
    let done = bytesDone.load(ordering: .relaxed)
    let rate = elapsed > 0 ? Double(done) / elapsed : 0
    var text = "zhnorm: \(megabytes(done))"
    if let totalBytes {
      let percent = totalBytes > 0 ? min(100, done * 100 / totalBytes) : 100
      text += " of \(megabytes(totalBytes)) (\(percent)%)"
    }
    text += ", files \(filesDone.load(ordering: .relaxed))/\(totalFiles), \(megabytes(Int(rate)))/s"
    if let totalBytes, rate > 0, done > 0 {
      let seconds = Int((Double(max(0, totalBytes - done)) / rate).rounded(.up))
      text += ", ETA \(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60)"
    }
    return text
  }

  private func megabytes(_ bytes: Int) -> String {
    let tenths = (bytes + 50_000) / 100_000
    return "\(tenths / 10).\(tenths % 10) MB"
  }
}

private func monotonicSeconds() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_MONOTONIC, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

private func writeToStandardError(_ text: String) {
  let bytes = Array(text.utf8)
  bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
}
