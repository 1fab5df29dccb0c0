import Foundation
import TestSupport
import Testing

@testable import RehearseCore

/// A debrief recorded in memory: `questions` (text, answer, asked by) and `concerns` (text, raised by).
func builtDebrief(
    questions: [(String, String?, String?)], concerns: [(String, String?)] = [], wishes: [String] = [],
    session: String = "d00dfeed"
) throws -> Transcript {
    let details = DebriefDetails(
        company: "Acme", role: "customer-service", roleTitle: "Support Specialist", kind: .first,
        date: "2026-11-30",
        interviewers: [
            Interviewer(id: "dana", name: "Dana Reyes", title: "Lead", style: .warm),
            Interviewer(id: "sam", name: "Sam Okafor", title: "Analyst", style: .warm),
        ],
        candidate: "Sam")
    let recorder = MemoryTranscriptRecorder()
    var time = 0
    let writer = DebriefWriter(
        details: details, sessionID: session, started: Date(timeIntervalSince1970: 1_800_000_000), appVersion: "t",
        recorder: recorder,
        elapsed: {
            time += 10
            return time
        })
    for (text, answer, speaker) in questions {
        try writer.add(.question(text, askedBy: speaker))
        if let answer { try writer.add(.answer(answer)) }
    }
    for (text, speaker) in concerns { try writer.add(.concern(text, raisedBy: speaker)) }
    for wish in wishes { try writer.add(.wish(wish)) }
    try writer.finish(completed: true)
    return try #require(recorder.transcript)
}

@Suite struct NextRoundTests {
    static let template: Scenario? = try? ScenarioLoader.load(
        path: BundledScenariosTests.folder + "/customer-service-second.yaml")

    static let debrief =
        [
            ("Tell me about a time you led a team.", "I ran a rota of 6 people and cut callbacks by 30%.", "dana"),
            ("Why us?", "I like your heat pumps.", nil),
            ("What would you do with an angry {customer}?", nil, "sam"),
        ] as [(String, String?, String?)]
    static let concerns =
        [
            ("asked twice about my lack of team-lead experience", "sam"),
            ("seemed unsure about my billing knowledge", nil),
        ] as [(String, String?)]

