import ArgumentParser
import ZhNorm

/// A comma-separated list of pipeline step names, as `--only` and `--skip`
/// take; `none` is the empty list (`--only none` decodes and writes back).
struct StepList: ExpressibleByArgument {
  var steps: Set<PipelineStep>

  init?(argument: String) {
    if argument == "none" {
      steps = []
      return
    }
    var steps = Set<PipelineStep>()
    for name in argument.split(separator: ",", omittingEmptySubsequences: true) {
      guard let step = PipelineStep(rawValue: name.filter { !$0.isWhitespace }.lowercased()) else { return nil }
      steps.insert(step)
    }
    guard !steps.isEmpty else { return nil }
    self.steps = steps
  }

  static var allValueStrings: [String] { PipelineStep.allCases.map(\.rawValue) + ["none"] }
  static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

extension PunctuationStyle: ExpressibleByArgument {}
