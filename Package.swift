// swift-tools-version:6.1
//
// zhnorm — a streaming normalizer for Chinese text.
//
// Targets, from the bottom up:
//   CZhNormICU   a tiny C shim over the system ICU (Debian libicu-dev), opened with dlopen
//                on first use. Its public header uses only stdint types, so no ICU type
//                ever reaches Swift (see the field notes: ICU's headers clash with
//                Foundation's private ICU).
//   CSQLite      the system SQLite (Debian libsqlite3-dev), for dedup's fingerprint database.
//   ZhNorm       the library: decoding, the block pipeline and every stage.
//   zhnorm       the command-line filter, a thin layer over ZhNorm.
import PackageDescription

let package = Package(
  name: "zhnorm",
  products: [
    .library(name: "ZhNorm", targets: ["ZhNorm"]),
    .executable(name: "zhnorm", targets: ["zhnorm"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],
  targets: [
    // Not linked against ICU: ICULibrary.c opens it on first use (start-up time).
    .target(name: "CZhNormICU", linkerSettings: [.linkedLibrary("dl")]),
    // The compiled OpenCC tables (tables/zhconvert.bin), embedded with #embed.
    .target(name: "CZhNormTables"),
    // The system SQLite (Debian libsqlite3-dev), for --dedup-db.
    .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
    // A header-only software prefetch (Swift has no intrinsic), for the dedup indexes.
    .systemLibrary(name: "CZhNormPrefetch", path: "Sources/CZhNormPrefetch"),
    .target(
      name: "ZhNorm",
      dependencies: ["CZhNormICU", "CZhNormTables", "CSQLite", "CZhNormPrefetch"]
    ),
    .executableTarget(
      name: "zhnorm",
      dependencies: [
        "ZhNorm",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "ZhNormUnitTests",
      dependencies: ["ZhNorm"],
      exclude: ["Convert/Fixtures", "Regression/Inputs"]  // read via #filePath
    ),
    .testTarget(
      name: "ZhNormEndToEndTests",
      dependencies: ["zhnorm"],
      exclude: ["Golden"]
    ),
    // The README's library example, compiled and run (the README's shell examples run in
    // ZhNormEndToEndTests/ReadmeExamplesTests).
    .testTarget(
      name: "ZhNormExamplesTests",
      dependencies: ["ZhNorm"]
    ),
  ]
)
