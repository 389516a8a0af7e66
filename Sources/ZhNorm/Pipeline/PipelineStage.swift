/// One step of the pipeline, as a stream transformer over blocks.
///
/// The driver (the pipeline inside ``NormalizationStream``) hands each stage the blocks of a document in
/// order and passes whatever the stage emits on to the next stage. A stage may
/// emit a block at once, rewrite it, drop it, or hold a few blocks back while it
/// needs to see what follows (a join decision looks at the next block; a
/// document-level script decision looks at the first few thousand characters).
/// It must release everything it holds in ``finishDocument(into:)``, and the
/// number of blocks it holds must not grow with the size of the input: that is
/// what keeps the whole pipeline in bounded memory.
///
/// Stages are value types owned by one pipeline; they need not be thread-safe.
///
/// ```swift
/// struct Uppercase: PipelineStage {
///   var step: PipelineStep { .unicode }
///   mutating func process(_ block: Block, into output: inout StageOutput) {
///     var block = block
///     block.text = block.text.uppercased()
///     output.emit(block)
///   }
///   mutating func finishDocument(into output: inout StageOutput) {}
/// }
/// ```
public protocol PipelineStage {
  /// The step this stage implements, used to attribute counts and records.
  var step: PipelineStep { get }

  /// Receives the next block of the current document.
  mutating func process(_ block: Block, into output: inout StageOutput)

  /// Receives the next blocks of the current document, in order, and may
  /// take them: the driver does not use `blocks` after the call.
  ///
  /// The driver calls this with every batch of blocks decoded from one input
  /// chunk; the default implementation calls ``process(_:into:)-(Block,_)``
  /// for each block. A stage on the hot path implements it to rewrite the
  /// blocks in place and hand the array on, which saves copying (and
  /// reference counting) every block.
  mutating func process(_ blocks: inout [Block], into output: inout StageOutput)

  /// The current document ended: emit every block still held back and reset
  /// per-document state. The stage may then receive the next document.
  mutating func finishDocument(into output: inout StageOutput)
}

extension PipelineStage {
  /// Calls ``process(_:into:)-(Block,_)`` for each block.
  public mutating func process(_ blocks: inout [Block], into output: inout StageOutput) {
    for block in blocks {
      process(block, into: &output)
    }
    blocks.removeAll(keepingCapacity: true)
  }
}
