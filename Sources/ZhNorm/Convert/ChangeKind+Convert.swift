extension ChangeKind {
  /// Blocks whose text the `convert` step converted to another script (with a
  /// profile, or to a target script).
  public static let scriptConversion: ChangeKind = "script-conversion"
  /// Characters of the other script replaced in a document clearly written in
  /// one script (`先鋒` → `先锋` in Simplified text).
  public static let strayCharacter: ChangeKind = "stray-character"
}
