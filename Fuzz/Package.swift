// swift-tools-version: 6.0
// libFuzzer targets for rehearse's parsers and renderers. A package of its own, so the main
// package's `swift build` and `swift test` never build them: they only link with
// `-sanitize=fuzzer`, which supplies `main`. Run them with `make fuzz` (see Fuzz/README.md).
import PackageDescription

let package = Package(
    name: "RehearseFuzz",
    dependencies: [.package(name: "Rehearse", path: "..")],
    targets: [
        .executableTarget(name: "FuzzScenarioLoader", dependencies: [.product(name: "RehearseCore", package: "Rehearse")]),
        .executableTarget(name: "FuzzTranscriptReader", dependencies: [.product(name: "RehearseCore", package: "Rehearse")]),
        .executableTarget(name: "FuzzReview", dependencies: [.product(name: "RehearseCore", package: "Rehearse")]),
        .executableTarget(name: "FuzzInputDecoding", dependencies: [.product(name: "LineEditor", package: "Rehearse")]),
    ],
    swiftLanguageModes: [.v6]
)
