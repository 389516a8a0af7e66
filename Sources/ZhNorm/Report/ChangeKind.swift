/// A kind of change a step makes, such as "control-character" or "duplicate".
///
/// Kinds are open-ended strings so that every stage can declare its own, in an
/// extension next to the stage (see `ChangeKind+Unicode.swift`). They appear as
/// keys in reports.
public struct ChangeKind: RawRepresentable, Hashable, Sendable, Comparable,
  ExpressibleByStringLiteral, CustomStringConvertible
{
  /// The identifier, in lower-case words joined by hyphens.
  public var rawValue: String

  /// Creates a kind from its identifier.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Creates a kind from a string literal.
  public init(stringLiteral value: String) { self.rawValue = value }

  /// The identifier, as in reports.
  public var description: String { rawValue }

  /// Orders kinds by identifier (reports list them in this order).
  public static func < (lhs: ChangeKind, rhs: ChangeKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
