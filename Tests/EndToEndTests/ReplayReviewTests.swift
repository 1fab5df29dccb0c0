// End-to-end tests of `rehearse transcripts`, `replay` and `review`: the built binary, piped and on a pseudo-terminal.

import Foundation
import RehearseCore
import TestSupport
import Testing

/// A data folder with hand-written transcripts, and runs of the built `rehearse` against it.
struct ReplaySandbox {
    let base: RehearseSandbox
    var root: String { base.root }
    var transcripts: String { base.dataFolder + "/transcripts" }
    var environment: [String: String] { base.environment }

    init(noColor: Bool = false) throws {
        base = try RehearseSandbox(colour: !noColor)
    }

    static func binary() throws -> String { try RehearseSandbox.binary() }

    func run(_ arguments: [String], stdin: String = "") throws -> (status: Int32, stdout: String, stderr: String) {
        try base.run(arguments, stdin: stdin)
    }

    @discardableResult
    func write(_ lines: [[String: Any]], session: String, started: String = "2027-01-15T080000Z", cutOff: Bool = false)
        throws -> String
    {
        var text =
            try lines.map {
                String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self)
            }
            .joined(separator: "\n") + "\n"
        if cutOff { text.removeLast(25) }
        let path = transcripts + "/\(started)-\(session).jsonl"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }
}

/// A transcript as the session writes it, with `answer` typed keystroke by keystroke.
func transcriptLines(
    session: String, answer: String, question: String = "Tell me about a hard problem.",
    speakerName: String = "Ana Lopez", kind: String = "second", role: String = "testing",
    started: String = "2027-01-15T08:00:00Z", withEnd: Bool = true
) -> [[String: Any]] {
    var typing: [[Any]] = []
    for (index, character) in answer.enumerated() {
        typing.append([index == 0 ? 3000 : 120, index, 0, String(character)])
    }
    typing.append([150])
    var lines: [[String: Any]] = [
        [
            "format": "rehearse-transcript", "version": 1, "session": session, "kind": kind, "role": role,
            "role_title": "Tester",
            "company": "Acme", "candidate": "Sam", "seed": 1, "started": started, "app_version": "test",
            "scenario": ["id": "\(role)-\(kind)", "title": "Test interview", "checksum": "c", "path": "t.yaml"],
            "interviewers": [
                ["id": "ana", "name": speakerName, "title": "Lead", "style": "warm"],
                ["id": "bo", "name": "Bo Chen", "title": "Director", "style": "direct"],
            ],
        ],
        ["type": "stage", "t": 0, "stage": "main", "title": "Main", "interviewer": "ana"],
        ["type": "say", "t": 1, "speaker": "ana", "text": "Hello Sam, welcome."],
        [
            "type": "ask", "t": 10, "question": "q1", "speaker": "ana", "text": question, "number": 1, "total": 2,
            "limit_s": 60,
            "talking_points": [["point": "The customer", "keywords": ["customer"]]],
        ],
        [
            "type": "answer", "t": 9000, "question": "q1", "text": answer, "typing": typing,
            "timing": [
                "think_ms": 3000, "answer_ms": 6000, "paused_ms": 0, "keystrokes": answer.count + 1, "corrections": 0,
                "longest_pause_ms": 150, "limit_s": 60, "over_limit": false,
            ],
        ],
        ["type": "notice", "t": 9100, "question": "q1", "text": "Note: " + answer],
        ["type": "say", "t": 9200, "speaker": "ana", "text": "Thank you."],
        [
            "type": "ask", "t": 9300, "question": "q2", "speaker": "bo", "text": "Why us?", "number": 2, "total": 2,
            "limit_s": 60,
        ],
        [
            "type": "answer", "t": 20000, "question": "q2",
            "text": "Last year I handled 40 calls a day, so that our queue dropped.",
            "typing": [[4000, 0, 0, "Last year I handled 40 calls a day, so that our queue dropped."], [100]],
            "timing": [
                "think_ms": 4000, "answer_ms": 6600, "paused_ms": 0, "keystrokes": 2, "corrections": 0,
                "longest_pause_ms": 100, "limit_s": 60, "over_limit": false,
            ],
        ],
        ["type": "stage", "t": 21000, "stage": "ask-us", "title": "Your questions", "interviewer": "bo"],
        [
            "type": "candidate_question", "t": 25000, "text": answer, "speaker": "bo", "reply": "Good question.",
            "matched": NSNull(),
        ],
        ["type": "command", "t": 26000, "name": "done", "question": NSNull()],
    ]
    if withEnd { lines.append(["type": "end", "t": 26000, "status": "completed", "answered": 2, "asked": 2]) }
    return lines
}

