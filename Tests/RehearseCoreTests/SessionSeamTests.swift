import Foundation
import Testing

@testable import RehearseCore

/// The pieces `InterviewSession` is built from: one command parser, the end decision, the
/// revisit field on asks, stage payloads, and the driver's notice and Ctrl-C paths.
@Suite struct SlashCommandTests {
    @Test(arguments: [
        ("/help", SlashCommand.help), ("/repeat", .repeat), ("/skip", .skip), ("/hint", .hint), ("/time", .time),
        ("/pause", .pause), ("/resume", .resume), ("/redo", .redo), ("/quit", .quit), ("/done", .done),
        ("/SKIP", .skip), ("  /Quit  ", .quit), ("/resume now", .resume), ("\t/hint", .hint),
        ("/note call Dana back", .note("call Dana back")), ("/note   spaced   out  ", .note("spaced   out")),
        ("/note", .note("")), ("/note\tafter a tab", .note("after a tab")), ("/NOTE Keep Case", .note("Keep Case")),
        ("/skp", .unknown("skp")), ("/", .unknown("")), ("/Frobnicate it", .unknown("frobnicate")),
    ])
    func parses(line: String, command: SlashCommand) {
        #expect(SlashCommand.parse(line) == command)
    }

    @Test(arguments: ["an answer", "", "   ", "//slash at the start", "  //also", "I use /usr/bin daily", "a \\"])
    func notACommand(line: String) {
        #expect(SlashCommand.parse(line) == nil)
    }

    @Test(arguments: [
        ("//etc/hosts is a file", "/etc/hosts is a file"), ("  //x", "/x"), ("plain", "plain"), ("/one", "/one"),
    ])
    func unescapes(line: String, answer: String) {
        #expect(SlashCommand.unescaped(line) == answer)
    }

    @Test func everyNamedCommandParsesToItsName() {
        for name in SlashCommand.names {
            let command = SlashCommand.parse("/" + name)
            #expect(command?.name == name)
            if case .unknown? = command { Issue.record("/\(name) parsed as unknown") }
        }
    }

    @Test(arguments: [
        ("y", EndDecision.end), ("Y", .end), ("yes", .end), ("  yes please", .end), ("n", .carryOn),
        ("", .carryOn), ("no", .carryOn), ("maybe", .carryOn),
    ])
    func endDecision(reply: String, decision: EndDecision) {
        #expect(EndDecision(reply: reply) == decision)
    }
}

@Suite struct SessionSeamTests {
    static let revisitYAML = lintSamePersonBase

    @Test func aRevisitAskNamesTheEarlierQuestionInAField() throws {
        let earlier = [
            EarlierAnswer(questionID: "motivation", question: "Why us?", answer: "Because."),
            EarlierAnswer(
                questionID: "story", question: "A hard day?", answer: "A long answer with many more words in it."),
        ]
        let run = try ScriptedRun(loadScenario(Self.revisitYAML), earlier: earlier)
        run.answer("More this time, with 3 numbers.")
        let asks = run.asks
        #expect(asks.map(\.revisitOf) == ["motivation", "story"])
        #expect(asks.map(\.revisitedQuestion) == ["motivation", "story"])
        // The ids stay apart from the scenario's own question ids.
        #expect(asks.allSatisfy { $0.question.hasPrefix("revisit-") })
        let line = String(decoding: try TranscriptCoding.encoder().encode(TranscriptEvent.ask(asks[0])), as: UTF8.self)
        #expect(line.contains("\"revisit_of\":\"motivation\""))
    }

