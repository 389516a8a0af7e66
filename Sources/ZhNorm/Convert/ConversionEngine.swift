/// The conversion hot loop for one compiled profile, over UTF-8 bytes.
///
/// Speed choices, in order of effect:
/// * It works on UTF-8 bytes and decodes one scalar at a time; it never forms
///   `Character`s (≈15× slower) or `String` slices.
/// * One scan: chained profiles were precomposed at table-build time (see
///   `CompiledProfile`), so a matched phrase is one trie walk and one copy of
///   ready-made UTF-8. Only unmatched stretches ("runs") pass through the
///   remaining chain stages, and a character-table stage is applied as
///   scalars arrive, not as a separate pass.
/// * A phrase trie is mostly probed at its first level (a page-table load);
///   a Bloom filter of two-scalar prefixes answers "does a phrase continue
///   here?" in one load, so the binary search below is rarely run.
/// * Stretches of text the loop need not look at are copied in one go: ASCII
///   that occurs in no key (found eight bytes per step when no key contains
///   ASCII) and characters outside the profile's precomputed attention set
///   (`CompiledProfile.attention`: one bitmap lookup instead of decoding,
///   normalizing and probing each trie). Scalars that occur in no key cut
///   runs short.
/// * Output goes into an `OutputBuffer` (raw memory), not `[UInt8]`.
///
/// Measured (release, one core, 100 MB Debian-documentation corpora): t2s
/// ≈ 320 MB/s, s2t ≈ 145 MB/s, s2twp ≈ 95 MB/s — 2.6–3.8× OpenCC 1.4.2's
/// native command-line tool on the same machine and files.
///
/// Exactness: the result equals OpenCC 1.4.2's (library, all dictionaries) for
/// every input; the generator checks the model against OpenCC's test cases and
/// the unit tests check this implementation against them again.
struct ConversionEngine: Sendable {
  let profile: CompiledProfile
  let normalization: ScalarNormalization
  let values: ValuePool
  /// Bit n set: ASCII scalar n occurs in some key of this profile.
  let asciiInKeys: (low: UInt64, high: UInt64)
  /// No ASCII scalar occurs in any key of this profile.
  let asciiFree: Bool
  /// The first run stage, when it maps single scalars only (the character
  /// tables: `STCharacters` in every `s2…` profile, `TSCharacters` in `t2s`…):
  /// then it is context-free and is applied as scalars join the run, which
  /// saves a pass over the run.
  let eagerRunStage: PrefixTrie?
  /// The run stages still to apply when a run is flushed.
  let laterRunStages: [ConversionStage]
  /// No run stage after the eager one (single-stage profiles such as `t2s`,
  /// `s2t`): unmatched scalars are mapped and written at once, no run buffer.
  let convertsUnmatchedDirectly: Bool

  init(profile: ConversionProfile, tables: ConversionTables = .shared) {
    let compiled = tables.profiles[profile.tableIndex]
    self.profile = compiled
    normalization = tables.normalization
    values = tables.values
    var low: UInt64 = 0
    var high: UInt64 = 0
    for scalar in UInt32(0)..<128 where compiled.keyScalars.contains(scalar) {
      if scalar < 64 { low |= 1 << UInt64(scalar) } else { high |= 1 << UInt64(scalar - 64) }
    }
    asciiInKeys = (low, high)
    asciiFree = low == 0 && high == 0
    if let first = compiled.runStages.first, first.tries.count == 1, first.maxKeyLength == 1 {
      eagerRunStage = compiled.runStages[0].tries[0]
      laterRunStages = Array(compiled.runStages.dropFirst())
    } else {
      eagerRunStage = nil
      laterRunStages = compiled.runStages
    }
    convertsUnmatchedDirectly = eagerRunStage != nil && laterRunStages.isEmpty
  }

  /// Longest scalar count any decision looks ahead; the most a stream holds
  /// back outside an unmatched run.
  var maxKeyLength: Int {
    max(profile.main.maxKeyLength, profile.runStages.map(\.maxKeyLength).max() ?? 0)
  }

  @inline(__always)
  private func asciiOccursInKeys(_ byte: UInt8) -> Bool {
    byte < 64
      ? asciiInKeys.low & (1 &<< UInt64(byte)) != 0
      : asciiInKeys.high & (1 &<< UInt64(byte &- 64)) != 0
  }

