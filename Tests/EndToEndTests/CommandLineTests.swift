// End-to-end tests of the command line itself: usage errors and their exit codes, help text,
// and `transcripts rm` / `transcripts prune`, through pipes and a pseudo-terminal.

import Foundation
import RehearseCore
import TestSupport
import Testing

/// Writes a transcript with `answers` answered questions into the sandbox; returns its path.
@discardableResult
private func writeTranscript(
    _ sandbox: RehearseSandbox, session: String, answers: Int, role: String = "testing",
    started: String = "2027-01-15T080000Z", withEnd: Bool = true
) throws -> String {
    var lines: [[String: Any]] = [
        [
            "format": "rehearse-transcript", "version": 1, "session": session, "kind": "second", "role": role,
            "role_title": "Tester",
            "company": "Acme", "candidate": "Sam", "seed": 1, "started": "2027-01-15T08:00:00Z", "app_version": "test",
            "scenario": ["id": "\(role)-second", "title": "Test interview", "checksum": "c", "path": "t.yaml"],
            "interviewers": [["id": "ana", "name": "Ana Lopez", "title": "Lead", "style": "warm"]],
        ],
        ["type": "stage", "t": 0, "stage": "main", "title": "Main", "interviewer": "ana"],
    ]
    for number in 0..<max(answers, 1) {
        lines.append([
            "type": "ask", "t": 10 + number * 1000, "question": "q\(number)", "speaker": "ana",
            "text": "Question \(number)?",
            "number": number + 1, "total": max(answers, 1), "limit_s": 60,
        ])
        guard number < answers else { break }
        lines.append([
            "type": "answer", "t": 900 + number * 1000, "question": "q\(number)", "text": "Answer \(number).",
            "typing": [[100, 0, 0, "Answer \(number)."], [50]],
            "timing": [
                "think_ms": 100, "answer_ms": 50, "paused_ms": 0, "keystrokes": 2, "corrections": 0,
                "longest_pause_ms": 50, "limit_s": 60, "over_limit": false,
            ],
        ])
    }
    if withEnd {
        lines.append([
            "type": "end", "t": 5000, "status": answers == 0 ? "quit" : "completed", "answered": answers,
            "asked": max(answers, 1),
        ])
    }
    let text =
        try lines.map {
            String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self)
        }
        .joined(separator: "\n") + "\n"
    let path = sandbox.dataFolder + "/transcripts/\(started)-\(session).jsonl"
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    return path
}

/// The file names the summary index holds.
private func indexedFiles(_ sandbox: RehearseSandbox) throws -> Set<String> {
    let data = try Data(contentsOf: URL(fileURLWithPath: sandbox.dataFolder + "/transcripts/.index.json"))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let entries = try #require(object["entries"] as? [String: Any])
    return Set(entries.keys)
}

@Suite(.serialized) struct CommandLineTests {
    // MARK: Usage errors exit 2

