// End-to-end tests of how a practice session ends and what it says then (issue 7 item 6, issue 12 item 6).

import Foundation
import RehearseCore
import TestSupport
import Testing

@Suite(.serialized) struct SessionEndingPTYTests {
    @Test func endingWithCtrlCExitsLikeAnInterruptedReplay() throws {
        let sandbox = try RehearseSandbox()
        let terminal = try sandbox.start(["practice", "--scenario", try sandbox.writeQuickScenario()])
        guard waitForPrompt(terminal, "[1/2 Kim] › ") else { return }
        terminal.send("kept answer\r")
        guard waitForPrompt(terminal, "[2/2 Kim] › ") else { return }
        terminal.sendKeys(.ctrlC)
        guard waitForPrompt(terminal, "End the session?") else { return }
        terminal.send("y\r")
        #expect(terminal.waitFor("Session interrupted."))
        #expect(terminal.waitForExit(timeout: 10) == 128 + SIGINT)
        let transcript = try #require(sandbox.transcripts().first)
        #expect(transcript.answers.map(\.text) == ["kept answer"])
        #expect(transcript.end?.status == .interrupted)
        #expect(transcript.end?.reason == "ended with Ctrl-C")
    }

    @Test func ctrlCTwiceAlsoExits130() throws {
        let sandbox = try RehearseSandbox()
        let terminal = try sandbox.start(["practice", "--scenario", try sandbox.writeQuickScenario()])
        guard waitForPrompt(terminal, "[1/2 Kim] › ") else { return }
        terminal.sendKeys(.ctrlC)
        guard waitForPrompt(terminal, "End the session?") else { return }
        terminal.sendKeys(.ctrlC)
        #expect(terminal.waitForExit(timeout: 10) == 128 + SIGINT)
        #expect(sandbox.transcripts().first?.end?.status == .interrupted)
    }

    @Test func theTimeLimitNoticeIsRecordedWhenItWasShown() throws {
        let sandbox = try RehearseSandbox()
        let terminal = try sandbox.start(["practice", "--scenario", try sandbox.writeQuickScenario()])
        guard waitForPrompt(terminal, "[1/2 Kim] › ") else { return }
        terminal.send("typed before ")
        #expect(terminal.waitFor("typed before "))
        #expect(terminal.waitFor("have passed for this question", timeout: 20))
        // A gap between the notice and the next keys, so "after the notice" is a distinct moment.
        Thread.sleep(forTimeInterval: 0.3)
        terminal.send("and after")
        #expect(terminal.waitFor("and after"))
        terminal.sendKeys(.enter)
        guard waitForPrompt(terminal, "[2/2 Kim] › ") else { return }
        terminal.sendKeys(.ctrlD)
        #expect(terminal.waitForExit(timeout: 10) == 0)
        let transcript = try #require(sandbox.transcripts().first)
        let ask = try #require(transcript.asks.first)
        let answer = try #require(transcript.answers.first)
        let notices = transcript.events.compactMap { if case .notice(let notice) = $0 { notice } else { nil } }
        #expect(notices.count == 1)
        let notice = try #require(notices.first)
        // When the first key of "and after" was typed: the ask's time plus the delays up to that step.
        var time = ask.t
        var firstKeyAfter: Int?
        for step in answer.typing {
            time += step.delayMilliseconds
            if step.inserted.hasPrefix("a"), step.position == "typed before ".count { firstKeyAfter = time }
        }
        let keyTime = try #require(firstKeyAfter)
        #expect(notice.t <= keyTime, "notice at \(notice.t) ms, after the key typed after it at \(keyTime) ms")
        #expect(notice.t >= ask.t + 10_000)
        #expect(notice.typed == "typed before ")
    }
}

@Suite struct PipedSessionEndingTests {
    @Test func noThankYouReminderAfterQuittingWithNoAnswers() throws {
        let sandbox = try RehearseSandbox()
        let result = try sandbox.run(["practice", "--scenario", try sandbox.writeQuickScenario()], stdin: "/quit\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Session ended early."))
        #expect(!result.stdout.contains("thank-you"), "\(result.stdout)")
    }

    @Test func theThankYouReminderStaysAfterAnAnswer() throws {
        let sandbox = try RehearseSandbox()
        let result = try sandbox.run(
            ["practice", "--scenario", try sandbox.writeQuickScenario()], stdin: "an answer\n/quit\n")
        #expect(result.stdout.contains("Send a thank-you email by"))
    }

    @Test func theFlagsLineWrapsWithAHangingIndent() throws {
        let sandbox = try RehearseSandbox()
        let rules = ["too_few_words", "no_example", "no_numbers", "hedging", "no_result"]
        var questions = ""
        for (index, rule) in rules.enumerated() {
            questions += """

                      - id: q\(index + 1)
                        text: Question \(index + 1)?
                        max_probes: 1
                        probes:
                          - when: \(rule)
                            ask: Can you say more?
                """
        }
        let path = sandbox.root + "/flags.yaml"
        try """
        version: 1
        id: flags-test
        title: Flags test
        role: testing
        role_title: Tester
        kind: first
        company: Acme
        time_limit: 60
        interviewers:
          - id: kim
            name: Kim Park
            title: Lead
            style: direct
        stages:
          - interviewer: kim
            questions:\(questions)
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let input = String(repeating: "I think maybe ok.\nStill maybe ok.\n", count: 5)
        let result = try sandbox.run(["practice", "--scenario", path], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("  Flags: ") })
        let flags = lines[start...].prefix { $0.hasPrefix("  Flags: ") || $0.hasPrefix("         ") }
        #expect(flags.count > 1, "\(flags)")
        for line in flags { #expect(line.count <= 80, "\(line)") }
        // No word broken across lines: every line ends at a word boundary.
        let joined = flags.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("follow-up for too few words"))
        #expect(joined.contains("follow-up for no result"))
    }
}
