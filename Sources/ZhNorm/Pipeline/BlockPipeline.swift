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

  /// Runs `blocks` through every stage and returns what comes out.
  mutating func process(_ blocks: [Block], output: inout StageOutput) -> [Block] {
    var current = blocks
    for index in stages.indices {
      guard !current.isEmpty else { return [] }
      output.step = stages[index].step
      output.blocks = scratch
      output.blocks.removeAll(keepingCapacity: true)
      for block in current {
        stages[index].process(block, into: &output)
      }
      scratch = current
      current = output.blocks
    }
    output.blocks = []
    return current
  }

  /// Ends the current document: each stage in turn releases what it holds,
  /// which flows through the stages after it before they finish too.
  mutating func finishDocument(output: inout StageOutput) -> [Block] {
    var carried: [Block] = []
    for index in stages.indices {
      output.step = stages[index].step
      output.blocks = []
      for block in carried {
        stages[index].process(block, into: &output)
      }
      stages[index].finishDocument(into: &output)
      carried = output.blocks
    }
    output.blocks = []
    return carried
  }
}
