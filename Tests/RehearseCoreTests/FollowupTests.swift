import Foundation
import TestSupport
import Testing

@testable import RehearseCore

/// Transcripts with a panel, built event by event, for the follow-up drafts.
enum FollowupFixtures {
    static let panel = [
        Interviewer(id: "ana", name: "Ana Lopez", title: "Lead", style: .warm),
        Interviewer(id: "bo", name: "Bo Chen", title: "Director", style: .direct),
        Interviewer(id: "cy", name: "Cy Dee", title: "", style: .warm),
    ]

    struct Question {
        var speaker: String
        var id: String
        var text: String
        var answer: String?
        var talkingPoints: [TalkingPoint]? = nil
    }

    static let strong =
        "When a customer called last year about a lost order, I called the warehouse and we shipped a replacement within 2 days, so the client stayed and the result was a renewal worth 40 thousand."

    static let questions = [
        Question(
            speaker: "ana", id: "bug", text: "Tell me about a hard bug you tracked down. How did you find it?",
            answer: strong,
            talkingPoints: [TalkingPoint(point: "What you learned", keywords: ["learned", "lesson"])]),
        Question(speaker: "ana", id: "why", text: "Why do you want to work in testing, and why now?", answer: "Yes."),
        Question(
            speaker: "bo", id: "design",
            text:
                "Trucks send location events for shipments, about 5,000 a second at peak. Walk me through the backend you would sketch for it, and what could go wrong.",
            answer: strong),
    ]

    static let notes = ["led the migration of 3 teams", "ran the on-call rota for 18 months"]

    /// A panel interview: Ana asks two questions, Bo one, Cy answers the candidate's question.
    static func transcript(
        questions: [Question] = questions, notes: [String] = notes, interviewers: [Interviewer] = panel,
        started: Date = Date(timeIntervalSince1970: 1_800_000_000), candidate: String = "Sam",
        company: String = "Acme", roleTitle: String = "Test Engineer"
    ) -> Transcript {
        let header = TranscriptHeader(
            session: "f0110a0b", scenario: .init(id: "test-second", title: "Test", checksum: "c", path: "t.yaml"),
            kind: .second, role: "testing", roleTitle: roleTitle, company: company, candidate: candidate,
            interviewers: interviewers, seed: 1, started: started, appVersion: "test", previousTranscript: nil)
        var events: [TranscriptEvent] = [
            .stage(.init(t: 0, stage: "main", title: "Main", interviewer: interviewers[0].id))
        ]
        var t = 10
        var answered = 0
        for (index, question) in questions.enumerated() {
            events.append(
                .ask(
                    .init(
                        t: t, question: question.id, speaker: question.speaker, text: question.text, number: index + 1,
                        total: questions.count, limitSeconds: 120, probe: nil, repeats: nil,
                        talkingPoints: question.talkingPoints)))
            t += 20_000
            if let answer = question.answer {
                events.append(
                    .answer(
                        .init(
                            t: t, question: question.id, probe: nil, text: answer, isRedo: nil,
                            timing: ReviewFixtures.timing(), typing: [])))
                answered += 1
            } else {
                events.append(.command(.init(t: t, name: "skip", question: question.id)))
            }
            if index < notes.count {
                t += 1
                events.append(.note(.init(t: t, text: notes[index], question: question.id)))
            }
        }
        for note in notes.dropFirst(questions.count) {
            t += 1
            events.append(.note(.init(t: t, text: note, question: nil)))
        }
        if interviewers.count > 2 {
            t += 1000
            events.append(
                .stage(.init(t: t, stage: "ask-us", title: "Your questions", interviewer: interviewers[2].id)))
            t += 3000
            events.append(
                .candidateQuestion(
                    .init(
                        t: t, text: "What does the first month look like?", speaker: interviewers[2].id,
                        reply: "Pairing.", matched: nil)))
        }
        t += 1000
        events.append(.end(.init(t: t, status: .completed, reason: nil, answered: answered, asked: questions.count)))
        return Transcript(header: header, events: events, warnings: [], path: "(memory)")
    }

