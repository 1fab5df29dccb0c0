// End-to-end tests of LineEditor: the `line-editor-harness` program driven through a pseudo-terminal.

import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starting and talking to `line-editor-harness`.
private enum Harness {
    static func path() throws -> String {
        try #require(
            BuiltProduct.path(named: "line-editor-harness"),
            "line-editor-harness not found next to the test bundle (build it with swift build)")
    }

    /// A fresh HOME (no ~/.editrc), an xterm, and a UTF-8 locale.
    static func environment() throws -> [String: String] {
        let home = FileManager.default.temporaryDirectory
            .appendingPathComponent("line-editor-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["TERM"] = "xterm"
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "EDITRC")
        return environment
    }

    static func start(_ arguments: [String] = [], columns: Int = 80) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: try path(), arguments: arguments, environment: try environment(), columns: columns)
    }
}

/// Waits for the prompt and for the editor to switch the terminal to raw mode (so keys are not cooked).
private func waitForPrompt(_ terminal: PseudoTerminal, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    let ok = terminal.waitFor("> ") && terminal.waitForInputMode(canonical: false)
    #expect(ok, "no prompt; output so far: \(terminal.output.debugDescription)", sourceLocation: sourceLocation)
    return ok
}

/// The next JSON line the harness printed.
private func nextResult(_ terminal: PseudoTerminal, timeout: TimeInterval = 10) -> [String: Any]? {
    guard let line = terminal.nextLine(containing: "{\"result\"", timeout: timeout) else { return nil }
    return (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
}

private func jsonResults(in text: String) -> [[String: Any]] {
    text.components(separatedBy: "\n").compactMap { line in
        guard let start = line.range(of: "{\"result\"") else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(line[start.lowerBound...].utf8))) as? [String: Any]
    }
}

/// Ctrl-D at the next prompt; the harness must then exit 0.
private func endInput(_ terminal: PseudoTerminal, sourceLocation: SourceLocation = #_sourceLocation) {
    guard waitForPrompt(terminal, sourceLocation: sourceLocation) else { return }
    terminal.sendKeys(.ctrlD)
    #expect(terminal.waitForExit() == 0, sourceLocation: sourceLocation)
}

/// Types `text` + Enter at the next prompt and returns the line the harness read.
private func enterLine(_ terminal: PseudoTerminal, _ text: String) -> String? {
    guard waitForPrompt(terminal) else { return nil }
    terminal.send(text)
    terminal.send(.enter)
    return nextResult(terminal)?["text"] as? String
}

@Suite("LineEditor through a pseudo-terminal", .serialized, .timeLimit(.minutes(2)))
struct LineEditorPTYTests {
    @Test("Left arrow then typing inserts mid-line; each key is logged")
    func editingMidLine() throws {
        let terminal = try Harness.start()
        #expect(waitForPrompt(terminal))
        terminal.send("helo")
        terminal.sendKeys(.left)
        terminal.send("l")
        terminal.send(.enter)
        let result = try #require(nextResult(terminal))
        #expect(result["result"] as? String == "line")
        #expect(result["text"] as? String == "hello")
        // h e l o Left l Enter: the arrow's escape sequence is one keystroke.
        #expect(result["keystrokes"] as? Int == 7)
        #expect(result["corrections"] as? Int == 0)
        let changes = try #require(result["changes"] as? [Any])
        #expect(changes.count == 7)
        if changes.count == 7 {
            #expect(changes[4] is NSNull)
            #expect((changes[5] as? [Any]).map { "\($0)" } == "\([3, 0, "l"] as [Any])")
        }

        // Backspace is a correction.
        #expect(waitForPrompt(terminal))
        terminal.send("abx")
        terminal.sendKeys(.backspace)
        terminal.send("c")
        terminal.send(.enter)
        let second = try #require(nextResult(terminal))
        #expect(second["text"] as? String == "abc")
        #expect(second["corrections"] as? Int == 1)
        endInput(terminal)
    }

    @Test("Up recalls from the history passed to that read only")
    func historyRecall() throws {
        let terminal = try Harness.start(["--alternate-histories"])
        #expect(enterLine(terminal, "alpha") == "alpha")  // history A
        #expect(enterLine(terminal, "beta") == "beta")  // history B
        #expect(waitForPrompt(terminal))
        terminal.sendKeys(.up, .enter)  // history A again
        #expect(nextResult(terminal)?["text"] as? String == "alpha")
        #expect(waitForPrompt(terminal))
        terminal.sendKeys(.up, .enter)  // history B
        #expect(nextResult(terminal)?["text"] as? String == "beta")
        endInput(terminal)
    }

