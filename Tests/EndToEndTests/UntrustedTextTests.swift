// End-to-end: every string rehearse prints that it did not write (answers, names, scenario text,
// transcript header fields, scenario file names, command-line arguments) reaches stdout and stderr
// inert: no raw ESC, BEL, C1 or bidirectional control, through pipes.

import Foundation
import RehearseCore
import TestSupport
import Testing

/// An OSC 52 clipboard write followed by a right-to-left override.
private let hostileArgument = "\u{1B}]52;c;aGk=\u{07}\u{202E}x"
private let hostileShown = "^[]52;c;aGk=^G\\u{202e}x"
/// Every bidirectional embedding, override and isolate, inside ordinary words.
private let bidiAnswer =
    "I fixed \u{202E}it\u{202C} for the \u{202A}customer\u{202C}, \u{202B}a\u{202C} \u{202D}b\u{202C} \u{2066}c\u{2069} \u{2067}d\u{2069} \u{2068}e\u{2069} in 2 days."

/// Raw ESC, BEL, other C0 controls (but newline, tab and carriage return), DEL, C1 and bidi controls.
private func rawControls(in text: String) -> [String] {
    text.unicodeScalars.filter { scalar in
        let value = scalar.value
        return (value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r") || (0x7F...0x9F).contains(value)
            || TerminalSafeText.isBidirectionalControl(scalar)
    }.map { String(format: "U+%04X", $0.value) }
}

private func expectInert(
    _ result: (status: Int32, stdout: String, stderr: String), _ arguments: [String],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        rawControls(in: result.stdout).isEmpty, "\(arguments) stdout: \(rawControls(in: result.stdout))",
        sourceLocation: sourceLocation)
    #expect(
        rawControls(in: result.stderr).isEmpty, "\(arguments) stderr: \(rawControls(in: result.stderr))",
        sourceLocation: sourceLocation)
    #expect(!result.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
}