    static func draft(_ transcript: Transcript = transcript(), configure: (inout FollowupOptions) -> Void = { _ in })
        throws -> FollowupDraft
    {
        var options = FollowupOptions(now: transcript.header.started.addingTimeInterval(3600))
        options.zone = .named("Europe/London")
        configure(&options)
        return try FollowupBuilder(options: options).draft(transcript, review: ReviewBuilder().review(transcript))
    }

    /// Words turned round by `TopicPhrase`, which may stand where the question had their partner,
    /// and the words a rewrite brings in ("a time you were" → "the time I was", "are you" → "I am",
    /// a scene → "the situation where …").
    static let pronouns: Set<String> = [
        "the", "am", "was", "situation", "where", "i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll",
        "you", "your", "you're", "you'd", "you've",
    ]

    /// Whether every word of `topic` occurs in `question` (pronouns aside).
    static func comesFrom(_ topic: String, question: String) -> Bool {
        let words = Set(Words.tokenize(question))
        return Words.tokenize(topic).allSatisfy { words.contains($0) || pronouns.contains($0) }
    }

    /// Runs of digits in a text.
    static func numbers(in text: String) -> Set<String> {
        var found: Set<String> = []
        var current = ""
        for character in text + " " {
            if character.isASCII && character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                found.insert(current)
                current = ""
            }
        }
        return found
    }

    static func allText(of transcript: Transcript) throws -> String {
        try ReviewFixtures.jsonLines(transcript)
    }
}

@Suite struct FollowupDraftTests {
    typealias F = FollowupFixtures

    static let variants: [(String, @Sendable (inout FollowupOptions) -> Void)] = [
        ("default", { _ in }),
        ("formal", { $0.tone = .formal }),
        ("short", { $0.isShort = true }),
        ("each", { $0.isOnePerInterviewer = true }),
        (
            "each short formal",
            {
                $0.isOnePerInterviewer = true
                $0.isShort = true
                $0.tone = .formal
            }
        ),
        ("rejected", { $0.purpose = .rejected }),
        (
            "rejected short",
            {
                $0.purpose = .rejected
                $0.isShort = true
            }
        ),
        (
            "rejected each",
            {
                $0.purpose = .rejected
                $0.isOnePerInterviewer = true
            }
        ),
    ]

