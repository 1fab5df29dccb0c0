// The line editor's history file (merged on save, never through a symbolic link), its keystroke log
// (recorded key by key, exact for any text), and the size limit of one line.

import Foundation
import RehearseCore
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `line-editor-harness` with a fresh HOME.
private enum LimitsHarness {
    static func path() throws -> String {
        try #require(BuiltProduct.path(named: "line-editor-harness"), "line-editor-harness not built")
    }

    static func environment() throws -> [String: String] {
        let home = NSTemporaryDirectory() + "line-editor-limits-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["TERM"] = "xterm"
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "EDITRC")
        return environment
    }

    static func start(_ arguments: [String]) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: try path(), arguments: arguments, environment: try environment(), columns: 80, rows: 24)
    }
}

private func harnessPrompt(_ terminal: PseudoTerminal, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    let ok = terminal.waitFor("> ") && terminal.waitForInputMode(canonical: false)
    #expect(
        ok, "no prompt; output so far: \(terminal.output.suffix(400).debugDescription)", sourceLocation: sourceLocation)
    return ok
}

private func result(_ terminal: PseudoTerminal) -> [String: Any]? {
    guard let line = terminal.nextLine(containing: "{\"result\"", timeout: 10) else { return nil }
    return (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
}

/// The history file's entries (cookie line dropped, libedit's \\ooo escapes decoded; the test lines are ASCII).
private func historyLines(_ path: String) throws -> [String] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return text.split(separator: "\n").filter { $0 != "_HiStOrY_V2_" }.map { line in
        var bytes: [UInt8] = []
        var rest = Array(line.utf8)[...]
        while let byte = rest.popFirst() {
            if byte == UInt8(ascii: "\\"), rest.count >= 3,
                let code = UInt8(String(decoding: rest.prefix(3), as: UTF8.self), radix: 8)
            {
                bytes.append(code)
                rest = rest.dropFirst(3)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

private func temporaryFolder() throws -> String {
    let folder = NSTemporaryDirectory() + "history-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}

@Suite("Line editor: history file, keystroke log, line limit", .serialized, .timeLimit(.minutes(2)))
struct LineEditorLimitsTests {
    @Test("Two sessions sharing a history file both keep their lines")
    func historyMergesOnSave() throws {
        let file = try temporaryFolder() + "/answers"
        let first = try LimitsHarness.start(["--history", file])
        let second = try LimitsHarness.start(["--history", file])
        guard harnessPrompt(first), harnessPrompt(second) else { return }
        for (terminal, line) in [(first, "from the first"), (second, "from the second"), (first, "first again")] {
            terminal.send(line + "\r")
            #expect(result(terminal)?["text"] as? String == line)
            guard harnessPrompt(terminal) else { return }
        }
        first.sendKeys(.ctrlD)
        #expect(first.waitForExit() == 0)
        second.sendKeys(.ctrlD)
        #expect(second.waitForExit() == 0)
        #expect(try historyLines(file) == ["from the first", "first again", "from the second"])
        var info = stat()
        #expect(lstat(file, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: (file as NSString).deletingLastPathComponent)
        #expect(leftovers == ["answers"])
    }

    @Test("The merged history keeps only the newest 500 lines")
    func mergedHistoryKeepsTheLimit() throws {
        let file = try temporaryFolder() + "/answers"
        let old = (1...499).map { "old \($0)" }
        try ("_HiStOrY_V2_\n" + old.joined(separator: "\n") + "\n").write(
            toFile: file, atomically: true, encoding: .utf8)
        let terminal = try LimitsHarness.start(["--history", file])
        guard harnessPrompt(terminal) else { return }
        for line in ["new1", "new2", "new3"] {
            terminal.send(line + "\r")
            #expect(result(terminal)?["text"] as? String == line)
            guard harnessPrompt(terminal) else { return }
        }
        terminal.sendKeys(.ctrlD)
        #expect(terminal.waitForExit() == 0)
        let lines = try historyLines(file)
        #expect(lines.count == 500)
        #expect(lines.suffix(3) == ["new1", "new2", "new3"])
        #expect(lines.first == "old 3")
    }

    @Test("A symbolic link at the history path is refused at start, and its target is untouched")
    func symbolicLinkAtLoadIsRefused() throws {
        let folder = try temporaryFolder()
        let victim = folder + "/victim"
        try "precious\n".write(toFile: victim, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/answers", withDestinationPath: victim)
        let run = runProcess(
            executable: try LimitsHarness.path(), arguments: ["--history", folder + "/answers"],
            environment: try LimitsHarness.environment(), stdin: "a line\n")
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(folder)/answers is a symbolic link"), "stderr: \(run.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
    }

    @Test("A symbolic link planted at the history path during a session is not written through")
    func symbolicLinkAtSaveIsRefused() throws {
        let folder = try temporaryFolder()
        let victim = folder + "/victim"
        try "precious\n".write(toFile: victim, atomically: true, encoding: .utf8)
        let terminal = try LimitsHarness.start(["--history", folder + "/answers"])
        guard harnessPrompt(terminal) else { return }
        terminal.send("an answer\r")
        #expect(result(terminal)?["text"] as? String == "an answer")
        guard harnessPrompt(terminal) else { return }
        try FileManager.default.createSymbolicLink(atPath: folder + "/answers", withDestinationPath: victim)
        terminal.sendKeys(.ctrlD)
        #expect(result(terminal)?["result"] as? String == "eof")
        let failure = try #require(result(terminal))
        #expect(failure["result"] as? String == "save-failed")
        #expect((failure["error"] as? String)?.contains("is a symbolic link") == true)
        #expect(terminal.waitForExit() == 1)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["answers", "victim"])
    }

    @Test(
        "Replaying the logged changes rebuilds the line exactly, for any text typed anywhere",
        arguments: [
            ["plain ascii", "ĥéllo wörld"],
            ["e", "\u{301}", " café — “quoted” 😀", "\u{200D}", "👩", "!"],
            ["한", "국", "어 🇫", "🇷", " ok"],
            ["👍", "\u{1F3FD}", " x"],
        ])
    func keystrokeLogReplaysExactly(pieces: [String]) throws {
        let terminal = try LimitsHarness.start([])
        guard harnessPrompt(terminal) else { return }
        for (index, piece) in pieces.enumerated() {
            terminal.send(piece)
            _ = terminal.waitFor(String(piece.unicodeScalars.suffix(1)), timeout: 2)
            if index == 1 {
                // Some keys in the middle of the line: left twice, type, then back to the end.
                terminal.sendKeys(.left, .left)
                terminal.send("ä")
                terminal.sendKeys(.end)
            }
        }
        terminal.sendKeys(.backspace)
        terminal.send(.enter)
        let read = try #require(result(terminal))
        let text = try #require(read["text"] as? String)
        var rebuilt: [Character] = []
        for change in try #require(read["changes"] as? [Any]) {
            guard let step = change as? [Any] else { continue }
            let position = try #require(step[0] as? Int)
            let deleted = try #require(step[1] as? Int)
            let inserted = try #require(step[2] as? String)
            try #require(
                position + deleted <= rebuilt.count, "change \(step) does not fit \(String(rebuilt).debugDescription)")
            rebuilt.replaceSubrange(position..<(position + deleted), with: Array(inserted))
        }
        #expect(
            String(rebuilt).unicodeScalars.elementsEqual(text.unicodeScalars),
            "rebuilt \(String(rebuilt).debugDescription), read \(text.debugDescription)")
        guard harnessPrompt(terminal) else { return }
        terminal.sendKeys(.ctrlD)
        #expect(terminal.waitForExit() == 0)
    }

    @Test("A 1 MB piped answer is capped at 64 KiB with a notice; the allowed part and the next answer are exact")
    func oneMegabyteAnswer() throws {
        let sandbox = try RehearseSandbox()
        let unit = "abcdef "
        let huge = String(repeating: unit, count: 1_048_576 / unit.utf8.count + 1)
        let run = try sandbox.run(
            ["practice", "--scenario", try sandbox.writeQuickScenario(), "--seed", "1"],
            stdin: huge + "\nsecond answer\n")
        #expect(run.status == 0, "stderr: \(run.stderr.suffix(500))")
        #expect(run.stdout.contains("This answer has reached 64 KiB"))
        let transcript = try #require(sandbox.transcripts().first)
        let texts = transcript.answers.map(\.text)
        #expect(texts.count == 2)
        // Compared without printing 64 KiB on a failure.
        #expect(texts.first == String(huge.utf8.prefix(65_536)), "first answer: \(texts.first?.utf8.count ?? 0) bytes")
        #expect(texts.last == "second answer")
    }
}
