/// Converts text to a target script only where it needs it, so it is safe to
/// run on text that is already (partly) converted — unlike OpenCC's profiles,
/// which are not idempotent (`tw2s` turns 什么 into 什幺).
///
/// Each piece of text (a paragraph) is judged by its `ScriptEvidence.script`:
/// * already in the target script, or no script-exclusive character → left
///   exactly as it is;
/// * in the other script → converted with the OpenCC profile for the target
///   (`ConversionTarget.fromSimplified` / `.fromTraditional`: `t2s`, `s2t`,
///   `s2tw`, `s2hk`);
/// * mixed → only the other script's exclusive characters are converted (as by
///   `StrayCharacterFixer`, all of them, words in the other script included),
///   so text already in the target script is never altered.
///
/// For the `tw` and `hk` targets a Traditional paragraph additionally gets the
/// regional variant forms (`t2tw`, `t2hk`), which are idempotent.
public struct TargetScriptConverter: Sendable {
  /// The script this converter produces.
  public let target: ConversionTarget
  let detector = ScriptDetector()
  let fromSimplified: ScriptConverter?
  let fromTraditional: ScriptConverter?
  let strayFixer: StrayCharacterFixer

  /// What `convert(_:)` did to a paragraph.
  public enum Action: Sendable, Equatable {
    /// Nothing: the text was already in the target script or had no
    /// script-exclusive character.
    case unchanged
    /// The whole text was converted with this profile.
    case converted(ConversionProfile)
    /// The text was mixed; this many other-script characters were converted.
    case straysFixed(Int)
  }

  /// The result of `convert(_:)`.
  public struct Result: Sendable, Equatable {
    /// The converted text.
    public var text: String
    /// What was done.
    public var action: Action
    /// The evidence the decision was based on.
    public var evidence: ScriptEvidence
  }

  /// A converter to `target`. O(1).
  public init(target: ConversionTarget) {
    self.target = target
    fromSimplified = target.fromSimplified.map { ScriptConverter(profile: $0) }
    fromTraditional = target.fromTraditional.map { ScriptConverter(profile: $0) }
    strayFixer = StrayCharacterFixer(documentScript: target.script, keepsDeliberateUses: false)
  }

  /// Converts `text` (best: one paragraph) if it needs it. O(n).
  public func convert(_ text: String) -> Result {
    let evidence = detector.evidence(in: text)
    switch evidence.script {
    case .none:
      return Result(text: text, action: .unchanged, evidence: evidence)
    case .hans where target.script == .hans, .hant where target.script == .hant:
      if target.script == .hant, let fromTraditional {
        let converted = fromTraditional.convert(text)
        return Result(
          text: converted, action: converted == text ? .unchanged : .converted(fromTraditional.profile),
          evidence: evidence)
      }
      return Result(text: text, action: .unchanged, evidence: evidence)
    case .hans:
      let converter = fromSimplified!
      return Result(text: converter.convert(text), action: .converted(converter.profile), evidence: evidence)
    case .hant:
      let converter = fromTraditional!
      return Result(text: converter.convert(text), action: .converted(converter.profile), evidence: evidence)
    case .mixed:
      var fixed = strayFixer.fix(text)
      if target.script == .hant, let fromTraditional {
        fixed.text = fromTraditional.convert(fixed.text)
      }
      return Result(text: fixed.text, action: .straysFixed(fixed.replacements), evidence: evidence)
    }
  }
}
