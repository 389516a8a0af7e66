#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A growable UTF-8 byte buffer for the conversion hot loop.
///
/// Appending a dictionary value is a short copy into raw memory; `[UInt8]`'s
/// `append(contentsOf:)` costs several times more per call for the 3- to
/// 12-byte values that dominate conversion. Non-copyable, so it frees itself.
struct OutputBuffer: ~Copyable {
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  @inline(__always)
  mutating func reserve(_ extra: Int) {
    if count &+ extra > capacity { grow(count &+ extra) }
  }

  private mutating func grow(_ needed: Int) {
    let newCapacity = max(needed, capacity &* 2)
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count &+= 1
  }

  @inline(__always)
  mutating func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
    reserve(length)
    if length > 16 {  // long stretches: memcpy; short values: a plain loop is faster
      (base + count).update(from: bytes, count: length)
      count &+= length
      return
    }
    var i = 0
    while i < length {
      base[count &+ i] = bytes[i]
      i &+= 1
    }
    count &+= length
  }

  @inline(__always)
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    append(bytes.baseAddress!, count: bytes.count)
  }

  /// Drops the bytes after the first `newCount`.
  @inline(__always)
  mutating func truncate(to newCount: Int) {
    precondition(newCount >= 0 && newCount <= count)
    count = newCount
  }

  /// Whether the bytes from `start` to the end equal `other`.
  func suffix(from start: Int, equals other: UnsafeBufferPointer<UInt8>) -> Bool {
    count - start == other.count && (other.isEmpty || memcmp(base + start, other.baseAddress!, other.count) == 0)
  }

  /// Appends `scalar` encoded as UTF-8.
  @inline(__always)
  mutating func append(scalar: UInt32) {
    reserve(4)
    count &+= UTF8Codec.encode(scalar, to: base + count)
  }

  /// The bytes written so far, valid until the next mutation.
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