    @Test("History file keeps UTF-8 lines between runs")
    func historyFile() throws {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("line-editor-history-\(UUID().uuidString)").path
        defer { unlink(file) }
        do {
            let terminal = try Harness.start(["--history", file])
            #expect(enterLine(terminal, "José ✓") == "José ✓")
            #expect(waitForPrompt(terminal))
            terminal.sendKeys(.ctrlD)
            #expect(terminal.waitForExit() == 0)
        }
        var info = stat()
        #expect(stat(file, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        let terminal = try Harness.start(["--history", file])
        #expect(waitForPrompt(terminal))
        terminal.sendKeys(.up, .enter)
        #expect(nextResult(terminal)?["text"] as? String == "José ✓")
    }

    @Test("Tab completes a unique prefix, then a common prefix, then lists")
    func tabCompletion() throws {
        let terminal = try Harness.start(["--complete", "banana,apricot,apple,cherry"])
        #expect(waitForPrompt(terminal))
        terminal.send("ba")
        terminal.sendKeys(.tab, .enter)
        #expect(nextResult(terminal)?["text"] as? String == "banana ")

        #expect(waitForPrompt(terminal))
        terminal.send("eat a")
        terminal.sendKeys(.tab)  // apricot, apple -> "ap"
        terminal.sendKeys(.tab)  // nothing more to insert: list them
        #expect(terminal.waitFor("apricot"))
        terminal.send("r")
        terminal.sendKeys(.tab, .enter)
        #expect(nextResult(terminal)?["text"] as? String == "eat apricot ")
        endInput(terminal)
    }

    @Test("UTF-8 comes back exactly")
    func unicodeRoundTrip() throws {
        let terminal = try Harness.start()
        let text = "José — café ✓"
        #expect(enterLine(terminal, text) == text)
        #expect(terminal.output.contains(text))  // and was echoed intact
    }

    @Test("Invalid UTF-8 becomes U+FFFD and never breaks the read")
    func invalidUTF8() throws {
        let terminal = try Harness.start()
        #expect(waitForPrompt(terminal))
        // A lone continuation byte, a truncated 2-byte sequence, an overlong form, a surrogate, 0xFF.
        terminal.send(bytes: [0x61, 0x80, 0xC3, 0x62, 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xFF, 0x63])
        terminal.send(.enter)
        let text = try #require(nextResult(terminal)?["text"] as? String)
        #expect(text.hasPrefix("a\u{FFFD}\u{FFFD}b"))
        #expect(text.hasSuffix("\u{FFFD}c"))
        #expect(!text.unicodeScalars.contains { $0.value >= 0xD800 && $0.value <= 0xDFFF })

        // Every non-ASCII byte value, in one paste.
        #expect(waitForPrompt(terminal))
        terminal.send(bytes: Array(0x80...0xFF) + [0x7A])
        terminal.send(.enter)
        let all = try #require(nextResult(terminal)?["text"] as? String)
        #expect(all.hasSuffix("z"))
        endInput(terminal)
    }

    @Test("A notice appears while typing and the typed text survives it")
    func noticeWhileTyping() throws {
        let terminal = try Harness.start(["--notice-after", "700", "TIME CHECK: two minutes left"])
        #expect(waitForPrompt(terminal))
        terminal.send("hello ")
        #expect(terminal.waitFor("TIME CHECK: two minutes left"))
        #expect(terminal.waitFor("hello "))  // redrawn under the notice
        terminal.send("world")
        terminal.send(.enter)
        let result = try #require(nextResult(terminal))
        #expect(result["text"] as? String == "hello world")

        // Before typing anything: the notice shows, then typing works normally.
        #expect(waitForPrompt(terminal))
        #expect(terminal.waitFor("TIME CHECK: two minutes left"))
        #expect(terminal.waitFor("> "))
        terminal.send("after")
        terminal.send(.enter)
        #expect(nextResult(terminal)?["text"] as? String == "after")
        endInput(terminal)
    }

