// zhconvert-bench PROFILE [FILE]: converts FILE (or stdin) to stdout with
// ScriptConverter's streaming API, reading 1 MiB at a time — the same I/O
// pattern as OpenCC's CLI, so the two can be timed against each other.
import ZhNorm

#if canImport(Glibc)
  import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 2, let profile = ConversionProfile(rawValue: arguments[1]) else {
  print("usage: zhconvert-bench PROFILE [FILE]")
  exit(2)
}
let input: Int32 = arguments.count >= 3 ? open(arguments[2], O_RDONLY) : 0
guard input >= 0 else {
  print("cannot open \(arguments[2])")
  exit(1)
}

func writeAll(_ bytes: [UInt8]) {
  bytes.withUnsafeBytes { raw in
    var offset = 0
    while offset < raw.count {
      let written = write(1, raw.baseAddress! + offset, raw.count - offset)
      if written <= 0 { exit(1) }
      offset += written
    }
  }
}

var converter = ScriptConverter(profile: profile)
var buffer = [UInt8](repeating: 0, count: 1 << 20)
while true {
  let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
  if count <= 0 { break }
  writeAll(converter.convertUTF8(chunk: buffer[0..<count]))
}
writeAll(converter.finishUTF8())
