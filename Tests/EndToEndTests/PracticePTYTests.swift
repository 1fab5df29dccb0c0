// End-to-end tests of `rehearse` as a person uses it: through a pseudo-terminal, and piped.

import Foundation
import RehearseCore
import TestSupport
import Testing

/// Waits for a prompt text and for the line editor to put the terminal in raw mode.
func waitForPrompt(
    _ terminal: PseudoTerminal, _ text: String, timeout: TimeInterval = 15,
    sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
    let ok = terminal.waitFor(text, timeout: timeout) && terminal.waitForInputMode(canonical: false)
    #expect(
        ok, "no prompt '\(text)'; output so far: \(terminal.output.suffix(600).debugDescription)",
        sourceLocation: sourceLocation)
    return ok
}

@Suite(.serialized) struct PracticePTYTests {
    @Test func arrowKeysEditInsideAnAnswerAndUTF8IsStoredExactly() throws {
        let sandbox = try RehearseSandbox()
        let terminal = try sandbox.start(["practice", "--scenario", try sandbox.writeQuickScenario(), "--seed", "1"])
        guard waitForPrompt(terminal, "[1/2 Kim] › ") else { return }
        terminal.send("José café ✓")
        #expect(terminal.waitFor("✓"))
        terminal.sendKeys(.left, .left, .left, .left, .left, .left)
        terminal.send("— ")
        terminal.sendKeys(.end, .enter)
        guard waitForPrompt(terminal, "[2/2 Kim] › ") else { return }
        terminal.sendKeys(.ctrlD)
        #expect(terminal.waitForExit(timeout: 10) == 0)
        let answer = try #require(sandbox.transcripts().first?.answers.first)
        #expect(answer.text == "José — café ✓")
        #expect(answer.timing.keystrokes >= 14)
        #expect(answer.typing.contains { $0.inserted.contains("—") })
    }

    @Test func theUsersEditrcApplies() throws {
        let sandbox = try RehearseSandbox()
        try "rehearse:bind ^X ed-move-to-beg\n".write(
            toFile: sandbox.root + "/home/.editrc", atomically: true, encoding: .utf8)
        let terminal = try sandbox.start(["practice", "--scenario", try sandbox.writeQuickScenario()])
        guard waitForPrompt(terminal, "[1/2 Kim] › ") else { return }
        terminal.send("world")
        #expect(terminal.waitFor("world"))
        terminal.send("\u{18}hello \r")
        guard waitForPrompt(terminal, "[2/2 Kim] › ") else { return }
        terminal.sendKeys(.ctrlD)
        #expect(terminal.waitForExit(timeout: 10) == 0)
        #expect(sandbox.transcripts().first?.answers.first?.text == "hello world")
    }

    @Test func upRecallsAnswersNotShellCommands() throws {
        let sandbox = try RehearseSandbox()
        let terminal = try sandbox.start(["--role", "customer-service"])
        guard waitForPrompt(terminal, "rehearse [customer-service]› ") else { return }
        terminal.send("roles\r")
        guard waitForPrompt(terminal, "rehearse [customer-service]› ") else { return }
        terminal.send("start \(try sandbox.writeQuickScenario())\r")
        guard waitForPrompt(terminal, "[1/2 Kim] › ") else { return }
        terminal.send("my first answer\r")
        guard waitForPrompt(terminal, "[2/2 Kim] › ") else { return }
        terminal.sendKeys(.up)
        terminal.send(" again\r")
        // A completed session asks for a self-rating (issue 10); Enter skips it.
        guard waitForPrompt(terminal, "How did that go, 1–5? (Enter skips) ") else { return }
        terminal.send("\r")
        guard waitForPrompt(terminal, "rehearse [customer-service]› ") else { return }
        terminal.sendKeys(.up)
        terminal.send("\r")
        // Up at the shell prompt recalls the shell's own last command (start …), which starts a new session.
        guard waitForPrompt(terminal, "[1/2 Kim] › ") else { return }
        terminal.sendKeys(.ctrlD)
        guard waitForPrompt(terminal, "rehearse [customer-service]› ") else { return }
        terminal.send("quit\r")
        #expect(terminal.waitForExit(timeout: 10) == 0)
        let answers = sandbox.transcripts().map { $0.answers.map(\.text) }.filter { !$0.isEmpty }
        #expect(answers == [["my first answer", "my first answer again"]])
    }