@Suite(.serialized) struct UntrustedTextTests {
    @Test func bidiControlsAreInertInEveryOutputAndExactInTheTranscript() throws {
        let sandbox = try ReplaySandbox(noColor: true)
        let path = try sandbox.write(
            transcriptLines(
                session: "b1d10000", answer: bidiAnswer, question: "Why \u{202E}us\u{202C}?",
                speakerName: "Ana \u{2066}Lopez\u{2069}"), session: "b1d10000")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        var runs: [[String]] = [
            ["replay", "last", "--instant"], ["replay", "b1d", "--instant", "--step"], ["transcripts"],
            ["transcripts", "--format", "json"],
        ]
        runs += ["text", "markdown", "json", "html"].map { ["review", "last", "--format", $0] }
        runs += ["markdown", "html", "asciicast"].map { ["replay", "last", "--export", $0] }
        for arguments in runs {
            let result = try sandbox.run(arguments, stdin: "\n\n\n\n")
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            expectInert(result, arguments)
        }
        let text = try sandbox.run(["review", "last"])
        #expect(text.stdout.contains("\\u{202e}it\\u{202c}"))
        let replay = try sandbox.run(["replay", "last", "--instant"])
        #expect(replay.stdout.contains("Ana \\u{2066}Lopez\\u{2069}"))
        // JSON keeps the exact text, escaped: it decodes back to the override.
        let json = try sandbox.run(["review", "last", "--format", "json"])
        #expect(json.stdout.contains("\\u202e"))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8))
        #expect(String(describing: decoded).contains("\u{202E}it\u{202C}"))
        for format in ["markdown", "html", "asciicast"] {
            let file = sandbox.root + "/export.\(format)"
            #expect(try sandbox.run(["replay", "last", "--export", format, "-o", file]).status == 0)
            #expect(rawControls(in: try String(contentsOfFile: file, encoding: .utf8)).isEmpty, "\(format)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "reading never changes the transcript")
        #expect(try Transcript.read(path: path).answers.first?.text == bidiAnswer)
    }

    @Test func aPracticeSessionShowsScenarioTextInertAndSavesTheAnswerExactly() throws {
        let sandbox = try RehearseSandbox()
        let scenario = sandbox.root + "/bidi.yaml"
        try """
        version: 1
        id: bidi-test
        title: "Bidi \\u202Etest\\u202C"
        role: testing
        role_title: Tester
        kind: first
        company: "Acme \\u2067Corp\\u2069"
        time_limit: 60
        interviewers:
          - id: kim
            name: "\\u202EKim Park"
            title: Lead
            style: direct
        stages:
          - interviewer: kim
            say:
              - "Welcome \\u202Dto\\u202C {company}."
            questions:
              - id: one
                text: "What \\u2066went\\u2069 well?"
        """.write(toFile: scenario, atomically: true, encoding: .utf8)
        let arguments = [
            "practice", "--scenario", scenario, "--seed", "1", "--candidate", hostileArgument, "--company",
            hostileArgument,
        ]
        let result = try sandbox.run(arguments, stdin: bidiAnswer + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        expectInert(result, arguments)
        #expect(result.stdout.contains("What \\u{2066}went\\u{2069} well?"))
        #expect(result.stdout.contains("[1/1 \\u{202e}Kim] › "), "the prompt names the interviewer inert")
        let transcript = try #require(sandbox.transcripts().first)
        #expect(transcript.answers.first?.text == bidiAnswer)
        #expect(transcript.header.candidate == hostileArgument)
        for arguments in [
            ["scenarios", "show", scenario], ["scenarios", "lint", scenario],
            ["scenarios", "lint", "--format", "json", scenario],
        ] {
            expectInert(try sandbox.run(arguments), arguments)
        }
    }

    /// The format alone (the header still decodes), and the format with other damage (the header is mended).
    @Test(arguments: [false, true])
    func aHostileTranscriptHeaderFieldIsShownInert(withOtherDamage: Bool) throws {
        let sandbox = try ReplaySandbox(noColor: true)
        var lines = transcriptLines(session: "4ead0000", answer: "For example I helped a customer.")
        lines[0]["format"] = "\u{1B}]52;c;aGk=\u{07}"
        if withOtherDamage {
            lines[0]["version"] = "\u{1B}[2J1"
            lines[0]["company"] = "Acme \u{1B}]0;owned\u{07}\u{202E}"
        }
        try sandbox.write(lines, session: "4ead0000")
        var runs: [[String]] = [
            ["replay", "last", "--instant"], ["transcripts"], ["transcripts", "--format", "json"],
        ]
        runs += ["text", "markdown", "json", "html"].map { ["review", "last", "--format", $0] }
        runs += ["markdown", "html", "asciicast"].map { ["replay", "last", "--export", $0] }
        for arguments in runs {
            let result = try sandbox.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            expectInert(result, arguments)
            if arguments.first != "transcripts" {
                #expect(result.stderr.contains("format is '^[]52;c;aGk=^G'"), "\(arguments): \(result.stderr)")
                #expect(
                    result.stdout.contains("I helped a customer") || arguments.contains("asciicast"), "\(arguments)")
            }
        }
    }

    @Test func aHostileScenarioFileNameIsShownInert() throws {
        let sandbox = try RehearseSandbox()
        let folder = sandbox.root + "/config/rehearse/scenarios"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let valid = try String(contentsOfFile: try sandbox.writeQuickScenario(), encoding: .utf8)
        let good = folder + "/good\u{1B}]0;x\u{07}\u{2066}.yaml"
        let bad = folder + "/bad\u{1B}]52;c;aGk=\u{07}\u{202E}.yaml"
        try valid.replacingOccurrences(of: "id: quick-test", with: "id: named-badly").write(
            toFile: good, atomically: true, encoding: .utf8)
        try (valid + "\nbogus: [\n").write(toFile: bad, atomically: true, encoding: .utf8)
        let runs: [[String]] = [
            ["scenarios", "list"], ["scenarios", "lint"], ["scenarios", "lint", "--format", "json"],
            ["scenarios", "lint", bad],
            ["scenarios", "show", "named-badly"], ["practice", "--scenario", bad],
            ["practice", "--scenario", "named-badly", "--seed", "1"],
            ["roles"],
        ]
        for arguments in runs {
            let result = try sandbox.run(arguments, stdin: "An answer.\n/quit\n")
            expectInert(result, arguments)
            let all = result.stdout + result.stderr
            if arguments.contains("show") {
                #expect(all.contains("good^[]0;x^G\\u{2066}.yaml"), "\(arguments): \(all)")
            }
            if arguments.contains("lint") || arguments.contains(bad) || arguments == ["scenarios", "list"] {
                #expect(
                    all.contains("bad^[]52;c;aGk=^G\\u{202e}.yaml")
                        || all.contains("bad\\u001b]52;c;aGk=\\u0007\\u202e.yaml"), "\(arguments): \(all)")
            }
        }
    }

    @Test(arguments: [
        ["review", hostileArgument], ["replay", hostileArgument], ["practice", "--role", hostileArgument],
        ["practice", "--scenario", hostileArgument], ["practice", "--kind", hostileArgument],
        ["scenarios", "show", hostileArgument],
        ["scenarios", "list", "--role", hostileArgument], ["review", "--format", hostileArgument],
        ["transcripts", "--kind", hostileArgument],
        ["replay", "--export", hostileArgument], ["scenarios", "lint", "/no/such/" + hostileArgument],
        ["review", "--job", hostileArgument],
        [hostileArgument], ["scenarios", "new", "--role", hostileArgument, "--kind", "first"],
    ])
    func argumentsEchoedInErrorsAreShownInert(_ arguments: [String]) throws {
        let sandbox = try ReplaySandbox(noColor: true)
        try sandbox.write(transcriptLines(session: "a4900000", answer: "One."), session: "a4900000")
        let result = try sandbox.run(arguments)
        #expect(result.status != 0, "\(arguments)")
        expectInert(result, arguments)
        #expect(
            (result.stdout + result.stderr).contains(hostileShown), "\(arguments): \(result.stdout) \(result.stderr)")
    }

    @Test func theShellShowsWhatWasTypedInert() throws {
        let sandbox = try ReplaySandbox(noColor: true)
        try sandbox.write(transcriptLines(session: "5e110000", answer: "One."), session: "5e110000")
        let typed = [
            "review \(hostileArgument)", "replay \(hostileArgument)", "role \(hostileArgument)", "\(hostileArgument)",
            "quit",
        ]
        let result = try sandbox.run([], stdin: typed.joined(separator: "\n") + "\n")
        expectInert(result, ["shell"])
        #expect((result.stdout + result.stderr).contains(hostileShown))
    }
}
