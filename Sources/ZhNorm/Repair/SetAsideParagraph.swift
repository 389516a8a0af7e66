/// A paragraph the `repair` step will not join to the block after it, held
/// back (with the blank lines after it) while that block may still grow, by
/// joins, into a copy of an earlier paragraph.
///
/// Why: a fragment too short to be compared on its own (or whose original
/// is no longer in the truncation window) can become an exact copy once
/// joined to its second half. Dedup removes that copy; a second run then no
/// longer sees it, and decides the paragraph before it against the block
/// after it. The first run must decide the same: so, when the joined copy is
/// found, it is removed at once and the set-aside paragraph is held again.
/// Otherwise it is written, before the block that followed it.
///
/// The paragraph counts as written (for the early duplicate check and the
/// recent paragraphs) from the moment it is set aside: only its output waits.
struct SetAsideParagraph {
  /// The paragraph, as it was held.
  var block: Block
  /// What the `repair` step knew about it while it held it (restored if it
  /// is held again): its facts when computed, its last scalar, whether the
  /// text looked hard-wrapped when it was held, the width of its last line
  /// and its own (as one line), and whether page-break evidence followed it.
  var facts: LineFacts?
  var lastScalar: UInt32
  var heldWithWrap: Bool
  var lastLineWidth: Int
  var width: Int
  var pageBreak: Bool
  /// Blocks since a fragment was left unjoined, before this refusal.
  var sinceRefusal: Int
  /// The blank lines between it and the block it was not joined to.
  var between: [Block]
}
