/// The `dedup` step as a pipeline stage: removes paragraphs (non-blank
/// blocks) that repeat an earlier kept paragraph exactly, as a truncated copy
/// (a strict prefix), or nearly (MinHash similarity at or above the
/// threshold), and keeps the first occurrence.
///
/// Only paragraphs that could be boilerplate are candidates (see
/// ``DedupOptions/mayRemove(_:)``): short lines, lines without letters,
/// table rows (with a tab) and segments of overlong lines are always kept;
/// lines that do not end like a sentence and are shorter than
/// ``DedupOptions/minimumUnterminatedLength`` (headings, captions, bylines)
/// are only removed as truncated copies. Non-candidates are never indexed.
///
/// Blank lines: when a paragraph is removed, the blank line that separated
/// it from the next one goes too, so that no two blank lines follow each
/// other and no document starts or ends with one. The stage holds back at
/// most the blank lines since the last kept paragraph (one, after the
/// `unicode` step).
///
/// Only kept paragraphs are indexed, so running the step on its own output
/// removes nothing more (idempotence), and decisions depend only on the text
/// of earlier paragraphs, never on how the input was chunked.
///
/// Exact copies in the default configuration: the `repair` step's early
/// check (``EarlyDuplicates``) has already looked every paragraph it wrote
/// up in an index of this document's paragraphs, in the order this step sees
/// them, and left the answer in the paragraph's fingerprint
/// (``ParagraphFingerprint/earlyVerdict``). Where nothing between the two
/// steps widens the question (see ``takesEarlyVerdicts(in:)``), this step
/// takes that answer and keeps no exact index of its own: one hash lookup
/// and insert per paragraph instead of two, and one table in memory; it only
/// logs what it kept (``KeptParagraphLog``, 8 bytes a paragraph). The one
/// step between them, `convert` fixing stray characters, rewrites a few
/// paragraphs, which reach this step without a verdict: at the first such
/// paragraph of a document the step builds its own index from the log and
/// checks every paragraph itself for the rest of the document, as it does in
/// every other configuration. (Until then no paragraph was rewritten, so the
/// verdicts are about the texts this step sees; identical texts are
/// rewritten alike, so a copy stays a copy.) The truncation window is always
/// this step's: it holds the paragraphs this step kept.
struct DedupStage: PipelineStage {
  var step: PipelineStep { .dedup }

  let options: DedupOptions
  /// Whether exact copies are the `repair` step's verdicts (see above).
  let takesEarlyVerdicts: Bool
  /// Whether they still are in this document (until a paragraph without one).
  private var trustsVerdicts: Bool
  /// The paragraphs kept while ``trustsVerdicts``.
  private var keptLog: KeptParagraphLog
  private var fingerprinter = Fingerprinter()
  private var exact: ExactIndex
  private var recent = TruncationWindow()
  private var near: MinHashIndex?
  private var store: FingerprintStore?
  private var storeError: String?
  private var pending: [(UInt64, Int)] = []
  /// 1-based number of the current document in this stream.
  private var document: UInt64 = 1

  private var heldBlanks: [Block] = []
  private var emittedInDocument = false
  private var droppedSinceEmit = false
  private var insidePartialLine = false

  /// How a paragraph duplicates an earlier one.
  enum Match {
    case exact(position: UInt64)
    case truncated(position: UInt64)
    case near(position: UInt64, similarity: Double)
  }

  /// Creates the stage. `keepsPositions` keeps where each indexed paragraph
  /// was, for the report; `takesEarlyVerdicts` (only where
  /// ``takesEarlyVerdicts(in:)`` allows it) takes the `repair` step's
  /// verdicts on exact copies instead of an index of its own.
  init(options: DedupOptions, keepsPositions: Bool, takesEarlyVerdicts: Bool = false) {
    self.options = options
    self.takesEarlyVerdicts = takesEarlyVerdicts
    trustsVerdicts = takesEarlyVerdicts
    // The near-duplicate window gets an eighth of the budget (at most 16 MiB);
    // the exact index the largest power of two that fits in half the budget,
    // which bounds the peak while the table doubles (old + new) by 3/4 of it.
    // Taking verdicts (no near-duplicates then), the repair step's index has
    // that half; the log gets an eighth and an index built from it a quarter.
    let nearBytes = min(options.memoryLimit / 8, 16 << 20)
    if let threshold = options.nearDuplicateThreshold, threshold > 0, threshold <= 1 {
      near = MinHashIndex(byteLimit: nearBytes)
    }
    let exactShare = takesEarlyVerdicts ? options.memoryLimit / 4 : options.memoryLimit / 2
    exact = ExactIndex(keepsPositions: keepsPositions, byteLimit: max(exactShare, 1 << 16))
    keptLog = KeptParagraphLog(keepsPositions: keepsPositions, byteLimit: options.memoryLimit / 8)
    if let path = options.databasePath {
      do {
        let store = try FingerprintStore(path: path)
        self.store = store
        // Mirror the database in memory while it fits: then a miss in memory
        // is a miss in the database, and no query is needed.
        try store.forEach { hash, line in
          exact.insertIfAbsent(hash, position: UInt64(line))
          return exact.isComplete
        }
      } catch {
        storeError = "\(error)"
        store = nil
      }
    }
  }

