extension ChangeKind {
  /// Two blocks joined into one paragraph (page/column break or hard wrap).
  public static let paragraphJoin: ChangeKind = "paragraph-join"
  /// A line-end hyphen inside a Latin word removed when joining (`inter-` + `national`).
  public static let hyphenation: ChangeKind = "hyphenation"
  /// A continuation marker, page number or running header removed.
  public static let pageFurniture: ChangeKind = "page-furniture"
  /// A parenthesised pinyin reading removed after its character (`業(yè)` → `業`).
  public static let pinyinAnnotation: ChangeKind = "pinyin-annotation"
  /// A join that the evidence suggested but that was refused (for example, the
  /// first half repeats a recent paragraph: a truncated duplicate left for `dedup`).
  public static let joinDeclined: ChangeKind = "join-declined"
}
