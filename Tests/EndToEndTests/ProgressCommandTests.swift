// End-to-end tests of compare, progress and drill (issue 10), piped and through a pseudo-terminal.

import Foundation
import RehearseCore
import TestSupport
import Testing

@Suite(.serialized) struct ProgressCommandTests {
    static let firstAnswers = "I like my job.\n/skip\n"
    static let secondAnswers =
        "Last year I led a team of 5 and we improved the score to 94 percent, so that customers stayed.\nI handled it myself.\n"

    @Test func twoPipedSessionsThenCompareShowsBothAnswersAndTheScoreChange() throws {
        let sandbox = try RehearseSandbox()
        let scenario = try sandbox.writeQuickScenario()
        let first = try sandbox.run(
            ["practice", "--scenario", scenario, "--seed", "1", "--self-rating", "4"], stdin: Self.firstAnswers)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(sandbox.transcripts().first?.end?.selfRating == 4)
        Thread.sleep(forTimeInterval: 1.1)  // distinct start times
        let second = try sandbox.run(["practice", "--scenario", scenario, "--seed", "1"], stdin: Self.secondAnswers)
        #expect(second.status == 0, "\(second.stderr)")
        let compare = try sandbox.run(["compare", "--width", "200"])
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains("quick-test/one"))
        #expect(compare.stdout.contains("[-like my job.-]"))
        #expect(compare.stdout.contains("{+led a team of 5"))
        #expect(compare.stdout.contains("  score    "), "\(compare.stdout)")
        #expect(compare.stdout.contains("numbers  kept –; dropped –; new 5, 94"))
        let json = try sandbox.run(["compare", "--format", "json"])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let questions = try #require(decoded?["questions"] as? [[String: Any]])
        #expect(questions.count == 2)
        // The score change, whatever the scoring's exact weights: the fuller answer scores higher.
        let score = try #require(questions.first?["score"] as? [String: Int])
        #expect(try #require(score["after"]) > (try #require(score["before"])))
        let review = try sandbox.run(["review", sandbox.transcripts()[0].header.session])
        #expect(review.stdout.contains("Your rating: 4/5 (75%) · the review's score:"))
        let progress = try sandbox.run(["progress"])
        #expect(progress.status == 0)
        #expect(progress.stdout.contains("Progress: testing (2 sessions: 2 practice)"))
        #expect(progress.stdout.contains("Self-rating vs review: 1 rated"))
    }

    @Test func fewerThanTwoAttemptsAndBadDatesAreClearErrors() throws {
        let sandbox = try RehearseSandbox()
        let none = try sandbox.run(["compare"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("there are no transcripts yet"))
        _ = try sandbox.run(["practice", "--scenario", try sandbox.writeQuickScenario()], stdin: "An answer.\n")
        let one = try sandbox.run(["compare"])
        #expect(one.status == 1)
        #expect(one.stderr.contains("fewer than two attempts"))
        let badUntil = try sandbox.run(["drill", "--until", "next friday"])
        #expect(badUntil.status == 2)
        #expect(badUntil.stderr.contains("use the interview date as YYYY-MM-DD"))
        let badSince = try sandbox.run(["progress", "--since", "last week"])
        #expect(badSince.status == 2)
        #expect(badSince.stderr.contains("use a date such as 2026-05-01"))
    }

    @Test func aDamagedTranscriptIsSkippedWithAWarningAndTheOthersCount() throws {
        let sandbox = try RehearseSandbox()
        _ = try sandbox.run(["practice", "--scenario", try sandbox.writeQuickScenario()], stdin: "An answer.\n/skip\n")
        try "{\"not\": \"a transcript\"}\n".write(
            toFile: sandbox.dataFolder + "/transcripts/2020-01-01T000000Z-deadbeef.jsonl",
            atomically: true, encoding: .utf8)
        let progress = try sandbox.run(["progress"])
        #expect(progress.status == 0)
        #expect(progress.stderr.split(separator: "\n").count == 1)
        #expect(progress.stderr.contains("warning: skipped 2020-01-01T000000Z-deadbeef.jsonl:"))
        #expect(progress.stdout.contains("Progress: testing (1 session"))
    }

    @Test func drillListNamesTheSkippedQuestionAndADrillAsksItThenItIsNotDueToday() throws {
        let sandbox = try RehearseSandbox()
        let scenario = try sandbox.writeQuickScenario()
        let strong =
            "When a customer called last year about a lost order, I called the warehouse and we shipped a replacement within 2 days, so that the client stayed."
        let session = try sandbox.run(["practice", "--scenario", scenario], stdin: "\(strong)\n/skip\n")
        #expect(session.status == 0, "\(session.stderr)")
        #expect(session.stdout.contains("Due to drill now: 1 question"))
        let list = try sandbox.run(["drill", "--list"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("Due now for testing: 1"))
        #expect(list.stdout.contains("quick-test/two"))
        #expect(list.stdout.contains("why: skipped"))
        #expect(!list.stdout.contains("quick-test/one"))

        Thread.sleep(forTimeInterval: 1.1)  // the drill starts in a later second than the session it drills
        let terminal = try sandbox.start(["drill", "--scenarios", sandbox.root])
        guard waitForPrompt(terminal, "[1/1 Kim] › ") else { return }
        #expect(terminal.output.contains("Second question?"))
        terminal.send("I handled it.\r")
        guard waitForPrompt(terminal, "How did that go, 1–5? (Enter skips) ") else { return }
        terminal.send("9\r")
        #expect(terminal.waitFor("Type a number from 1"))
        guard waitForPrompt(terminal, "How did that go, 1–5? (Enter skips) ") else { return }
        terminal.send("2\r")
        #expect(terminal.waitFor("Interview complete."))
        #expect(terminal.waitForExit(timeout: 10) == 0)
        // Both sessions may start in the same second: find the drill by its scenario, not by the file order.
        let drill = try #require(sandbox.transcripts().first { $0.header.scenario.id == "drill-testing" })
        let practice = try #require(sandbox.transcripts().first { $0.header.scenario.id == "quick-test" })
        #expect(drill.asks.first?.repeats == "quick-test/two")
        #expect(drill.end?.selfRating == 2)

        let after = try sandbox.run(["drill", "--list"])
        #expect(after.stdout.contains("Due now for testing: 0"), "\(after.stdout)")
        #expect(after.stdout.contains("quick-test/two  due "))
        let compare = try sandbox.run(["compare", drill.header.session, practice.header.session])
        #expect(compare.stdout.contains("quick-test/two"))
        let progress = try sandbox.run(["progress"])
        #expect(progress.stdout.contains("1 practice, 1 drill"))
    }
}
