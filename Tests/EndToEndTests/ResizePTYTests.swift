// Window resizes (SIGWINCH) during a read, through a pseudo-terminal: the line editor must neither
// crash nor lose or change a character, and must redraw the prompt and the typed text in place.
//
// The crash these tests reproduce: after a resize libedit kept its cursor row and column from the
// old size while its screen buffers were reallocated at the new size, and the next typed character
// was drawn at the old column (past the end of a narrower row) or the old row (past the last row).

import Foundation
import RehearseCore
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starting `line-editor-harness` for the resize tests.
private enum ResizeHarness {
    static func start(columns: Int, rows: Int, prompt: String = "> ", environment extra: [String: String] = [:]) throws
        -> PseudoTerminal
    {
        let path = try #require(BuiltProduct.path(named: "line-editor-harness"), "line-editor-harness not built")
        let home = NSTemporaryDirectory() + "resize-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["TERM"] = "xterm"
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "EDITRC")
        environment.merge(extra) { $1 }
        return try PseudoTerminal(
            executable: path, arguments: ["--prompt", prompt], environment: environment, columns: columns, rows: rows)
    }
}

/// Sizes a storm cycles through: narrower and shorter than the text, then wide again.
private let stormSizes: [(columns: Int, rows: Int)] = [
    (20, 5), (100, 40), (37, 9), (80, 30), (13, 3), (120, 40), (61, 17),
]

/// Lets the child handle what was sent (a pause for ordering, not a timing assertion) and drains its output.
private func settle(_ terminal: PseudoTerminal) {
    usleep(30_000)
    _ = terminal.unconsumedOutput
}

/// Word-like text of exactly `count` characters.
private func words(_ count: Int, seed: Int = 0) -> String {
    let vocabulary = ["customer", "refund", "called", "twice", "because", "the", "meter", "reading", "was", "wrong"]
    var text = ""
    var index = seed
    while text.count < count {
        text += vocabulary[index % vocabulary.count] + " "
        index += 1
    }
    return String(text.prefix(count - 1)) + "."  // Never ends in a space (answers are trimmed).
}

/// Types `text` in small chunks, as a person or a paste would, waiting for the last chunk's echo.
private func type(_ text: String, into terminal: PseudoTerminal) {
    var rest = Substring(text)
    while !rest.isEmpty {
        let chunk = rest.prefix(64)
        terminal.send(String(chunk))
        rest = rest.dropFirst(chunk.count)
        settle(terminal)
    }
}

/// The next JSON line the harness printed.
private func harnessResult(_ terminal: PseudoTerminal) -> [String: Any]? {
    guard let line = terminal.nextLine(containing: "{\"result\"", timeout: 10) else { return nil }
    return (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
}

private func waitForHarnessPrompt(
    _ terminal: PseudoTerminal, _ prompt: String = "> ",
    sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
    let ok = terminal.waitFor(prompt) && terminal.waitForInputMode(canonical: false)
    #expect(
        ok, "no prompt; output so far: \(terminal.output.suffix(400).debugDescription)", sourceLocation: sourceLocation)
    return ok
}