    @Test(arguments: 0..<variants.count)
    func everyInterviewerNameAppearsInEveryEmail(variant: Int) throws {
        let draft = try F.draft(configure: Self.variants[variant].1)
        for email in draft.emails {
            for interviewer in F.panel {
                let first = String(interviewer.name.split(separator: " ")[0])
                #expect(
                    email.body.contains(interviewer.name) || email.body.contains(first),
                    "\(Self.variants[variant].0): \(interviewer.name) missing from\n\(email.body)")
            }
        }
    }

    @Test func eachRecalledTopicComesFromThatInterviewersQuestions() throws {
        let transcript = F.transcript()
        let draft = try F.draft(transcript)
        #expect(Set(draft.recalled.map(\.interviewerID)) == ["ana", "bo"])
        for recalled in draft.recalled {
            let ask = try #require(transcript.asks.first { $0.question == recalled.questionID })
            #expect(ask.speaker == recalled.interviewerID)
            #expect(F.comesFrom(recalled.topic.text, question: ask.text), "\(recalled.topic.text) ← \(ask.text)")
            #expect(recalled.topic.text.count < ask.text.count, "the question pasted whole: \(ask.text)")
            #expect(draft.emails[0].body.contains(recalled.topic.text))
        }
        // Ana's best answer is recalled, not the weak one the email comes back to.
        #expect(draft.recalled.first { $0.interviewerID == "ana" }?.questionID == "bug")
        #expect(draft.recalled.first { $0.interviewerID == "ana" }?.topic.text == "a hard bug I tracked down")
    }

    @Test func topicsOfEveryBundledQuestionComeFromItAndAreShorter() throws {
        let catalog = ScenarioCatalog(bundledFolder: BundledScenariosTests.folder, userFolders: [])
        var count = 0
        for scenario in catalog.scenarios {
            for stage in scenario.stages {
                for question in stage.questions {
                    let topic = TopicPhrase(question: question.text)
                    count += 1
                    #expect(!topic.text.isEmpty)
                    #expect(F.comesFrom(topic.text, question: question.text), "\(topic.text) ← \(question.text)")
                    #expect(topic.text.split(separator: " ").count <= TopicPhrase.maximumWords, "\(topic.text)")
                    let clauses = question.text.filter { ",.?!:;—".contains($0) }.count
                    let own =
                        topic.text.hasPrefix("the situation where ") ? String(topic.text.dropFirst(20)) : topic.text
                    if clauses > 1 { #expect(own.count < question.text.count, "pasted whole: \(question.text)") }
                }
            }
        }
        #expect(count > 100)
    }

    @Test(arguments: [
        (
            "Tell me about a time you and a colleague disagreed on how to handle a customer. How did you work it out?",
            "the time a colleague and I disagreed on how to handle a customer", TopicPhrase.Form.phrase
        ),
        ("How do you decide what to test, and at which level?", "how I decide what to test", .phrase),
        (
            "Let's begin with one you've heard: what made you apply to Acme in particular? And has anything changed?",
            "what made me apply to Acme in particular", .phrase
        ),
        (
            "What does a healthy engineering team look like to you, and what do you personally bring to one?",
            "What does a healthy engineering team look like to you?", .quotation
        ),
        (
            "Walk me through your career so far. Keep it to the sales roles and what you carried in each.",
            "my career so far", .phrase
        ),
        (
            "Your patient's heart rate has risen to 118, and they seem confused. Talk us through your actions.",
            "the situation where my patient's heart rate has risen to 118", .phrase
        ),
        (
            "For the benefit of the panel, please summarise your nursing education and clinical experience.",
            "my nursing education and clinical experience", .phrase
        ),
    ])
    func topicShortensTheQuestion(question: String, topic: String, form: TopicPhrase.Form) {
        #expect(TopicPhrase(question: question) == TopicPhrase(text: topic, form: form))
    }

    @Test(arguments: 0..<variants.count)
    func everyNumberIsFromTheTranscriptOrTheDate(variant: Int) throws {
        let transcript = F.transcript()
        let draft = try F.draft(transcript, configure: Self.variants[variant].1)
        var allowed = F.numbers(in: try F.allText(of: transcript))
        if let deadline = draft.deadline {
            allowed.formUnion(F.numbers(in: deadline.interviewEnded.dayAndTime + deadline.due.dayAndTime))
        }
        for email in draft.emails {
            let used = F.numbers(in: email.subject + "\n" + email.body)
            #expect(used.isSubset(of: allowed), "\(Self.variants[variant].0): \(used.subtracting(allowed)) invented")
            // Placeholders hold no number either: only the person can fill one in.
            for placeholder in email.body.split(separator: "[").dropFirst().map({ $0.prefix { $0 != "]" } }) {
                #expect(!placeholder.contains { $0.isNumber }, "\(placeholder)")
            }
        }
    }

    @Test func notesAppearAsAchievementsNotDiscussed() throws {
        let draft = try F.draft()
        for note in F.notes { #expect(draft.emails[0].body.contains(note)) }
        #expect(draft.notesLeftOut.isEmpty)
        #expect(draft.emails[0].body.contains("One thing I did not get to mention: I led the migration of 3 teams."))
        #expect(draft.emails[0].body.contains("I also wanted to mention: I ran the on-call rota for 18 months."))
        let asTyped = try F.draft(F.transcript(notes: ["AWS certified since 2021", "need to ask about remote work"]))
        #expect(asTyped.emails[0].body.contains("mention: AWS certified since 2021."))
        #expect(asTyped.emails[0].body.contains("mention: need to ask about remote work."))
    }

    @Test func aMissedTalkingPointAsksForTheDetail() throws {
        // Ana's strong answer to "bug" missed "What you learned"; the weak answer has its own sentence.
        let body = try F.draft().emails[0].body
        #expect(
            body.contains(
                "On a hard bug I tracked down, I would also add what I learned: [the detail, in one sentence]."),
            "\(body)")
    }

    static let fixtures: [(String, Transcript)] = [
        ("panel", F.transcript()),
        (
            "one interviewer, one answer, no notes",
            F.transcript(questions: [F.questions[0]], notes: [], interviewers: [F.panel[0]])
        ),
        (
            "many long notes",
            F.transcript(
                notes: (1...8).map {
                    "note \($0): "
                        + String(repeating: "shipped the billing rewrite on time and under budget ", count: 3)
                })
        ),
        (
            "one-word answers",
            F.transcript(
                questions: F.questions.map {
                    var q = $0
                    q.answer = "ok"
                    return q
                }, notes: [])
        ),
        ("no company, no role title", F.transcript(notes: [], company: "", roleTitle: "")),
    ]

    @Test(arguments: 0..<fixtures.count, 0..<variants.count)
    func wordCountStaysInBounds(fixture: Int, variant: Int) throws {
        let (name, transcript) = Self.fixtures[fixture]
        var options = FollowupOptions(now: Date())
        Self.variants[variant].1(&options)
        let bounds = FollowupLength.bounds(for: options)
        let draft = try F.draft(transcript, configure: Self.variants[variant].1)
        for email in draft.emails {
            let words = email.body.split(whereSeparator: \.isWhitespace).count
            #expect(
                bounds.contains(email.wordCount),
                "\(name) / \(Self.variants[variant].0): \(email.wordCount) words\n\(email.body)")
            #expect(abs(words - email.wordCount) <= 3)
        }
    }

    @Test func shortIsShorter() throws {
        let full = try F.draft().emails[0].wordCount
        let short = try F.draft { $0.isShort = true }.emails[0].wordCount
        #expect(short < full)
        #expect(FollowupLength.thankYouShort.contains(short))
    }

    @Test func theWeakestAnswerIsTheConcernWithAPlaceholder() throws {
        let body = try F.draft().emails[0].body
        #expect(
            body.contains("Looking back on my answer about why I want to work in testing, I would like to add ["),
            "\(body)")
    }

    @Test func recordedConcernsReplaceTheWeakestAnswerAndGoToWhoRaisedThem() throws {
        let concerns = [
            RecordedConcern(text: "limited experience with high-traffic systems", raisedBy: "bo"),
            RecordedConcern(text: "no on-call experience"),
        ]
        let draft = try F.draft { $0.concerns = concerns }
        let body = draft.emails[0].body
        #expect(body.contains("the concern Bo Chen raised about limited experience with high-traffic systems: ["))
        #expect(body.contains("the concern you raised about no on-call experience: ["))
        #expect(!body.contains("Looking back on my answer"))
        let each = try F.draft {
            $0.concerns = concerns
            $0.isOnePerInterviewer = true
        }
        let bo = try #require(each.emails.first { $0.recipient.id == "bo" })
        #expect(bo.body.contains("the concern you raised about limited experience"))
        #expect(!bo.body.contains("no on-call experience"))
        #expect(each.emails[0].body.contains("no on-call experience"))
    }

    @Test func signatureDefaultsToTheCandidate() throws {
        #expect(try F.draft().emails[0].signature == "Sam")
        #expect(try F.draft { $0.signature = "Samira Q" }.emails[0].body.hasSuffix("Samira Q"))
        #expect(try F.draft(F.transcript(candidate: "")).emails[0].signature == "[Your name]")
    }

    @Test func toneChangesGreetingAndSignOff() throws {
        let warm = try F.draft().emails[0]
        let formal = try F.draft { $0.tone = .formal }.emails[0]
        #expect(warm.greeting == "Hi Ana,")
        #expect(formal.greeting == "Dear Ana Lopez,")
        #expect(warm.signOff != formal.signOff)
    }

    @Test func aMissingTitleReadsNaturally() throws {
        let text = FollowupTextRenderer(width: 200).render(try F.draft())
        #expect(text.contains("Also thanked: Bo Chen, Director; Cy Dee\n"))
        let each = FollowupTextRenderer(width: 200).render(try F.draft { $0.isOnePerInterviewer = true })
        #expect(each.contains("To: Cy Dee <[email address]>\n"))
        #expect(!each.contains("Cy Dee,") && !each.contains("()"))
    }

    @Test func aTranscriptWithNoAnswersIsAClearError() throws {
        let transcript = F.transcript(
            questions: F.questions.map {
                var q = $0
                q.answer = nil
                return q
            }, notes: [])
        #expect(throws: FollowupError.noAnswers(session: "f0110a0b", path: "(memory)")) { try F.draft(transcript) }
        #expect(
            FollowupError.noAnswers(session: "f0110a0b", path: "x.jsonl").description.contains("rehearse transcripts"))
    }

    @Test func escapeSequencesAndHTMLAreInertInEveryFormat() throws {
        var interviewers = F.panel
        interviewers[1].name = "Bo \u{1B}]0;owned\u{07}<b>Chen</b>"
        let transcript = F.transcript(
            notes: ["<script>alert(\"x\")</script> \u{1B}[31mred\u{9B}2J", "[click](javascript:alert(1))"],
            interviewers: interviewers)
        let draft = try F.draft(transcript)
        let text = FollowupTextRenderer().render(draft)
        let markdown = FollowupMarkdownRenderer.render(draft)
        let message = FollowupMessageRenderer.render(
            draft.emails[0], date: try ZonedTime.moment(Date(), in: .named("Europe/London")))
        for output in [text, markdown, message] {
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        }
        #expect(text.contains("^[]0;owned^G"))
        #expect(!markdown.contains("<script>") && !markdown.contains("<b>") && !markdown.contains("[click]("))
        #expect(markdown.contains("&lt;script"))
        // The header block ends at the first blank line: no name can add a header.
        let headers = message.components(separatedBy: "\r\n\r\n")[0]
        #expect(headers.split(separator: "\r\n").allSatisfy { $0.first == " " || $0.contains(":") })
    }

    @Test func rejectedAsksForFeedbackOnNamedAreasAndPlansTheDrill() throws {
        let draft = try F.draft { $0.purpose = .rejected }
        let body = draft.emails[0].body
        #expect(body.contains("feedback on two areas in particular: "))
        #expect(body.contains("my answer about why I want to work in testing"))
        #expect(body.contains("future roles"))
        #expect(draft.deadline == nil)
        let plan = try #require(draft.plan)
        #expect(plan.questions.count == 3)
        #expect(plan.questions[0] == F.questions[1].text)
        #expect(plan.command == "rehearse drill --role testing")
        let text = FollowupTextRenderer(width: 200).render(draft)
        #expect(text.contains("Your plan (private, not part of the email):"))
        #expect(text.contains("Schedule them: rehearse drill --role testing"))
        #expect(FollowupMarkdownRenderer.render(draft).contains("`rehearse drill --role testing`"))
    }
}

