import Foundation
import Testing

@testable import RehearseCore

@Suite struct InterviewSessionTests {
    static let longStory =
        "Last year a customer called because an order was lost; I handled it, called the warehouse, and as a result we shipped a replacement within 2 days so the client stayed with us and the outcome was good for everyone involved in the team."

    @Test func asksEveryQuestionThenTheCandidateStageAndCompletes() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        #expect(run.session.prompt?.label == "[1/4 Ana] › ")
        for _ in 0..<4 { run.answer(Self.longStory) }
        #expect(run.session.prompt?.kind == .candidateQuestion)
        run.answer("How does career growth work?")
        run.answer("")
        #expect(run.session.isFinished)
        #expect(run.session.status == .completed)
        guard case .end(let end) = run.events.last else {
            Issue.record("no end line")
            return
        }
        #expect(end.status == .completed)
        #expect(end.answered == 4)
        #expect(
            run.events.contains {
                if case .candidateQuestion(let q) = $0 {
                    q.matched == "growth" && q.reply == "We train everyone."
                } else {
                    false
                }
            })
    }

    @Test func sameSeedSameQuestions() throws {
        let scenario = try loadScenario(sampleScenarioYAML(pick: "pick: 2", extraProbes: probeYAML("no_numbers")))
        func picked(seed: UInt64) throws -> [String] {
            let run = try ScriptedRun(scenario, seed: seed)
            for _ in 0..<2 { run.answer(Self.longStory) }
            return run.asks.map(\.question)
        }
        #expect(try picked(seed: 7) == picked(seed: 7))
        #expect(try picked(seed: 7).count == 2)
        let variety = Set(try (0..<20).map { try picked(seed: UInt64($0)) })
        #expect(variety.count > 1)
    }

    /// Each rule fires on an answer where its condition holds, and stays quiet where it does not.
    @Test(arguments: [
        (
            "too_few_words", "min_words: 10", "Short answer.",
            "One two three four five six seven eight nine ten eleven twelve."
        ),
        (
            "no_example", "", "I am a hard worker and I value teamwork a lot.",
            "For example, I handled a refund queue alone."
        ),
        ("no_numbers", "", "I improved the process a great deal.", "I cut the backlog from 300 tickets to 40."),
        ("missing_point", "point: 2", "The customer was upset.", "The customer was upset and the outcome was fine."),
        ("missing_point", "", "The customer was upset.", "The client was happy with the result."),
        ("hedging", "", "I think maybe it sort of worked.", "It worked and I can show why."),
        ("no_result", "", "I called the warehouse.", "I called the warehouse, which meant the parcel arrived."),
    ])
    func probeRules(rule: String, extra: String, firing: String, quiet: String) throws {
        let scenario = try loadScenario(sampleScenarioYAML(extraProbes: probeYAML(rule, extra: extra)))
        let fires = try ScriptedRun(scenario)
        fires.answer(firing)
        #expect(fires.probes.map(\.probe) == [rule])
        #expect(fires.session.prompt?.label == "[1/4 Ana] › ")
        let stays = try ScriptedRun(scenario)
        stays.answer(quiet)
        #expect(stays.probes.isEmpty)
        #expect(stays.session.prompt?.label == "[2/4 Ana] › ")
    }

    @Test func neverMoreProbesThanAllowed() throws {
        let probes = [probeYAML("no_numbers"), probeYAML("no_example"), probeYAML("no_result")].joined(separator: "\n")
        for allowed in [0, 1, 2] {
            let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probes, maxProbes: allowed)))
            for _ in 0..<4 { run.answer("Fine.") }
            #expect(run.probes.count == allowed)
            if allowed == 2 { #expect(run.probes.map(\.probe) == ["no_numbers", "no_example"]) }
        }
    }

    @Test func timingComesFromTheClock() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        run.answer("Answer with 3 numbers.", thinkMs: 4200, typeMs: 9100)
        let timing = try #require(run.answers.first?.timing)
        #expect(timing.thinkMilliseconds == 4200)
        #expect(timing.answerMilliseconds == 9100)
        #expect(timing.isOverLimit == false)
        run.answer("Another 1.", thinkMs: 50_000, typeMs: 20_000)
        #expect(run.answers.last?.timing.isOverLimit == true)
    }

    @Test func pauseStopsTheClock() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        run.answer("/pause", thinkMs: 1000, typeMs: 0)
        #expect(run.session.prompt?.kind == .paused)
        run.clock.advance(milliseconds: 600_000)
        run.answer("/resume", thinkMs: 0, typeMs: 0)
        run.answer("My answer has 2 numbers, 3.", thinkMs: 2000, typeMs: 1000)
        let timing = try #require(run.answers.first?.timing)
        #expect(timing.pausedMilliseconds == 600_000)
        #expect(timing.thinkMilliseconds == 3000)
        #expect(timing.isOverLimit == false)
        #expect(run.commands.contains("pause") && run.commands.contains("resume"))
    }

    @Test func skipNoteRedoAndQuitAreRecorded() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        run.answer("First answer with 1 number.")
        run.answer("/note mention the 2019 award")
        run.answer("/skip")
        #expect(run.session.prompt?.label == "[3/4 Ana] › ")
        run.answer("/redo")
        #expect(run.session.prompt?.label == "[2/4 Ana] › ")
        run.answer("Second answer after all, 2 points.")
        #expect(run.session.prompt?.label == "[3/4 Ana] › ")
        run.answer("/quit")
        #expect(run.session.status == .quit)
        #expect(run.commands == ["skip", "redo", "quit"])
        #expect(run.events.contains { if case .note(let n) = $0 { n.text == "mention the 2019 award" } else { false } })
        #expect(run.answers.last?.isRedo == true)
        guard case .end(let end) = run.events.last else {
            Issue.record("no end")
            return
        }
        #expect(end.answered == 2)
    }

    @Test func hintsAreRecordedWithTheTextShown() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        run.answer("/hint")
        run.answer("First answer with 1 number.")
        run.answer("/hint")
        let hints = run.events.compactMap { event -> TranscriptEvent.Command? in
            if case .command(let command) = event, command.name == "hint" { return command }
            return nil
        }
        #expect(hints.map(\.question) == ["q1", "q2"])
        #expect(
            hints.map(\.text) == [
                "Hint: Say what happened.",
                "There is no hint for this question. Try: what happened, what you did, and what came of it.",
            ])
    }

    @Test func redoMarksTheNewAnswer() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        run.answer("First, 1.")
        run.answer("/redo")
        run.answer("First again, 2.")
        #expect(run.answers.map(\.question) == ["q1", "q1"])
        #expect(run.answers.last?.isRedo == true)
        #expect(run.session.prompt?.label == "[2/4 Ana] › ")
    }

    @Test func emptyLineAsksAgainAndRecordsNothing() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        let output = run.answer("   ")
        #expect(run.answers.isEmpty)
        #expect(output.contains { if case .question = $0 { true } else { false } })
        #expect(run.session.prompt?.label == "[1/4 Ana] › ")
    }

    @Test func backslashContinuesTheAnswer() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        run.answer("First line \\")
        #expect(run.session.prompt?.kind == .continuation)
        run.answer("second line with 4.")
        #expect(run.answers.first?.text == "First line \nsecond line with 4.")
    }

    @Test func theTypingTimelineRebuildsAMultiLineAnswer() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        func type(_ keys: [(String, Int, Int)]) {
            var typed: [TypingRecord.Key] = []
            for (inserted, position, deleted) in keys {
                run.clock.advance(milliseconds: 120)
                typed.append(.init(time: run.clock.now(), position: position, deleted: deleted, inserted: inserted))
            }
            var line = ""
            for key in typed {
                let start = line.index(line.startIndex, offsetBy: key.position)
                line.replaceSubrange(start..<line.index(start, offsetBy: key.deleted), with: key.inserted)
            }
            run.clock.advance(milliseconds: 50)
            run.outputs += run.session.submit(line, typing: TypingRecord(keys: typed, submittedAt: run.clock.now()))
        }
        type([("ab", 0, 0), ("x", 2, 0), ("", 2, 1), ("c \\", 2, 0)])
        type([("déf", 0, 0), (" \\", 3, 0)])
        type([("g1", 0, 0)])
        let answer = try #require(run.answers.first)
        #expect(answer.text == "abc \ndéf \ng1")
        var rebuilt = ""
        for step in answer.typing where step.changesLine {
            let start = rebuilt.index(rebuilt.startIndex, offsetBy: step.position)
            rebuilt.replaceSubrange(start..<rebuilt.index(start, offsetBy: step.deleted), with: step.inserted)
        }
        #expect(rebuilt == "abc \ndéf \ng1")
        #expect(answer.timing.corrections == 1)
    }

    @Test func candidateStageEndsOnDone() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        for _ in 0..<4 { run.answer("Answer 1.") }
        run.answer("What about the team?")
        run.answer("/done")
        #expect(run.session.status == .completed)
        let replies = run.events.compactMap { if case .candidateQuestion(let q) = $0 { q } else { nil } }
        #expect(replies.map(\.speaker) == ["ana"])
    }

    /// Asking nothing draws one invitation from the interviewer (recorded as said); /hint lists
    /// three questions fitted to the scenario; the next "no" ends the stage.
    @Test func askingNothingDrawsOneInvitationAndHintSuggestsQuestions() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        for _ in 0..<4 { run.answer("Answer 1.") }
        run.answer("")
        #expect(!run.session.isFinished)
        #expect(run.events.contains { if case .say(let say) = $0 { say.text == CandidateStage.nudge } else { false } })
        run.answer("/hint")
        let hint = run.events.compactMap {
            if case .command(let command) = $0, command.name == "hint" { command.text } else { nil }
        }.last
        #expect(hint?.contains("How is success measured") == true, "\(String(describing: hint))")
        run.answer("")
        #expect(run.session.status == .completed)
        let review = ReviewBuilder().review(try #require(run.recorder.transcript))
        #expect(review.candidateQuestions.suggestions?.count == 3)
    }

    @Test func interruptWritesAnInterruptedEnd() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        run.answer("One answer, 1.")
        _ = run.session.interrupt(reason: "SIGTERM")
        guard case .end(let end) = run.events.last else {
            Issue.record("no end")
            return
        }
        #expect(end.status == .interrupted)
        #expect(end.reason == "SIGTERM")
        #expect(run.answers.count == 1)
    }

    @Test func variablesAreFilledIn() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        #expect(run.asks.first?.text == "Tell me about a hard problem, Sam.")
        #expect(
            run.outputs.contains(
                .say(
                    Interviewer(id: "ana", name: "Ana Lopez", title: "Lead", style: .warm),
                    "Hello Sam, welcome to Acme.")))
    }
}
