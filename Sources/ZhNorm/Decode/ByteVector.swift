#if arch(x86_64)
import _Builtin_intrinsics.intel

/// Sixteen bytes in an SSE2 register, with the few byte-wise tests the hot
/// loops need (SSE2 is always present on x86-64).
///
/// Swift's own `SIMD16<UInt8>` comparisons were measured to compile to a loop
/// per lane on this toolchain, slower than checking byte by byte, hence the
/// intrinsics. Other architectures have no vector path: the callers fall
/// back to their byte-by-byte loops, which give the same answers.
struct ByteVector {
  /// The sixteen bytes.
  let value: __m128i

  /// Loads the sixteen bytes at `bytes` (no alignment needed).
  @inline(__always)
  init(_ bytes: UnsafeRawPointer) {
    value = _mm_loadu_si128(bytes.assumingMemoryBound(to: __m128i.self))
  }

  @inline(__always)
  private init(value: __m128i) { self.value = value }

  /// A lane mask: all ones in the lanes whose byte `b` has `lo <= b <= hi`.
  /// (Unsigned comparison from SSE2's signed one: `b + (0x80 - lo)`, wrapping,
  /// is below `hi - lo + 1 - 0x80` as a signed byte.)
  @inline(__always)
  func within(_ lo: Int, _ hi: Int) -> ByteVector {
    let shifted = _mm_add_epi8(value, _mm_set1_epi8(CChar(truncatingIfNeeded: 0x80 - lo)))
    return ByteVector(value: _mm_cmplt_epi8(shifted, _mm_set1_epi8(CChar(truncatingIfNeeded: hi - lo + 1 - 0x80))))
  }

  /// A lane mask of the bytes equal to `byte`.
  @inline(__always)
  func equal(_ byte: Int) -> ByteVector {
    ByteVector(value: _mm_cmpeq_epi8(value, _mm_set1_epi8(CChar(truncatingIfNeeded: byte))))
  }

  /// Lane-wise or, and, and-not.
  @inline(__always)
  static func | (a: ByteVector, b: ByteVector) -> ByteVector { ByteVector(value: _mm_or_si128(a.value, b.value)) }
  @inline(__always)
  static func & (a: ByteVector, b: ByteVector) -> ByteVector { ByteVector(value: _mm_and_si128(a.value, b.value)) }
  /// The lanes of `self` that are not set in `excluded`.
  @inline(__always)
  func removing(_ excluded: ByteVector) -> ByteVector { ByteVector(value: _mm_andnot_si128(excluded.value, value)) }

  /// The top bit of each byte, lane 0 in bit 0.
  @inline(__always)
  var mask: UInt32 { UInt32(truncatingIfNeeded: _mm_movemask_epi8(value)) }
}
#endif
