extension ChangeKind {
  /// Runs of mojibake repaired losslessly (`--fix-mojibake`).
  public static let mojibake: ChangeKind = "mojibake"
  /// Irreversible mojibake (`锟斤拷`, `烫烫烫`) found and left as it is (`--fix-mojibake`).
  public static let mojibakeDamage: ChangeKind = "mojibake-damage"
}