  /// Whether, in `configuration`, the `repair` step's early check answers
  /// for this step whether a paragraph is an exact copy: both steps run, the
  /// `unicode` step too (without it, lines with raw terminators pass the
  /// repair step unchecked), and nothing widens the question beyond what the
  /// repair step sees: the `convert` step, if it runs, only fixes stray
  /// characters (a profile or a target script rewrites nearly every
  /// paragraph), document scope (the repair step's index is the
  /// document's), no database and no near-duplicate index.
  static func takesEarlyVerdicts(in configuration: NormalizerConfiguration) -> Bool {
    let steps = configuration.steps
    let dedup = configuration.dedup
    let convert = configuration.convert
    return steps.isSuperset(of: [.unicode, .repair, .dedup])
      && (!steps.contains(.convert) || (convert.profile == nil && convert.target == nil))
      && dedup.scope == .document && dedup.databasePath == nil && dedup.nearDuplicateThreshold == nil
  }

  /// Checks that the fingerprint database at `path` can be opened (and creates it).
  static func checkDatabase(at path: String) throws {
    _ = try FingerprintStore(path: path)
  }

  mutating func process(_ block: Block, into output: inout StageOutput) {
    var blocks = [block]
    process(&blocks, into: &output)
  }

  // Kept blocks are compacted to the front of the array in place; blank lines
  // not yet known to stay are the tail of the kept region ("pending").
  mutating func process(_ blocks: inout [Block], into output: inout StageOutput) {
    if let message = storeError {
      output.record(.dedupDatabaseError, line: blocks.first?.lines.lowerBound ?? 0, detail: message)
      storeError = nil
    }
    if !trustsVerdicts { prefetchBuckets(for: blocks) }
    var kept = 0
    var pendingBlanks = 0
    for index in blocks.indices {
      let continuesLine = insidePartialLine
      insidePartialLine = blocks[index].isPartialLine
      let isWholeLine = !blocks[index].isPartialLine && !continuesLine
      // Read through the buffer: `blocks[index].isBlank` copied the block
      // (a retain and a release) before calling the getter.
      if isWholeLine && blocks.withUnsafeBufferPointer({ $0[index].isBlank }) {
        if droppedSinceEmit && (pendingBlanks > 0 || !heldBlanks.isEmpty || !emittedInDocument) {
          output.count(.duplicateSeparator)
          continue
        }
        pendingBlanks += 1
        if heldBlanks.count + pendingBlanks > DedupStage.maximumHeldBlanks {
          // Only without the `unicode` step (which collapses blank runs): give
          // up holding, as if a paragraph were kept here. Decided blank by
          // blank, never at a batch's end, so that chunking cannot matter.
          releaseHeldBlanks(into: &output)
          pendingBlanks = 0
        }
      } else {
        if isWholeLine, let match = duplicate(in: &blocks, at: index) {
          report(match, of: blocks[index], into: &output)
          droppedSinceEmit = true
          continue
        }
        releaseHeldBlanks(into: &output)
        pendingBlanks = 0
      }
      // Swapped through the buffer: the array's own swapAt copies the
      // blocks (a retain and a release each).
      if kept != index { blocks.withUnsafeMutableBufferPointer { $0.swapAt(kept, index) } }
      kept += 1
    }
    if pendingBlanks > 0 {
      heldBlanks.append(contentsOf: blocks[(kept - pendingBlanks)..<kept])
      kept -= pendingBlanks
    }
    blocks.removeSubrange(kept...)
    output.emit(contentsOf: &blocks)
  }

