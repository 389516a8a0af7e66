import CZhNormICU

/// Converts a stream of bytes in some encoding to UTF-8, chunk by chunk.
///
/// A character split between two chunks is kept until the next one, so the
/// output does not depend on how the input is split. Invalid and unmappable
/// byte sequences become U+FFFD; ``errorCount`` counts them and
/// ``takeErrors()`` says where they were.
///
/// ```swift
/// var transcoder = try Transcoder(encoding: "GB18030")
/// var utf8: [UInt8] = []
/// transcoder.convert(chunk, appendingTo: &utf8)
/// transcoder.finish(appendingTo: &utf8)
/// ```
///
/// It wraps an ICU converter (`ucnv`). Copies are independent: a copy that is
/// changed first clones the converter in its current state.
///
/// Complexity: O(n) in the input; memory O(1) beyond the output.
public struct Transcoder {
  /// One invalid or unmappable byte sequence that became U+FFFD.
  public struct ConversionError: Sendable, Hashable {
    /// The offset of its first byte from the start of the input.
    public var byteOffset: Int
    /// Its length in bytes.
    public var length: Int
    /// The 1-based output line it is on (counted by line feeds).
    public var line: Int
  }

  /// Owns the C converter and closes it.
  private final class Handle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { zhn_transcoder_close(pointer) }
  }

  private var handle: Handle
  /// ICU's canonical name of the encoding ("GB18030", "UTF-16LE", …).
  public let name: String
  private var scratch: [UInt8] = []

  /// Opens a converter from `encoding`, any name or alias ICU knows.
  /// - Throws: ``EncodingError/unknownEncoding(_:)``.
  public init(encoding: String) throws(EncodingError) {
    guard !encoding.isEmpty, let pointer = zhn_transcoder_open(encoding) else {
      throw .unknownEncoding(encoding)
    }
    handle = Handle(pointer)
    name = String(cString: zhn_transcoder_name(pointer))
  }

  /// Whether `encoding` names an encoding ICU knows.
  public static func isKnown(_ encoding: String) -> Bool {
    (try? Transcoder(encoding: encoding)) != nil
  }

  /// ICU's canonical name for `encoding`, or `nil` if it is unknown.
  public static func canonicalName(_ encoding: String) -> String? {
    try? Transcoder(encoding: encoding).name
  }

  /// The number of invalid or unmappable sequences met so far.
  public var errorCount: Int { Int(zhn_transcoder_error_count(handle.pointer)) }

  /// Converts the next chunk, appending its UTF-8 to `output`.
  public mutating func convert(_ bytes: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) {
    run(bytes, flush: false, into: &output)
  }

  /// Converts the next chunk, appending its UTF-8 to `output`.
  public mutating func convert(_ bytes: some Collection<UInt8>, appendingTo output: inout [UInt8]) {
    let done: Void? = bytes.withContiguousStorageIfAvailable { convert(UnsafeRawBufferPointer($0), appendingTo: &output) }
    if done == nil { Array(bytes).withUnsafeBytes { convert($0, appendingTo: &output) } }
  }

  /// Ends the input: an incomplete final sequence becomes U+FFFD. The
  /// transcoder is then ready for a new input (offsets and counts go on).
  public mutating func finish(appendingTo output: inout [UInt8]) {
    run(UnsafeRawBufferPointer(start: nil, count: 0), flush: true, into: &output)
  }

  /// Takes the errors met since the last call (at most 64 are kept between
  /// calls; ``errorCount`` counts all).
  public mutating func takeErrors() -> [ConversionError] {
    var events = [zhn_transcoder_event](repeating: zhn_transcoder_event(), count: 64)
    let count = Int(zhn_transcoder_take_events(handle.pointer, &events, 64))
    return events.prefix(count).map { ConversionError(byteOffset: Int($0.offset), length: Int($0.length), line: Int($0.line)) }
  }

  private mutating func makeUnique() {
    if !isKnownUniquelyReferenced(&handle) {
      guard let copy = zhn_transcoder_clone(handle.pointer) else { fatalError("ICU could not clone a converter") }
      handle = Handle(copy)
    }
  }

  private mutating func run(_ bytes: UnsafeRawBufferPointer, flush: Bool, into output: inout [UInt8]) {
    makeUnique()
    let minimum = Int(ZHN_TRANSCODER_MIN_SPACE)
    // UTF-8 output is at most 3 bytes per input byte (one byte, one U+FFFD).
    let capacity = max(minimum, min(bytes.count * 3 + 64, 1 << 22))
    if scratch.count < capacity { scratch = [UInt8](repeating: 0, count: capacity) }
    var offset = 0
    var pending: Int32 = 0
    repeat {
      var consumed: Int32 = 0
      let length = Int32(clamping: bytes.count - offset)
      let written = scratch.withUnsafeMutableBufferPointer { out in
        zhn_transcoder_convert(
          handle.pointer, bytes.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) + offset }, length,
          flush ? 1 : 0, out.baseAddress, Int32(out.count), &consumed, &pending)
      }
      precondition(written >= 0, "ICU conversion failed")
      output.append(contentsOf: scratch[..<Int(written)])
      offset += Int(consumed)
    } while offset < bytes.count || pending != 0
  }
}
