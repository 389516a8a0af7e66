import CZhNormICU

/// A strict codec between UTF-8 and one legacy encoding (ICU, no
/// substitution, no fallback mappings): used to check and undo mojibake.
///
/// A class because it owns an ICU converter (closed on deinit); it keeps
/// converter state between calls, so one instance must not be used from two
/// threads at once.
final class StrictCodec {
  private let pointer: OpaquePointer
  private var buffer = [UInt8](repeating: 0, count: 4096)

  /// Opens the codec for `encoding`; `nil` if ICU does not know it.
  init?(encoding: String) {
    guard let pointer = zhn_codec_open(encoding) else { return nil }
    self.pointer = pointer
  }

  deinit { zhn_codec_close(pointer) }

  /// `utf8` (valid UTF-8) in the encoding, or `nil` if a character has no mapping.
  func encode(_ utf8: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    run(utf8) { zhn_codec_encode(pointer, $0.baseAddress, Int32($0.count), $1, $2) }
  }

  /// `bytes` decoded from the encoding to UTF-8, or `nil` if they are invalid.
  func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    run(bytes) { zhn_codec_decode(pointer, $0.baseAddress, Int32($0.count), $1, $2) }
  }

  private func run(
    _ input: UnsafeBufferPointer<UInt8>,
    _ call: (UnsafeBufferPointer<UInt8>, UnsafeMutablePointer<UInt8>?, Int32) -> Int32
  ) -> [UInt8]? {
    while true {
      let length = buffer.withUnsafeMutableBufferPointer { call(input, $0.baseAddress, Int32($0.count)) }
      if length < 0 { return nil }
      if Int(length) <= buffer.count { return Array(buffer[..<Int(length)]) }
      buffer = [UInt8](repeating: 0, count: Int(length))
    }
  }
}