    @Test func tabCompletesRolesInTheShell() throws {
        let sandbox = try RehearseSandbox()
        let terminal = try sandbox.start([])
        guard waitForPrompt(terminal, "› ") else { return }
        terminal.send("role sof")
        terminal.sendKeys(.tab)
        terminal.send("\r")
        guard waitForPrompt(terminal, "rehearse [software-engineer]› ") else { return }
        terminal.send("role cus\t\r")
        guard waitForPrompt(terminal, "rehearse [customer-service]› ") else { return }
        terminal.send("tra\t\r")
        #expect(terminal.waitFor("No transcripts yet"))
        guard waitForPrompt(terminal, "rehearse [customer-service]› ") else { return }
        terminal.send("quit\r")
        #expect(terminal.waitForExit(timeout: 10) == 0)
    }

    @Test func theTimeLimitNoticeAppearsWhileTypingAndKeepsTheText() throws {
        let sandbox = try RehearseSandbox()
        let terminal = try sandbox.start(["practice", "--scenario", try sandbox.writeQuickScenario()])
        guard waitForPrompt(terminal, "[1/2 Kim] › ") else { return }
        terminal.send("typed before ")
        #expect(terminal.waitFor("have passed for this question", timeout: 20))
        terminal.send("and after")
        terminal.sendKeys(.enter)
        guard waitForPrompt(terminal, "[2/2 Kim] › ") else { return }
        terminal.sendKeys(.ctrlD)
        #expect(terminal.waitForExit(timeout: 10) == 0)
        let transcript = try #require(sandbox.transcripts().first)
        #expect(transcript.answers.first?.text == "typed before and after")
        #expect(transcript.answers.first?.timing.isOverLimit == true)
        #expect(transcript.events.contains { if case .notice = $0 { true } else { false } })
    }

    @Test func ctrlCClearsTheLineAndCtrlDEnds() throws {
        let sandbox = try RehearseSandbox()
        let terminal = try sandbox.start(["practice", "--scenario", try sandbox.writeQuickScenario()])
        guard waitForPrompt(terminal, "[1/2 Kim] › ") else { return }
        terminal.send("discard this")
        #expect(terminal.waitFor("discard this"))
        terminal.sendKeys(.ctrlC)
        guard waitForPrompt(terminal, "[1/2 Kim] › ") else { return }
        terminal.send("keep this\r")
        guard waitForPrompt(terminal, "[2/2 Kim] › ") else { return }
        terminal.sendKeys(.ctrlC)
        guard waitForPrompt(terminal, "End the session?") else { return }
        terminal.send("n\r")
        guard waitForPrompt(terminal, "[2/2 Kim] › ") else { return }
        terminal.sendKeys(.ctrlD)
        #expect(terminal.waitFor("Session ended early."))
        #expect(terminal.waitForExit(timeout: 10) == 0)
        let transcript = try #require(sandbox.transcripts().first)
        #expect(transcript.answers.map(\.text) == ["keep this"])
        #expect(transcript.end?.status == .quit)
    }

    @Test func sigtermMidSessionKeepsEveryAnswer() throws {
        let sandbox = try RehearseSandbox()
        let terminal = try sandbox.start(["practice", "--seed", "7"])
        guard waitForPrompt(terminal, "[1/") else { return }
        terminal.send("first answer with 3 numbers and a customer story\r")
        #expect(terminal.waitFor("] › ") && terminal.waitFor("] › "))
        terminal.send("second answer\r")
        #expect(terminal.waitFor("second answer"))
        #expect(terminal.waitFor("] › ") && terminal.waitForInputMode(canonical: false))
        terminal.send("half typed")
        #expect(terminal.waitFor("half typed"))
        terminal.signal(SIGTERM)
        let status = terminal.waitForExit(timeout: 10)
        #expect(status == 128 + SIGTERM)
        let transcript = try #require(sandbox.transcripts().first)
        #expect(transcript.warnings.isEmpty)
        #expect(
            transcript.answers.map(\.text).prefix(2) == [
                "first answer with 3 numbers and a customer story", "second answer",
            ])
        #expect(transcript.end?.status == .interrupted)
        #expect(transcript.end?.reason == "SIGTERM")
        #expect(terminal.isCanonicalMode == true, "the terminal is left in raw mode")
    }

    @Test func closingTheTerminalEndsTheTranscriptAsInterrupted() throws {
        let sandbox = try RehearseSandbox()
        let terminal = try sandbox.start(["practice", "--seed", "3"])
        guard waitForPrompt(terminal, "[1/") else { return }
        terminal.send("an answer before the window closes\r")
        #expect(terminal.waitFor("an answer before the window closes"))
        #expect(terminal.waitFor("] › ") && terminal.waitForInputMode(canonical: false))
        terminal.send("half typed")
        terminal.closeTerminal()
        #expect(terminal.waitForExit(timeout: 10) == 128 + SIGHUP)
        let transcript = try #require(sandbox.transcripts().first)
        #expect(transcript.answers.first?.text == "an answer before the window closes")
        #expect(transcript.end?.status == .interrupted)
        #expect(transcript.end?.reason == "SIGHUP")
    }

    @Test func killMinusNineLosesNoSubmittedAnswer() throws {
        let sandbox = try RehearseSandbox()
        let terminal = try sandbox.start(["practice", "--seed", "7"])
        guard waitForPrompt(terminal, "[1/") else { return }
        terminal.send("answer before the crash\r")
        #expect(terminal.waitFor("answer before the crash"))
        #expect(terminal.waitFor("] › ") && terminal.waitForInputMode(canonical: false))
        terminal.signal(SIGKILL)
        _ = terminal.waitForExit(timeout: 10)
        let transcript = try #require(sandbox.transcripts().first)
        #expect(transcript.answers.first?.text == "answer before the crash")
        #expect(transcript.end == nil)
        #expect(transcript.warnings.count == 1)
    }
}

