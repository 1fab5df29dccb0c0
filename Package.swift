// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Rehearse",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rehearse", targets: ["rehearse"]),
        .library(name: "RehearseCore", targets: ["RehearseCore"]),
    ],
    dependencies: [
        // Command-line parsing, help text and shell completion scripts.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // YAML with line/column marks, for scenario files and their error messages.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The system libedit, reached through a shim header (its variadic calls are wrapped).
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // A small Swift line editor on libedit: history, completion, keystroke timing, notices.
        .target(name: "LineEditor", dependencies: ["CLibEdit"]),
        // The interview core: scenarios, the session engine, timing, transcripts. No terminal I/O.
        .target(name: "RehearseCore", dependencies: ["Yams"]),
        // The command-line tool: a thin layer joining the core to the line editor.
        .executableTarget(
            name: "rehearse",
            dependencies: [
                "RehearseCore",
                "LineEditor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A tiny program that reads lines through LineEditor and prints what it saw, for PTY tests.
        .executableTarget(
            name: "line-editor-harness",
            dependencies: ["LineEditor"],
            path: "Tests/LineEditorHarness"
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "RehearseCoreTests", dependencies: ["RehearseCore", "TestSupport"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TestSupport", "RehearseCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
