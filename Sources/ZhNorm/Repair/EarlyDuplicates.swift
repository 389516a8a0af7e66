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
/// writes them. Bounded: an ``ExactIndex`` of at most ``byteLimit`` bytes
/// (16 bytes a paragraph: 65 536 paragraphs a document before it forgets) and
/// the truncation window's 256 KiB.
struct EarlyDuplicates {
  static let byteLimit = 1 << 20
  let options: DedupOptions
  private var fingerprinter = Fingerprinter()
  private var exact = ExactIndex(keepsPositions: true, byteLimit: EarlyDuplicates.byteLimit)
  private var truncation = TruncationWindow()
  /// Whether ``heldValue`` is computed for the paragraph held now.
  private var heldKnown = false
  /// The held paragraph's fingerprint, when dedup would index it.
  private var heldValue: ParagraphFingerprint?

  init(options: DedupOptions) {
    self.options = options
  }

  /// How dedup would remove a block of this text: as an exact or a truncated
  /// copy of the paragraph starting on the returned line — one written out
  /// before, or `held`, the paragraph the repair step holds (when this block
  /// does not join it, it is written before this one, and dedup compares
  /// this block with it). O(n) in the block's length (and, once per held
  /// paragraph, in the held one's) plus a hash lookup and a scan of the
  /// window's prefix hashes.
  mutating func match(_ utf8: UnsafeBufferPointer<UInt8>, held: Block?) -> (line: Int, kind: ChangeKind)? {
    guard utf8.count >= options.minimumLength else { return nil }
    let fingerprint = fingerprinter.fingerprint(utf8, signature: false)
    let exactCandidate = options.mayRemove(fingerprint)
    if exactCandidate {
      if let position = exact.lookup(fingerprint.exact) { return (Int(position), .exactDuplicate) }
    } else if !options.mayRemoveAsTruncated(fingerprint) {
      return nil
    }
    if let position = truncation.paragraph(extending: utf8, fingerprint: fingerprint) {
      return (Int(position), .truncatedDuplicate)
    }
    guard let held, let heldFingerprint = heldFingerprint(of: held) else { return nil }
    let line = held.lines.lowerBound
    if exactCandidate && heldFingerprint.exact == fingerprint.exact { return (line, .exactDuplicate) }
    if fingerprint.length >= Fingerprinter.prefixLength, heldFingerprint.prefix == fingerprint.prefix,
      heldFingerprint.length > fingerprint.length,
      held.withUTF8({ Fingerprinter.isNormalizedPrefix(utf8, of: $0) })
    {
      return (line, .truncatedDuplicate)
    }
    return nil
  }

  /// Forgets the held paragraph's fingerprint: the repair step holds another.
  mutating func heldChanged() {
    heldKnown = false
  }

  /// The fingerprint of the held paragraph when dedup would index it (nil
  /// otherwise), computed once per held paragraph.
  private mutating func heldFingerprint(of held: Block) -> ParagraphFingerprint? {
    if heldKnown { return heldValue }
    let fingerprint: ParagraphFingerprint? = held.withUTF8 { utf8 in
      guard utf8.count >= options.minimumLength else { return nil }
      let fingerprint = fingerprinter.fingerprint(utf8, signature: false)
      return options.mayRemove(fingerprint) ? fingerprint : nil
    }
    heldValue = fingerprint
    heldKnown = true
    return fingerprint
  }

  /// Remembers a paragraph written out (what dedup will index if it keeps it).
  mutating func remember(_ utf8: UnsafeBufferPointer<UInt8>, line: Int) {
    guard utf8.count >= options.minimumLength else { return }
    let fingerprint = fingerprinter.fingerprint(utf8, signature: false)
    guard options.mayRemove(fingerprint) else { return }
    if exact.lookup(fingerprint.exact) == nil { exact.insert(fingerprint.exact, position: UInt64(line)) }
    truncation.append(utf8, fingerprint: fingerprint, position: UInt64(line))
  }

  mutating func removeAll() {
    exact.removeAll()
    truncation.removeAll()
    heldKnown = false
  }

}
