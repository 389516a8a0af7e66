/// What the `dedup` step will remove, known to the `repair` step before it
/// decides joins around a block.
///
/// The repair step decides a join on what stands around it (blank lines, a
/// fragment left unjoined a few blocks before). When one of those blocks is a
/// duplicate that dedup removes afterwards, a second run no longer sees it and
/// may decide differently: the pipeline would not be idempotent. So, when
/// dedup runs, the repair step removes on arrival every block that dedup's
/// rules would remove as an exact or a truncated copy of a paragraph the repair
/// step has written in this document, and records the removal as dedup's.
///
/// It mirrors ``DedupStage``'s exact and truncation checks (same
/// ``ParagraphFingerprint``, same ``DedupOptions`` rules, a
/// ``TruncationWindow`` of the same size), over the paragraphs as repair
/// writes them. Bounded: an ``ExactIndex`` of at most a quarter of
/// `--dedup-memory` (9–18 bytes a paragraph, twice that when a report wants
/// positions; the dedup step's own index has half; past that it forgets, and
/// a copy it missed is left to dedup as before) and the truncation window's
/// 256 KiB. The fingerprint it computes travels with the block
/// (``Block/dedupFingerprint``), so the dedup step does not hash the
/// paragraph again; so does what it found when the paragraph was written
/// (``Verdict``), which in the default configuration the dedup step takes
/// instead of an exact index of its own (this one then has half the budget).
struct EarlyDuplicates {
  let options: DedupOptions
  private var fingerprinter = Fingerprinter()
  private var exact: ExactIndex
  private var truncation = TruncationWindow()

  /// Creates the check. `keepsPositions` keeps the line of each paragraph
  /// it indexes, for ``match(_:held:)`` to return (a second table the size of
  /// the first, and a second cache miss per copy found); without it, an
  /// exact copy is said to be of line 0. `standsForDedupIndex`: the dedup
  /// step takes this check's verdicts (``Verdict``) and keeps no exact index
  /// of its own, so this one gets its share of `--dedup-memory`: half, not a
  /// quarter.
  init(options: DedupOptions, keepsPositions: Bool = true, standsForDedupIndex: Bool = false) {
    self.options = options
    let share = standsForDedupIndex ? options.memoryLimit / 2 : options.memoryLimit / 4
    exact = ExactIndex(keepsPositions: keepsPositions, byteLimit: max(share, 1 << 16))
  }

  /// How dedup would remove `block`: as an exact or a truncated copy of the
  /// paragraph starting on the returned line — one written out before, or
  /// `held`, the paragraph the repair step holds (when this block does not
  /// join it, it is written before this one, and dedup compares this block
  /// with it). Attaches the fingerprint to the block (and to the held one,
  /// if it is computed here). O(n) in the block's length (and, once per held
  /// paragraph, in the held one's) plus a hash lookup and a scan of the
  /// window's prefix hashes.
  mutating func match(_ block: inout Block, held: inout Block?) -> (line: Int, kind: ChangeKind)? {
    guard block.utf8Count >= options.minimumLength else { return nil }
    let fingerprint = fingerprint(of: &block)
    let exactCandidate = options.mayRemove(fingerprint)
    if exactCandidate {
      if let position = exact.lookup(fingerprint.exact) { return (Int(position), .exactDuplicate) }
    } else if !options.mayRemoveAsTruncated(fingerprint) {
      return nil
    }
    if let position = block.withUTF8({ truncation.paragraph(extending: $0, fingerprint: fingerprint) }) {
      return (Int(position), .truncatedDuplicate)
    }
    guard held != nil, held!.utf8Count >= options.minimumLength else { return nil }
    let heldFingerprint = self.fingerprint(of: &held!)
    // Dedup compares with the held paragraph only if it would index it.
    guard options.mayRemove(heldFingerprint), let held else { return nil }
    let line = held.lines.lowerBound
    if exactCandidate && heldFingerprint.exact == fingerprint.exact { return (line, .exactDuplicate) }
    if fingerprint.length >= Fingerprinter.prefixLength, heldFingerprint.prefix == fingerprint.prefix,
      heldFingerprint.length > fingerprint.length,
      block.withUTF8({ part in held.withUTF8 { Fingerprinter.isNormalizedPrefix(part, of: $0) } })
    {
      return (line, .truncatedDuplicate)
    }
    return nil
  }

  /// Fingerprints the blocks of a batch that ``match(_:held:)`` will look
  /// up, then starts loading the index buckets those lookups read (see
  /// ``ExactIndex/prefetchBuckets(of:options:)``), so that their cache misses
  /// overlap instead of coming one per block. A block whose text changes
  /// before its turn forgets the fingerprint and is hashed again then. O(n)
  /// in the batch's bytes, the hashing that ``match(_:held:)`` would
  /// otherwise do.
  mutating func warm(_ blocks: inout [Block]) {
    blocks.withUnsafeMutableBufferPointer { blocks in
      for index in blocks.indices {
        guard blocks[index].utf8Count >= options.minimumLength, !blocks[index].isPartialLine,
          !blocks[index].isBlank
        else { continue }
        _ = fingerprint(of: &blocks[index])
      }
      exact.prefetchBuckets(of: UnsafeBufferPointer(blocks), options: options)
    }
  }

  /// Remembers a paragraph written out (what dedup will index if it keeps
  /// it), and leaves the ``Verdict`` in its fingerprint: the first of its
  /// text, or a copy of which paragraph. O(n) in the paragraph when its
  /// fingerprint is not known yet, else O(1) plus the window's copy of it.
  mutating func remember(_ block: inout Block) {
    guard block.utf8Count >= options.minimumLength else { return }
    var fingerprint = fingerprint(of: &block)
    guard options.mayRemove(fingerprint) else { return }
    let line = UInt64(block.lines.lowerBound)
    // (A verdict already there is this text's own: remembered before, held
    // again. Looked up now, the paragraph would find itself.)
    if fingerprint.earlyVerdict == .unchecked {
      let earlier = exact.insertIfAbsent(fingerprint.exact, position: line)
      fingerprint.earlyVerdict = earlier.map { .copy(position: $0) } ?? .first
      block.dedupFingerprint = fingerprint
    }
    block.withUTF8 { truncation.append($0, fingerprint: fingerprint, position: line) }
  }

  mutating func removeAll() {
    exact.removeAll()
    truncation.removeAll()
  }

  /// The block's fingerprint: the one it carries, or computed and attached
  /// (for this step's write-out and for the dedup step). O(n) the first time.
  private mutating func fingerprint(of block: inout Block) -> ParagraphFingerprint {
    if let known = block.dedupFingerprint { return known }
    let fingerprint = block.withUTF8 { fingerprinter.fingerprint($0, signature: false) }
    block.dedupFingerprint = fingerprint
    return fingerprint
  }
}
