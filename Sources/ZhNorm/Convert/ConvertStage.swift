/// The `convert` step as a pipeline stage (see `ConvertOptions` for what it does).
///
/// Profile conversion (`-c`) works block by block; the segments of an overlong
/// line (`Block.isPartialLine`) go through one streaming `ScriptConverter`, so
/// a phrase split between segments converts exactly as in the whole line.
///
/// Stray fixing needs the document's script: the stage holds blocks back until
/// it has seen `decisionHanCharacters` Han characters (or `maximumHeldBlocks`
/// blocks, or the end of the document), judges `ScriptEvidence.clearScript`
/// over them, then releases them fixed and fixes later blocks as they come.
/// A document that is not clearly one script is left alone. Memory is bounded
/// by the held blocks.
struct ConvertStage: PipelineStage {
  var step: PipelineStep { .convert }

  let options: ConvertOptions
  private let detector = ScriptDetector()
  private let profileConverter: ScriptConverter?
  private let targetConverter: TargetScriptConverter?

  // Per-document state.
  private var partialLineConverter: ScriptConverter?
  private var held: [Block] = []
  private var evidence = ScriptEvidence()
  private var decided = false
  private var strayFixer: StrayCharacterFixer?

  init(options: ConvertOptions) {
    self.options = options
    profileConverter = options.profile.map { ScriptConverter(profile: $0) }
    targetConverter = options.target.map { TargetScriptConverter(target: $0) }
  }

  mutating func process(_ block: Block, into output: inout StageOutput) {
    if profileConverter != nil {
      output.emit(convertWithProfile(block, into: &output))
      return
    }
    guard options.fixesStrayCharacters else {
      output.emit(convertToTarget(block, into: &output))
      return
    }
    if decided {
      output.emit(convertToTarget(fixStrays(block, into: &output), into: &output))
      return
    }
    held.append(block)
    evidence += detector.evidence(in: block.text)
    if evidence.hanCharacters >= options.decisionHanCharacters || held.count >= options.maximumHeldBlocks {
      decideAndRelease(into: &output)
    }
  }

  mutating func finishDocument(into output: inout StageOutput) {
    if var converter = partialLineConverter {
      // The document ended inside an overlong line: flush what is held back.
      let rest = converter.finish()
      if !rest.isEmpty { output.emit(Block(text: rest, terminator: .none, isPartialLine: true)) }
    }
    if !decided { decideAndRelease(into: &output) }
    partialLineConverter = nil
    held = []
    evidence = ScriptEvidence()
    decided = false
    strayFixer = nil
  }

  private mutating func decideAndRelease(into output: inout StageOutput) {
    decided = true
    if let script = evidence.clearScript {
      strayFixer = StrayCharacterFixer(documentScript: script)
    }
    let blocks = held
    held = []
    for block in blocks {
      output.emit(convertToTarget(fixStrays(block, into: &output), into: &output))
    }
  }

  private func fixStrays(_ block: Block, into output: inout StageOutput) -> Block {
    guard let strayFixer else { return block }
    let result = strayFixer.fix(block.text)
    guard !result.changes.isEmpty else { return block }
    for change in result.changes {
      output.record(
        .strayCharacter, line: block.lines.lowerBound, text: String(change.original),
        detail: "\(change.original) → \(change.replacement) (document is \(strayFixer.documentScript.rawValue))")
    }
    var fixed = block
    fixed.text = result.text
    return fixed
  }

  private func convertToTarget(_ block: Block, into output: inout StageOutput) -> Block {
    guard let targetConverter else { return block }
    let result = targetConverter.convert(block.text)
    guard result.text != block.text else { return block }
    output.count(.scriptConversion)
    var converted = block
    converted.text = result.text
    return converted
  }

  private mutating func convertWithProfile(_ block: Block, into output: inout StageOutput) -> Block {
    var converted = block
    if block.isPartialLine || partialLineConverter != nil {
      var converter = partialLineConverter ?? profileConverter!
      converted.text = converter.convert(chunk: block.text)
      if block.isPartialLine {
        partialLineConverter = converter
      } else {
        converted.text += converter.finish()
        partialLineConverter = nil
      }
    } else {
      converted.text = profileConverter!.convert(block.text)
    }
    if converted.text != block.text { output.count(.scriptConversion) }
    return converted
  }
}