/// The 24-hour deadline in the person's zone, across a day boundary and daylight-saving changes.
@Suite struct FollowupDeadlineTests {
    typealias F = FollowupFixtures

    /// A draft of an interview that ended at `ended` (UTC, ISO 8601), written at `now`.
    static func deadline(ended: String, now: String, zone: String) throws -> (FollowupDeadline, FollowupDraft) {
        let end = try #require(ISO8601DateFormatter().date(from: ended))
        let length = F.transcript().events.last!.time
        let transcript = F.transcript(started: end.addingTimeInterval(-Double(length) / 1000))
        var options = FollowupOptions(now: try #require(ISO8601DateFormatter().date(from: now)))
        options.zone = .named(zone)
        let draft = try FollowupBuilder(options: options).draft(transcript, review: ReviewBuilder().review(transcript))
        return (try #require(draft.deadline), draft)
    }

    @Test func londonClocksGoBackOvernight() throws {
        // 14:00 BST on Sat 24 Oct 2026; clocks go back at 02:00 on the 25th, so 24 hours later is 13:00 GMT.
        let (deadline, draft) = try Self.deadline(
            ended: "2026-10-24T13:00:00Z", now: "2026-10-24T15:30:00Z", zone: "Europe/London")
        #expect(deadline.interviewEnded.dayAndTime == "Sat 24 Oct, 14:00 BST")
        #expect(deadline.due.dayAndTime == "Sun 25 Oct, 13:00 GMT")
        #expect(deadline.secondsLeft == 21 * 3600 + 30 * 60)
        #expect(
            deadline.summary == "Send by Sun 25 Oct, 13:00 GMT (24 hours after the interview ended): 21 h 30 min left.")
        #expect(draft.emails[0].body.contains("meet me today about"))
    }

    @Test func newYorkClocksGoForwardInMarch() throws {
        // 10:00 EST on Sat 7 Mar 2026; clocks go forward at 02:00 on the 8th, so 24 hours later is 11:00 EDT.
        let (deadline, draft) = try Self.deadline(
            ended: "2026-03-07T15:00:00Z", now: "2026-03-08T14:00:00Z", zone: "America/New_York")
        #expect(deadline.interviewEnded.dayAndTime == "Sat 7 Mar, 10:00 EST")
        #expect(deadline.due.dayAndTime == "Sun 8 Mar, 11:00 EDT")
        #expect(deadline.due.rfc5322 == "Sun, 08 Mar 2026 11:00:00 -0400")
        #expect(deadline.summary.hasSuffix("1 h 0 min left."))
        #expect(draft.emails[0].body.contains("meet me yesterday about"))
    }

    @Test func lateEveningCrossesIntoTheNextDay() throws {
        let (deadline, _) = try Self.deadline(
            ended: "2026-11-30T23:30:00Z", now: "2026-12-01T08:00:00Z", zone: "Europe/London")
        #expect(deadline.interviewEnded.dayAndTime == "Mon 30 Nov, 23:30 GMT")
        #expect(deadline.due.dayAndTime == "Tue 1 Dec, 23:30 GMT")
        // In Tokyo the same moments are the next morning.
        let (tokyo, _) = try Self.deadline(
            ended: "2026-11-30T23:30:00Z", now: "2026-12-01T08:00:00Z", zone: "Asia/Tokyo")
        #expect(tokyo.due.dayAndTime == "Wed 2 Dec, 08:30 JST")
    }

    @Test func aPassedDeadlineIsSaidAndTheDraftStillMade() throws {
        let (deadline, draft) = try Self.deadline(
            ended: "2026-11-02T10:00:00Z", now: "2026-11-05T12:00:00Z", zone: "Europe/London")
        #expect(deadline.hasPassed)
        #expect(
            deadline.summary
                == "The 24-hour window closed Tue 3 Nov, 10:00 GMT, 2 days 2 h ago; a thank-you is still worth sending now."
        )
        #expect(draft.emails[0].body.contains("meet me on Mon 2 Nov about"))
    }

