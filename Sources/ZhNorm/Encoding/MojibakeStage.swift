/// The mojibake stage: runs first, only when
/// ``NormalizerConfiguration/fixesMojibake`` is on. It repairs each line with
/// ``MojibakeRepair`` and reports irreversible damage as a diagnostic and a
/// record. Its counts appear under the `unicode` step (it is part of reading
/// the text right), as kinds `mojibake` and `mojibake-damage`.
///
/// It holds no blocks back. Complexity: O(n).
struct MojibakeStage: PipelineStage {
  var step: PipelineStep { .unicode }
  private let repair = MojibakeRepair()
  /// Damage diagnostics made in this document (at most ``diagnosticLimit``).
  private var diagnosed = 0
  static let diagnosticLimit = 100

  mutating func process(_ block: Block, into output: inout StageOutput) {
    var blocks = [block]
    process(&blocks, into: &output)
  }

  mutating func process(_ blocks: inout [Block], into output: inout StageOutput) {
    for index in blocks.indices {
      let fixed = blocks[index].withUTF8 { utf8 -> ([UInt8], [MojibakeRepair.Repair])? in
        guard utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        for (offset, text) in MojibakeRepair.damage(in: utf8) {
          let block = blocks[index]
          output.record(.mojibakeDamage, line: block.lines.lowerBound, text: text, detail: "irreversible mojibake, left as it is")
          if diagnosed < Self.diagnosticLimit {
            diagnosed += 1
            output.diagnose(Diagnostic(
              kind: .mojibakeDamage, byteOffset: block.byteOffset + offset, line: block.lines.lowerBound,
              length: text.utf8.count, detail: text))
          }
        }
        return repair.repair(utf8: utf8)
      }
      guard let (bytes, repairs) = fixed else { continue }
      for item in repairs {
        output.record(.mojibake, line: blocks[index].lines.lowerBound, text: item.original,
          detail: "UTF-8 read as \(item.misreading.rawValue): \(item.repaired)")
      }
      blocks[index].text = String(decoding: bytes, as: UTF8.self)
    }
    output.emit(contentsOf: &blocks)
  }

  mutating func finishDocument(into output: inout StageOutput) {
    diagnosed = 0
  }
}