    @Test(arguments: [
        ["practice", "--kind", "third"], ["transcripts", "--kind", "third"], ["scenarios", "list", "--kind", "third"],
        ["scenarios", "new", "--role", "teacher", "--kind", "third"],
    ])
    func anUnknownKindIsAUsageError(arguments: [String]) throws {
        let result = try RehearseSandbox().run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("'third'"), "\(result.stderr)")
        #expect(
            result.stderr.contains("first") && result.stderr.contains("second")
                && result.stderr.contains("same-person"), "\(result.stderr)")
    }

    @Test(arguments: [
        ["practice", "--role", "astronaut"], ["scenarios", "list", "--role", "astronaut"],
        ["shell", "--role", "astronaut"],
    ])
    func anUnknownRoleIsAUsageErrorListingTheRolesSorted(arguments: [String]) throws {
        let result = try RehearseSandbox().run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("'astronaut'"), "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "customer-service, data-analyst, nursing, product-manager, sales, software-engineer"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("Usage: rehearse shell") || arguments[0] == "shell", "\(result.stderr)")
    }

    @Test func anUnknownScenarioIsAUsageErrorListingTheScenariosSorted() throws {
        let result = try RehearseSandbox().run(["practice", "--scenario", "nursing-frist"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "customer-service-first, customer-service-same-person, customer-service-second, data-analyst-first"),
            "\(result.stderr)")
        #expect(result.stderr.contains("Did you mean 'nursing-first'"), "a likely typo is named: \(result.stderr)")
    }

    @Test func anUnknownCommandIsTheTopLevelUsageError() throws {
        let result = try RehearseSandbox().run(["frobnicate"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'frobnicate'"), "\(result.stderr)")
        #expect(result.stderr.contains("rehearse <subcommand>"), "\(result.stderr)")
        #expect(!result.stderr.contains("rehearse shell"), "not the shell's usage: \(result.stderr)")
        let typo = try RehearseSandbox().run(["practise"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("practice"), "\(typo.stderr)")
    }

    @Test(arguments: [
        ["replay", "--speed", "-1"], ["replay", "--speed", "0"], ["replay", "--idle-limit", "-2"],
        ["review", "--width", "-5"],
    ])
    func aNegativeNumberSaysWhatIsAllowed(arguments: [String]) throws {
        let result = try RehearseSandbox().run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.contains("Missing value"), "\(result.stderr)")
        #expect(result.stderr.contains(arguments[1]), "\(result.stderr)")
        if arguments[1] == "--speed" { #expect(result.stderr.contains("positive"), "\(result.stderr)") }
    }

    // MARK: One parser for kinds

    @Test func kindAliasesWorkInEveryCommandAndTheShell() throws {
        let sandbox = try RehearseSandbox()
        let listed = try sandbox.run(["scenarios", "list", "--kind", "sameperson"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("nursing-same-person") && !listed.stdout.contains("nursing-first"))
        let practised = try sandbox.run(["practice", "--kind", "Same", "--seed", "1"], stdin: "")
        #expect(practised.status == 0, "\(practised.stderr)")
        // The shell's `start` reads kinds with the same parser: `sameperson` is a kind, not a scenario id.
        let shell = try sandbox.run([], stdin: "start sameperson\n")
        #expect(!shell.stderr.contains("no scenario"), "\(shell.stderr)")
        #expect(sandbox.transcripts().map(\.header.kind) == [.samePerson, .samePerson])
    }

    // MARK: Help text

    @Test func everyHelpScreenWrapsCleanlyAtEightyColumns() throws {
        let sandbox = try RehearseSandbox()
        let commands: [[String]] = [
            [], ["shell"], ["practice"], ["roles"], ["scenarios"], ["scenarios", "list"], ["scenarios", "show"],
            ["scenarios", "lint"], ["scenarios", "new"], ["transcripts"], ["transcripts", "rm"],
            ["transcripts", "prune"], ["replay"], ["review"],
        ]
        for command in commands {
            let result = try sandbox.run(command + ["--help"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (number, line) in lines.enumerated() where !line.hasPrefix("USAGE:") {
                #expect(line.count <= 80, "\(command) line \(number + 1) is \(line.count) columns: \(line)")
                #expect(
                    !line.trimmingCharacters(in: .whitespaces).contains("  ") || line.hasPrefix("  "),
                    "\(command) line \(number + 1) has a double space: \(line)")
                #expect(!line.hasSuffix(" "), "\(command) line \(number + 1) ends in a space: \(line)")
                // A prose line that ends although the next word would have fitted is a hard break.
                guard number + 1 < lines.count, !line.isEmpty, !line.hasPrefix(" "), !line.hasSuffix(":") else {
                    continue
                }
                let next = lines[number + 1]
                guard let word = next.split(separator: " ").first, !next.hasPrefix(" ") else { continue }
                #expect(
                    line.count + 1 + word.count > 79, "\(command) line \(number + 1) breaks early: \(line) ⏎ \(next)")
            }
        }
    }

    // MARK: What the README promises (item 10)

    @Test func anInstalledCopyFindsItsScenariosBesideIt() throws {
        var sandbox = try RehearseSandbox()
        let prefix = sandbox.root + "/prefix"
        try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: prefix + "/share/rehearse", withIntermediateDirectories: true)
        // A hard link, not a copy: a copy's file is open for writing for a moment, and a process that
        // another test forks then keeps it open, so starting the copy fails with "text file busy".
        let binary = try RehearseSandbox.binary()
        if (try? FileManager.default.linkItem(atPath: binary, toPath: prefix + "/bin/rehearse")) == nil {
            try FileManager.default.copyItem(atPath: binary, toPath: prefix + "/bin/rehearse")
        }
        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios").path
        try FileManager.default.copyItem(atPath: bundled, toPath: prefix + "/share/rehearse/scenarios")
        sandbox.environment.removeValue(forKey: "REHEARSE_SCENARIOS")
        let result = runProcess(
            executable: prefix + "/bin/rehearse", arguments: ["roles"], environment: sandbox.environment, stdin: "")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("customer-service"), "\(result.stdout)")
    }

    @Test(arguments: [nil, "", "root"] as [String?])
    func withoutAUserNameTheCandidateIsCalledCandidate(user: String?) throws {
        var sandbox = try RehearseSandbox()
        sandbox.environment["USER"] = user
        let result = try sandbox.run(["practice", "--scenario", try sandbox.writeQuickScenario()], stdin: "one\ntwo\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(sandbox.transcripts().first?.header.candidate == "Candidate")
        let named = try sandbox.run(
            ["practice", "--scenario", try sandbox.writeQuickScenario(), "--candidate", "Sam"], stdin: "one\n")
        #expect(named.status == 0, "\(named.stderr)")
        #expect(sandbox.transcripts().map(\.header.candidate).contains("Sam"))
    }

    // MARK: Review

    @Test func theCompanysNameIsNoJobTerm() throws {
        let sandbox = try RehearseSandbox()
        try writeTranscript(sandbox, session: "aaaa1111", answers: 1)  // company: Acme
        let job = sandbox.root + "/job.txt"
        try """
        Support Agent at Acme. Acme customers call about billing; at Acme, billing is simple.
        You will use Zendesk with the Acme team.
        """.write(toFile: job, atomically: true, encoding: .utf8)
        let result = try sandbox.run(["review", "last", "--format", "json", "--job", job])
        #expect(result.status == 0, "\(result.stderr)")
        let review = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let terms = try #require(review["job_terms"] as? [String: Any])
        let all = ((terms["used"] as? [String]) ?? []) + ((terms["unused"] as? [String]) ?? [])
        #expect(all.contains("billing") && all.contains("zendesk"), "\(all)")
        #expect(!all.contains("acme"), "\(all)")
    }

    // MARK: transcripts rm and prune

    @Test func removingATranscriptWithYesDeletesItAndItsIndexEntry() throws {
        let sandbox = try RehearseSandbox()
        let kept = try writeTranscript(sandbox, session: "aaaa1111", answers: 2)
        let removed = try writeTranscript(sandbox, session: "bbbb2222", answers: 1, started: "2027-01-16T080000Z")
        #expect(try sandbox.run(["transcripts"]).status == 0)
        #expect(try indexedFiles(sandbox).count == 2)
        let result = try sandbox.run(["transcripts", "rm", "bbbb", "--yes"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("bbbb2222"))
        #expect(!FileManager.default.fileExists(atPath: removed))
        #expect(FileManager.default.fileExists(atPath: kept))
        #expect(try indexedFiles(sandbox) == [(kept as NSString).lastPathComponent])
    }

    @Test func removingWithoutYesFromAScriptRefusesAndSaysHow() throws {
        let sandbox = try RehearseSandbox()
        let path = try writeTranscript(sandbox, session: "aaaa1111", answers: 2)
        let result = try sandbox.run(["transcripts", "rm", "aaaa1111"], stdin: "y\n")
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--yes"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func removingRefusesUnknownIdsAndFilesOutsideTheTranscriptsFolder() throws {
        let sandbox = try RehearseSandbox()
        let path = try writeTranscript(sandbox, session: "aaaa1111", answers: 2)
        let outside = sandbox.root + "/elsewhere.jsonl"
        try FileManager.default.copyItem(atPath: path, toPath: outside)
        for reference in ["zzzz", outside] {
            let result = try sandbox.run(["transcripts", "rm", "aaaa1111", reference, "--yes"])
            #expect(result.status != 0, "\(reference)")
            #expect(result.stderr.contains(reference), "\(result.stderr)")
        }
        // Nothing is deleted when any reference is wrong.
        #expect(FileManager.default.fileExists(atPath: path) && FileManager.default.fileExists(atPath: outside))
    }

    @Test func removingOnATerminalAsksFirst() throws {
        let sandbox = try RehearseSandbox()
        let path = try writeTranscript(sandbox, session: "aaaa1111", answers: 2)
        let declined = try sandbox.start(["transcripts", "rm", "aaaa"])
        #expect(declined.waitFor("aaaa1111") && declined.waitFor("[y/N]"))
        declined.send("n\r")
        #expect(declined.waitForExit(timeout: 10) == 1)
        #expect(FileManager.default.fileExists(atPath: path))
        let accepted = try sandbox.start(["transcripts", "rm", "aaaa"])
        #expect(accepted.waitFor("[y/N]"))
        accepted.send("y\r")
        #expect(accepted.waitFor("Deleted"))
        #expect(accepted.waitForExit(timeout: 10) == 0)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func theShellCompletesIdsAfterTranscriptsRmAndAsksBeforeDeleting() throws {
        let sandbox = try RehearseSandbox()
        let path = try writeTranscript(sandbox, session: "aaaa1111", answers: 2)
        let shell = try sandbox.start([])
        #expect(shell.waitFor("› ") && shell.waitForInputMode(canonical: false))
        shell.send("transcripts rm aa\t")
        #expect(shell.waitFor("aa1111 "), "completed (libedit redraws only the new part)")
        shell.send("\r")
        #expect(shell.waitFor("[y/N]"))
        shell.send("y\r")
        #expect(shell.waitFor("Deleted 1 transcript: aaaa1111"))
        #expect(shell.waitFor("› ") && shell.waitForInputMode(canonical: false))
        #expect(!FileManager.default.fileExists(atPath: path))
        shell.send("quit\r")
        #expect(shell.waitForExit(timeout: 10) == 0)
    }

    @Test func pruningDeletesOnlyFinishedSessionsWithoutAnswers() throws {
        let sandbox = try RehearseSandbox()
        let answered = try writeTranscript(sandbox, session: "aaaa1111", answers: 1)
        let empty = try writeTranscript(sandbox, session: "bbbb2222", answers: 0, started: "2027-01-16T080000Z")
        let otherRole = try writeTranscript(
            sandbox, session: "cccc3333", answers: 0, role: "other", started: "2027-01-17T080000Z")
        // Still being written (no end line, just changed): may be a session running in another terminal.
        let running = try writeTranscript(
            sandbox, session: "dddd4444", answers: 0, started: "2027-01-18T080000Z", withEnd: false)
        let refused = try sandbox.run(["transcripts", "prune"])
        #expect(refused.status == 2 && refused.stderr.contains("--yes"), "\(refused.stderr)")
        let result = try sandbox.run(["transcripts", "prune", "--role", "testing", "--yes"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("bbbb2222"))
        #expect(!FileManager.default.fileExists(atPath: empty))
        for path in [answered, otherRole, running] { #expect(FileManager.default.fileExists(atPath: path), "\(path)") }
        #expect(!(try indexedFiles(sandbox)).contains((empty as NSString).lastPathComponent))
        let again = try sandbox.run(["transcripts", "prune", "--role", "testing", "--yes"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("Nothing to prune"), "\(again.stdout)")
    }
}
