/// The driver: runs blocks through a chain of stages.
///
/// Blocks pass through the stages in order; what a stage emits is handed to the
/// next one right away, so a block leaves the pipeline as soon as no stage holds
/// it. The driver itself keeps nothing between calls but two scratch arrays.
///
/// Complexity: O(total work of the stages); the driver adds O(1) per block and stage.
struct BlockPipeline {
  private var stages: [any PipelineStage]
  private var scratch: [Block] = []

  init(stages: [any PipelineStage]) {
    self.stages = stages
  }

  /// Runs `blocks` through every stage and returns what comes out. The
  /// array is handed from stage to stage, so a stage that rewrites blocks in
  /// place copies none of them.
  mutating func process(_ blocks: inout [Block], output: inout StageOutput) -> [Block] {
    var current: [Block] = []
    swap(&current, &blocks)
    for index in stages.indices {
      guard !current.isEmpty else { return [] }
      output.step = stages[index].step
      swap(&output.blocks, &scratch)
      output.blocks.removeAll(keepingCapacity: true)
      stages[index].process(&current, into: &output)
      swap(&scratch, &current)  // keep the emptied array's capacity for reuse
      swap(&current, &output.blocks)
    }
    return current
  }

  /// Ends the current document: each stage in turn releases what it holds,
  /// which flows through the stages after it before they finish too.
  mutating func finishDocument(output: inout StageOutput) -> [Block] {
    var carried: [Block] = []
    for index in stages.indices {
      output.step = stages[index].step
      output.blocks = []
      stages[index].process(&carried, into: &output)
      stages[index].finishDocument(into: &output)
      carried = output.blocks
    }
    output.blocks = []
    return carried
  }
}
