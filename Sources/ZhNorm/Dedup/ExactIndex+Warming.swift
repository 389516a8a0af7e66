extension ExactIndex {
  /// ``warm(_:)`` for each block whose fingerprint is known
  /// (``Block/dedupFingerprint``) and that `options` would let dedup remove:
  /// the blocks of a batch whose lookups are about to come. Returns the words
  /// read, folded together, for the caller to keep (see ``warm(_:)``).
  ///
  /// A loop of its own, with no hashing in it: a load waits to retire until
  /// its miss is served, so with other work in between only one or two misses
  /// would be in flight. O(n) in the blocks.
  func warmBuckets(of blocks: UnsafeBufferPointer<Block>, options: DedupOptions) -> UInt64 {
    var word: UInt64 = 0
    for index in blocks.indices {
      // Read through the buffer: a copy of the block would retain its storage.
      guard let fingerprint = blocks[index].dedupFingerprint, options.mayRemove(fingerprint) else { continue }
      word ^= warm(fingerprint.exact)
    }
    return word
  }
}
