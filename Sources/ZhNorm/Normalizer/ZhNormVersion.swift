/// The version of the zhnorm library and tool.
public let zhnormVersion = "0.1.0"
