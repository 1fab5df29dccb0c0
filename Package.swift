// swift-tools-version: 6.0
import PackageDescription

/// How release builds on Linux are linked, each for memory a session would otherwise touch
/// (Benchmarks/README.md has the figures):
/// - lld with packed relative relocations (DT_RELR, glibc 2.36+): the relocation table shrinks
///   from about 1 MB, read at every start, to 9 KB, and the program stays position-independent;
/// - no dynamic symbol table for our own symbols (--static-swift-stdlib asks for one; nothing
///   looks them up);
/// - libstdc++ linked statically, through the linker script in Sources/rehearse/ReleaseLinking.
let releaseLinkerFlags = [
    "-use-ld=lld",
    "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
    "-Xlinker", "--no-export-dynamic",
    "-L", Context.packageDirectory + "/Sources/rehearse/ReleaseLinking",
]

let package = Package(
    name: "Rehearse",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rehearse", targets: ["rehearse"]),
        .library(name: "RehearseCore", targets: ["RehearseCore"]),
        // For the fuzz targets in Fuzz/ (a package of their own).
        .library(name: "LineEditor", targets: ["LineEditor"]),
    ],
    dependencies: [
        // Command-line parsing, help text and shell completion scripts.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // The system libedit, reached through a shim header (its variadic calls are wrapped).
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // The system libyaml. Scenario files are read from its event stream: every node keeps its
        // line and column, and aliases are counted before anything is expanded (billion laughs).
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Columns text takes in a terminal (marks, wide characters, emoji): shared by the line editor and the core.
        .target(name: "TerminalText"),
        // The system libstemmer (Snowball). The review matches talking points on English word
        // stems, so "escalated", "escalating" and "escalation" all match "escalate".
        .systemLibrary(
            name: "CLibStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        // A small Swift line editor on libedit: history, completion, keystroke timing, notices.
        .target(name: "LineEditor", dependencies: ["CLibEdit", "TerminalText"]),
        // The interview core: scenarios, the session engine, timing, transcripts. No terminal I/O.
        .target(name: "RehearseCore", dependencies: ["CLibYAML", "CLibStemmer", "TerminalText"]),
        // The commands: a thin layer joining the core to the line editor, as a library so tests
        // can run them without spawning a process.
        .target(
            name: "RehearseCommands",
            dependencies: [
                "RehearseCore",
                "LineEditor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The executable: one line that runs the commands.
        .executableTarget(
            name: "rehearse",
            dependencies: ["RehearseCommands"],
            exclude: ["ReleaseLinking"],
            linkerSettings: [.unsafeFlags(releaseLinkerFlags, .when(platforms: [.linux], configuration: .release))]
        ),
        // A tiny program that reads lines through LineEditor and prints what it saw, for PTY tests.
        .executableTarget(
            name: "line-editor-harness",
            dependencies: ["LineEditor"],
            path: "Tests/LineEditorHarness"
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "RehearseCoreTests", dependencies: ["RehearseCore", "TestSupport"]),
        .testTarget(name: "RehearseCommandsTests", dependencies: ["RehearseCommands", "TestSupport"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TestSupport", "RehearseCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
