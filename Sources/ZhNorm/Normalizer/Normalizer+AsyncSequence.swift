extension Normalizer {
  /// Normalizes one document arriving as an asynchronous sequence of byte
  /// chunks (a file read in pieces, a network body), yielding normalized text
  /// as soon as it is final.
  ///
  /// ```swift
  /// for try await text in Normalizer().normalized(fileHandle.bytesInChunks) {
  ///   print(text, terminator: "")
  /// }
  /// ```
  ///
  /// Each element is a run of whole lines. Memory stays bounded as with
  /// ``makeStream()``.
  public func normalized<Chunks: AsyncSequence>(_ chunks: Chunks) -> NormalizedText<Chunks>
  where Chunks.Element: Collection<UInt8> {
    NormalizedText(base: chunks, normalizer: self)
  }
}

/// The normalized text of a document read from an `AsyncSequence` of byte
/// chunks; see ``Normalizer/normalized(_:)``.
public struct NormalizedText<Base: AsyncSequence>: AsyncSequence where Base.Element: Collection<UInt8> {
  /// Runs of whole, normalized lines.
  public typealias Element = String

  let base: Base
  let normalizer: Normalizer

  /// Makes an iterator that reads `base` from its start.
  public func makeAsyncIterator() -> Iterator {
    Iterator(base: base.makeAsyncIterator(), stream: normalizer.makeStream())
  }

  /// Iterates over the normalized text.
  public struct Iterator: AsyncIteratorProtocol {
    var base: Base.AsyncIterator
    var stream: NormalizationStream
    var finished = false

    /// The next run of normalized lines, or `nil` at the end of the document.
    public mutating func next() async throws -> String? {
      while !finished {
        if let chunk = try await base.next() {
          let bytes = stream.push(chunk)
          if !bytes.isEmpty { return String(decoding: bytes, as: UTF8.self) }
        } else {
          finished = true
          let bytes = stream.finishDocument()
          if !bytes.isEmpty { return String(decoding: bytes, as: UTF8.self) }
        }
      }
      return nil
    }
  }
}
