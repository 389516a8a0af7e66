import Foundation

/// Real bytes in legacy encodings, made by the system's `iconv`.
enum Iconv {
  /// `text` converted from UTF-8 to `encoding` by `iconv -f UTF-8 -t ENCODING`.
  static func encode(_ text: String, to encoding: String) throws -> [UInt8] {
    try convert(Array(text.utf8), from: "UTF-8", to: encoding)
  }

  /// `bytes` converted by `iconv -f FROM -t TO` (fails on unmappable input).
  static func convert(_ bytes: [UInt8], from: String, to: String) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    process.arguments = ["-f", from, "-t", to]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let writer = input.fileHandleForWriting
    let data = Data(bytes)
    Thread.detachNewThread {
      try? writer.write(contentsOf: data)
      try? writer.close()
    }
    let result = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw IconvError(from: from, to: to) }
    return [UInt8](result)
  }

  struct IconvError: Error {
    var from: String
    var to: String
  }
}
