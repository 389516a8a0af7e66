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
  /// The paragraphs counted as evidence so far (the decision window only).
  private var counted = RepeatFilter()
  private var decided = false
  private var strayFixer: StrayCharacterFixer?

  init(options: ConvertOptions) {
    self.options = options
    profileConverter = options.profile.map { ScriptConverter(profile: $0) }
    targetConverter = options.target.map { TargetScriptConverter(target: $0) }
  }

  mutating func process(_ block: Block, into output: inout StageOutput) {
    var block = block
    if profileConverter != nil {
      output.emit(convertWithProfile(block, into: &output))
      return
    }
    guard options.fixesStrayCharacters else {
      convertToTarget(&block, into: &output)
      output.emit(block)
      return
    }
    if decided {
      fixStrays(&block, into: &output)
      convertToTarget(&block, into: &output)
      output.emit(block)
      return
    }
    held.append(block)
    // The decision must come out the same on a second run, so its evidence
    // must not depend on what later steps change. Exactly the first
    // `decisionHanCharacters` Han characters count, however they are cut into
    // lines (the repair step may join lines on one run and find them joined on
    // the next), and a paragraph that repeats one already counted does not
    // count again (see RepeatFilter: the dedup step removes such repeats).
    let remaining = options.decisionHanCharacters - evidence.hanCharacters
    let (isNew, found) = block.withUTF8 { utf8 -> (Bool, ScriptEvidence) in
      guard !counted.isRepeat(utf8) else { return (false, ScriptEvidence()) }
      return (true, detector.evidence(inUTF8: utf8, hanLimit: remaining))
    }
    if isNew { evidence += found }
    if evidence.hanCharacters >= options.decisionHanCharacters || held.count >= options.maximumHeldBlocks {
      decideAndRelease(into: &output)
    }
  }

  /// Batch form: when no block needs holding back (profile conversion, or the
  /// document's script is already decided) the blocks are rewritten in place
  /// and the array is handed on; otherwise block by block.
  mutating func process(_ blocks: inout [Block], into output: inout StageOutput) {
    let holdsBack = profileConverter == nil && options.fixesStrayCharacters && !decided
    if holdsBack || !held.isEmpty {
      for block in blocks { process(block, into: &output) }
      blocks.removeAll(keepingCapacity: true)
      return
    }
    if profileConverter != nil {
      convertWithProfile(&blocks, into: &output)
    } else {
      // In place: a block copied out and back would cost a retain and a
      // release of its storage per line. Each block is only read first: the
      // in-place access itself moved the whole block out and back (a
      // 120-byte copy each way), which for a step that changes almost
      // nothing was most of its cost.
      for index in blocks.indices {
        if let strayFixer, blocks[index].withUTF8({ strayFixer.needsFixing(utf8: $0) }) {
          fixStrays(&blocks[index], into: &output)
        }
        if targetConverter != nil { convertToTarget(&blocks[index], into: &output) }
      }
    }
    output.emit(contentsOf: &blocks)
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
    counted.removeAll()
    decided = false
    strayFixer = nil
  }

  private mutating func decideAndRelease(into output: inout StageOutput) {
    decided = true
    counted.removeAll()
    if let script = evidence.clearScript {
      strayFixer = StrayCharacterFixer(documentScript: script)
    }
    var blocks = held
    held = []
    for index in blocks.indices {
      fixStrays(&blocks[index], into: &output)
      convertToTarget(&blocks[index], into: &output)
    }
    output.emit(contentsOf: &blocks)
  }

  private func fixStrays(_ block: inout Block, into output: inout StageOutput) {
    guard let strayFixer, block.withUTF8({ strayFixer.needsFixing(utf8: $0) }) else { return }
    let result = strayFixer.fix(block.text)
    guard !result.changes.isEmpty else { return }
    for change in result.changes {
      output.record(
        .strayCharacter, line: block.lines.lowerBound, text: String(change.original),
        detail: "\(change.original) → \(change.replacement) (document is \(strayFixer.documentScript.rawValue))")
    }
    block.text = result.text
  }

  private func convertToTarget(_ block: inout Block, into output: inout StageOutput) {
    guard let targetConverter else { return }
    // Most blocks need nothing; decide that from the bytes, without a String.
    let script = block.withUTF8 { detector.evidence(inUTF8: $0) }.script
    if script == .none { return }
    let target = targetConverter.target
    if script == target.script, target == .hans || target == .hant { return }
    let text = block.text
    let result = targetConverter.convert(text)
    guard result.text != text else { return }
    output.count(.scriptConversion)
    block.text = result.text
  }

  /// Converts a batch in place. Every line is converted into one output
  /// buffer, which becomes the shared storage of the lines that changed: one
  /// allocation per batch instead of a `String` per line. A line whose
  /// conversion equals it keeps its storage.
  private mutating func convertWithProfile(_ blocks: inout [Block], into output: inout StageOutput) {
    guard let converter = profileConverter else { return }
    var out = OutputBuffer(capacity: blocks.reduce(0) { $0 + $1.utf8Count } + 64)
    var changed: [(index: Int, range: Range<Int>)] = []
    for index in blocks.indices {
      if blocks[index].isPartialLine || partialLineConverter != nil {
        blocks[index] = convertWithProfile(blocks[index], into: &output)
        continue
      }
      let start = out.count
      let same = blocks[index].withUTF8 { utf8 in
        converter.convert(utf8: utf8, appendingTo: &out)
        return out.suffix(from: start, equals: utf8)
      }
      if same {
        out.truncate(to: start)
      } else {
        changed.append((index, start..<out.count))
      }
    }
    guard !changed.isEmpty else { return }
    let chunk = DecodedChunk(copying: UnsafeBufferPointer(start: out.base, count: out.count))
    for (index, range) in changed {
      blocks[index].storage = .slice(chunk, range)
    }
    output.count(.scriptConversion, changed.count)
  }

  private mutating func convertWithProfile(_ block: Block, into output: inout StageOutput) -> Block {
    var text: String
    let changed: Bool
    if block.isPartialLine || partialLineConverter != nil {
      var converter = partialLineConverter ?? profileConverter!
      let input = block.text
      text = converter.convert(chunk: input)
      if block.isPartialLine {
        partialLineConverter = converter
      } else {
        text += converter.finish()
        partialLineConverter = nil
      }
      changed = text != input
    } else {
      // Convert straight from the block's bytes; keep the block (and its shared
      // storage) when nothing changed, as for most non-Chinese lines.
      (text, changed) = block.withUTF8 { utf8 in
        let converted = profileConverter!.convert(utf8: utf8)
        return (converted, !converted.utf8.elementsEqual(utf8))
      }
    }
    guard changed else { return block }
    output.count(.scriptConversion)
    var converted = block
    converted.text = text
    return converted
  }
}