    @Test func everyRealQuestionComesBackAsARepeatAndEveryConcernAsAQuestionFromWhoRaisedIt() throws {
        let transcript = try builtDebrief(questions: Self.debrief, concerns: Self.concerns)
        let scenario = NextRoundBuilder(
            round: RoundRecord(transcript), kind: .second, template: try #require(Self.template)
        ).build()
        let questions = scenario.allQuestions
        #expect(
            questions.compactMap(\.repeats) == ["debrief-d00dfeed/q1", "debrief-d00dfeed/q2", "debrief-d00dfeed/q3"])
        // Braces a person typed are literal, not template variables.
        #expect(
            TextTemplate.render(questions[2].text, ["customer": "X"]) == "What would you do with an angry {customer}?")
        let concernQuestions = questions.filter { $0.id.hasPrefix("concern-") }
        #expect(concernQuestions.count == 2)
        #expect(concernQuestions[0].text.hasPrefix("Last time we talked about your lack of team-lead experience."))
        #expect(concernQuestions[0].talkingPoints.first?.keywords == ["team", "lead", "experience"])
        let stageOfFirstConcern = try #require(scenario.stages.first { $0.questions.contains { $0.id == "concern-1" } })
        #expect(stageOfFirstConcern.interviewerID == "sam")
        // The real interviewers lead the panel, the template's other members fill it.
        #expect(scenario.interviewers.prefix(2).map(\.name) == ["Dana Reyes", "Sam Okafor"])
        #expect(scenario.stages.last?.type == .candidateQuestions)
        #expect(scenario.stages.contains { $0.id.hasPrefix("t-") })
    }

    @Test func aSessionOfTheGeneratedRoundAsksAllInAStableOrderForASeed() throws {
        let transcript = try builtDebrief(questions: Self.debrief, concerns: Self.concerns)
        let scenario = NextRoundBuilder(
            round: RoundRecord(transcript), kind: .second, template: try #require(Self.template)
        ).build()
        func asked(seed: UInt64) throws -> [String] {
            let run = try ScriptedRun(scenario, seed: seed)
            for _ in 0..<40 {
                run.answer("I handled it myself last year, and 3 customers stayed as a result of what I did.")
            }
            return run.asks.filter { $0.probe == nil }.map(\.question)
        }
        let first = try asked(seed: 7)
        #expect(first.prefix(5) == ["again-1", "again-2", "again-3", "concern-1", "concern-2"])
        #expect(try asked(seed: 7) == first)
    }

    @Test func theGeneratedYAMLIsLintCleanAndLoadsToTheSameInterview() throws {
        let transcript = try builtDebrief(
            questions: Self.debrief, concerns: Self.concerns + [("whether I can handle \u{1B}[31m billing", nil)])
        for kind in [InterviewKind.second, .samePerson] {
            let scenario = NextRoundBuilder(
                round: RoundRecord(transcript), kind: kind, template: try #require(Self.template)
            ).build()
            let yaml = ScenarioWriter.yaml(scenario, comment: ["generated"])
            let path = try writeTemporary(yaml, name: "\(scenario.id).yaml")
            let report = ScenarioLinter.lint([LintTarget(path: path)])
            #expect(!report.failed(strict: true), "\(report.text())")
            var loaded = try ScenarioLoader.load(path: path)
            #expect(loaded.stages.map(\.id) == scenario.stages.map(\.id))
            func unplaced(_ questions: [Question]) -> [Question] {
                questions.map {
                    var question = $0
                    question.place = .unknown
                    return question
                }
            }
            // Same interview: everything but where things sit in the file.
            loaded.checksum = ""
            loaded.sourcePath = ""
            for index in loaded.stages.indices {
                loaded.stages[index].place = .unknown
                if case .questions(var stage) = loaded.stages[index].content {
                    stage.questions = unplaced(stage.questions)
                    loaded.stages[index].content = .questions(stage)
                } else if case .revisit(var stage) = loaded.stages[index].content {
                    stage.fallbackQuestions = unplaced(stage.fallbackQuestions)
                    loaded.stages[index].content = .revisit(stage)
                }
            }
            var expected = scenario
            for index in expected.stages.indices {
                if case .questions(var stage) = expected.stages[index].content {
                    for question in stage.questions.indices { stage.questions[question].place = .unknown }
                    expected.stages[index].content = .questions(stage)
                }
            }
            #expect(loaded == expected)
        }
    }

    @Test func aSamePersonRoundHasOnlyTheLeadAndQuotesTheEarlierAnswer() throws {
        let transcript = try builtDebrief(questions: Self.debrief, concerns: Self.concerns)
        let scenario = NextRoundBuilder(
            round: RoundRecord(transcript), kind: .samePerson, template: try #require(Self.template)
        ).build()
        #expect(scenario.interviewers.map(\.id) == ["dana"])
        #expect(Set(scenario.stages.map(\.interviewerID)) == ["dana"])
        let revisit = try #require(scenario.stages.first?.revisit)
        #expect(
            revisit.fallbackQuestions.compactMap(\.repeats) == [
                "debrief-d00dfeed/q1", "debrief-d00dfeed/q2", "debrief-d00dfeed/q3",
            ])
        // With the real round found, its answers come back, the one a concern is about first, quoting what was said.
        let run = try ScriptedRun(scenario, earlier: EarlierAnswer.from(transcript))
        let first = try #require(run.asks.first)
        #expect(first.revisitOf == "q1")
        #expect(first.text.contains("You said: \"I ran a rota of 6 people and cut callbacks by 30%.\""))
        #expect(first.text.hasSuffix("One thing that came up was your lack of team-lead experience."))
    }

    @Test func theNearestRoleIsFoundFromAFreeTitle() throws {
        var transcript = try builtDebrief(questions: Self.debrief)
        transcript.header.role = "junior-data-person"
        transcript.header.roleTitle = "Junior Data Analyst"
        let roles = [
            (id: "customer-service", title: "Customer Support Specialist"), (id: "data-analyst", title: "Data Analyst"),
        ]
        #expect(NextRoundBuilder.nearestRole(to: RoundRecord(transcript), roles: roles) == "data-analyst")
    }
}

