/// Counts of script-exclusive characters in a text, and the script they point to.
///
/// A character is *Traditional-only* if OpenCC's Traditional→Simplified
/// character tables change it and it is not itself a valid Simplified character;
/// *Simplified-only* the other way round (exact definitions in
/// `tables/README.md`: 鋒 發 們 are Traditional-only, 锋 发 们 Simplified-only,
/// and 乾 著 瞭 干 后 里 台 are neither). Characters valid in both scripts are
/// not evidence of anything and are not counted.
public struct ScriptEvidence: Sendable, Equatable, Hashable, Codable {
  /// Number of Simplified-only characters seen.
  public var simplifiedOnly: Int
  /// Number of Traditional-only characters seen.
  public var traditionalOnly: Int
  /// Number of Han characters seen (any script).
  public var hanCharacters: Int

  /// Evidence with the given counts (all zero by default).
  public init(simplifiedOnly: Int = 0, traditionalOnly: Int = 0, hanCharacters: Int = 0) {
    self.simplifiedOnly = simplifiedOnly
    self.traditionalOnly = traditionalOnly
    self.hanCharacters = hanCharacters
  }

  /// Script-exclusive characters of either kind.
  public var total: Int { simplifiedOnly + traditionalOnly }

  /// The script of the text, judged leniently (for a line or a paragraph):
  /// `.none` without any script-exclusive character; `.hans` if at least 90%
  /// of the script-exclusive characters are Simplified-only; `.hant` if at least
  /// 90% are Traditional-only; `.mixed` otherwise.
  public var script: Script {
    if total == 0 { return .none }
    if traditionalOnly * 10 <= total { return .hans }
    if simplifiedOnly * 10 <= total { return .hant }
    return .mixed
  }

  /// Minimum number of script-exclusive characters for `clearScript`.
  public static let minimumClearEvidence = 20
  /// Largest share of the minority script's exclusive characters, in percent,
  /// for `clearScript`.
  public static let maximumClearMinorityPercent = 5

  /// The script of the text if it is *clearly* one script, else `nil`.
  ///
  /// "Clearly" means: at least `minimumClearEvidence` (20) script-exclusive
  /// characters, of which at most `maximumClearMinorityPercent` (5%) belong to
  /// the other script. Only then is a document's minority treated as stray
  /// characters (see `StrayCharacterFixer`). A Simplified page that quotes a
  /// Traditional passage of more than 5% is left alone, as is any text too short
  /// to judge.
  public var clearScript: Script? {
    guard total >= Self.minimumClearEvidence else { return nil }
    if traditionalOnly * 100 <= total * Self.maximumClearMinorityPercent { return .hans }
    if simplifiedOnly * 100 <= total * Self.maximumClearMinorityPercent { return .hant }
    return nil
  }

  /// Adds the counts of `other` (evidence of consecutive pieces of one text).
  public static func += (lhs: inout ScriptEvidence, rhs: ScriptEvidence) {
    lhs.simplifiedOnly += rhs.simplifiedOnly
    lhs.traditionalOnly += rhs.traditionalOnly
    lhs.hanCharacters += rhs.hanCharacters
  }
}
