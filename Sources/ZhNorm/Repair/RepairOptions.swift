/// Options of the `repair` step.
///
/// ```swift
/// var configuration = NormalizerConfiguration()
/// configuration.repair.joinsParagraphs = false   // --no-join
/// ```
public struct RepairOptions: Sendable, Hashable {
  /// Join paragraphs broken by page or column breaks and re-flow hard-wrapped
  /// lines (`--no-join` turns it off). Default: `true`.
  public var joinsParagraphs: Bool
  /// Remove page furniture: continuation markers, page numbers (`--keep-furniture`
  /// turns it off). Default: `true`.
  public var removesFurniture: Bool
  /// Remove pinyin annotations glued to characters, `行業(yè)` → `行業`
  /// (`--keep-annotations` turns it off). Default: `true`.
  public var removesAnnotations: Bool

  /// Creates options; by default every repair is on.
  public init(joinsParagraphs: Bool = true, removesFurniture: Bool = true, removesAnnotations: Bool = true) {
    self.joinsParagraphs = joinsParagraphs
    self.removesFurniture = removesFurniture
    self.removesAnnotations = removesAnnotations
  }
}