    @Test("Ctrl-C clears a non-empty line; on an empty line it interrupts")
    func controlC() throws {
        let terminal = try Harness.start()
        #expect(waitForPrompt(terminal))
        terminal.send("abc")
        #expect(terminal.waitFor("abc"))
        terminal.sendKeys(.ctrlC)
        #expect(terminal.waitFor("^C"))
        #expect(waitForPrompt(terminal))
        terminal.send("xyz")
        terminal.send(.enter)
        let result = try #require(nextResult(terminal))
        #expect(result["text"] as? String == "xyz")
        #expect(result["corrections"] as? Int == 1)  // the Ctrl-C that cleared "abc"
        #expect(result["keystrokes"] as? Int == 8)

        #expect(waitForPrompt(terminal))
        terminal.sendKeys(.ctrlC)
        #expect(nextResult(terminal)?["result"] as? String == "interrupt")
        #expect(waitForPrompt(terminal))
        terminal.sendKeys(.ctrlD)
        #expect(nextResult(terminal)?["result"] as? String == "eof")
        #expect(terminal.waitForExit() == 0)
    }

    @Test("Ctrl-D ends input only on an empty line")
    func controlD() throws {
        let terminal = try Harness.start()
        #expect(waitForPrompt(terminal))
        terminal.send("ab")
        terminal.sendKeys(.ctrlD)
        terminal.send("c")
        terminal.send(.enter)
        #expect(nextResult(terminal)?["text"] as? String == "abc")
        #expect(waitForPrompt(terminal))
        terminal.sendKeys(.ctrlD)
        #expect(nextResult(terminal)?["result"] as? String == "eof")
        #expect(terminal.waitForExit() == 0)
        #expect(terminal.isCanonicalMode == true)
    }

    @Test("SIGTERM during a read ends it and restores the terminal")
    func terminationSignal() throws {
        let terminal = try Harness.start()
        #expect(waitForPrompt(terminal))
        terminal.send("half an ans")
        #expect(terminal.waitFor("half an ans"))
        terminal.signal(SIGTERM)
        let result = try #require(nextResult(terminal))
        #expect(result["result"] as? String == "terminated")
        #expect(result["signal"] as? Int == Int(SIGTERM))
        #expect(terminal.isCanonicalMode == true)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("Window resize and Ctrl-Z do not disturb a read")
    func resizeAndSuspend() throws {
        let terminal = try Harness.start()
        #expect(waitForPrompt(terminal))
        terminal.send("ab")
        #expect(terminal.waitFor("ab"))
        terminal.resize(columns: 40, rows: 10)
        // Ctrl-Z: in this orphaned process group the kernel discards the stop, so the read simply continues.
        terminal.sendKeys(.ctrlZ)
        terminal.send("cd")
        terminal.send(.enter)
        #expect(nextResult(terminal)?["text"] as? String == "abcd")
        endInput(terminal)
    }

    @Test("Piped input: same code path, prompt printed, last line without newline counts")
    func pipedInput() throws {
        let run = runProcess(
            executable: try Harness.path(), arguments: [], environment: try Harness.environment(), stdin: "a\nb")
        #expect(run.status == 0)
        let results = jsonResults(in: run.stdout)
        #expect(results.count == 3, "stdout: \(run.stdout.debugDescription)")
        #expect(results.first?["text"] as? String == "a")
        #expect(results.dropFirst().first?["text"] as? String == "b")
        #expect(results.last?["result"] as? String == "eof")
        #expect(run.stdout.components(separatedBy: "> ").count - 1 == 3)
    }

    @Test("Think time: the first keystroke is timestamped when it arrives")
    func thinkTime() throws {
        let terminal = try Harness.start()
        #expect(waitForPrompt(terminal))
        let delay: UInt64 = 300_000_000
        let promptSeen = monotonicNanoseconds()
        while monotonicNanoseconds() - promptSeen < delay { usleep(1_000) }
        let sent = monotonicNanoseconds()
        terminal.send("x")
        terminal.send(.enter)
        let result = try #require(nextResult(terminal))
        let firstKeyMS = try #require(result["first_key_ms"] as? Double)
        let firstKeyNS = try #require((result["first_key_ns"] as? NSNumber)?.uint64Value)
        let readStartNS = try #require((result["read_start_ns"] as? NSNumber)?.uint64Value)
        #expect(firstKeyMS >= 300)
        let latencyMS = Double(Int64(bitPattern: firstKeyNS &- sent)) / 1e6
        let promptLagMS = Double(Int64(bitPattern: promptSeen &- readStartNS)) / 1e6
        print(
            "think-time: first_key_ms=\(firstKeyMS) for a 300 ms delay after the prompt appeared "
                + "(error \(firstKeyMS - 300) ms = prompt-to-test \(promptLagMS) ms + keystroke latency \(latencyMS) ms)"
        )
    }
}