  /// Starts loading the index buckets that the batch's lookups will read,
  /// for the blocks whose fingerprint an earlier stage computed (see
  /// ``ExactIndex/prefetchBuckets(of:options:)``). With the repair step's
  /// prefetching, on 300 MB of the dedup benchmark's input, the lookups went
  /// from 14.9% of the pipeline's time to 6.7% (prefetching included; loads
  /// then, prefetches since session 12). O(n) in the batch, no hashing.
  private func prefetchBuckets(for blocks: [Block]) {
    blocks.withUnsafeBufferPointer { exact.prefetchBuckets(of: $0, options: options) }
  }

  /// Something stays: the blank lines held back from earlier batches go out
  /// (before this batch's kept blocks), and the next paragraph removed will
  /// not take them along.
  private mutating func releaseHeldBlanks(into output: inout StageOutput) {
    if !heldBlanks.isEmpty {
      output.blocks.append(contentsOf: heldBlanks)
      heldBlanks.removeAll(keepingCapacity: true)
    }
    emittedInDocument = true
    droppedSinceEmit = false
  }

  /// Blank lines held back at most (since the last kept paragraph); more are
  /// let through. The `unicode` step collapses blank runs to one, so this only
  /// bounds memory when it is off.
  static let maximumHeldBlanks = 64

  mutating func finishDocument(into output: inout StageOutput) {
    if droppedSinceEmit {
      output.count(.duplicateSeparator, heldBlanks.count)
    } else {
      output.blocks.append(contentsOf: heldBlanks)
    }
    heldBlanks.removeAll()
    emittedInDocument = false
    droppedSinceEmit = false
    insidePartialLine = false
    flushPending(into: &output)
    recent.removeAll()
    if !options.spansDocuments {
      exact.removeAll()
      near?.removeAll()
    }
    keptLog.removeAll()
    trustsVerdicts = takesEarlyVerdicts
    document += 1
  }

  /// Decides whether `blocks[index]` duplicates an earlier kept paragraph;
  /// indexes it if not. (Reached through the array, not by value: a copy of
  /// the block would retain and release its storage.)
  private mutating func duplicate(in blocks: inout [Block], at index: Int) -> Match? {
    let line = blocks[index].lines.lowerBound
    let known = blocks[index].dedupFingerprint
    return blocks[index].withUTF8 { duplicate(utf8: $0, line: line, known: known) }
  }

  /// Paragraphs shorter than this many characters are not compared for near
  /// duplicates: with fewer 5-grams than about 44, the MinHash estimate is too
  /// noisy (one changed character in 17 gives a true similarity of 0.63 and
  /// estimates up to 0.97 were seen), and a one-character edit only reaches
  /// 0.85 from about 66 characters on anyway.
  static let nearMinimumLength = 48

  /// `known` is the paragraph's fingerprint when an earlier stage computed it
  /// (``Block/dedupFingerprint``).
  private mutating func duplicate(
    utf8: UnsafeBufferPointer<UInt8>, line: Int, known: ParagraphFingerprint? = nil
  ) -> Match? {
    // Fewer bytes than `minimumLength` means fewer characters: never removed,
    // never indexed, so not even fingerprinted.
    guard utf8.count >= options.minimumLength else { return nil }
    let threshold = near == nil || utf8.count < DedupStage.nearMinimumLength ? nil : options.nearDuplicateThreshold
    // A fingerprint an earlier stage computed for this text is reused unless
    // a MinHash signature is needed too (it comes from the same pass).
    let fingerprint = threshold == nil ? known ?? fingerprinter.fingerprint(utf8, signature: false)
      : fingerprinter.fingerprint(utf8, signature: true)
    guard options.mayRemove(fingerprint) else {
      guard options.mayRemoveAsTruncated(fingerprint) else { return nil }
      return recent.paragraph(extending: utf8, fingerprint: fingerprint).map { .truncated(position: $0) }
    }
    let position = document << 32 | UInt64(truncatingIfNeeded: line)
    if trustsVerdicts {
      switch fingerprint.earlyVerdict {
      case .copy(let earlier):
        return .exact(position: earlier == 0 ? 0 : document << 32 | earlier)
      case .first:
        // Indexed by the repair step; the truncation window is this step's.
        if let earlier = recent.paragraph(extending: utf8, fingerprint: fingerprint) {
          return .truncated(position: earlier)
        }
        keptLog.append(fingerprint.exact, position: position)
        recent.append(utf8, fingerprint: fingerprint, position: position)
        return nil
      case .unchecked:
        stopTrustingVerdicts()  // and check this paragraph as in any configuration
      }
    }
    if let position = exact.lookup(fingerprint.exact) { return .exact(position: position) }
    if !exact.isComplete, let store {
      do {
        if let line = try store.lookup(fingerprint.exact) { return .exact(position: UInt64(line)) }
      } catch {
        storeError = "\(error)"
        self.store = nil
      }
    }
    if let position = recent.paragraph(extending: utf8, fingerprint: fingerprint) {
      return .truncated(position: position)
    }
    let compareNear = threshold != nil && fingerprint.length >= DedupStage.nearMinimumLength
    if compareNear { fingerprinter.densify() }
    if compareNear, let threshold, let match = near?.bestMatch(for: fingerprinter.signature, threshold: threshold) {
      return .near(position: match.position, similarity: match.similarity)
    }
    exact.insert(fingerprint.exact, position: position)
    recent.append(utf8, fingerprint: fingerprint, position: position)
    if compareNear { near?.insert(fingerprinter.signature, position: position) }
    if store != nil {
      pending.append((fingerprint.exact, line))
      if pending.count >= DedupStage.databaseBatch { writePending() }
    }
    return nil
  }