@Suite("Window resize during a read", .serialized, .timeLimit(.minutes(3)))
struct ResizePTYTests {
    @Test("Shrinking then growing the window under a wrapped answer does not crash, and the answer is exact")
    func wrappedAnswerSurvivesShrinkAndGrow() throws {
        // The reported case: the practice prompt, 190 characters typed at 120 columns (the cursor ends
        // in column 86 of the 2nd row), shrink to 80x30, type, grow back, type.
        let prompt = "[1/13 Rafael] › "
        // glibc's checking allocator: a write past a block is caught when the block is freed.
        var checks: [String: String] = [:]
        if access("/lib/x86_64-linux-gnu/libc_malloc_debug.so.0", R_OK) == 0 {
            checks = [
                "LD_PRELOAD": "/lib/x86_64-linux-gnu/libc_malloc_debug.so.0", "GLIBC_TUNABLES": "glibc.malloc.check=3",
            ]
        }
        let terminal = try ResizeHarness.start(columns: 120, rows: 40, prompt: prompt, environment: checks)
        guard waitForHarnessPrompt(terminal, prompt) else { return }
        let first = words(190)
        type(first, into: terminal)
        terminal.resize(columns: 80, rows: 30)
        settle(terminal)
        type(" more after shrinking", into: terminal)
        terminal.resize(columns: 120, rows: 40)
        settle(terminal)
        type(" and after growing", into: terminal)
        terminal.send(.enter)
        let result = try #require(
            harnessResult(terminal),
            "no result; the harness exited with \(String(describing: terminal.waitForExit(timeout: 1)))")
        #expect(result["text"] as? String == first + " more after shrinking and after growing")
        guard waitForHarnessPrompt(terminal, prompt) else { return }
        terminal.sendKeys(.ctrlD)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("A resize storm while typing at the end of a long wrapped answer", arguments: [0, 1])
    func stormAtTheEndOfTheLine(seed: Int) throws {
        let terminal = try ResizeHarness.start(columns: 100, rows: 40)
        guard waitForHarnessPrompt(terminal) else { return }
        var expected = words(950, seed: seed)
        type(expected, into: terminal)
        for round in 0..<21 {
            let size = stormSizes[(round + seed) % stormSizes.count]
            terminal.resize(columns: size.columns, rows: size.rows)
            // Several resizes before the next key: only the last size counts.
            if round % 3 == 0 {
                terminal.resize(columns: size.rows + 10, rows: size.rows)
                terminal.resize(columns: size.columns, rows: size.rows)
            }
            settle(terminal)
            let typed = "k\(round)"
            terminal.send(typed)
            expected += typed
            settle(terminal)
        }
        terminal.send(.enter)
        let result = try #require(
            harnessResult(terminal),
            "no result; the harness exited with \(String(describing: terminal.waitForExit(timeout: 1)))")
        #expect(result["text"] as? String == expected)
        guard waitForHarnessPrompt(terminal) else { return }
        terminal.sendKeys(.ctrlD)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("A resize storm while editing in the middle of a wrapped answer")
    func stormWhileEditingMidLine() throws {
        let terminal = try ResizeHarness.start(columns: 90, rows: 30)
        guard waitForHarnessPrompt(terminal) else { return }
        let text = words(400)
        type(text, into: terminal)
        // Ctrl-A, then 200 steps right: the cursor sits in the third row.
        terminal.sendKeys(.ctrlA)
        terminal.send(String(repeating: PseudoTerminal.Key.right.sequence, count: 200))
        settle(terminal)
        var inserted = ""
        for round in 0..<14 {
            let size = stormSizes[round % stormSizes.count]
            terminal.resize(columns: size.columns, rows: size.rows)
            settle(terminal)
            terminal.send("\(round % 10)")
            inserted += "\(round % 10)"
            settle(terminal)
        }
        terminal.send(.backspace)
        inserted.removeLast()
        terminal.send(.enter)
        let result = try #require(
            harnessResult(terminal),
            "no result; the harness exited with \(String(describing: terminal.waitForExit(timeout: 1)))")
        let start = text.index(text.startIndex, offsetBy: 200)
        #expect(result["text"] as? String == String(text[..<start]) + inserted + String(text[start...]))
        guard waitForHarnessPrompt(terminal) else { return }
        terminal.sendKeys(.ctrlD)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("After a resize the prompt and the typed text are redrawn from the prompt's first row")
    func resizeRedrawsThePromptAndTheText() throws {
        let terminal = try ResizeHarness.start(columns: 60, rows: 20)
        guard waitForHarnessPrompt(terminal) else { return }
        let text = words(100)
        type(text, into: terminal)
        // Every key echoed before the resize (the last 30 characters sit whole on the second row),
        // so the cursor is where the expected redraw assumes even on a loaded machine.
        guard terminal.waitFor(String(text.suffix(30))) else {
            Issue.record("the typed text was not echoed: \(terminal.output.suffix(300).debugDescription)")
            return
        }
        terminal.resize(columns: 40, rows: 20)
        // At 40 columns "> " + 100 characters put the cursor 2 rows below the prompt's first row
        // (a terminal that rewraps its lines, as tmux, VTE, kitty and iTerm2 do): up 2, clear below, redraw.
        #expect(terminal.waitFor("\r\u{1B}[2A\u{1B}[K\u{1B}[C\u{1B}[J\r> " + String(text.prefix(38))))
        terminal.send("!")
        terminal.send(.enter)
        #expect(harnessResult(terminal)?["text"] as? String == text + "!")
        guard waitForHarnessPrompt(terminal) else { return }
        terminal.sendKeys(.ctrlD)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("A fatal signal during a read puts the terminal back in its normal mode, with echo")
    func fatalSignalRestoresTheTerminal() throws {
        // Swift's crash reporter still runs after the terminal is restored; not its 30-second prompt.
        let terminal = try ResizeHarness.start(
            columns: 80, rows: 24, environment: ["SWIFT_BACKTRACE": "interactive=no"])
        guard waitForHarnessPrompt(terminal) else { return }
        terminal.send("typed before the crash")
        #expect(terminal.waitFor("crash"))
        #expect(terminal.isCanonicalMode == false)
        terminal.signal(SIGSEGV)
        #expect(terminal.waitForExit() == 128 + SIGSEGV)
        #expect(terminal.isCanonicalMode == true)
        let echo = try #require(terminal.terminalAttributes).c_lflag & tcflag_t(ECHO)
        #expect(echo != 0)
        #expect(terminal.output.contains("the terminal is back in its normal mode"))
    }
}

/// `rehearse practice` itself, with answers that wrap and continue (a line ending in `\`).
@Suite("Window resize during a practice session", .serialized, .timeLimit(.minutes(3)))
struct PracticeResizePTYTests {
    @Test("Resize storms at the shell prompt and while paused change nothing that is typed")
    func stormsAtTheShellPromptAndWhilePaused() throws {
        let sandbox = try RehearseSandbox()
        let scenario = try sandbox.writeQuickScenario()
        let folder = (scenario as NSString).deletingLastPathComponent
        let terminal = try sandbox.start(["--scenarios", folder, "--role", "testing", "--seed", "1"], columns: 100)
        guard waitForPrompt(terminal, "› ") else { return }
        type(words(150) + " ", into: terminal)
        for size in stormSizes {
            terminal.resize(columns: size.columns, rows: size.rows)
            settle(terminal)
        }
        // Ctrl-U clears the line; what the shell then runs must be exactly "start first".
        terminal.sendKeys(.ctrlU)
        terminal.send("start first\r")
        guard waitForPrompt(terminal, "[1/2 Kim] › ") else { return }
        terminal.send("/pause\r")
        guard waitForPrompt(terminal, "[paused] › ") else { return }
        for size in stormSizes.reversed() {
            terminal.resize(columns: size.columns, rows: size.rows)
            settle(terminal)
        }
        terminal.send("/resume\r")
        guard waitForPrompt(terminal, "[1/2 Kim] › ") else { return }
        let answer = words(200, seed: 2)
        type(answer, into: terminal)
        terminal.resize(columns: 30, rows: 10)
        settle(terminal)
        terminal.send("\r")
        guard waitForPrompt(terminal, "[2/2 Kim] › ") else { return }
        terminal.sendKeys(.ctrlD)
        // The shell's own prompt, reading again: a bare "› " could match a redrawn answer prompt,
        // and a Ctrl-D sent before the shell reads would be lost to the terminal's mode change.
        guard waitForPrompt(terminal, "rehearse [testing]› ") else { return }
        terminal.sendKeys(.ctrlD)
        #expect(terminal.waitForExit(timeout: 15) == 0)
        let transcript = try #require(sandbox.transcripts().first)
        #expect(transcript.answers.map(\.text) == [answer])
    }

