#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The input files of a run: the command's arguments, with directories walked
/// when `--recursive` is on.
///
/// A directory is walked depth first, entries in byte order of their names;
/// regular files are taken (also through a symbolic link), directories are
/// descended into (not through a symbolic link, so there are no cycles), and
/// names starting with `.` (hidden files, `.git`, zhnorm's own temporary
/// files) are skipped, as are FIFOs, sockets and devices.
struct InputList {
  /// The files to process, in order.
  private(set) var paths: [String] = []
  /// For each path, its name under `--output-dir`: the base name of a file
  /// given as an argument, the path below the directory for a walked file.
  private(set) var relativeNames: [String] = []
  /// Messages for directories that could not be read.
  private(set) var failures: [String] = []

  init(arguments: [String], recursive: Bool) {
    for argument in arguments {
      if recursive && argument != "-" && isDirectory(argument, followingLinks: true) {
        walk(argument, relative: "")
      } else {
        paths.append(argument)
        relativeNames.append(baseName(argument))
      }
    }
  }

  /// The output path of each input under `directory`. Refuses two inputs
  /// with the same destination, and a destination that is an input.
  func destinations(in directory: String) throws(DestinationError) -> [String] {
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    var seen: [String: String] = [:]
    let inputs = Set(paths.compactMap { FileIdentity(path: $0) })
    var result: [String] = []
    for (path, name) in zip(paths, relativeNames) {
      let destination = prefix + name
      if let other = seen[destination] { throw DestinationError(message: "--output-dir: \(other) and \(path) would both be written to \(destination)") }
      seen[destination] = path
      if let identity = FileIdentity(path: destination), inputs.contains(identity) {
        throw DestinationError(message: "--output-dir: \(destination) is an input file; use --in-place to edit files in place")
      }
      result.append(destination)
    }
    return result
  }

  /// A refused `--output-dir` layout.
  struct DestinationError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  private mutating func walk(_ directory: String, relative: String) {
    guard let handle = opendir(directory) else {
      failures.append(SystemError("open", path: directory).description)
      return
    }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if !name.hasPrefix(".") { names.append(name) }
    }
    closedir(handle)
    names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    let base = directory.hasSuffix("/") ? directory : directory + "/"
    for name in names {
      let path = base + name
      let relativeName = relative.isEmpty ? name : relative + "/" + name
      if isDirectory(path, followingLinks: false) {
        walk(path, relative: relativeName)
      } else if FileIdentity(path: path) != nil {
        paths.append(path)
        relativeNames.append(relativeName)
      }
    }
  }
}

private func isDirectory(_ path: String, followingLinks: Bool) -> Bool {
  var info = stat()
  let result = followingLinks ? stat(path, &info) : lstat(path, &info)
  return result == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}

private func baseName(_ path: String) -> String {
  var trimmed = Substring(path)
  while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
  return trimmed.split(separator: "/").last.map(String.init) ?? String(trimmed)
}
