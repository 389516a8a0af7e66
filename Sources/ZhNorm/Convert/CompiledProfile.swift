/// A profile as compiled by `tables/gen_tables.py`: the *main* stage scans the
/// text (it is OpenCC's segmentation dictionary, each key mapped to the whole
/// conversion chain's result for that key, or the single conversion stage of a
/// profile without segmentation); scalars it does not match form *runs*, which
/// go through `runStages` in order (OpenCC's conversion chain applied to its
/// unmatched segments). `keyScalars` holds every scalar that occurs in any key
/// of any stage: any other scalar can never be part of a match, so a run may be
/// cut there without changing the result — that bounds buffering.
struct CompiledProfile: Sendable {
  let main: ConversionStage
  let runStages: [ConversionStage]
  let keyScalars: ScalarSet
}
