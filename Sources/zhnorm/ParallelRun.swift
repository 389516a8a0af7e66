import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Runs the filter over many inputs on several threads (`-j N`), each with
/// its own ``FilterSession`` (and so its own normalization stream).
///
/// To one output (standard output or `-o`), documents are written in input
/// order, byte for byte as with `-j 1`: each worker writes a document into a
/// spool — up to 1 MiB in memory, the rest in an unlinked temporary file
/// under `$TMPDIR` (default /tmp) — and the main thread copies finished
/// spools out in order. A worker starts a document only while fewer than
/// 4×N documents are started and not yet written, so memory stays under
/// 4×N MiB of spools plus N streams, whatever the number and size of inputs.
struct ParallelRun {
  let settings: SessionSettings
  let jobs: Int

  /// Processes `inputs` into one output, in order.
  func runOrdered(inputs: [String], output: String?) -> ExitStatus {
    var status = ExitStatus.success
    let file: AtomicFile?
    do { file = try output.map { path throws(SystemError) in try AtomicFile(path: path) } } catch {
      printError("zhnorm: \(error)")
      return error.exitStatus == .noInput ? .ioError : error.exitStatus
    }
    var writer = ByteWriter(descriptor: file?.descriptor ?? 1, path: output ?? "standard output")
    let work = OrderedWork(count: inputs.count, window: 4 * jobs)
    let group = DispatchGroup()
    for _ in 0..<jobs {
      DispatchQueue.global().async(group: group) { [settings] in
        var session = settings.makeSession()
        while let index = work.next() {
          let spool = session.spool(inputs[index])
          work.finish(index, spool)
        }
        work.finishWorker(session.status)
      }
    }
    var failedHard = false
    for index in inputs.indices {
      var spool = work.wait(for: index)
      defer { work.release() }
      if failedHard { spool.discard(); continue }
      if output != nil && spool.status >= .dataError && spool.status != .noInput {
        failedHard = true
        work.cancel()
        spool.discard()
        continue
      }
      do { try spool.copy(into: &writer) } catch {
        printError("zhnorm: \(error)")
        status = max(status, .ioError)
        failedHard = true
        work.cancel()
      }
    }
    group.wait()
    status = max(status, work.status)
    if let file {
      if failedHard {
        file.discard()
      } else {
        do {
          try writer.flush()
          try file.commit()
        } catch {
          printError("zhnorm: \(error)")
          status = max(status, .ioError)
        }
      }
    } else if !failedHard {
      do { try writer.flush() } catch {
        printError("zhnorm: \(error)")
        status = max(status, .ioError)
      }
    }
    return status
  }

  /// Processes each input into its own file: `destinations[i]`, or the input
  /// itself (`--in-place`) when there are none. Order does not matter.
  func runUnordered(inputs: [String], destinations: [String]?) -> ExitStatus {
    let work = UnorderedWork()
    let group = DispatchGroup()
    for _ in 0..<jobs {
      DispatchQueue.global().async(group: group) { [settings] in
        var session = settings.makeSession()
        var report: ReportSink? = nil
        while true {
          let index = work.next.wrappingAdd(1, ordering: .relaxed).oldValue
          guard index < inputs.count else { break }
          if let destinations {
            session.write(inputs[index], toFile: destinations[index], report: &report)
          } else {
            session.editInPlace(inputs[index], report: &report)
          }
        }
        let status = session.status
        work.status.withLock { $0 = max($0, status) }
      }
    }
    group.wait()
    return work.status.withLock { $0 }
  }
}

/// The shared state of an unordered parallel run.
private final class UnorderedWork: Sendable {
  let next = Atomic<Int>(0)
  let status = Mutex<ExitStatus>(.success)
}

/// The shared state of an ordered parallel run: which document to start
/// next, the finished spools, and the window that bounds them.
private final class OrderedWork: Sendable {
  private struct State {
    var next = 0
    var cancelled = false
    var spools: [Int: Spool] = [:]
    var status = ExitStatus.success
  }
  private let state = Mutex(State())
  private let count: Int
  private let window: DispatchSemaphore
  private let done: [DispatchSemaphore]

  init(count: Int, window: Int) {
    self.count = count
    self.window = DispatchSemaphore(value: window)
    done = (0..<count).map { _ in DispatchSemaphore(value: 0) }
  }

  /// The next document to process, waiting while the window is full; `nil`
  /// when there is none left (or the run was cancelled).
  func next() -> Int? {
    window.wait()
    let index: Int? = state.withLock { state in
      guard !state.cancelled, state.next < count else { return nil }
      defer { state.next += 1 }
      return state.next
    }
    if index == nil { window.signal() }
    return index
  }

  func finish(_ index: Int, _ spool: Spool) {
    state.withLock { $0.spools[index] = spool }
    done[index].signal()
  }

  func finishWorker(_ status: ExitStatus) {
    state.withLock { $0.status = max($0.status, status) }
  }

  /// Waits for document `index`; a cancelled document's spool is empty.
  func wait(for index: Int) -> Spool {
    let skipped: Bool = state.withLock { $0.cancelled && $0.next <= index }
    if skipped { return Spool.empty }
    done[index].wait()
    return state.withLock { $0.spools.removeValue(forKey: index)! }
  }

  /// Frees a place in the window.
  func release() { window.signal() }

  /// Starts no further documents.
  func cancel() {
    state.withLock { $0.cancelled = true }
    // Wake workers blocked on a full window, so that they see the cancellation.
    for _ in 0..<count { window.signal() }
  }

  var status: ExitStatus { state.withLock { $0.status } }
}