    @Test func revisitsAreReadFromTheFieldAndFromTheOldPrefix() throws {
        let base = TranscriptEvent.Ask(
            t: 0, question: "revisit-story", speaker: "ana", text: "More?", number: 1, total: 1,
            limitSeconds: 60, probe: nil, repeats: nil, talkingPoints: nil)
        #expect(base.revisitedQuestion == "story")
        var renamed = base
        renamed.question = "again-1"
        renamed.revisitOf = "story"
        #expect(renamed.revisitedQuestion == "story")
        var plain = base
        plain.question = "story"
        #expect(plain.revisitedQuestion == nil)
        let old =
            #"{"type":"ask","t":0,"question":"revisit-story","speaker":"ana","text":"More?","number":1,"total":1,"limit_s":60}"#
        guard case .ask(let decoded) = try TranscriptCoding.decoder().decode(TranscriptEvent.self, from: Data(old.utf8))
        else {
            Issue.record("not an ask")
            return
        }
        #expect(decoded.revisitOf == nil)
        #expect(decoded.revisitedQuestion == "story")
    }

    @Test func stagesCarryOnlyTheirOwnFields() throws {
        let scenario = try loadScenario(Self.revisitYAML)
        guard case .revisit(let revisit) = scenario.stages[0].content else {
            Issue.record("stage 1 is not a revisit stage")
            return
        }
        #expect(revisit.pick == 2)
        #expect(revisit.prompt == "You said {previous_answer}. Could you say more?")
        #expect(revisit.fallbackQuestions.map(\.id) == ["fallback-one"])
        #expect(scenario.stages[1].candidateQuestions?.maxQuestions == CandidateQuestionsStage.defaultMaxQuestions)
        let withoutPick = try loadScenario(Self.revisitYAML.replacingOccurrences(of: "    pick: 2\n", with: ""))
        #expect(withoutPick.stages[0].revisit?.pick == RevisitStage.defaultPick)
        #expect(withoutPick.plannedQuestionCount == RevisitStage.defaultPick)
        let questions = try loadScenario(sampleScenarioYAML(pick: "pick: 2", extraProbes: probeYAML("no_numbers")))
        guard case .questions(let stage) = questions.stages[0].content else {
            Issue.record("stage 1 is not a questions stage")
            return
        }
        #expect(stage.pick == 2)
        #expect(questions.stages[0].revisit == nil)
    }
}

/// A console that plays back scripted inputs, for driving a session through `SessionDriver`.
final class ScriptedConsole: SessionConsole {
    var inputs: [(PromptRequest) -> ConsoleInput]
    var decisions: [EndDecision]
    var requests: [PromptRequest] = []
    var shown: [SessionOutput] = []

    init(inputs: [(PromptRequest) -> ConsoleInput], decisions: [EndDecision] = []) {
        self.inputs = inputs
        self.decisions = decisions
    }

    func show(_ output: SessionOutput) { shown.append(output) }

    func read(_ request: PromptRequest) -> ConsoleInput {
        requests.append(request)
        return inputs.isEmpty ? .endOfInput : inputs.removeFirst()(request)
    }

    func confirmEnd() -> EndDecision { decisions.isEmpty ? .carryOn : decisions.removeFirst() }
}