    @Test func anUnknownZoneIsAnError() {
        #expect(throws: ZonedTime.ZoneError.unknown("Mars/Olympus")) {
            try ZonedTime.moment(Date(), in: .named("Mars/Olympus"))
        }
        #expect(throws: ZonedTime.ZoneError.unknown("../etc/passwd")) {
            try ZonedTime.moment(Date(), in: .named("../etc/passwd"))
        }
    }
}

/// The .eml output, read back by Python's `email` package.
@Suite struct FollowupMessageTests {
    typealias F = FollowupFixtures

    static let pythonReader = """
        import email, email.policy, json, sys
        message = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
        to = message['To']
        print(json.dumps({
            'to_groups': [group.display_name for group in to.groups],
            'to_addresses': [address.addr_spec for address in to.addresses],
            'to_defects': [str(d) for d in to.defects],
            'subject': str(message['Subject']),
            'date': message['Date'].datetime.isoformat(),
            'content_type': message.get_content_type(),
            'charset': message.get_content_charset(),
            'body': message.get_content(),
            'defects': [str(d) for d in message.defects],
        }))
        """

    static func parse(_ message: String) throws -> [String: Any] {
        let python = try #require(
            ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) })
        let result = runProcess(
            executable: python, arguments: ["-c", pythonReader], environment: ["PYTHONIOENCODING": "utf-8"],
            stdin: message)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static var hasPython: Bool {
        ["/usr/bin/python3", "/usr/local/bin/python3"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: hasPython)) func emlParsesWithHeadersAndAUTF8Body() throws {
        var interviewers = F.panel
        interviewers[0].name = "José Núñez"
        let draft = try F.draft(F.transcript(interviewers: interviewers))
        let date = try ZonedTime.moment(
            try #require(ISO8601DateFormatter().date(from: "2026-10-24T13:00:00Z")), in: .named("Europe/London"))
        let message = FollowupMessageRenderer.render(draft.emails[0], date: date)
        #expect(message.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(message.contains("Content-Transfer-Encoding: 8bit"))
        #expect(message.contains("Subject: =?utf-8?q?"))
        let parsed = try Self.parse(message)
        #expect(parsed["to_groups"] as? [String] == ["José Núñez [email address]"])
        #expect(parsed["to_addresses"] as? [String] == [])
        #expect(parsed["to_defects"] as? [String] == [])
        #expect(parsed["subject"] as? String == draft.emails[0].subject)
        #expect(parsed["date"] as? String == "2026-10-24T14:00:00+01:00")
        #expect(parsed["content_type"] as? String == "text/plain")
        #expect(parsed["charset"] as? String == "utf-8")
        #expect(parsed["defects"] as? [String] == [])
        let body = try #require(parsed["body"] as? String)
        #expect(body.hasPrefix("Hi José,"))
        // format=flowed: joining soft breaks gives the paragraphs back.
        let joined = body.replacingOccurrences(of: " \r\n", with: " ").replacingOccurrences(of: " \n", with: " ")
        for paragraph in draft.emails[0].paragraphs { #expect(joined.contains(paragraph), "\(paragraph)") }
        #expect(message.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 78 || !$0.contains(":") })
    }

    @Test(.enabled(if: hasPython)) func anAddressGivenGoesInTo() throws {
        let draft = try F.draft { $0.address = "ana@acme.example" }
        let parsed = try Self.parse(
            FollowupMessageRenderer.render(draft.emails[0], date: try ZonedTime.moment(Date(), in: .system)))
        #expect(parsed["to_addresses"] as? [String] == ["ana@acme.example"])
        #expect(parsed["to_defects"] as? [String] == [])
    }
}

/// A real round recorded with `rehearse debrief`: its concerns are addressed, its wishes mentioned.
@Suite struct FollowupAfterADebriefTests {
    @Test func aDebriefsConcernsAreAddressedNotListedAsAchievements() throws {
        let transcript = try builtDebrief(
            questions: [("Tell me about a time you led a team.", "I led 4 people through the winter peak.", nil)],
            concerns: [("no team-lead experience", nil)], wishes: ["I trained 6 new starters last spring"])
        let draft = try FollowupFixtures.draft(transcript)
        let body = draft.emails.flatMap { $0.paragraphs }.joined(separator: "\n")
        #expect(body.contains("concern you raised about no team-lead experience"))
        #expect(!draft.notes.contains("no team-lead experience"))
        #expect(draft.notes.contains("I trained 6 new starters last spring"))
    }
}