@Suite struct RevisitOrderTests {
    @Test func concernsComeFirstThenFlaggedAnswersThenTheThinnest() {
        let answers = [
            EarlierAnswer(questionID: "thin", question: "Q1", answer: "Short."),
            EarlierAnswer(
                questionID: "flagged-once", question: "Q2", answer: "A longer answer without numbers in it at all.",
                flags: ["no_number"]),
            EarlierAnswer(questionID: "skipped", question: "Q3", answer: "", flags: ["skipped", "no_example"]),
            EarlierAnswer(
                questionID: "concern", question: "Q4", answer: "A long and full answer.", concern: "team lead"),
            EarlierAnswer(
                questionID: "full", question: "Q5", answer: "A very long answer with many many many words in it here."),
        ]
        #expect(
            RevisitOrder.choose(answers, count: 5).map(\.questionID) == [
                "concern", "skipped", "flagged-once", "thin", "full",
            ])
        #expect(RevisitOrder.choose(answers, count: 2).map(\.questionID) == ["concern", "skipped"])
    }

    @Test func aRecordedRoundGivesConcernsAndFlagsAndTheQuestionSaysWhy() throws {
        let transcript = try builtDebrief(
            questions: [
                (
                    "Tell me about your experience leading a team.",
                    "Last year I led a team of 4 and we shipped on time, which meant happy customers.", nil
                ),
                ("Tell me about a time you won back an unhappy customer.", "I like it.", nil),
                ("What is your notice period?", nil, nil),
            ],
            concerns: [("worried about my team lead experience", nil)])
        let earlier = EarlierAnswer.from(transcript)
        #expect(earlier.map(\.questionID) == ["q1", "q2", "q3"])
        #expect(earlier[0].concern == "worried about my team lead experience")
        #expect(earlier[2].flags.contains("skipped"))
        #expect(earlier[1].flags.contains("no_number"))
        let chosen = RevisitOrder.choose(earlier, count: 3)
        // The concern's answer, then the most flagged (q2: no number, no example, incomplete story), then the skipped one.
        #expect(chosen.map(\.questionID) == ["q1", "q2", "q3"])
        #expect(RevisitOrder.reminder(for: earlier[0]) == " One thing that came up was your team lead experience.")
        #expect(RevisitOrder.reminder(for: earlier[1]).contains("put a number on it"))
    }
}

@Suite struct DebriefLayoutTests {
    static let details = DebriefDetails(
        company: "Acme", role: "x", roleTitle: "X", kind: .first, date: "2026-11-30",
        interviewers: [Interviewer(id: "dana-reyes", name: "Dana Reyes", title: "Lead", style: .warm)],
        candidate: "Sam")

    @Test func tagsUntaggedContinuationsAndBlankLines() throws {
        let entries = try DebriefLayout.parse(
            "Q: (dana) One?\n\nA: first line\n  second line\nCONCERN: Dana asked twice\nWISH: more\n",
            details: Self.details)
        #expect(
            entries == [
                .question("One?", askedBy: "dana-reyes"), .answer("first line\nsecond line"),
                .concern("Dana asked twice", raisedBy: "dana-reyes"), .wish("more"),
            ])
    }

    @Test(arguments: [
        ("Q: one\nNOTE: two\n", 2, "unknown tag 'NOTE:'"), ("A: answer\n", 1, "an answer before any question"),
        ("text\nQ: one\n", 1, "text before the first tag"),
        ("Q: one\nA: a\nA: b\n", 3, "a second answer to one question"),
    ])
    func linesOutOfTheLayoutNameTheirLine(input: String, line: Int, reason: String) {
        #expect(
            throws: DebriefError.badLine(
                line: line, text: String(input.split(separator: "\n")[line - 1]), reason: reason)
        ) {
            try DebriefLayout.parse(input, details: Self.details)
        }
    }

    @Test func noQuestionsIsRefusedAndAnswerTextKeepsColons() throws {
        #expect(throws: DebriefError.noQuestions) { try DebriefLayout.parse("\n\n", details: Self.details) }
        #expect(
            try DebriefLayout.parse("Q: x\nA: Note: it went well\n", details: Self.details).last
                == .answer("Note: it went well"))
    }

    @Test func aFreeRoleTitleBecomesASlugAndAKnownTitleItsID() {
        let known = [(id: "data-analyst", title: "Data Analyst")]
        #expect(DebriefForm.resolveRole("data analyst", known: known) == ("data-analyst", "Data Analyst"))
        #expect(DebriefForm.resolveRole("Team Lead (EMEA)", known: known) == ("team-lead-emea", "Team Lead (EMEA)"))
        #expect(DebriefDetails.date(parsing: "2026-02-31") == nil)
        #expect(DebriefDetails.date(parsing: "2026-2-3") == "2026-02-03")
    }

    @Test func anOldVersionOneTranscriptStillReads() throws {
        let old =
            #"{"format":"rehearse-transcript","version":1,"session":"s","kind":"first","role":"r","role_title":"T","company":"A","candidate":"C","seed":1,"started":"2026-01-01T00:00:00Z","app_version":"t","scenario":{"id":"r-first","title":"T","checksum":"c","path":"t.yaml"},"interviewers":[]}"#
            + "\n" + #"{"type":"note","t":1,"text":"n"}"# + "\n"
        let transcript = try Transcript.parse(Data(old.utf8), path: "old.jsonl")
        #expect(transcript.header.source == nil && !transcript.header.isRealInterview)
        guard case .note(let note)? = transcript.events.first else {
            Issue.record("no note")
            return
        }
        #expect(note.about == nil)
    }
}

