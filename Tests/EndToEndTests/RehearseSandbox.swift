// A sandbox for end-to-end runs of the built `rehearse`: its own home, data and config folders.

import Foundation
import RehearseCore
import TestSupport
import Testing

/// A fresh home, data folder and config folder for one run of the built `rehearse`.
struct RehearseSandbox {
    let root: String
    var dataFolder: String { root + "/data" }
    var environment: [String: String]

    /// `colour: true` leaves NO_COLOR unset, so styling shows where stdout is a terminal.
    init(colour: Bool = false) throws {
        root = NSTemporaryDirectory() + "rehearse-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/home", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/data/transcripts", withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = root + "/home"
        environment["REHEARSE_HOME"] = root + "/data"
        environment["XDG_CONFIG_HOME"] = root + "/config"
        environment["TERM"] = "xterm"
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment["USER"] = "tester"
        environment["COLUMNS"] = "80"
        environment.removeValue(forKey: "NO_COLOR")
        if !colour { environment["NO_COLOR"] = "1" }
        environment.removeValue(forKey: "EDITRC")
        self.environment = environment
    }

    static func binary() throws -> String {
        try #require(BuiltProduct.path(named: "rehearse"), "rehearse not built next to the tests")
    }

    func start(_ arguments: [String], columns: Int = 100) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: try Self.binary(), arguments: arguments, environment: environment, columns: columns, rows: 40)
    }

    func run(_ arguments: [String], stdin: String = "") throws -> (status: Int32, stdout: String, stderr: String) {
        let result = runProcess(
            executable: try Self.binary(), arguments: arguments, environment: environment, stdin: stdin)
        return (result.status, result.stdout, result.stderr)
    }

    func transcripts() -> [Transcript] {
        let folder = dataFolder + "/transcripts"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".jsonl")
        }.sorted()
        return names.compactMap { try? Transcript.read(path: folder + "/" + $0) }
    }

    /// A short scenario with a 10-second limit, for the notice test.
    func writeQuickScenario() throws -> String {
        let path = root + "/quick.yaml"
        try """
        version: 1
        id: quick-test
        title: Quick test
        role: testing
        role_title: Tester
        kind: first
        company: Acme
        time_limit: 10
        interviewers:
          - id: kim
            name: Kim Park
            title: Lead
            style: direct
        stages:
          - interviewer: kim
            questions:
              - id: one
                text: First question?
              - id: two
                text: Second question?
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
