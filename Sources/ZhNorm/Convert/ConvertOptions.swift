/// Options of the `convert` step.
///
/// * `profile` set (`-c s2twp`): every block is converted with that OpenCC
///   profile, exactly as OpenCC does; nothing else happens.
/// * otherwise, stray-character fixing (on by default) and then, if `target`
///   is set (`--to hans|hant|tw|hk`), a target-script conversion that touches
///   only paragraphs that need it (see `TargetScriptConverter`).
public struct ConvertOptions: Sendable, Hashable {
  /// An OpenCC profile to apply to every block, or `nil`. Default: `nil`.
  public var profile: ConversionProfile?
  /// The script to convert paragraphs to where needed, or `nil`. Default: `nil`.
  public var target: ConversionTarget?
  /// Whether to replace the other script's stray characters in a document that
  /// is clearly written in one script (`StrayCharacterFixer`). Default: `true`.
  public var fixesStrayCharacters: Bool
  /// How many Han characters the stage reads before it judges a document's
  /// script; blocks are held back until then (at most `maximumHeldBlocks`).
  /// Default: 3000.
  public var decisionHanCharacters: Int
  /// Most blocks held back while the document's script is undecided. Default: 1024.
  public var maximumHeldBlocks: Int

  /// Creates options; the defaults fix stray characters and convert nothing else.
  public init(
    profile: ConversionProfile? = nil,
    target: ConversionTarget? = nil,
    fixesStrayCharacters: Bool = true,
    decisionHanCharacters: Int = 3000,
    maximumHeldBlocks: Int = 1024
  ) {
    self.profile = profile
    self.target = target
    self.fixesStrayCharacters = fixesStrayCharacters
    self.decisionHanCharacters = decisionHanCharacters
    self.maximumHeldBlocks = maximumHeldBlocks
  }
}
