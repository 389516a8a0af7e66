// swift-tools-version:6.1
//
// libFuzzer targets for zhnorm. A package of its own, so that the main
// package builds without the fuzzer runtime. Build and run with `Fuzz/run`.
import PackageDescription

let fuzzTargets = ["FuzzPipeline", "FuzzDecoder", "FuzzConvert", "FuzzRepair", "FuzzDedup", "FuzzInput"]

let package = Package(
  name: "ZhNormFuzz",
  dependencies: [
    .package(name: "zhnorm", path: ".."),
  ],
  targets: [
    .target(
      name: "FuzzSupport",
      dependencies: [.product(name: "ZhNorm", package: "zhnorm")],
      path: "Shared"
    ),
  ] + fuzzTargets.map { name in
    .executableTarget(
      name: name,
      dependencies: ["FuzzSupport", .product(name: "ZhNorm", package: "zhnorm")],
      path: "Targets/\(name)"
    )
  }
)
