// swift-tools-version:6.1
// A stand-alone measurement harness for the script converter (not part of the
// zhnorm package): `bash run.sh` builds it in release mode and times it
// against OpenCC's native CLI on the 100 MB corpora.
import PackageDescription

let package = Package(
  name: "zhconvert-bench",
  dependencies: [.package(name: "zhnorm", path: "../..")],
  targets: [
    .executableTarget(
      name: "zhconvert-bench",
      dependencies: [.product(name: "ZhNorm", package: "zhnorm")])
  ]
)
