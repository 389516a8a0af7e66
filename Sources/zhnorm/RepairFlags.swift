import ArgumentParser
import ZhNorm

/// The flags of the `repair` step.
struct RepairFlags: ParsableArguments {
  @Flag(name: .customLong("no-join"), help: "repair: do not join paragraphs broken by page/column breaks or hard wraps.")
  var noJoin = false

  @Flag(name: .customLong("keep-furniture"), help: "repair: keep continuation markers ((上接第1版)) and page-number lines.")
  var keepFurniture = false

  @Flag(name: .customLong("keep-annotations"), help: "repair: keep pinyin annotations such as 行業(yè).")
  var keepAnnotations = false

  var options: RepairOptions {
    RepairOptions(joinsParagraphs: !noJoin, removesFurniture: !keepFurniture, removesAnnotations: !keepAnnotations)
  }
}
