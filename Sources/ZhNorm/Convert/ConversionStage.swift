/// One step of a conversion: up to four dictionaries tried in order; the first
/// that matches at a position wins, and within it the longest key wins (OpenCC's
/// `short_circuit` group). Most stages compile to a single dictionary; the
/// generator splits a group only where merging would change OpenCC's result.
struct ConversionStage: Sendable {
  let tries: [PrefixTrie]
  /// Longest key of any member, in scalars.
  let maxKeyLength: Int

  init(tries: [PrefixTrie]) {
    self.tries = tries
    maxKeyLength = tries.map(\.maxKeyLength).max() ?? 0
  }
}
