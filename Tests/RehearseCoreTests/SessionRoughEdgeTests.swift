import Foundation
import Testing

@testable import RehearseCore

/// Rough edges a new user met in a session (issue 7), each pinned by a test that failed before its fix.
@Suite struct SessionRoughEdgeTests {
    static func summary(_ run: ScriptedRun) -> SessionSummary? {
        run.outputs.lazy.compactMap { if case .summary(let summary) = $0 { summary } else { nil } }.first
    }

    static func review(_ run: ScriptedRun) -> TranscriptReview {
        ReviewBuilder().review(
            Transcript(header: run.session.header, events: run.events, warnings: [], path: "(memory)"))
    }

    @Test func redoWhileAQuestionIsOpenIsNotASkip() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        run.answer("Answer 1.")
        run.answer("/skip")
        run.answer("Answer 3.")
        run.answer("/redo")
        #expect(run.session.prompt?.label == "[3/4 Ana] › ")
        run.answer("Answer 3 again.")
        run.answer("Answer 4.")
        run.answer("/quit")
        let summary = try #require(Self.summary(run))
        let review = Self.review(run)
        #expect(summary.skipped == 1)
        #expect(review.session.skipped == summary.skipped)
        #expect(review.session.answered == summary.answered)
        #expect(review.session.asked == summary.asked)
        #expect(review.questions.filter(\.isSkipped).map(\.questionID) == ["q2"])
        // q4 was shown, set aside by /redo, then answered: one turn, not a skipped one beside an answered one.
        #expect(review.questions.map(\.questionID) == ["q1", "q2", "q3", "q3", "q4"])
        let workOn = review.toWorkOn.compactMap { index in review.questions.first { $0.index == index }?.questionID }
        #expect(workOn.filter { $0 == "q4" }.count <= 1)
    }

    @Test func aQuestionAnsweredAgainIsOneSlowStart() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        run.answer("Answer 1.", thinkMs: 9000)
        run.answer("/redo")
        run.answer("Answer 1 again.", thinkMs: 4000)
        run.answer("Answer 2.", thinkMs: 1000)
        run.answer("/quit")
        let summary = try #require(Self.summary(run))
        #expect(summary.slowestStarts.map(\.question) == ["Tell me about a hard problem, Sam.", "Why Acme?"])
        #expect(summary.slowestStarts.first?.thinkMilliseconds == 4000)
    }

    @Test func aQuestionOpenAtQuitIsNotCountedAsSkipped() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        run.answer("Answer 1.")
        run.answer("/skip")
        run.answer("/quit")
        let summary = try #require(Self.summary(run))
        let review = Self.review(run)
        #expect(summary.skipped == 1)
        #expect(review.session.skipped == 1)
        #expect(review.questions.map(\.isSkipped) == [false, true, false])
        // The timing chart says the same: q2 skipped, q3 not answered.
        let figures = TimingChart(questions: review.questions).rows.map(TimingChart.figures)
        #expect(figures.suffix(2) == ["skipped", "not answered"])
    }

    @Test func aSkippedQuestionAnsweredAgainIsNoLongerSkipped() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        run.answer("Answer 1.")
        run.answer("/skip")
        run.answer("/redo")
        run.answer("Answer 2 after all.")
        run.answer("/quit")
        let summary = try #require(Self.summary(run))
        let review = Self.review(run)
        #expect(summary.skipped == 0)
        #expect(review.session.skipped == 0)
        #expect(review.questions.map(\.questionID) == ["q1", "q2", "q3"])
    }

    @Test(arguments: ["First line \\  ", "First line \\\t", "First line \\ \t "])
    func aBackslashFollowedBySpacesContinues(line: String) throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        run.answer(line)
        #expect(run.session.prompt?.kind == .continuation)
        run.answer("second line with 4.")
        #expect(run.answers.first?.text == "First line \nsecond line with 4.")
    }

    @Test func theCandidatesQuestionsContinueAfterABackslash() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        for _ in 0..<4 { run.answer("Answer 1.") }
        #expect(run.session.prompt?.kind == .candidateQuestion)
        run.answer("How does career \\ ")
        #expect(run.session.prompt?.kind == .continuation)
        run.answer("growth work here?")
        let asked = run.events.compactMap { if case .candidateQuestion(let q) = $0 { q } else { nil } }
        #expect(asked.map(\.text) == ["How does career \ngrowth work here?"])
        #expect(asked.first?.matched == "growth")
        #expect(run.session.prompt?.kind == .candidateQuestion)
    }

    /// Forward-looking acknowledgements ("Let's keep going.", "Next one.") are not said after the last question.
    @Test(arguments: InterviewerStyle.allCases)
    func noKeepGoingAfterTheLastQuestion(style: InterviewerStyle) throws {
        let yaml = """
            version: 1
            id: one-question
            title: One question
            role: testing
            role_title: Tester
            kind: first
            company: Acme
            time_limit: 60
            interviewers:
              - id: kim
                name: Kim Park
                title: Lead
                style: \(style.rawValue)
            stages:
              - interviewer: kim
                questions:
                  - id: only
                    text: The only question?
            """
        let scenario = try loadScenario(yaml)
        for seed in UInt64(0)..<24 {
            let run = try ScriptedRun(scenario, seed: seed)
            run.answer("My answer.")
            #expect(run.session.isFinished)
            let said = run.outputs.compactMap { if case .say(_, let text) = $0 { text } else { nil } }
            let last = try #require(said.last)
            #expect(!last.contains("keep going") && !last.contains("Next one"), "seed \(seed): \(last)")
        }
    }

    @Test func oneCorrectionIsSingularInEveryReviewAndExport() throws {
        var transcript = ReviewFixtures.transcript([.init(id: "q1", answer: ReviewFixtures.strongAnswer)])
        for (index, event) in transcript.events.enumerated() {
            if case .answer(var answer) = event {
                answer.timing = ReviewFixtures.timing(corrections: 1)
                transcript.events[index] = .answer(answer)
            }
        }
        let review = ReviewBuilder().review(transcript)
        for text in [
            ReviewMarkdownRenderer.render(review), ReviewHTMLRenderer.render(review),
            TranscriptMarkdownExporter.render(transcript), TranscriptHTMLExporter.render(transcript),
        ] {
            #expect(text.contains("1 correction"))
            #expect(!text.contains("1 corrections"))
        }
    }
}