  /// The end of the stretch starting at `start` that the loop copies without
  /// a lookup: ASCII in no key, and three-byte characters outside the
  /// attention set. With no ASCII in any key (t2s, tw2s, …) ASCII is skipped
  /// eight bytes per step. O(length of the stretch).
  @inline(__always)
  private func endOfCopiedStretch(_ p: UnsafePointer<UInt8>, from start: Int, _ end: Int) -> Int {
    var j = start
    while j < end {
      let byte = p[j]
      if byte < 0x80 {
        if asciiOccursInKeys(byte) { break }
        j &+= 1
        if asciiFree {
          while j &+ 8 <= end,
            UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
          {
            j &+= 8
          }
        }
      } else {
        // A character cut off by `end`, or invalid, decodes with another
        // length and goes to the caller's slow path.
        let (scalar, length) = UTF8Decoding.decode(p, j, end)
        guard length == 3, !profile.attention.contains(scalar) else { break }
        j &+= 3
      }
    }
    return j
  }

  /// A fresh run state for `convert`.
  func makeRunState() -> RunState { RunState(stageCount: laterRunStages.count) }

  /// Converts `input` and appends the result to `out`.
  ///
  /// With `isFinal == false` the input may end anywhere (even inside a scalar):
  /// conversion stops before the first decision that could depend on bytes not
  /// yet seen, and the return value says how many input bytes were consumed;
  /// the caller keeps the rest and passes it again with more input, together
  /// with the same `state` (which holds the undecided tail of an unmatched
  /// run, fewer scalars than the longest key). With `isFinal == true`
  /// everything is consumed and `state` is emptied. O(n · k) worst case for
  /// key length k; in practice one lookup per scalar.
  func convert(
    _ input: UnsafeBufferPointer<UInt8>, isFinal: Bool, into out: inout OutputBuffer,
    state: inout RunState
  ) -> Int {
    guard let p = input.baseAddress, input.count > 0 else {
      if isFinal, state.isActive { flushRun(&state, isFinal: true, into: &out) }
      return 0
    }
    let end = input.count
    let hasRuns = !profile.runStages.isEmpty
    out.reserve(end &+ end / 4)
    var i = 0
    var stoppedEarly = false
    while i < end {
      if p[i] < 0x80, !asciiOccursInKeys(p[i]) {
        // A stretch the loop need not look at — ASCII that no key contains
        // and three-byte characters outside the profile's attention set — is
        // copied in one go. No key contains it, so it also ends any run.
        if state.isActive { flushRun(&state, isFinal: true, into: &out) }
        let j = endOfCopiedStretch(p, from: i &+ 1, end)
        out.append(p + i, count: j &- i)
        i = j
        continue
      }
      var (scalar, length) = UTF8Decoding.decode(p, i, end)
      if length == 3, !profile.attention.contains(scalar) {
        // The same, starting with a character (in t2s, 60% of the Han
        // characters of real Traditional text need no lookup).
        if state.isActive { flushRun(&state, isFinal: true, into: &out) }
        let j = endOfCopiedStretch(p, from: i &+ 3, end)
        out.append(p + i, count: j &- i)
        i = j
        continue
      }
      if length == 0 {
        if !isFinal { stoppedEarly = true; break }
        (scalar, length) = (0xFFFD, 1)
      }
      let normalized = normalization.normalize(scalar)
      var value: UInt32 = 0
      let matchEnd = matchMain(p, i, normalized, length, end, isFinal, &value)
      if matchEnd < 0 { stoppedEarly = true; break }
      if matchEnd > 0 {
        if state.isActive { flushRun(&state, isFinal: true, into: &out) }
        out.append(values.utf8(value))
        i = matchEnd
        continue
      }
      if convertsUnmatchedDirectly {
        let eager = eagerRunStage.unsafelyUnwrapped
        let node = eager.root(normalized)
        let value = node >= 0 ? eager.value(node) : PrefixTrie.noValue
        if value != PrefixTrie.noValue {
          out.append(values.utf8(value))
        } else if normalized == scalar {
          out.append(p + i, count: length)
        } else {
          out.append(scalar: normalized)
        }
        i &+= length
        continue
      }
      if hasRuns, profile.keyScalars.contains(normalized) {
        state.isActive = true
        if let eager = eagerRunStage {
          let node = eager.root(normalized)
          let value = node >= 0 ? eager.value(node) : PrefixTrie.noValue
          if value != PrefixTrie.noValue {
            Self.appendScalars(of: values.utf8(value), to: &state.pending[0])
          } else {
            state.pending[0].append(normalized)
          }
        } else {
          state.pending[0].append(normalized)
        }
        i &+= length
        continue
      }
      // A scalar in no key: it ends the run and passes through.
      if state.isActive { flushRun(&state, isFinal: true, into: &out) }
      if normalized == scalar {
        out.append(p + i, count: length)
      } else {
        out.append(scalar: normalized)
      }
      i &+= length
    }
    if state.isActive {
      // Convert what the run has decided; keep only its undecided tail.
      flushRun(&state, isFinal: isFinal && !stoppedEarly, into: &out)
    }
    return stoppedEarly ? i : end
  }