@Suite struct PipedPracticeTests {
    @Test func aPipedRunCompletesAndLeavesACompleteTranscript() throws {
        let sandbox = try RehearseSandbox()
        var input = ""
        for index in 1...40 {
            input +=
                "Answer \(index): last year I handled 40 customer calls a day for our team, and as a result the backlog dropped by 20 percent, which meant faster replies.\n"
        }
        let result = try sandbox.run(["practice", "--seed", "7"], stdin: input + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Interview complete."))
        let transcript = try #require(sandbox.transcripts().first)
        #expect(transcript.header.seed == 7)
        #expect(transcript.end?.status == .completed)
        #expect(transcript.warnings.isEmpty)
        #expect(transcript.answers.count >= 10)
    }

    @Test func theSameSeedAsksTheSameQuestions() throws {
        let sandbox = try RehearseSandbox()
        let answers = String(
            repeating: "I led 3 projects for customers, which meant 20 percent fewer complaints as a result.\n",
            count: 40)
        _ = try sandbox.run(["practice", "--seed", "11"], stdin: answers)
        _ = try sandbox.run(["practice", "--seed", "11"], stdin: answers)
        let asked = sandbox.transcripts().map { $0.asks.map(\.question) }
        #expect(asked.count == 2)
        #expect(asked.first == asked.last)
    }

    @Test func aLastLineWithoutNewlineCounts() throws {
        let sandbox = try RehearseSandbox()
        let result = try sandbox.run(["practice", "--scenario", try sandbox.writeQuickScenario()], stdin: "one\ntwo")
        #expect(result.status == 0)
        #expect(sandbox.transcripts().first?.answers.map(\.text) == ["one", "two"])
    }

    @Test(arguments: [
        (["practice", "--role", "astronaut"], "unknown role 'astronaut'. Known roles:", 2),
        (
            ["practice", "--kind", "third"],
            "'third' is invalid for '--kind <KIND>'. Please provide one of 'first', 'second' or 'same-person'", 2
        ),
        (["practice", "--scenario", "nope"], "unknown scenario 'nope'. Known scenarios:", 2),
        (["practice", "--scenarios", "/no/such/dir"], "--scenarios /no/such/dir: no such folder", 1),
    ])
    func badChoicesListWhatExists(arguments: [String], message: String, status: Int32) throws {
        let result = try RehearseSandbox().run(arguments)
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func aDataFolderThatCannotBeWrittenFailsBeforeTheFirstQuestion() throws {
        var sandbox = try RehearseSandbox()
        let blocker = sandbox.root + "/not-a-folder"
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        sandbox.environment["REHEARSE_HOME"] = blocker
        let result = try sandbox.run(["practice"], stdin: "an answer\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains(blocker))
        #expect(result.stderr.contains("REHEARSE_HOME"))
        #expect(!result.stdout.contains("[1/"))
    }

    @Test func aBrokenScenarioFileNamesFileLineAndColumn() throws {
        let sandbox = try RehearseSandbox()
        let path = sandbox.root + "/broken.yaml"
        try "version: 1\nid: broken\ntitle: [oops\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try sandbox.run(["practice", "--scenario", path])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("\(path):3:8: error: the list opened with '[' here is never closed"),
            "\(result.stderr)")
    }

    @Test func usageErrorsExitTwo() throws {
        let result = try RehearseSandbox().run(["practice", "--seed", "minus-one"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--seed"))
    }

    @Test func versionAndHelp() throws {
        let sandbox = try RehearseSandbox()
        #expect(try sandbox.run(["--version"]).stdout.hasPrefix("0."))
        for command in [
            ["--help"], ["practice", "--help"], ["scenarios", "--help"], ["roles", "--help"],
            ["transcripts", "--help"], ["shell", "--help"],
        ] {
            let result = try sandbox.run(command)
            #expect(result.status == 0)
            #expect(result.stdout.contains("USAGE"), "\(command)")
        }
    }
}
