// swift-tools-version: 6.0
// libFuzzer targets for rehearse's parsers and renderers. A package of its own, so the main
// package's `swift build` and `swift test` never build them: they only link with
// `-sanitize=fuzzer`. Run them with `make fuzz` (see Fuzz/README.md).
import PackageDescription

let package = Package(
    name: "RehearseFuzz",
    dependencies: [.package(name: "Rehearse", path: "..")],
    targets: [
        // libFuzzer's driver, declared for Swift, and the one helper every target uses.
        .target(name: "CFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzer"]),
        .executableTarget(
            name: "FuzzScenarioLoader",
            dependencies: ["FuzzSupport", .product(name: "RehearseCore", package: "Rehearse")]),
        .executableTarget(
            name: "FuzzTranscriptReader",
            dependencies: ["FuzzSupport", .product(name: "RehearseCore", package: "Rehearse")]),
        .executableTarget(
            name: "FuzzReview", dependencies: ["FuzzSupport", .product(name: "RehearseCore", package: "Rehearse")]),
        .executableTarget(
            name: "FuzzInputDecoding", dependencies: ["FuzzSupport", .product(name: "LineEditor", package: "Rehearse")]),
    ],
    swiftLanguageModes: [.v6]
)