  /// Longest match of the main stage at byte `position`, whose first scalar
  /// (already decoded and normalized) is `first`. Returns the end byte index of
  /// the match and sets `value`; 0 if nothing matches; -1 if the answer
  /// depends on input beyond `end` (only when `isFinal` is false).
  @inline(__always)
  private func matchMain(
    _ p: UnsafePointer<UInt8>, _ position: Int, _ first: UInt32, _ firstLength: Int, _ end: Int,
    _ isFinal: Bool, _ value: inout UInt32
  ) -> Int {
    for trie in profile.main.tries {
      var node = trie.root(first)
      if node < 0 { continue }
      var j = position &+ firstLength
      var bestEnd = 0
      var v = trie.value(node)
      if v != PrefixTrie.noValue { bestEnd = j; value = v }
      while trie.hasChildren(node) {
        if j >= end {
          if isFinal { break }
          return -1
        }
        let (scalar, length) = UTF8Decoding.decode(p, j, end)
        if length == 0 {
          if isFinal { break }
          return -1
        }
        let normalized = normalization.normalize(scalar)
        if j == position &+ firstLength, !trie.mayContinue(node, normalized) { break }
        let next = trie.child(node, normalized)
        if next < 0 { break }
        node = next
        j &+= length
        v = trie.value(node)
        if v != PrefixTrie.noValue { bestEnd = j; value = v }
      }
      if bestEnd > 0 { return bestEnd }
    }
    return 0
  }

  /// Sends the pending run through the run stages (OpenCC's conversion chain
  /// on an unmatched segment) and appends the result. With `isFinal` false
  /// (the run may continue) each stage stops before its first position whose
  /// longest match could still grow, and keeps the rest for later.
  private func flushRun(_ state: inout RunState, isFinal: Bool, into out: inout OutputBuffer) {
    let stages = laterRunStages
    var next: [UInt32] = []
    swap(&next, &state.spare)
    for (index, stage) in stages.enumerated() {
      let isLast = index == stages.count - 1
      // Swap the buffer out instead of copying it (copy-on-write would
      // otherwise reallocate on every run).
      var input: [UInt32] = []
      swap(&input, &state.pending[index])
      next.removeAll(keepingCapacity: true)
      let converted = input.withUnsafeBufferPointer { scalars in
        var position = 0
        while position < scalars.count {
          var value: UInt32 = 0
          var reachedEnd = false
          let length = Self.match(stage, scalars, position, &value, &reachedEnd)
          if reachedEnd, !isFinal { break }
          if length > 0 {
            if isLast {
              out.append(values.utf8(value))
            } else {
              Self.appendScalars(of: values.utf8(value), to: &next)
            }
            position &+= length
          } else {
            if isLast { out.append(scalar: scalars[position]) } else { next.append(scalars[position]) }
            position &+= 1
          }
        }
        return position
      }
      if converted == input.count {
        input.removeAll(keepingCapacity: true)
      } else {
        input.removeFirst(converted)
      }
      swap(&input, &state.pending[index])
      if !isLast { state.pending[index + 1].append(contentsOf: next) }
    }
    swap(&next, &state.spare)
    state.isActive = isFinal ? false : state.pending.contains { !$0.isEmpty }
  }

  /// Longest match of `stage` over decoded scalars; returns the length in
  /// scalars (0: none) and sets `value`. Sets `reachedEnd` when the answer
  /// could change if more scalars followed.
  @inline(__always)
  private static func match(
    _ stage: ConversionStage, _ scalars: UnsafeBufferPointer<UInt32>, _ position: Int,
    _ value: inout UInt32, _ reachedEnd: inout Bool
  ) -> Int {
    for trie in stage.tries {
      var node = trie.root(scalars[position])
      if node < 0 { continue }
      var j = position &+ 1
      var best = 0
      var v = trie.value(node)
      if v != PrefixTrie.noValue { best = 1; value = v }
      while trie.hasChildren(node) {
        if j >= scalars.count {
          reachedEnd = true  // a longer key might match with more input
          break
        }
        if j == position &+ 1, !trie.mayContinue(node, scalars[j]) { break }
        let next = trie.child(node, scalars[j])
        if next < 0 { break }
        node = next
        j &+= 1
        v = trie.value(node)
        if v != PrefixTrie.noValue { best = j &- position; value = v }
      }
      if best > 0 { return best }
    }
    return 0
  }

  private static func appendScalars(of utf8: UnsafeBufferPointer<UInt8>, to scalars: inout [UInt32]) {
    var i = 0
    while i < utf8.count {
      let (scalar, length) = UTF8Decoding.decode(utf8.baseAddress!, i, utf8.count)
      scalars.append(scalar)
      i &+= max(length, 1)
    }
  }
}
