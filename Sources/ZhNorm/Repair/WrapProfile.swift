/// The document's line-length profile: is it hard-wrapped (PDF style, every
/// line of a paragraph cut near the same width)?
///
/// Samples are the display widths of lines directly followed by another line
/// (no blank between): in hard-wrapped text most of them sit just under the
/// wrap width. Fixed memory: the last `capacity` samples.
struct WrapProfile {
  static let capacity = 12
  static let minimumSamples = 3
  /// The widest wrap width believed, in display columns (100 CJK characters).
  static let maximumWidth = 200

  /// What the profile says of hard-wrapped text: the wrap width, how far
  /// under it a line still counts as full, and how many of the samples
  /// (`of`) were that near it.
  typealias Wrap = (width: Int, tolerance: Int, near: Int, of: Int)

  private var samples: [Int] = []
  private var next = 0
  /// What the first lines of the document, read ahead, said (see
  /// ``seed(_:)``): the answer until the profile has samples of its own.
  private var seeded: Wrap?

  mutating func add(_ width: Int) {
    if samples.count < Self.capacity {
      samples.append(width)
    } else {
      samples[next] = width
      next = (next + 1) % Self.capacity
    }
    isCurrent = false
  }

  /// Forgets the sample added last (the repair step's join made two lines
  /// one). O(``capacity``), in place.
  mutating func removeLast() {
    guard !samples.isEmpty else { return }
    if samples.count < Self.capacity {
      samples.removeLast()
    } else {
      // A full ring: the newest sample is just before `next`. Without it the
      // ring is one short and fills by appending again, so the samples must
      // be in order, oldest first: rotate the older run (from the removed
      // slot on) to the front.
      let newest = (next + Self.capacity - 1) % Self.capacity
      samples.remove(at: newest)
      samples[..<newest].reverse()
      samples[newest...].reverse()
      samples.reverse()
      next = 0
    }
    isCurrent = false
  }

  mutating func reset() {
    samples.removeAll(keepingCapacity: true)
    next = 0
    cached = nil
    seeded = nil
    isCurrent = true
  }

  /// Seeds the profile with what the lines read ahead say
  /// (``seedWrap(of:widestLine:)``): until the profile has
  /// ``minimumSamples`` samples of its own, or ``unseed()`` is called, its
  /// answer is `wrap`. Without it, the first paragraph of every hard-wrapped
  /// document was left unjoined (the profile knew nothing yet). O(1).
  mutating func seed(_ wrap: Wrap?) {
    seeded = wrap
    isCurrent = false
  }

  /// What lines read ahead say: the wrap of the widths of those directly
  /// followed by another line, `lookahead`. O(n) in the widths.
  ///
  /// Only when no line read ahead is wider than that wrap width (`widestLine`,
  /// the widest of all text lines read ahead): hard-wrapped text has none,
  /// and text a first run re-flowed has many — without this check a second
  /// run, whose window reaches further (the joined lines are fewer), could
  /// take a list of short lines further on for the wrap of the whole
  /// beginning and join a heading there.
  static func seedWrap(of lookahead: [Int], widestLine: Int) -> Wrap? {
    wrap(of: lookahead).flatMap { wrap in widestLine <= wrap.width + wrap.tolerance ? wrap : nil }
  }

  /// Forgets the seed: it speaks for the lines read ahead, not for the
  /// rest of the document.
  mutating func unseed() {
    seeded = nil
    isCurrent = false
  }

  private var cached: Wrap?
  private var isCurrent = true

  /// The wrap width and tolerance when the profile says hard wrap, else nil
  /// (computed when asked after a sample was added).
  var wrap: Wrap? {
    mutating get {
      if !isCurrent {
        cached = samples.count < Self.minimumSamples ? seeded : Self.wrap(of: samples)
        isCurrent = true
      }
      return cached
    }
  }

  private static func wrap(of samples: [Int]) -> Wrap? {
    // Wider than `maximumWidth` is no page or column layout (and a width that
    // wide, met by chance, lets each run join one more line: the joined line
    // becomes the next "wrap width").
    guard samples.count >= minimumSamples, let width = samples.max(), width >= 20, width <= maximumWidth
    else { return nil }
    let tolerance = max(4, width / 14)
    var near = 0
    for sample in samples where sample >= width - tolerance { near += 1 }
    guard near >= minimumSamples, near * 10 >= samples.count * 6 else { return nil }
    return (width, tolerance, near, samples.count)
  }

  /// Display width from UTF-8 lead bytes: 3- and 4-byte scalars count 2 (CJK), others 1.
  /// Branch-free, so the compiler vectorizes it.
  static func width(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
    var total = 0
    var start = 0
    // Sum in UInt16 lanes over slices short enough not to overflow.
    while start < utf8.count {
      let end = min(utf8.count, start + 16_000)
      var partial: UInt16 = 0
      for i in start..<end {
        let b = utf8[i]
        partial &+= UInt16(truncatingIfNeeded: (b & 0xC0 != 0x80 ? 1 : 0) as UInt8)
        partial &+= UInt16(truncatingIfNeeded: (b >= 0xE0 ? 1 : 0) as UInt8)
      }
      total += Int(partial)
      start = end
    }
    return total
  }
}
