#if canImport(Glibc)
import Glibc
#endif

/// Property violations of a known class, documented and not fixed yet, which
/// a run may be told to tolerate so that it goes on looking for everything else.
///
/// `ZHNORM_FUZZ_KNOWN=join-on-second-run` (the only one): the default pipeline
/// is not idempotent because a second run joins lines that the first kept apart.
/// Every mechanism of that class found so far is fixed and has a regression
/// test (`Tests/ZhNormUnitTests/Regression/`) but two, both on fuzzer garbage:
/// lines so alike that the paragraphs the first run re-flows are alike in
/// width too, and a second run takes them for hard-wrapped lines
/// (`known-fuzz-pipeline-ff3b9e25`); and, among a document's first lines, a
/// join or removal later in the window read ahead that changes what a second
/// run reads there (see README, "Fuzzing"; `Fuzz/census` counts them: in
/// session 16, 70 of a 9 629-input corpus, down from 156).
/// Tolerated: the two outputs differ only in line breaks and in lines that
/// repeat kept text (`differOnlyInLineBreaks`), or the second has fewer lines
/// and a third run changes nothing (`joinsThenSettles`: the joined text was
/// cleaned again, e.g. punctuation width in its new context). A tolerated
/// violation is counted and reported on standard error (the first ten and then
/// every 100th), never silently passed; any other difference still fails.
public enum KnownIssues {
  public enum Issue: String, CaseIterable, Sendable {
    case joinOnSecondRun = "join-on-second-run"
  }

  nonisolated(unsafe) private static var counts: [Issue: Int] = [:]
  private static let tolerated: Set<Issue> = {
    guard let value = getenv("ZHNORM_FUZZ_KNOWN") else { return [] }
    return Set(String(cString: value).split(separator: ",").compactMap { Issue(rawValue: String($0)) })
  }()

  /// Whether this run tolerates `issue`.
  public static func tolerates(_ issue: Issue) -> Bool { tolerated.contains(issue) }

  /// Counts one occurrence of a tolerated issue and reports it.
  public static func seen(_ issue: Issue) {
    let count = (counts[issue] ?? 0) + 1
    counts[issue] = count
    if count <= 10 || count % 100 == 0 {
      let line = Array("known issue \(issue.rawValue): \(count) input(s) so far\n".utf8)
      line.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    }
  }
}