private let hostile =
    "I fixed it \u{1B}]52;c;SGVsbG8=\u{07} then \u{1B}[21t and \u{1B}[2J\u{1B}[H moved, \u{9B}31m red \u{9D} osc, for the customer."

/// The `asciinema` program, if installed.
private let asciinemaPlayer: String? =
    (["/usr/local/bin/asciinema", "/usr/bin/asciinema", NSHomeDirectory() + "/.local/bin/asciinema"]
    + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { $0 + "/asciinema" })
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// Raw ESC or C1 control characters in output.
private func controlCharacters(in text: String) -> [String] {
    text.unicodeScalars.filter { $0.value == 0x1B || (0x80...0x9F).contains($0.value) }.map {
        String(format: "U+%04X", $0.value)
    }
}

@Suite(.serialized) struct ReplayReviewTests {
    @Test(arguments: [false, true])
    func escapeSequencesNeverReachTheTerminal(noColor: Bool) throws {
        let sandbox = try ReplaySandbox(noColor: noColor)
        try sandbox.write(
            transcriptLines(
                session: "e5c0ffee", answer: hostile, question: "Why \u{1B}]0;owned\u{07}?",
                speakerName: "Ana \u{9B}2J Lopez"), session: "e5c0ffee")
        var runs: [[String]] = [
            ["replay", "last", "--instant"], ["replay", "e5c", "--instant", "--step"], ["transcripts"],
            ["transcripts", "--format", "json"],
        ]
        runs += ["text", "markdown", "json", "html"].map { ["review", "last", "--format", $0] }
        runs += ["markdown", "html", "asciicast"].map { ["replay", "last", "--export", $0] }
        for arguments in runs {
            let result = try sandbox.run(arguments, stdin: "\n\n\n\n")
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(controlCharacters(in: result.stdout).isEmpty, "\(arguments)")
            #expect(controlCharacters(in: result.stderr).isEmpty, "\(arguments)")
            if arguments.contains("--instant") { #expect(result.stdout.contains("^[]52;c;SGVsbG8=^G"), "\(arguments)") }
        }
        // Exports to files hold no raw controls either.
        for format in ["markdown", "html", "asciicast"] {
            let file = sandbox.root + "/export.\(format)"
            let result = try sandbox.run(["replay", "last", "--export", format, "-o", file])
            #expect(result.status == 0 && result.stdout.isEmpty)
            #expect(controlCharacters(in: try String(contentsOfFile: file, encoding: .utf8)).isEmpty, "\(format)")
        }
        let file = sandbox.root + "/review.html"
        #expect(try sandbox.run(["review", "last", "--format", "html", "-o", file]).status == 0)
        #expect(controlCharacters(in: try String(contentsOfFile: file, encoding: .utf8)).isEmpty)
    }

    @Test func aTranscriptCutOffMidLineReplaysAndReviewsWithOneWarning() throws {
        let sandbox = try ReplaySandbox(noColor: true)
        try sandbox.write(
            transcriptLines(session: "c0ffee01", answer: "For example I helped a customer last year."),
            session: "c0ffee01", cutOff: true)
        for arguments in [["replay", "c0f", "--instant"], ["review", "c0f"], ["review", "c0f", "--format", "json"]] {
            let result = try sandbox.run(arguments)
            #expect(result.status == 0, "\(arguments)")
            let warnings = result.stderr.split(separator: "\n")
            #expect(warnings.count == 1, "\(arguments): \(result.stderr)")
            #expect(warnings.first?.contains("cut off") == true)
            #expect(result.stdout.contains("I helped a customer"))
        }
        let listing = try sandbox.run(["transcripts"])
        #expect(listing.stdout.contains("cut off"))
    }

    @Test(.enabled(if: asciinemaPlayer != nil, "asciinema is not installed (.ci/run installs it with pip)"))
    func theAsciicastPlaysTheSameTurnsAsTheInstantReplay() throws {
        let sandbox = try ReplaySandbox(noColor: true)
        try sandbox.write(
            transcriptLines(session: "a5c11ca5", answer: "For example I helped a customer last year, and it worked."),
            session: "a5c11ca5")
        let cast = sandbox.root + "/replay.cast"
        #expect(try sandbox.run(["replay", "last", "--export", "asciicast", "-o", cast, "--width", "80"]).status == 0)
        let instant = try sandbox.run(["replay", "last", "--instant", "--width", "80"])
        let player = try #require(asciinemaPlayer)
        let played = runProcess(
            executable: player, arguments: ["cat", cast], environment: sandbox.environment, stdin: "")
        #expect(played.status == 0, "\(played.stderr)")
        // What a viewer sees: the text without the replay's own cursor moves and carriage returns.
        let visible = played.stdout.replacingOccurrences(
            of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression
        )
        .replacingOccurrences(of: "\r", with: "")
        var searchFrom = visible.startIndex
        for line in instant.stdout.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let found = visible.range(of: line, range: searchFrom..<visible.endIndex) else {
                Issue.record("the cast does not show, in order: \(line)")
                return
            }
            searchFrom = found.upperBound
        }
    }