@Suite struct SessionDriverTests {
    func session(_ clock: ManualClock, _ recorder: MemoryTranscriptRecorder) throws -> InterviewSession {
        InterviewSession(
            scenario: try loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))),
            options: SessionOptions(
                seed: 1, candidate: "Sam", sessionID: "abcd1234",
                startedAt: Date(timeIntervalSince1970: 1_800_000_000), appVersion: "test"),
            clock: clock, recorder: recorder)
    }

    @Test func theNoticeIsRecordedWhenShownWithTheTextTypedByThen() throws {
        let clock = ManualClock()
        let recorder = MemoryTranscriptRecorder()
        let session = try session(clock, recorder)
        /// Types `first`, lets the deadline pass, types `second` and submits.
        func typed(_ first: String, _ second: String) -> (PromptRequest) -> ConsoleInput {
            { request in
                let deadline = request.deadline ?? 0
                clock.nanoseconds = deadline - 5_000_000_000
                let firstKey = TypingRecord.Key(time: clock.now(), position: 0, inserted: first)
                clock.nanoseconds = deadline + 3_000_000_000
                let secondKey = TypingRecord.Key(time: clock.now(), position: first.count, inserted: second)
                clock.advance(milliseconds: 500)
                return .line(
                    first + second, TypingRecord(keys: [firstKey, secondKey], submittedAt: clock.now()),
                    noticeShownAt: deadline)
            }
        }
        let console = ScriptedConsole(inputs: [
            typed("before, ", "after \\"),
            { _ in
                clock.advance(milliseconds: 1000)
                return .line("and 2 more.", .instant("and 2 more.", at: clock.now()), noticeShownAt: nil)
            },
        ])
        _ = try SessionDriver.run(session, console: console)
        let events = recorder.events
        let notices = events.compactMap { if case .notice(let notice) = $0 { notice } else { nil } }
        let answerIndex = try #require(events.firstIndex { if case .answer = $0 { true } else { false } })
        let noticeIndex = try #require(events.firstIndex { if case .notice = $0 { true } else { false } })
        let ask = try #require(events.compactMap { if case .ask(let ask) = $0 { ask } else { nil } }.first)
        guard case .answer(let answer) = events[answerIndex] else {
            Issue.record("no answer")
            return
        }
        #expect(notices.count == 1)
        #expect(noticeIndex < answerIndex)
        #expect(notices.first?.typed == "before, ")
        #expect(notices.first?.t == ask.t + 60_000)
        #expect(answer.text == "before, after \nand 2 more.")
        // Once shown, the notice is not asked for again on the continued line.
        #expect(console.requests.count >= 2)
        #expect(console.requests[0].deadline != nil)
        #expect(console.requests[1].kind == .continuation)
        #expect(console.requests[1].deadline == nil)
        // An animated replay types "before, ", shows the notice, then types "after".
        let transcript = Transcript(header: session.header, events: events, warnings: [], path: "(memory)")
        let frames = ReplayScript(transcript: transcript, options: ReplayOptions(width: 80, animatesTyping: true))
            .frames().map(\.text)
        let before = try #require(frames.firstIndex { $0.contains("before, ") })
        let notice = try #require(frames.firstIndex { $0.contains("have passed for this question") })
        let after = try #require(frames.firstIndex { $0.contains("after") && !$0.contains("before") })
        #expect(before < notice && notice < after)
    }

    @Test func ctrlCConfirmedEndsTheSessionAsCtrlC() throws {
        let recorder = MemoryTranscriptRecorder()
        let console = ScriptedConsole(inputs: [{ _ in .interrupt }, { _ in .interrupt }], decisions: [.carryOn, .end])
        let ending = try SessionDriver.run(try session(ManualClock(), recorder), console: console)
        #expect(ending == .endedWithCtrlC)
        #expect(console.shown.contains(.info("Carrying on.")))
        guard case .end(let end) = recorder.events.last else {
            Issue.record("no end line")
            return
        }
        #expect(end.status == .interrupted)
        #expect(end.reason == SessionDriver.ctrlCReason)
    }

    @Test func otherEndings() throws {
        let quit = try SessionDriver.run(
            try session(ManualClock(), MemoryTranscriptRecorder()), console: ScriptedConsole(inputs: []))
        #expect(quit == .quit)
        let terminated = try SessionDriver.run(
            try session(ManualClock(), MemoryTranscriptRecorder()),
            console: ScriptedConsole(inputs: [{ _ in .terminated("SIGTERM") }]))
        #expect(terminated == .terminated("SIGTERM"))
        let duringConfirm = try SessionDriver.run(
            try session(ManualClock(), MemoryTranscriptRecorder()),
            console: ScriptedConsole(inputs: [{ _ in .interrupt }], decisions: [.terminated("SIGHUP")]))
        #expect(duringConfirm == .terminated("SIGHUP"))
    }
}

@Suite struct CandidateStageTests {
    static let content = CandidateQuestionsStage(
        replies: [CandidateReply(keywords: ["team"], text: "Six people.", interviewerID: "bo")],
        fallbackReply: "Good question.",
        maxQuestions: 2)

