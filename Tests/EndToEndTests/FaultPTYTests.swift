// Faults a session must survive through a pseudo-terminal: kill -9 at random moments, signals,
// a disk that fills up mid-session or is full at the start, a fresh account, folders open to others.

import Foundation
import RehearseCore
import TestSupport
import Testing

extension RehearseSandbox {
    /// A scenario of six questions with a long time limit and no follow-ups, so every answer moves on.
    func writeSixQuestionScenario() throws -> String {
        let path = root + "/six.yaml"
        let questions = (1...6).map { "      - id: q\($0)\n        text: Question number \($0)?" }.joined(
            separator: "\n")
        try """
        version: 1
        id: six-test
        title: Six questions
        role: testing
        role_title: Tester
        kind: first
        company: Acme
        time_limit: 600
        interviewers:
          - id: kim
            name: Kim Park
            title: Lead
            style: direct
        stages:
          - interviewer: kim
            questions:
        \(questions)
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Every transcript file under a data folder, read; a file that cannot be read fails the test.
    func transcripts(in dataFolder: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Transcript] {
        let folder = dataFolder + "/transcripts"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".jsonl")
        }.sorted()
        return names.compactMap { name in
            do {
                return try Transcript.read(path: folder + "/" + name)
            } catch {
                Issue.record("unreadable transcript: \(error)", sourceLocation: sourceLocation)
                return nil
            }
        }
    }
}

/// Answer texts cut short, so a failure message stays readable.
private func starts(_ answers: [TranscriptEvent.Answer]) -> [String] {
    answers.map { String($0.text.prefix(24)) }
}

/// Types an answer longer than a memory page (so a tmpfs filled to its last page cannot take
/// it) as ten `\`-continued lines, each short enough for the line editor to take quickly.
private func sendLongAnswer(_ terminal: PseudoTerminal, _ label: String) {
    let line = String(repeating: " with many more words", count: 25)
    for _ in 1...9 {
        terminal.send(label + line + " \\\r")
        #expect(terminal.waitFor("… › "))
    }
    terminal.send(label + line + "\r")
}

@Suite(.serialized) struct FaultPTYTests {
    @Test func killMinusNineAtRandomMomentsLosesNoSubmittedAnswer() throws {
        var sandbox = try RehearseSandbox()
        let scenario = try sandbox.writeSixQuestionScenario()
        var random = SeededGenerator(seed: 20_261_202)
        for run in 1...20 {
            let data = sandbox.root + "/data-\(run)"
            sandbox.environment["REHEARSE_HOME"] = data
            let terminal = try sandbox.start(["practice", "--scenario", scenario])
            var confirmed: [String] = []
            var inFlight: String?
            let moment = Int.random(in: 0...3, using: &random)
            if moment > 0, waitForPrompt(terminal, "[1/6 Kim] › ") {
                for number in 1...Int.random(in: 1...4, using: &random) {
                    let text = "run \(run) answer \(number) with 3 numbers"
                    terminal.send(text + "\r")
                    inFlight = text
                    guard moment != 2 || number < 2 else { break }  // kill right after Enter, before the next prompt
                    guard waitForPrompt(terminal, "[\(number + 1)/6 Kim] › ") else { break }
                    confirmed.append(text)
                    inFlight = nil
                }
                if moment == 3 { terminal.send("half typed") }  // kill while typing
            }
            usleep(UInt32.random(in: 0...20_000, using: &random))
            terminal.signal(SIGKILL)
            #expect(terminal.waitForExit(timeout: 10) == 128 + SIGKILL)
            let transcripts = sandbox.transcripts(in: data)
            #expect(transcripts.count <= 1, "run \(run)")
            let answers = transcripts.first?.answers.map(\.text) ?? []
            let expected = [confirmed, confirmed + [inFlight].compactMap { $0 }]
            #expect(
                expected.contains(answers), "run \(run) (moment \(moment)): on disk \(answers), submitted \(confirmed)")
            for transcript in transcripts {
                #expect(transcript.warnings.count == 1, "run \(run): \(transcript.warnings)")
                #expect(!transcript.warnings.contains { $0.contains("skipped") }, "run \(run): \(transcript.warnings)")
            }
            if !confirmed.isEmpty { #expect(transcripts.count == 1, "run \(run)") }
        }
    }

    enum Ending: String, CaseIterable, CustomTestStringConvertible {
        case sigterm, sighup, doubleCtrlC
        var testDescription: String { rawValue }
    }

    @Test(arguments: Ending.allCases)
    func signalsEndTheSessionWithEveryAnswerAndTheTerminalRestored(ending: Ending) throws {
        let sandbox = try RehearseSandbox()
        let terminal = try sandbox.start(["practice", "--scenario", try sandbox.writeSixQuestionScenario()])
        guard waitForPrompt(terminal, "[1/6 Kim] › ") else { return }
        terminal.send("an answer before the signal\r")
        guard waitForPrompt(terminal, "[2/6 Kim] › ") else { return }
        switch ending {
        case .sigterm, .sighup:
            terminal.send("half typed")
            #expect(terminal.waitFor("half typed"))
            terminal.signal(ending == .sigterm ? SIGTERM : SIGHUP)
            #expect(terminal.waitForExit(timeout: 10) == 128 + (ending == .sigterm ? SIGTERM : SIGHUP))
        case .doubleCtrlC:
            terminal.sendKeys(.ctrlC)
            guard waitForPrompt(terminal, "End the session?") else { return }
            terminal.sendKeys(.ctrlC)
            #expect(terminal.waitFor("Session interrupted."))
            #expect(terminal.waitForExit(timeout: 10) != nil)
        }
        #expect(terminal.isCanonicalMode == true, "the terminal was left in raw mode")
        let transcript = try #require(sandbox.transcripts().first)
        #expect(transcript.warnings.isEmpty)
        #expect(transcript.answers.map(\.text) == ["an answer before the signal"])
        #expect(transcript.end?.status == .interrupted)
        #expect(
            transcript.end?.reason
                == [.sigterm: "SIGTERM", .sighup: "SIGHUP", .doubleCtrlC: "ended with Ctrl-C"][ending])
    }
}

/// A disk that fills up: a small tmpfs as the data folder (skipped where the tests cannot mount one).
@Suite(.serialized, .enabled(if: SmallDisk.canMount, "needs the right to mount a tmpfs"))
struct DiskFullTests {
    @Test func aDiskThatFillsUpMidSessionIsToldAtOnceAndCaughtUpWhenFreed() throws {
        let disk = try SmallDisk(kilobytes: 256)
        var sandbox = try RehearseSandbox()
        let data = disk.path + "/data"
        sandbox.environment["REHEARSE_HOME"] = data
        let terminal = try sandbox.start(["practice", "--scenario", try sandbox.writeSixQuestionScenario()])
        guard waitForPrompt(terminal, "[1/6 Kim] › ") else { return }
        terminal.send("first answer\r")
        guard waitForPrompt(terminal, "[2/6 Kim] › ") else { return }
        terminal.send("second answer\r")
        guard waitForPrompt(terminal, "[3/6 Kim] › ") else { return }
        disk.fill()
        sendLongAnswer(terminal, "third answer")
        #expect(terminal.waitFor("warning: cannot write the transcript", timeout: 20))
        #expect(terminal.waitFor("No space left on device. Nothing is lost yet: your answer is kept in memory"))
        guard waitForPrompt(terminal, "[4/6 Kim] › ") else { return }
        let whileFull = try #require(sandbox.transcripts(in: data).first)
        #expect(whileFull.answers.map(\.text) == ["first answer", "second answer"], "the cut-off line must be removed")
        #expect(whileFull.warnings.allSatisfy { $0.contains("no end line") }, "\(whileFull.warnings)")
        disk.free()
        terminal.send("fourth answer\r")
        #expect(terminal.waitFor("The transcript is being written again; nothing was lost."))
        guard waitForPrompt(terminal, "[5/6 Kim] › ") else { return }
        terminal.sendKeys(.ctrlD)
        #expect(terminal.waitFor("Session ended early."))
        #expect(terminal.waitForExit(timeout: 10) == 0)
        #expect(!terminal.output.contains("incomplete"))
        let transcript = try #require(sandbox.transcripts(in: data).first)
        #expect(transcript.warnings.isEmpty)
        #expect(
            starts(transcript.answers) == [
                "first answer", "second answer", "third answer with many m", "fourth answer",
            ])
        #expect(transcript.answers.dropFirst(2).first.map { $0.text.utf8.count > 4096 } == true)
        #expect(transcript.end?.status == .quit)
    }

    enum Ending: String, CaseIterable, CustomTestStringConvertible {
        case ctrlD, sigterm, sigkill
        var testDescription: String { rawValue }
    }

    @Test(arguments: Ending.allCases)
    func aDiskThatStaysFullSavesTheSessionElsewhereAndSaysSo(ending: Ending) throws {
        let disk = try SmallDisk(kilobytes: 256)
        var sandbox = try RehearseSandbox()
        let data = disk.path + "/data"
        sandbox.environment["REHEARSE_HOME"] = data
        sandbox.environment["HOME"] = disk.path  // full too: the copy goes to TMPDIR
        sandbox.environment["TMPDIR"] = sandbox.root
        let terminal = try sandbox.start(
            ["practice", "--scenario", try sandbox.writeSixQuestionScenario()], columns: 200)
        guard waitForPrompt(terminal, "[1/6 Kim] › ") else { return }
        terminal.send("first answer\r")
        guard waitForPrompt(terminal, "[2/6 Kim] › ") else { return }
        disk.fill()
        sendLongAnswer(terminal, "second answer")
        #expect(terminal.waitFor("No space left on device. Nothing is lost yet", timeout: 20))
        guard waitForPrompt(terminal, "[3/6 Kim] › ") else { return }
        sendLongAnswer(terminal, "third answer")
        guard waitForPrompt(terminal, "[4/6 Kim] › ") else { return }
        switch ending {
        case .ctrlD:
            terminal.sendKeys(.ctrlD)
            #expect(terminal.waitFor("(incomplete: "))
            #expect(terminal.waitFor("Saved in full: \(sandbox.root)/rehearse-unsaved-"))
            #expect(terminal.waitFor("The whole session is saved in"))
            #expect(terminal.waitForExit(timeout: 10) == 1)
        case .sigterm:
            terminal.signal(SIGTERM)
            #expect(terminal.waitFor("The whole session is saved in"))
            #expect(terminal.waitForExit(timeout: 10) == 128 + SIGTERM)
        case .sigkill:  // No chance to say anything: the copy made at the failure must hold everything.
            terminal.signal(SIGKILL)
            #expect(terminal.waitForExit(timeout: 10) == 128 + SIGKILL)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: sandbox.root).filter {
            $0.hasPrefix("rehearse-unsaved-")
        }
        #expect(names.count == 1)
        let copy = try Transcript.read(path: sandbox.root + "/" + (names.first ?? "none"))
        #expect(starts(copy.answers) == ["first answer", "second answer with many ", "third answer with many m"])
        switch ending {
        case .ctrlD, .sigterm:
            #expect(copy.warnings.isEmpty)
            #expect(copy.end?.status == (ending == .ctrlD ? .quit : .interrupted))
        case .sigkill:
            #expect(copy.end == nil)
        }
        let original = try #require(sandbox.transcripts(in: data).first)
        #expect(original.answers.map(\.text) == ["first answer"])
    }

    @Test(arguments: [0, 4096])
    func aDiskFullAtTheStartIsRefusedWithTheFixAndLeavesNoFile(freeBytes: Int) throws {
        let disk = try SmallDisk(kilobytes: 256)
        var sandbox = try RehearseSandbox()
        let data = disk.path + "/data"
        sandbox.environment["REHEARSE_HOME"] = data
        try FileManager.default.createDirectory(atPath: data + "/transcripts", withIntermediateDirectories: true)
        disk.fill(leavingBytes: freeBytes)
        let result = try sandbox.run(
            ["practice", "--scenario", try sandbox.writeSixQuestionScenario()],
            stdin: (1...6).map { "answer \($0)\n" }.joined())
        #expect(result.status == 1)
        #expect(result.stderr.contains(data + "/transcripts"), "\(result.stderr)")
        #expect(result.stderr.contains("free some space"), "\(result.stderr)")
        #expect(!result.stdout.contains("[1/6"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: data + "/transcripts").isEmpty)
    }
}

/// The data folder as a new user, or a careless one, has it.
@Suite struct DataFolderEndToEndTests {
    @Test func aFreshAccountWithAnEmptyHomeCanPractise() throws {
        var sandbox = try RehearseSandbox()
        let home = sandbox.root + "/fresh-home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        sandbox.environment["HOME"] = home
        sandbox.environment.removeValue(forKey: "REHEARSE_HOME")
        sandbox.environment.removeValue(forKey: "XDG_DATA_HOME")
        let result = try sandbox.run(["practice", "--scenario", try sandbox.writeQuickScenario()], stdin: "one\ntwo\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(sandbox.transcripts(in: home + "/.local/share/rehearse").first?.answers.map(\.text) == ["one", "two"])
    }

    @Test func aDataFolderWhoseParentsAreMissingIsCreated() throws {
        var sandbox = try RehearseSandbox()
        let data = sandbox.root + "/not/there/yet"
        sandbox.environment["REHEARSE_HOME"] = data
        let result = try sandbox.run(["practice", "--scenario", try sandbox.writeQuickScenario()], stdin: "one\ntwo\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(sandbox.transcripts(in: data).first?.answers.map(\.text) == ["one", "two"])
        var status = stat()
        #expect(stat(sandbox.root + "/not", &status) == 0 && status.st_mode & 0o777 == 0o700)
    }

    @Test func foldersOpenToOthersAreMadePrivateAndSaidOnce() throws {
        let sandbox = try RehearseSandbox()
        chmod(sandbox.dataFolder, 0o777)
        chmod(sandbox.dataFolder + "/transcripts", 0o777)
        let scenario = try sandbox.writeQuickScenario()
        let first = try sandbox.run(["practice", "--scenario", scenario], stdin: "one\ntwo\n")
        #expect(first.status == 0)
        let notes = first.stderr.split(separator: "\n").filter { $0.contains("private") }
        #expect(notes.count == 1, "\(first.stderr)")
        #expect(notes.first?.contains(sandbox.dataFolder + "/transcripts (was 777)") == true)
        for folder in [sandbox.dataFolder, sandbox.dataFolder + "/transcripts"] {
            var status = stat()
            stat(folder, &status)
            #expect(status.st_mode & 0o777 == 0o700, "\(folder)")
        }
        let second = try sandbox.run(["practice", "--scenario", scenario], stdin: "one\ntwo\n")
        #expect(!second.stderr.contains("private"), "\(second.stderr)")
    }

    @Test func writingOverAnExistingFileWithDashOMakesItOwnerOnly() throws {
        let sandbox = try RehearseSandbox()
        _ = try sandbox.run(["practice", "--scenario", try sandbox.writeQuickScenario()], stdin: "one\ntwo\n")
        let file = sandbox.root + "/review.md"
        #expect(
            FileManager.default.createFile(
                atPath: file, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644]))
        let result = try sandbox.run(["review", "last", "-o", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("it is now 0600"), "\(result.stderr)")
        var status = stat()
        stat(file, &status)
        #expect(status.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("one"))
    }
}
