/// A profile as compiled by `tables/gen_tables.py` (the full argument for its
/// exactness is in `tables/README.md`).
///
/// The *main* stage scans the text. For a profile with segmentation it is
/// OpenCC's segmentation dictionary, each key mapped to the whole conversion
/// chain's result for that key; for a single-stage profile it is the phrase
/// part of the stage. Scalars it does not match form *runs*, which go through
/// `runStages` in order (OpenCC's conversion chain on its unmatched segments;
/// for single-stage profiles, the character table). `keyScalars` holds every
/// scalar that occurs in any key of any stage: any other scalar can never be
/// part of a match, so a run may be ended there without changing the result.
/// `attention` is the smaller set the conversion loop must look at; every other
/// scalar is copied as it is (see `tables/gen_tables.py`, `attention_set`).
struct CompiledProfile: Sendable {
  /// The stage that scans the text.
  let main: ConversionStage
  /// The stages applied, in order, to stretches the main stage left unmatched.
  let runStages: [ConversionStage]
  /// Every scalar occurring in some key of some stage.
  let keyScalars: ScalarSet
  /// The scalars the conversion loop must decode and look up: normalization
  /// keys, first scalars of main-stage keys, and — for unmatched scalars —
  /// the character table's keys (profiles that map them directly) or
  /// `keyScalars` (profiles with runs). Any other scalar is copied unchanged
  /// and ends a run.
  let attention: ScalarSet
}
