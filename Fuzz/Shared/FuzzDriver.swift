/// libFuzzer's entry point for a driver of our own: SwiftPM links an
/// executable's `main`, so each target's `main.swift` hands its test function
/// to `LLVMFuzzerRunDriver` instead of relying on libFuzzer's `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Runs libFuzzer with the process's arguments and `test`; returns its status.
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32 {
  var argc = CommandLine.argc
  var argv = CommandLine.unsafeArgv
  return LLVMFuzzerRunDriver(&argc, &argv, test)
}

/// Fails the fuzz run with `message` (libFuzzer records the input as a crash).
public func fuzzCheck(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
  if !condition() {
    fatalError("property violated: \(message())")
  }
}

/// A deterministic split of `count` bytes into chunks, derived from the data
/// itself so a crash reproduces from its input alone.
public func chunkSizes(for data: UnsafeBufferPointer<UInt8>) -> [Int] {
  var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(data.count)
  for byte in data.prefix(64) { state = (state ^ UInt64(byte)) &* 0x100_0000_01B3 }
  var sizes: [Int] = []
  for _ in 0..<8 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    sizes.append(Int(state >> 59) + 1)  // 1...32 bytes
  }
  return sizes
}
