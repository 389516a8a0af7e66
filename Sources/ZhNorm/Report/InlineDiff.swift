/// The difference between two versions of a line, scalar by scalar: the
/// inline diff that ``ExplainRenderer`` shows for each changed line.
///
/// ```swift
/// let diff = InlineDiff(from: "强调,当前", to: "强调，当前")
/// // diff.segments == [.same("强调"), .deleted(","), .inserted("，"), .same("当前")]
/// ```
///
/// The common prefix and suffix are split off first (O(n)); what is left in
/// the middle is compared with Myers' O((N+M)·D) algorithm, where N and M are
/// the middle's lengths and D the number of scalars inserted or deleted. The
/// work is bounded: when the middle is longer than `maximumScalars`, or the
/// edit distance exceeds `maximumEdits`, the middle is reported as deleted and
/// inserted whole. Time is therefore O(n + min(N+M, maximumScalars) ·
/// maximumEdits) and extra memory O(N + M + maximumEdits²).
public struct InlineDiff: Sendable, Hashable {
  /// A run of scalars that is unchanged, deleted from the old version, or
  /// inserted in the new one.
  public enum Segment: Sendable, Hashable {
    /// In both versions.
    case same(String)
    /// Only in the old version.
    case deleted(String)
    /// Only in the new version.
    case inserted(String)
  }

  /// The segments, in order; a deletion comes before the insertion that
  /// replaces it. Adjacent segments of the same kind are merged.
  public private(set) var segments: [Segment] = []

  /// Whether the old and new versions are equal.
  public var isEmpty: Bool { segments.allSatisfy { if case .same = $0 { true } else { false } } }

  /// Default bound on the middle's length (see the type's description).
  public static let defaultMaximumScalars = 20_000
  /// Default bound on the edit distance (see the type's description).
  public static let defaultMaximumEdits = 256

  /// Compares `old` with `new`.
  public init(
    from old: String, to new: String,
    maximumScalars: Int = InlineDiff.defaultMaximumScalars, maximumEdits: Int = InlineDiff.defaultMaximumEdits
  ) {
    let a = Array(old.unicodeScalars)
    let b = Array(new.unicodeScalars)
    var prefix = 0
    while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
      suffix += 1
    }
    var edits: [Edit] = []
    append(.same, a[0..<prefix], to: &edits)
    let middleA = a[prefix..<(a.count - suffix)]
    let middleB = b[prefix..<(b.count - suffix)]
    if middleA.count + middleB.count <= maximumScalars,
      let script = InlineDiff.myers(middleA, middleB, maximumEdits: maximumEdits)
    {
      for edit in script {
        let slice = edit.kind == .inserted ? middleB : middleA
        let start = slice.startIndex
        append(edit.kind, slice[(start + edit.range.lowerBound)..<(start + edit.range.upperBound)], to: &edits)
      }
    } else {
      append(.deleted, middleA, to: &edits)
      append(.inserted, middleB, to: &edits)
    }
    append(.same, a[(a.count - suffix)...], to: &edits)
    segments = edits.map { edit in
      switch edit.kind {
      case .same: .same(edit.text)
      case .deleted: .deleted(edit.text)
      case .inserted: .inserted(edit.text)
      }
    }
  }

  private enum Kind { case same, deleted, inserted }

  private struct Edit {
    var kind: Kind
    var text: String
  }

  /// A run of the edit script, as a range of the old (same, deleted) or new (inserted) middle.
  private struct Step {
    var kind: Kind
    var range: Range<Int>
  }

  /// Appends `scalars` as a segment of `kind`, merging with the last one,
  /// and keeping a deletion before an adjacent insertion.
  private func append(_ kind: Kind, _ scalars: ArraySlice<Unicode.Scalar>, to edits: inout [Edit]) {
    guard !scalars.isEmpty else { return }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: scalars)
    if let last = edits.last, last.kind == kind {
      edits[edits.count - 1].text += String(text)
    } else if kind == .deleted, let last = edits.last, last.kind == .inserted {
      // Myers may give insert-then-delete; show the deletion first.
      if edits.count >= 2, edits[edits.count - 2].kind == .deleted {
        edits[edits.count - 2].text += String(text)
      } else {
        edits.insert(Edit(kind: .deleted, text: String(text)), at: edits.count - 1)
      }
    } else {
      edits.append(Edit(kind: kind, text: String(text)))
    }
  }

  /// Myers' greedy shortest edit script between `a` and `b`, or `nil` when it
  /// needs more than `maximumEdits` insertions and deletions. Both slices are
  /// indexed from their own start index. O((N+M)·D) time, O(D²) memory.
  private static func myers(_ a: ArraySlice<Unicode.Scalar>, _ b: ArraySlice<Unicode.Scalar>, maximumEdits: Int) -> [Step]? {
    let n = a.count
    let m = b.count
    let aStart = a.startIndex
    let bStart = b.startIndex
    let limit = min(n + m, maximumEdits)
    let offset = limit + 1
    var v = [Int](repeating: 0, count: 2 * limit + 3)
    // trace[d] holds v[-d-1 ... d+1] as it was before round d.
    var trace: [[Int]] = []
    var found: Int?
    search: for d in 0...limit {
      trace.append(Array(v[(offset - d - 1)...(offset + d + 1)]))
      for k in stride(from: -d, through: d, by: 2) {
        var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
        var y = x - k
        while x < n && y < m && a[aStart + x] == b[bStart + y] {
          x += 1
          y += 1
        }
        v[offset + k] = x
        if x >= n && y >= m {
          found = d
          break search
        }
      }
    }
    guard let edits = found else { return nil }
    // Walk back from (n, m), collecting steps in reverse.
    var steps: [Step] = []
    func add(_ kind: Kind, _ range: Range<Int>) {
      guard !range.isEmpty else { return }
      steps.append(Step(kind: kind, range: range))
    }
    var x = n
    var y = m
    for d in stride(from: edits, through: 0, by: -1) {
      let saved = trace[d]
      func previous(_ k: Int) -> Int { saved[k + d + 1] }
      let k = x - y
      let previousK = (k == -d || (k != d && previous(k - 1) < previous(k + 1))) ? k + 1 : k - 1
      let previousX = d == 0 ? 0 : previous(previousK)
      let previousY = previousX - previousK
      let snakeStart = d == 0 ? 0 : (previousK == k + 1 ? previousX : previousX + 1)
      add(.same, snakeStart..<x)
      if d > 0 {
        if previousK == k + 1 {
          add(.inserted, previousY..<(previousY + 1))
        } else {
          add(.deleted, previousX..<(previousX + 1))
        }
      }
      x = previousX
      y = previousY
    }
    return steps.reversed()
  }
}
