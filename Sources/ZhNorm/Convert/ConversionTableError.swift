/// Why the compiled conversion table could not be read.
///
/// The table is embedded in the binary at build time, so these indicate a broken
/// build (a table from another generator version), never bad user input.
public enum ConversionTableError: Error, Sendable, Equatable {
  /// The table does not start with the `ZHCV` magic number.
  case badMagic
  /// The table was written by a generator version this library does not read.
  case unsupportedVersion(UInt32)
  /// A section or record points outside the table.
  case outOfBounds
}