    @Test(arguments: [
        ("", CandidateStage.Step.nudge(CandidateStage.nudge)), ("   ", .nudge(CandidateStage.nudge)),
        ("/done", .nudge(CandidateStage.nudge)),
        ("/DONE", .nudge(CandidateStage.nudge)), ("/quit", .quit),
        ("/note ask about pay", .note("ask about pay")), ("/note", .help), ("/skip", .help), ("/help", .help),
        ("/xyz", .help),
        (
            "How big is the team?",
            .asked(question: "How big is the team?", reply: "Six people.", interviewerID: "bo", matched: "team")
        ),
        (
            "//slash first?",
            .asked(question: "/slash first?", reply: "Good question.", interviewerID: nil, matched: nil)
        ),
        ("What is next? \\ ", .continued),
    ])
    func takes(line: String, step: CandidateStage.Step) {
        var stage = CandidateStage(stageIndex: 0, content: Self.content)
        #expect(stage.take(line, typing: .instant(line, at: 1)) == step)
    }

    /// The interviewer invites a question once when none was asked; the second "no" ends the stage.
    @Test func nothingAskedDrawsOneNudgeThenEnds() {
        var stage = CandidateStage(stageIndex: 0, content: Self.content)
        #expect(stage.take("", typing: .instant("", at: 1)) == .nudge(CandidateStage.nudge))
        #expect(stage.take("", typing: .instant("", at: 2)) == .done)
    }

    @Test func hintOffersTheSuggestedQuestions() {
        let suggestions = CandidateQuestionSuggestions.suggestions(
            roleTitle: "Data Analyst", company: "Acme", kind: .second)
        #expect(suggestions.count == 3)
        #expect(suggestions.contains { $0.contains("Data Analyst") && $0.contains("first three months") })
        #expect(suggestions.contains { $0.contains("success measured") && $0.contains("at Acme") })
        var stage = CandidateStage(stageIndex: 0, content: Self.content, suggestions: suggestions)
        #expect(stage.take("/hint", typing: .instant("/hint", at: 1)) == .hint(suggestions))
        var bare = CandidateStage(stageIndex: 0, content: Self.content)
        #expect(bare.take("/hint", typing: .instant("/hint", at: 1)) == .help)
    }

    /// The reply with the most specific keyword wins over an earlier one with a general keyword.
    @Test func theBestMatchingReplyWinsOverFileOrder() {
        let replies = [
            CandidateReply(keywords: ["team", "how many"], text: "Six people.", interviewerID: nil),
            CandidateReply(keywords: ["on-call", "on call", "pager"], text: "One week in six.", interviewerID: nil),
            CandidateReply(keywords: ["team culture", "culture"], text: "Friendly.", interviewerID: nil),
        ]
        #expect(CandidateStage.bestReply(to: "What does on-call look like for the team?", among: replies)?.index == 1)
        #expect(CandidateStage.bestReply(to: "How would you describe the team culture?", among: replies)?.index == 2)
        #expect(CandidateStage.bestReply(to: "How big is the team?", among: replies)?.index == 0)
        #expect(CandidateStage.bestReply(to: "When will I hear back?", among: replies) == nil)
        // Equally specific: the one matching more keywords wins.
        let tied = [
            CandidateReply(keywords: ["team"], text: "A", interviewerID: nil),
            CandidateReply(keywords: ["size", "team"], text: "B", interviewerID: nil),
        ]
        #expect(CandidateStage.bestReply(to: "What size is the team?", among: tied)?.index == 1)
    }

    @Test func aContinuedQuestionIsOneQuestionAndTheStageFillsUp() {
        var stage = CandidateStage(stageIndex: 0, content: Self.content)
        #expect(stage.take("Tell me about \\", typing: .instant("Tell me about \\", at: 1)) == .continued)
        #expect(
            stage.take("/done", typing: .instant("/done", at: 2))
                == .asked(question: "Tell me about \n/done", reply: "Good question.", interviewerID: nil, matched: nil))
        #expect(!stage.isFull)
        #expect(
            stage.take("And the team?", typing: .instant("And the team?", at: 3))
                == .asked(question: "And the team?", reply: "Six people.", interviewerID: "bo", matched: "team"))
        #expect(stage.isFull)
        #expect(stage.closingLine(candidate: "Sam") == "Thank you for those questions, Sam. We'll be in touch.")
    }
}
