/// One of OpenCC 1.4.2's sixteen conversion profiles; the raw value is OpenCC's
/// configuration name (`s2twp` is `s2twp.json`).
///
/// Every profile reproduces OpenCC's library semantics exactly, with all of its
/// dictionaries (including `TSCharactersExt`, which OpenCC's command-line tool
/// leaves out by default).
public enum ConversionProfile: String, CaseIterable, Sendable, Codable {
  /// Simplified → Traditional (OpenCC standard forms).
  case s2t
  /// Traditional (OpenCC standard) → Simplified.
  case t2s
  /// Simplified → Traditional, Taiwan character forms.
  case s2tw
  /// Traditional (Taiwan) → Simplified.
  case tw2s
  /// Simplified → Traditional, Taiwan forms and Taiwan vocabulary.
  case s2twp
  /// Traditional (Taiwan) → Simplified, with mainland vocabulary.
  case tw2sp
  /// Simplified → Traditional, Hong Kong character forms.
  case s2hk
  /// Traditional (Hong Kong) → Simplified.
  case hk2s
  /// Simplified → Traditional, Hong Kong forms and vocabulary.
  case s2hkp
  /// Traditional (Hong Kong) → Simplified, with mainland vocabulary.
  case hk2sp
  /// Traditional (OpenCC standard) → Taiwan character forms.
  case t2tw
  /// Taiwan character forms → Traditional (OpenCC standard).
  case tw2t
  /// Traditional (OpenCC standard) → Hong Kong character forms.
  case t2hk
  /// Hong Kong character forms → Traditional (OpenCC standard).
  case hk2t
  /// Traditional (Kyūjitai) → Japanese Shinjitai.
  case t2jp
  /// Japanese Shinjitai → Traditional (Kyūjitai).
  case jp2t

  /// Position of the profile's record in the compiled table (the generator's order).
  var tableIndex: Int { Self.allCases.firstIndex(of: self)! }
}