    @Test("A symbolic link at history/answers stops the session before a transcript is created")
    func symbolicLinkedAnswerHistory() throws {
        let sandbox = try RehearseSandbox()
        try FileManager.default.createDirectory(
            atPath: sandbox.dataFolder + "/history", withIntermediateDirectories: true)
        let victim = sandbox.root + "/victim"
        try "precious\n".write(toFile: victim, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: sandbox.dataFolder + "/history/answers", withDestinationPath: victim)
        let run = try sandbox.run(
            ["practice", "--scenario", try sandbox.writeQuickScenario(), "--seed", "1"], stdin: "an answer\n")
        #expect(run.status == 1)
        #expect(run.stderr.contains("history/answers is a symbolic link"), "stderr: \(run.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.dataFolder + "/transcripts").isEmpty)
    }

    @Test("Resize storms during wrapped and continued answers keep every answer exact")
    func stormsDuringWrappedAndContinuedAnswers() throws {
        let sandbox = try RehearseSandbox()
        let terminal = try sandbox.start(
            ["practice", "--scenario", try sandbox.writeQuickScenario(), "--seed", "1"], columns: 120)
        guard waitForPrompt(terminal, "[1/2 Kim] › ") else { return }
        let firstLine = words(230)
        type(firstLine, into: terminal)
        terminal.resize(columns: 80, rows: 30)
        settle(terminal)
        type(" then \\", into: terminal)
        terminal.send(.enter)
        guard waitForPrompt(terminal, "… › ") else { return }
        var secondLine = words(180, seed: 3)
        type(secondLine, into: terminal)
        for round in 0..<10 {
            let size = stormSizes[round % stormSizes.count]
            terminal.resize(columns: size.columns, rows: size.rows)
            settle(terminal)
            terminal.send("\(round)")
            secondLine += "\(round)"
            settle(terminal)
        }
        terminal.resize(columns: 120, rows: 40)
        settle(terminal)
        terminal.send(.enter)
        guard waitForPrompt(terminal, "[2/2 Kim] › ") else { return }
        let thirdAnswer = words(300, seed: 5)
        type(thirdAnswer, into: terminal)
        terminal.resize(columns: 50, rows: 12)
        settle(terminal)
        terminal.resize(columns: 120, rows: 40)
        settle(terminal)
        terminal.send(.enter)
        // A completed session asks for a self-rating (issue 10); Enter skips it.
        guard waitForPrompt(terminal, "How did that go, 1–5? (Enter skips) ") else { return }
        terminal.send(.enter)
        #expect(terminal.waitForExit(timeout: 15) == 0)
        let transcript = try #require(sandbox.transcripts().first)
        #expect(transcript.answers.map(\.text) == [firstLine + " then \n" + secondLine, thirdAnswer])
    }
}
