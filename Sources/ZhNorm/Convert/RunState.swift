/// What an unmatched run has left undecided between calls of
/// `ConversionEngine.convert`: for each run stage still to apply, the scalars
/// it has received but cannot convert yet because a longer key might still
/// match. After a call, each holds fewer scalars than its stage's longest key.
struct RunState {
  /// `pending[k]`: input of run stage k not converted yet.
  var pending: [[UInt32]]
  /// Some stage holds scalars (a run is in progress).
  var isActive = false
  /// Reused buffer for a stage's output on its way to the next stage.
  var spare: [UInt32] = []

  /// State for `stageCount` run stages.
  init(stageCount: Int) {
    pending = Array(repeating: [], count: stageCount)
    for k in pending.indices { pending[k].reserveCapacity(64) }
  }

  /// Scalars held back in total.
  var heldBackScalars: Int { pending.reduce(0) { $0 + $1.count } }
}