@Suite struct DebriefFormTests {
    static func form(recorderAt path: String, spare: [String] = []) -> (DebriefForm, () -> FileTranscriptRecorder?) {
        var recorder: FileTranscriptRecorder?
        let form = DebriefForm(
            company: "Acme", role: "Support Lead", kind: .first, date: "2026-11-30",
            interviewers: [Interviewer(id: "dana", name: "Dana Reyes", title: "Lead", style: .warm)], candidate: "Sam",
            knownRoles: [(id: "customer-service", title: "Customer Support Specialist")], today: "2026-12-01"
        ) { details in
            let file = try FileTranscriptRecorder(path: path, spareFolders: spare)
            recorder = file
            return DebriefWriter(
                details: details, sessionID: "f00d", started: Date(timeIntervalSince1970: 1_800_000_000),
                appVersion: "t",
                recorder: file, elapsed: { 0 })
        }
        return (form, { recorder })
    }

    @Test func fieldsGivenAsFlagsAreNotAskedAndAnEmptyQuestionNeedsOneFirst() throws {
        let folder = NSTemporaryDirectory() + "rehearse-form-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let (form, _) = Self.form(recorderAt: folder + "/d.jsonl")
        #expect(form.field == .question)
        #expect(try form.accept("") != nil)
        #expect(!FileManager.default.fileExists(atPath: folder + "/d.jsonl"), "nothing is saved before a question")
        #expect(try form.endOfInput() == false)
        #expect(form.details.role == "support-lead" && form.details.roleTitle == "Support Lead")
    }

    @Test(.enabled(if: SmallDisk.canMount, "needs the right to mount a tmpfs"))
    func aFullDiskKeepsTheEntryAndTheFormCarriesOn() throws {
        let disk = try SmallDisk(kilobytes: 64)
        let path = disk.path + "/debrief.jsonl"
        let (form, recorder) = Self.form(recorderAt: path, spare: [NSTemporaryDirectory()])
        try form.accept("Why us?")
        try form.accept("Your heat pumps.")
        disk.fill(leavingBytes: 100)
        let long = "What did you do when " + String(repeating: "the queue grew ", count: 600) + "?"
        #expect(throws: TranscriptWriteFailure.self) { try form.accept(long) }
        #expect(form.field == .answer, "the question is kept, not asked again")
        disk.free()
        try form.accept("I asked for help.")
        try form.accept("")
        try form.accept("")
        try form.accept("")
        #expect(form.field == .done)
        #expect(try #require(recorder()).finish().problem == nil)
        let transcript = try Transcript.read(path: path)
        #expect(transcript.asks.map(\.text) == ["Why us?", long])
        #expect(transcript.answers.map(\.text) == ["Your heat pumps.", "I asked for help."])
        #expect(transcript.end?.status == .completed)
    }
}

/// `review` of a real round shows what was said, not timing it never had.
@Suite struct RealRoundReviewTests {
    @Test func theTextReviewOfARealRoundShowsNoTiming() throws {
        let transcript = try builtDebrief(
            questions: [("Tell me about a time you led a team.", "I led 4 people through the winter peak.", nil)])
        let review = ReviewBuilder().review(transcript)
        #expect(review.session.isRealInterview)
        let text = ReviewTextRenderer(width: 100).render(review)
        #expect(text.contains("Tell me about a time you led a team."))
        #expect(!text.contains(" limit ·"))
        #expect(!text.contains("think 0"))
        #expect(!text.contains("Time per question"))
    }

    /// The Markdown and HTML reviews showed "0.0 s" times, a limit and an empty time chart.
    @Test func theMarkdownAndHTMLReviewsOfARealRoundShowNoTiming() throws {
        let transcript = try builtDebrief(
            questions: [("Tell me about a time you led a team.", "I led 4 people through the winter peak.", nil)])
        let review = ReviewBuilder().review(transcript)
        for document in [ReviewMarkdownRenderer.render(review), ReviewHTMLRenderer.render(review)] {
            #expect(document.contains("Tell me about a time you led a team."))
            #expect(document.contains("8 words"))
            #expect(!document.contains(" limit"))
            #expect(!document.contains("· think"))
            #expect(!document.contains("0.0 s"))
            #expect(!document.contains("Time per question"))
        }
    }

    @Test func aPracticeReviewStillShowsItsTimingInEveryFormat() throws {
        let review = ReviewBuilder().review(
            ReviewFixtures.transcript([.init(id: "q1", answer: "We fixed it for the customer in 2 days.")]))
        #expect(!review.session.isRealInterview)
        let documents = [
            ReviewTextRenderer(width: 100).render(review), ReviewMarkdownRenderer.render(review),
            ReviewHTMLRenderer.render(review),
        ]
        for document in documents {
            #expect(document.contains(" limit"))
            #expect(document.contains("· think"))
            #expect(document.contains("Time per question"))
        }
    }
}