  /// A paragraph came without a verdict (rewritten after the repair step):
  /// from now on, in this document, this step checks every paragraph itself,
  /// in an index of all it kept (built from the log). O(n) in the log.
  private mutating func stopTrustingVerdicts() {
    trustsVerdicts = false
    keptLog.forEach { key, position in exact.insertIfAbsent(key, position: position) }
    keptLog.removeAll()
  }

  /// New fingerprints written to the database in one transaction at most
  /// (besides one at each document's end): 2^19, 8 MiB of pending entries.
  ///
  /// Why this many: the keys are random, so a transaction's sorted inserts
  /// land on nearly every leaf of the table's B-tree, and SQLite reads and
  /// writes each leaf once per transaction: the cost of a transaction grows
  /// with the table, not with the batch. On the 1 GB dedup benchmark
  /// (6.5 million new fingerprints) going from 2^16 to 2^19 took the run
  /// from 30.0 s to 24.2 s (system time 9.8 s → 4.3 s) for 12 MiB more
  /// peak memory (the entries and the sort's index).
  static let databaseBatch = 1 << 19

  private mutating func flushPending(into output: inout StageOutput) {
    writePending()
    if let message = storeError {
      output.record(.dedupDatabaseError, line: 0, detail: message)
      storeError = nil
    }
  }

  private mutating func writePending() {
    guard let store, !pending.isEmpty else { return }
    do {
      try store.store(pending)
    } catch {
      storeError = "\(error)"
      self.store = nil
    }
    pending.removeAll(keepingCapacity: true)
  }

  /// Where the kept copy is, in words.
  private func describe(_ position: UInt64) -> String {
    let line = position & 0xFFFF_FFFF
    let origin = position >> 32
    if position == 0 { return "an earlier paragraph" }
    if origin == document { return "line \(line)" }
    if origin == 0 { return "line \(line) of an earlier document" }
    return "line \(line) of document \(origin)"
  }

  private mutating func report(_ match: Match, of block: Block, into output: inout StageOutput) {
    guard output.recordsChanges else {
      switch match {
      case .exact: output.count(.exactDuplicate)
      case .truncated: output.count(.truncatedDuplicate)
      case .near: output.count(.nearDuplicate)
      }
      return
    }
    let line = block.lines.lowerBound
    switch match {
    case .exact(let position):
      output.record(.exactDuplicate, line: line, text: block.text, detail: "duplicate of \(describe(position)) (exact)")
    case .truncated(let position):
      output.record(
        .truncatedDuplicate, line: line, text: block.text,
        detail: "duplicate of \(describe(position)) (truncated: a prefix of it)")
    case .near(let position, let similarity):
      let percent = (similarity * 100).rounded()
      output.record(
        .nearDuplicate, line: line, text: block.text,
        detail: "duplicate of \(describe(position)) (near, similarity \(Int(percent))%)")
    }
  }
}
