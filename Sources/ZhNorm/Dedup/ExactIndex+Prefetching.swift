extension ExactIndex {
  /// ``prefetch(_:)`` for each block whose fingerprint is known
  /// (``Block/dedupFingerprint``) and that `options` would let dedup remove:
  /// the blocks of a batch whose lookups are about to come. O(n) in the blocks.
  func prefetchBuckets(of blocks: UnsafeBufferPointer<Block>, options: DedupOptions) {
    for index in blocks.indices {
      // Read through the buffer: a copy of the block would retain its storage.
      guard let fingerprint = blocks[index].dedupFingerprint, options.mayRemove(fingerprint) else { continue }
      prefetch(fingerprint.exact)
    }
  }
}