    @Test func transcriptsListsFiltersAndResolvesPrefixes() throws {
        let sandbox = try ReplaySandbox(noColor: true)
        try sandbox.write(
            transcriptLines(session: "aa110000", answer: "One.", started: "2027-01-15T08:00:00Z"), session: "aa110000")
        try sandbox.write(
            transcriptLines(
                session: "aa220000", answer: "Two.", kind: "first", role: "sales", started: "2027-02-15T08:00:00Z"),
            session: "aa220000", started: "2027-02-15T080000Z")
        let table = try sandbox.run(["transcripts"])
        #expect(table.status == 0)
        let rows = table.stdout.split(separator: "\n")
        #expect(rows.count == 3)
        #expect(rows[0].hasPrefix("DATE") && rows[0].contains("SCENARIO") && rows[0].contains("STATUS"))
        #expect(rows[1].contains("aa110000") && rows[1].contains("2/2") && rows[1].contains("completed"))
        #expect(try sandbox.run(["transcripts", "--role", "sales"]).stdout.split(separator: "\n").count == 2)
        #expect(try sandbox.run(["transcripts", "--kind", "second"]).stdout.contains("aa110000"))
        #expect(!(try sandbox.run(["transcripts", "--since", "2027-02-01"]).stdout.contains("aa110000")))
        let json = try sandbox.run(["transcripts", "--format", "json"])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(decoded.map { $0["session"] as? String } == ["aa110000", "aa220000"])
        #expect(FileManager.default.fileExists(atPath: sandbox.transcripts + "/.index.json"))

        let ambiguous = try sandbox.run(["review", "aa"])
        #expect(ambiguous.status == 1)
        #expect(
            ambiguous.stderr.contains("matches 2 transcripts") && ambiguous.stderr.contains("aa110000")
                && ambiguous.stderr.contains("aa220000"))
        #expect(try sandbox.run(["review", "aa2", "--format", "json"]).stdout.contains("\"id\" : \"aa220000\""))
        let missing = try sandbox.run(["replay", "zz"])
        #expect(missing.status == 1 && missing.stderr.contains("rehearse transcripts"))
    }

    @Test(arguments: [
        (["replay", "--speed", "0"], Int32(2), "--speed"),
        (["replay", "--export", "pdf"], Int32(2), "pdf"),
        (["replay", "-o", "x.md"], Int32(2), "--export"),
        (["transcripts", "--kind", "third"], Int32(2), "--kind"),
        (["transcripts", "--since", "yesterday-ish"], Int32(2), "--since"),
        (["review", "--job", "/no/such/job.txt"], Int32(1), "--job /no/such/job.txt"),
        (["review", "--format", "pdf"], Int32(2), "pdf"),
    ])
    func badInputGetsAnErrorThatNamesTheFlag(_ arguments: [String], _ status: Int32, _ mention: String) throws {
        let sandbox = try ReplaySandbox(noColor: true)
        try sandbox.write(transcriptLines(session: "b0b00000", answer: "One."), session: "b0b00000")
        let result = try sandbox.run(arguments)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(mention), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrac"))
    }

    @Test func reviewWithAJobDescriptionListsTheTermsUsed() throws {
        let sandbox = try ReplaySandbox(noColor: true)
        try sandbox.write(
            transcriptLines(session: "10b00000", answer: "I answered customer emails in Zendesk for a year."),
            session: "10b00000")
        let job = sandbox.root + "/job.txt"
        try "Answer customer emails in Zendesk. Customer emails come first; customer satisfaction matters.".write(
            toFile: job, atomically: false, encoding: .utf8)
        let result = try sandbox.run(["review", "--job", job, "--width", "60"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("customer email"))
        #expect(result.stdout.contains("zendesk"))
        #expect(result.stdout.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 60 })
    }

    @Test func aKeyStopsTheReplayAndTheTerminalIsRestored() throws {
        let sandbox = try ReplaySandbox(noColor: true)
        try sandbox.write(
            transcriptLines(session: "keee0000", answer: String(repeating: "slow typing here ", count: 20)),
            session: "keee0000")
        let terminal = try PseudoTerminal(
            executable: try ReplaySandbox.binary(), arguments: ["replay", "--speed", "0.5"],
            environment: sandbox.environment, columns: 80, rows: 30)
        #expect(terminal.waitFor("[1/2 Ana] › "))
        #expect(terminal.waitForInputMode(canonical: false))
        terminal.send("q")
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.output.contains("Replay stopped."))
        #expect(terminal.isCanonicalMode == true)
    }

    @Test func ctrlCStopsTheReplayAndTheTerminalIsRestored() throws {
        let sandbox = try ReplaySandbox(noColor: true)
        try sandbox.write(
            transcriptLines(session: "c7c00000", answer: String(repeating: "slow typing here ", count: 20)),
            session: "c7c00000")
        let terminal = try PseudoTerminal(
            executable: try ReplaySandbox.binary(), arguments: ["replay", "--speed", "0.5"],
            environment: sandbox.environment, columns: 80, rows: 30)
        #expect(terminal.waitFor("[1/2 Ana] › "))
        #expect(terminal.waitForInputMode(canonical: false))
        terminal.send(.ctrlC)
        #expect(terminal.waitForExit() == 130)
        #expect(terminal.isCanonicalMode == true)
    }

    @Test func sigtermStopsTheReplayAndTheTerminalIsRestored() throws {
        let sandbox = try ReplaySandbox(noColor: true)
        try sandbox.write(
            transcriptLines(session: "7e000000", answer: String(repeating: "slow typing here ", count: 20)),
            session: "7e000000")
        let terminal = try PseudoTerminal(
            executable: try ReplaySandbox.binary(), arguments: ["replay", "--speed", "0.5"],
            environment: sandbox.environment, columns: 80, rows: 30)
        #expect(terminal.waitFor("[1/2 Ana] › "))
        #expect(terminal.waitForInputMode(canonical: false))
        terminal.signal(SIGTERM)
        #expect(terminal.waitForExit() == 128 + SIGTERM)
        #expect(terminal.isCanonicalMode == true)
    }

    @Test func stepModeWaitsForEnterOnATerminal() throws {
        let sandbox = try ReplaySandbox(noColor: true)
        try sandbox.write(transcriptLines(session: "57e90000", answer: "Short."), session: "57e90000")
        let terminal = try PseudoTerminal(
            executable: try ReplaySandbox.binary(), arguments: ["replay", "--step", "--instant"],
            environment: sandbox.environment, columns: 80, rows: 30)
        #expect(terminal.waitFor("[Enter: next turn"))
        #expect(!terminal.output.contains("Why us?"))
        terminal.send(.enter)
        #expect(terminal.waitFor("Why us?"))
        // Keys typed while a turn plays are dropped, so the Enter waits for its cue.
        #expect(terminal.waitFor("[Enter: next turn"))
        terminal.send(.enter)
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.output.contains("Session completed"))
    }

    @Test func aResizeDuringAReplayLaysTheTurnOutAgainForTheNewWidth() throws {
        let sandbox = try ReplaySandbox(noColor: true)
        try sandbox.write(transcriptLines(session: "5e1e0000", answer: "Short."), session: "5e1e0000")
        let terminal = try PseudoTerminal(
            executable: try ReplaySandbox.binary(), arguments: ["replay", "--step", "--instant"],
            environment: sandbox.environment, columns: 80, rows: 30)
        #expect(terminal.waitFor("[Enter: next turn"))
        terminal.resize(columns: 40, rows: 20)
        terminal.send(.enter)
        // The turn starts again on a fresh line, laid out for 40 columns, and the replay goes on.
        #expect(terminal.waitFor("(the window changed size: this turn again)"))
        #expect(terminal.waitFor("Why us?"))
        #expect(terminal.waitFor("[⏎ next]") || terminal.output.contains("Session completed"))
        terminal.send(.enter)
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.output.contains("Session completed"))
    }

    @Test func aRepeatedQuestionWithNoEarlierTranscriptSaysWhereItLooked() throws {
        let sandbox = try ReplaySandbox(noColor: true)
        var lines = transcriptLines(session: "4e9ea700", answer: "I handled the customer's refund.")
        lines[3]["repeats"] = "testing-first/why-testing"
        try sandbox.write(lines, session: "4e9ea700")
        let result = try sandbox.run(["review", "last", "--width", "1000"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "Nothing to compare: this question repeats testing-first/why-testing, and no earlier testing "
                    + "transcript answering it was found in \(sandbox.transcripts). Run `rehearse practice --scenario testing-first` first"
            ),
            "\(result.stdout)")
    }

    /// `--step`, animated: Enter while an answer is being typed finishes the current turn at once
    /// (the rest of the answer, its timing, the acknowledgement), then shows the cue and waits; it
    /// does not carry over into the next turn. A second Enter typed during playback is dropped.
    @Test(arguments: ["\r", "\r\r", " \r"])
    func enterDuringPlaybackFinishesTheTurnThenWaitsWithACue(_ keys: String) throws {
        let sandbox = try ReplaySandbox(noColor: true)
        try sandbox.write(
            transcriptLines(session: "57e9a000", answer: String(repeating: "slow typing here ", count: 20)),
            session: "57e9a000")
        let terminal = try PseudoTerminal(
            executable: try ReplaySandbox.binary(), arguments: ["replay", "--step", "--speed", "4"],
            environment: sandbox.environment, columns: 80, rows: 30)
        #expect(terminal.waitFor("[1/2 Ana] › slow typing"))
        #expect(terminal.waitForInputMode(canonical: false))
        terminal.send(keys)
        #expect(terminal.waitFor("[Enter: next turn · any other key: stop]"))
        let shown = terminal.output
        #expect(shown.contains("think 3.0 s · answer 6.0 s"), "the rest of the turn is shown before the cue")
        #expect(shown.contains("Ana Lopez (Lead): Thank you."))
        #expect(!shown.contains("Why us?"), "the next turn waits for its own Enter")
        terminal.send(.enter)
        #expect(terminal.waitFor("\r\u{1B}[K"), "the cue is erased before the next turn")
        #expect(terminal.waitFor("Why us?"))
        terminal.send("q")
        #expect(terminal.waitFor("Replay stopped."))
        #expect(terminal.waitForExit() == 0)
    }

    /// An older transcript records `/hint` without its text: replay takes the hint from the
    /// scenario file the transcript names, while that file is unchanged.
    @Test func replayShowsTheHintFromTheUnchangedScenario() throws {
        let sandbox = try ReplaySandbox(noColor: true)
        let path = sandbox.root + "/hinted.yaml"
        try """
        version: 1
        id: testing-second
        title: Test interview
        role: testing
        role_title: Tester
        kind: first
        company: Acme
        interviewers:
          - id: ana
            name: Ana Lopez
            title: Lead
            style: warm
        stages:
          - id: main
            interviewer: ana
            questions:
              - id: q1
                text: "Tell me about a hard problem."
                hint: "Tell {interviewer} what {company} gained."

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: path)
        var lines = transcriptLines(session: "41e70000", answer: "I fixed it.")
        lines[0]["scenario"] = [
            "id": "testing-second", "title": "Test interview", "checksum": scenario.checksum, "path": path,
        ]
        lines.insert(["type": "command", "t": 20, "name": "hint", "question": "q1"], at: 4)
        try sandbox.write(lines, session: "41e70000")
        let result = try sandbox.run(["replay", "--instant"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains("[1/2 Ana] › /hint\nHint: Tell Ana Lopez what Acme gained.\n"), "\(result.stdout)")
    }

    /// On a terminal narrower than the cue, a short cue is shown, so erasing one row removes it whole.
    @Test func aNarrowTerminalGetsAShortCue() throws {
        let sandbox = try ReplaySandbox(noColor: true)
        try sandbox.write(transcriptLines(session: "57e9b000", answer: "Short."), session: "57e9b000")
        let terminal = try PseudoTerminal(
            executable: try ReplaySandbox.binary(), arguments: ["replay", "--step", "--instant"],
            environment: sandbox.environment, columns: 30, rows: 30)
        #expect(terminal.waitFor("[⏎ next]"))
        #expect(!terminal.output.contains("[Enter: next turn"))
        terminal.send("q")
        #expect(terminal.waitForExit() == 0)
    }

    @Test func theShellReplaysAndReviewsWithIdsCompleted() throws {
        let sandbox = try ReplaySandbox(noColor: true)
        try sandbox.write(
            transcriptLines(session: "aa110000", answer: String(repeating: "slow typing here ", count: 20)),
            session: "aa110000")
        try sandbox.write(
            transcriptLines(session: "bb220000", answer: "Two."), session: "bb220000", started: "2027-02-15T080000Z")
        let terminal = try PseudoTerminal(
            executable: try ReplaySandbox.binary(), arguments: ["--role", "customer-service"],
            environment: sandbox.environment, columns: 100, rows: 40)
        let prompt = "rehearse [customer-service]› "
        #expect(terminal.waitFor(prompt) && terminal.waitForInputMode(canonical: false))
        terminal.send("review aa\t")
        #expect(terminal.waitFor("110000 "))  // the completion, drawn after the typed "aa"
        terminal.send("\r")
        #expect(terminal.waitFor("Review of aa110000"))
        #expect(terminal.waitFor(prompt) && terminal.waitForInputMode(canonical: false))
        terminal.send("replay bb\t --instant\r")
        #expect(terminal.waitFor("Replay of bb220000"))
        #expect(terminal.waitFor("Session completed"))
        #expect(terminal.waitFor(prompt) && terminal.waitForInputMode(canonical: false))
        // Ctrl-C stops a replay and returns to the shell.
        terminal.send("replay aa1 --speed 0.5\r")
        #expect(terminal.waitFor("[1/2 Ana] › "))
        terminal.send(.ctrlC)
        #expect(terminal.waitFor("Replay stopped."))
        #expect(terminal.waitFor(prompt) && terminal.waitForInputMode(canonical: false))
        terminal.send("review x\r")
        #expect(terminal.waitFor("no transcript id starts with 'x'"))
        #expect(terminal.waitFor(prompt) && terminal.waitForInputMode(canonical: false))
        terminal.send("quit\r")
        #expect(terminal.waitForExit() == 0)
    }
}
