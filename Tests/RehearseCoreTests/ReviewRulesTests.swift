import Foundation
import Testing

@testable import RehearseCore

/// One answer and whether a rule should notice it.
struct RuleCase: CustomTestStringConvertible, Sendable {
    var rule: ReviewRule
    var fires: Bool
    var answer: String?
    var think = 3000
    var answerMilliseconds = 20000
    var limit = 120
    var talkingPoints: [TalkingPoint]? = nil
    var earlier: String? = nil
    var type: QuestionType? = nil

    var testDescription: String {
        "\(rule.rawValue) \(fires ? "fires" : "quiet")\(type.map { " (\($0.rawValue))" } ?? ""): \(answer ?? "(skipped)")"
    }

    func review() -> QuestionReview {
        let item = ReviewFixtures.Item(
            id: "q1", answer: answer, think: think, answerMilliseconds: answerMilliseconds, limit: limit,
            talkingPoints: talkingPoints, type: type)
        var earlierTranscripts: [Transcript] = []
        if let earlier {
            earlierTranscripts = [
                ReviewFixtures.transcript(
                    [ReviewFixtures.Item(id: "q1", answer: earlier)],
                    header: ReviewFixtures.header(
                        session: "0ld00000", started: Date(timeIntervalSince1970: 1_700_000_000)))
            ]
        }
        return ReviewBuilder(earlierTranscripts: earlierTranscripts).review(ReviewFixtures.transcript([item]))
            .questions[0]
    }
}

private let long = Array(repeating: ReviewFixtures.strongAnswer, count: 8).joined(separator: " ")
private let fillerFreeLong = Array(
    repeating: "The customer called about the order and I checked the records carefully before replying.", count: 10
).joined(separator: " ")
private let points = ReviewFixtures.points

@Suite struct ReviewRulesTests {
    static let cases: [RuleCase] = [
        RuleCase(rule: .skipped, fires: true, answer: nil),
        RuleCase(rule: .skipped, fires: true, answer: nil, limit: 60),
        RuleCase(rule: .skipped, fires: false, answer: ReviewFixtures.strongAnswer),
        RuleCase(rule: .skipped, fires: false, answer: "I did it."),

        RuleCase(rule: .shortAnswer, fires: true, answer: "I handled it well and the customer was happy."),
        RuleCase(rule: .shortAnswer, fires: true, answer: "Yes."),
        RuleCase(rule: .shortAnswer, fires: false, answer: ReviewFixtures.strongAnswer),
        RuleCase(
            rule: .shortAnswer, fires: false,
            answer:
                "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty."
        ),

        RuleCase(rule: .longAnswer, fires: true, answer: long),
        RuleCase(rule: .longAnswer, fires: true, answer: fillerFreeLong + " " + fillerFreeLong + " " + fillerFreeLong),
        RuleCase(rule: .longAnswer, fires: false, answer: ReviewFixtures.strongAnswer),
        RuleCase(rule: .longAnswer, fires: false, answer: fillerFreeLong),

        RuleCase(rule: .longThink, fires: true, answer: ReviewFixtures.strongAnswer, think: 30000),
        RuleCase(rule: .longThink, fires: true, answer: ReviewFixtures.strongAnswer, think: 45000),
        RuleCase(rule: .longThink, fires: false, answer: ReviewFixtures.strongAnswer, think: 29999),
        RuleCase(rule: .longThink, fires: false, answer: ReviewFixtures.strongAnswer, think: 2000),

        RuleCase(
            rule: .overLimit, fires: true, answer: ReviewFixtures.strongAnswer, think: 10000, answerMilliseconds: 115000
        ),
        RuleCase(
            rule: .overLimit, fires: true, answer: ReviewFixtures.strongAnswer, think: 60000, answerMilliseconds: 61000),
        RuleCase(rule: .overLimit, fires: false, answer: ReviewFixtures.strongAnswer),
        RuleCase(
            rule: .overLimit, fires: false, answer: ReviewFixtures.strongAnswer, think: 60000, answerMilliseconds: 59000
        ),

        RuleCase(rule: .fillers, fires: true, answer: "Um, I handled it, you know, and the client was happy."),
        RuleCase(rule: .fillers, fires: true, answer: "Like, we basically fixed the queue."),
        RuleCase(rule: .fillers, fires: false, answer: "I would like to help customers like you, and I like people."),
        RuleCase(rule: .fillers, fires: false, answer: fillerFreeLong + " Um, you know."),

        RuleCase(rule: .hedges, fires: true, answer: "I think maybe it worked."),
        RuleCase(rule: .hedges, fires: true, answer: "I guess it was sort of fine, probably."),
        RuleCase(rule: .hedges, fires: false, answer: "I think it worked."),
        RuleCase(rule: .hedges, fires: false, answer: "I think the kind of team I want is small."),
        RuleCase(rule: .hedges, fires: false, answer: "What sort of tools do you use? I think that matters."),
        RuleCase(rule: .hedges, fires: true, answer: "I think it was kind of slow."),
        RuleCase(rule: .hedges, fires: true, answer: "It was sort of the right kind of fix, maybe."),
        RuleCase(rule: .hedges, fires: false, answer: ReviewFixtures.strongAnswer),

        RuleCase(rule: .noNumber, fires: true, answer: "I helped the customer a lot."),
        RuleCase(rule: .noNumber, fires: true, answer: "We improved the process a great deal."),
        RuleCase(rule: .noNumber, fires: false, answer: "We cut waiting from 10 to 4 minutes."),
        RuleCase(rule: .noNumber, fires: false, answer: "It took forty days."),

        RuleCase(rule: .noExample, fires: true, answer: "I am a hard worker and value teamwork."),
        RuleCase(rule: .noExample, fires: true, answer: "Customers matter most to me."),
        RuleCase(rule: .noExample, fires: false, answer: "For example, the refund queue."),
        RuleCase(rule: .noExample, fires: false, answer: "I handled the refund queue alone."),

        RuleCase(rule: .incompleteStory, fires: true, answer: "I am a hard worker."),
        RuleCase(rule: .incompleteStory, fires: true, answer: "When the system failed I called support."),
        RuleCase(rule: .incompleteStory, fires: false, answer: ReviewFixtures.strongAnswer),
        RuleCase(
            rule: .incompleteStory, fires: false,
            answer: "There was a backlog, we reduced it, and as a result complaints dropped."),

        RuleCase(rule: .missedTalkingPoints, fires: true, answer: "I fixed the printer.", talkingPoints: points),
        RuleCase(rule: .missedTalkingPoints, fires: true, answer: "The customer was upset.", talkingPoints: points),
        RuleCase(
            rule: .missedTalkingPoints, fires: false, answer: "The customer got a good outcome.", talkingPoints: points),
        RuleCase(rule: .missedTalkingPoints, fires: false, answer: "I fixed the printer."),

        RuleCase(rule: .mostlyWe, fires: true, answer: "We planned it, we built it and we shipped it."),
        RuleCase(rule: .mostlyWe, fires: true, answer: "We met, we agreed, and we fixed our process while I watched."),
        RuleCase(rule: .mostlyWe, fires: false, answer: "I planned it, I built it and we shipped it."),
        RuleCase(rule: .mostlyWe, fires: false, answer: "We did it and I led it, I wrote it and we shipped it."),

        RuleCase(
            rule: .numbersChanged, fires: true, answer: "I cut the backlog from 300 to 60 tickets.",
            earlier: "I cut the backlog from 300 to 40 tickets."),
        RuleCase(rule: .numbersChanged, fires: true, answer: "It took some weeks.", earlier: "It took 2 weeks."),
        RuleCase(
            rule: .numbersChanged, fires: false, answer: "From 300 to 40 tickets, I cut the backlog.",
            earlier: "I cut the backlog from 300 to 40 tickets."),
        RuleCase(
            rule: .numbersChanged, fires: false, answer: "I cut it to 40 tickets.", earlier: "I cut the backlog a lot."),

        RuleCase(
            rule: .littleOverlap, fires: true, answer: "My strength is patience with colleagues and planning holidays.",
            earlier:
                "The warehouse lost a customer parcel during winter; I phoned logistics and arranged a courier replacement."
        ),
        RuleCase(
            rule: .littleOverlap, fires: true, answer: "Spreadsheets help me forecast budgets.",
            earlier: "Nurses rotate weekend shifts; the ward manager assigns cover using seniority and patient numbers."
        ),
        RuleCase(
            rule: .littleOverlap, fires: false,
            answer: "The warehouse lost a customer parcel in winter; I phoned logistics and got a courier.",
            earlier:
                "The warehouse lost a customer parcel during winter; I phoned logistics and arranged a courier replacement."
        ),
        RuleCase(rule: .littleOverlap, fires: false, answer: "Something else entirely.", earlier: "I did it well."),

        // Quantities and approximations count as numbers; situational answers are never asked for one.
        RuleCase(rule: .noNumber, fires: false, answer: "I trained a dozen new starters that spring."),
        RuleCase(rule: .noNumber, fires: false, answer: "I moved half the team onto the new rota."),
        RuleCase(rule: .noNumber, fires: false, answer: "We met twice a week until it was fixed."),
        RuleCase(rule: .noNumber, fires: false, answer: "I had a couple of calls with her manager."),
        RuleCase(
            rule: .noNumber, fires: false, answer: "First I'd check the queue, then I'd tell my lead.",
            type: .situational),
        RuleCase(
            rule: .noExample, fires: false, answer: "First I'd read the handover notes, then I'd ask the charge nurse.",
            type: .situational),
        RuleCase(
            rule: .incompleteStory, fires: false,
            answer: "First I'd read the handover notes, then I'd ask the charge nurse.", type: .situational),
        RuleCase(
            rule: .noExample, fires: false, answer: "I love how Acme builds its own heat pumps.", type: .motivational),

        // Results in any wording after the action.
        RuleCase(
            rule: .incompleteStory, fires: false,
            answer: "When our biggest client threatened to leave, I visited them with the fix plan, and she stayed."),
        RuleCase(
            rule: .incompleteStory, fires: false,
            answer: "Last year a customer was about to cancel, so I rebuilt their onboarding and we renewed in March."),
        RuleCase(
            rule: .incompleteStory, fires: false,
            answer:
                "At my last job the nightly import kept failing. I rewrote the parser and after that the failures were down to 1 a month."
        ),
        RuleCase(rule: .incompleteStory, fires: true, answer: "When the import failed I rewrote the parser."),

        RuleCase(
            rule: .incompletePlan, fires: true, answer: "I would do my best to help them and stay positive.",
            type: .situational),
        RuleCase(
            rule: .incompletePlan, fires: true,
            answer: "Customers matter. Communication is key in situations like this.", type: .situational),
        RuleCase(
            rule: .incompletePlan, fires: false,
            answer:
                "First I'd post a holding message on the status page, then I'd tell my team lead which customers are vulnerable, and I'd check the queue every 15 minutes to see waits come down.",
            type: .situational),
        RuleCase(
            rule: .incompletePlan, fires: false,
            answer:
                "I'd start by reading the handover notes, then I'd go round my patients with the charge nurse, and before 9 I'd confirm every set of observations was done.",
            type: .situational),
        RuleCase(
            rule: .incompletePlan, fires: false,
            answer:
                "I'd say I'm sorry, explain honestly what I can approve, then I promised to call her back by 5 pm tomorrow with my manager's answer.",
            type: .situational),
        RuleCase(
            rule: .incompletePlan, fires: false, answer: "I'd apologise and explain what I can do.", type: .behavioural),

        RuleCase(
            rule: .noSpecifics, fires: true,
            answer: "I want to work here because it is a great company with great values and I like helping people.",
            type: .motivational),
        RuleCase(
            rule: .noSpecifics, fires: true, answer: "Your company has a good reputation and the role suits my skills.",
            type: .motivational),
        RuleCase(
            rule: .noSpecifics, fires: false,
            answer:
                "Acme's move into home batteries interests me, and your installer network is where my 5 years of field support fit.",
            type: .motivational),
        RuleCase(
            rule: .noSpecifics, fires: false,
            answer: "I used the Acme app for two years and your callback promise is what I would want to deliver.",
            type: .motivational),
        RuleCase(
            rule: .noSpecifics, fires: false, answer: "I want to work here because it is a great company.",
            type: .behavioural),

        RuleCase(
            rule: .noReasoning, fires: true, answer: "I would add an index and a cache and a queue.", type: .technical),
        RuleCase(
            rule: .noReasoning, fires: true, answer: "The code reads the file, parses each line and writes the totals.",
            type: .technical),
        RuleCase(
            rule: .noReasoning, fires: false,
            answer: "I'd add an index on customer_id because the query scans 2 million rows.", type: .technical),
        RuleCase(
            rule: .noReasoning, fires: false,
            answer: "It batches writes instead of sending one per event, so the database keeps up.", type: .technical),
        RuleCase(rule: .noReasoning, fires: false, answer: "I would add an index.", type: .situational),
    ]

    @Test(arguments: cases)
    func ruleFiresOnlyWhereItShould(_ ruleCase: RuleCase) {
        let review = ruleCase.review()
        #expect(review.has(ruleCase.rule) == ruleCase.fires, "findings: \(review.findings.map(\.message))")
    }

    @Test func everyRuleHasTwoFiringAndTwoQuietCases() {
        for rule in ReviewRule.allCases {
            #expect(Self.cases.filter { $0.rule == rule && $0.fires }.count >= 2, "\(rule)")
            #expect(Self.cases.filter { $0.rule == rule && !$0.fires }.count >= 2, "\(rule)")
        }
    }

    // MARK: Word rules

    @Test(arguments: [
        ("Like, it was hard.", 1), ("It was like a nightmare.", 1), ("It took, like, five days.", 1),
        ("and like we did it", 1),
        ("I like my job.", 0), ("We did things like audits.", 0), ("Customers would like faster replies.", 0),
        ("It looks like rain.", 0),
    ])
    func likeCountsAsAFillerOnlyWhereItIsOne(_ text: String, _ expected: Int) {
        #expect(AnswerText(text).fillerLikeCount == expected)
    }

    /// "kind of" and "sort of" are hedges when they soften ("it was kind of slow"), not when they
    /// name a kind after a determiner ("the kind of team", "what sort of tools", "the same kind of fix").
    @Test(arguments: [
        ("It was kind of slow.", 1), ("We sort of fixed it.", 1), ("Kind of, yes.", 1), ("It's only kind of done.", 1),
        ("I like the kind of team you have.", 0), ("What kind of tools do you use?", 0),
        ("Which sort of customer was it?", 0),
        ("This kind of work suits me.", 0), ("That sort of thing happens.", 0), ("It was a kind of audit.", 0),
        ("We had the same kind of problem.", 0), ("Any kind of help, and it was kind of late.", 1),
    ])
    func kindOfIsAHedgeOnlyWhereItSoftens(_ text: String, _ expected: Int) {
        let answer = AnswerText(text)
        #expect(answer.hedgeCount == expected)
        #expect(answer.hedgeOccurrences.reduce(0) { $0 + $1.count } == expected)
    }

    @Test(arguments: [
        ("We went from 1,200 to 950 calls.", ["1200", "950"]), ("It took 4.5 hours.", ["4.5"]),
        ("about forty people", ["40"]),
        ("two hundred and fifty tickets", ["250"]), ("one of us", []), ("one hundred", ["100"]),
        ("twenty-five", ["25"]),
        ("Score: 30% then 30 percent", ["30"]),
    ])
    func numbersAreReadAsDigits(_ text: String, _ expected: [String]) {
        #expect(AnswerText(text).numbers == expected)
    }

    @Test(arguments: [
        "", "Hello.", ReviewFixtures.strongAnswer, "When it broke we fixed it and the result was fine.",
        "The result came before we fixed it when it broke.", "I handled it.",
    ])
    func storyShapeAgreesWithTheProbeRule(_ text: String) {
        let answer = AnswerText(text)
        #expect(answer.storyShape.isComplete == answer.hasSituationActionResult)
    }

    @Test func firstPersonCounts() {
        let answer = AnswerText("I think we did it; my team and I, but our manager helped us.")
        #expect(answer.singularFirstPersonCount == 3)
        #expect(answer.pluralFirstPersonCount == 3)
    }

    // MARK: Job description

    @Test func jobTermsFollowTheDocumentedRule() {
        let job = JobDescription(
            text: """
                Customer Support Specialist. You will answer customer emails in Zendesk and resolve billing questions.
                • Resolve billing questions quickly.
                • Keep customer satisfaction high; customer satisfaction is our main measure.
                """)
        let terms = Dictionary(uniqueKeysWithValues: job.terms.map { ($0.term, $0) })
        #expect(terms["customer satisfaction"]?.reason == .repeatedPhrase)
        #expect(terms["billing question"]?.reason == .repeatedPhrase)
        #expect(terms["zendesk"]?.reason == .name)
        #expect(terms["resolve billing"]?.reason == .repeatedPhrase)
        #expect(terms["resolve"] == nil)
        #expect(terms["customer"]?.count == 4)
        #expect(terms["answer"] == nil)
        #expect(terms["quickly"] == nil)
        #expect(JobDescription.uses("billing question", in: AnswerText("Most billing questions were simple.")))
        #expect(JobDescription.uses("resolve", in: AnswerText("I resolved it.")))
        #expect(JobDescription.uses("resolve", in: AnswerText("I solved it.")) == false)
        #expect(JobDescription.uses("zendesk", in: AnswerText("We used Zendesk daily.")))
    }

    @Test func jobTermsUsedAppearPerAnswerAndForTheSession() {
        let transcript = ReviewFixtures.transcript([
            .init(id: "q1", answer: "I used Zendesk every day."), .init(id: "q2", answer: "I like people."),
        ])
        let job = JobDescription(text: "We use Zendesk and Salesforce. Reporting, reporting.")
        let review = ReviewBuilder(jobDescription: ("job.txt", job)).review(transcript)
        #expect(review.questions[0].jobTermsUsed == ["zendesk"])
        #expect(review.questions[1].jobTermsUsed == [])
        #expect(review.jobTerms?.used == ["zendesk"])
        #expect(Set(review.jobTerms?.unused ?? []) == ["salesforce", "reporting"])
    }
}

@Suite struct ReviewSessionTests {
    @Test func theSameTranscriptAlwaysGivesTheSameReview() throws {
        let transcript = ReviewFixtures.transcript([
            .init(id: "q1", answer: ReviewFixtures.strongAnswer), .init(id: "q2", answer: "Um, like, maybe."),
        ])
        let first = try ReviewJSONRenderer.render(ReviewBuilder().review(transcript))
        let second = try ReviewJSONRenderer.render(ReviewBuilder().review(transcript))
        #expect(first == second)
        #expect(
            ReviewTextRenderer(width: 80).render(ReviewBuilder().review(transcript))
                == ReviewTextRenderer(width: 80).render(ReviewBuilder().review(transcript)))
        let decoded = try JSONDecoder().decode(TranscriptReview.self, from: Data(first.utf8))
        #expect(decoded == ReviewBuilder().review(transcript))
    }

    @Test(arguments: [20, 33, 48, 60, 80, 132])
    func theTextReportFitsTheWidth(_ width: Int) {
        let review = ReviewBuilder(
            jobDescription: ("job.txt", JobDescription(text: "Zendesk Zendesk supercalifragilisticexpialidocious-term"))
        ).review(
            ReviewFixtures.transcript(
                [
                    .init(
                        id: "q1", text: "A question with a verylongwordthatcannotbewrappedanywhereatallreally in it?",
                        answer: ReviewFixtures.strongAnswer + " 宽字符宽字符宽字符宽字符宽字符宽字符",
                        think: 40000, answerMilliseconds: 100000, talkingPoints: ReviewFixtures.points,
                        followUp: "Um, like, maybe 3."),
                    .init(id: "q2", answer: nil),
                ], candidateQuestions: ["What does a good first month look like here?"]))
        let text = ReviewTextRenderer(width: width).render(review)
        for line in text.split(separator: "\n") {
            #expect(DisplayWidth.of(String(line)) <= width, "\(line)")
        }
    }

    @Test func candidateQuestionsAreCounted() {
        let asked = ReviewBuilder().review(
            ReviewFixtures.transcript(
                [.init(id: "q1", answer: "Fine.")], candidateQuestions: ["How big is the team?", "What next?"]))
        #expect(asked.candidateQuestions.questions.count == 2)
        #expect(asked.candidateQuestions.summary.contains("2 questions"))
        let none = ReviewBuilder().review(
            ReviewFixtures.transcript([.init(id: "q1", answer: "Fine.")], candidateQuestions: []))
        #expect(none.candidateQuestions.stageReached)
        #expect(none.candidateQuestions.summary.contains("no questions"))
        let notReached = ReviewBuilder().review(
            ReviewFixtures.transcript([.init(id: "q1", answer: "Fine.")], candidateQuestions: nil, ended: false))
        #expect(!notReached.candidateQuestions.stageReached)
        #expect(notReached.candidateQuestions.summary.contains("ended before"))
    }

    @Test func scoresAreTheSumOfTheirPartsAndRankAnswers() {
        let review = ReviewBuilder().review(
            ReviewFixtures.transcript([
                .init(id: "weak", answer: "Maybe, I guess."),
                .init(id: "strong", answer: ReviewFixtures.strongAnswer, talkingPoints: ReviewFixtures.points),
                .init(id: "skipped", answer: nil),
            ]))
        for question in review.questions {
            #expect(question.score.points == question.score.parts.reduce(0) { $0 + $1.points })
            #expect(question.score.points <= question.score.maximum)
        }
        #expect(review.question(2)?.score.points == review.question(2)?.score.maximum)
        #expect(review.strongest == [2])
        #expect(review.toWorkOn == [3, 1])
    }

    @Test func selfCheckAnswersCiteTheirEvidence() {
        let review = ReviewBuilder().review(
            ReviewFixtures.transcript([
                .init(id: "q1", answer: ReviewFixtures.strongAnswer),
                .init(id: "q2", answer: "Maybe.", think: 40000),
                .init(id: "q3", answer: nil),
            ]))
        #expect(
            review.selfCheck.map(\.question) == [
                "Were my answers clear and concise?", "Did I back my answers with concrete examples?",
                "Did any question catch me off guard?",
            ])
        let offGuard = review.selfCheck[2]
        #expect(offGuard.answer == "possibly, on 2 questions")
        #expect(
            offGuard.evidence.contains {
                $0.hasPrefix("Q2:") && $0.contains("40 s before the first keystroke") && $0.contains("1 word")
            })
        #expect(offGuard.evidence.contains { $0.hasPrefix("Q3:") && $0.contains("skipped") })
        #expect(review.selfCheck[1].evidence.contains("No example: Q2."))
        #expect(
            review.selfCheck[0].evidence.contains("Under 20 words: Q2 (1 word)."), "\(review.selfCheck[0].evidence)")
        #expect(review.question(2)?.score.parts.first { $0.name == "length" }?.reason == "1 word (1 point for 20–250)")
    }

    @Test func aRepeatedQuestionIsComparedWithTheEarlierAnswer() throws {
        let earlier = ReviewFixtures.transcript(
            [.init(id: "why", answer: "I want to grow; I handled 40 calls a day.")],
            header: ReviewFixtures.header(
                session: "firstone", kind: .first, scenarioID: "test-first",
                started: Date(timeIntervalSince1970: 1_700_000_000)))
        let now = ReviewFixtures.transcript([
            .init(id: "why-again", answer: "I want to grow; I handled 60 calls a day.", repeats: "test-first/why")
        ])
        let review = ReviewBuilder(earlierTranscripts: [earlier]).review(now)
        let consistency = try #require(review.questions[0].earlier)
        #expect(consistency.earlierSession == "firstone")
        #expect(consistency.missingNumbers == ["40"])
        #expect(consistency.newNumbers == ["60"])
        #expect(review.questions[0].has(.numbersChanged))
    }

    @Test func aRepeatedQuestionWithNoEarlierAnswerSaysSoAndWhereItWouldComeFrom() throws {
        let now = ReviewFixtures.transcript([
            .init(id: "why-again", answer: "I want to grow.", repeats: "test-first/why"),
            .init(id: "q2", answer: "Plain question."),
        ])
        var builder = ReviewBuilder(earlierTranscripts: [])
        builder.earlierTranscriptsFolder = "/data/transcripts"
        let review = builder.review(now)
        let expected =
            "Nothing to compare: this question repeats test-first/why, and no earlier testing transcript answering it "
            + "was found in /data/transcripts. Run `rehearse practice --scenario test-first` first, then this interview again, "
            + "to compare the answers."
        #expect(review.questions[0].nothingToCompare == expected)
        #expect(review.questions[1].nothingToCompare == nil)
        #expect(ReviewTextRenderer(width: 1000, style: .plain).render(review).contains(expected))
        #expect(
            ReviewMarkdownRenderer.render(review).contains("- Nothing to compare: this question repeats test-first/why")
        )
        #expect(
            ReviewHTMLRenderer.render(review).contains("<li>Nothing to compare: this question repeats test-first/why"))
        #expect(
            try ReviewJSONRenderer.render(review).contains(
                "\"nothing_to_compare\" : \"Nothing to compare: this question repeats"))
    }

    @Test func aRevisitWhoseEarlierSessionIsGoneSaysWhichSession() {
        let now = ReviewFixtures.transcript(
            [.init(id: "revisit-why", answer: "I want to grow.")],
            header: ReviewFixtures.header(kind: .samePerson, previous: "0ld0ne00"))
        var builder = ReviewBuilder(earlierTranscripts: [])
        builder.earlierTranscriptsFolder = "/data/transcripts"
        #expect(
            builder.review(now).questions[0].nothingToCompare
                == "Nothing to compare: this question goes back to your answer to why in session 0ld0ne00, which was not found in /data/transcripts."
        )
    }

    @Test func followUpsCountTowardsEvidenceButNotLength() {
        let review = ReviewBuilder().review(
            ReviewFixtures.transcript([
                .init(
                    id: "q1", answer: "I fixed the billing problem for a customer last year.",
                    talkingPoints: ReviewFixtures.points,
                    followUp: "It saved 30 minutes a day and the outcome was fewer calls.")
            ]))
        let question = review.questions[0]
        #expect(question.responses.count == 2)
        #expect(question.words == 10)
        #expect(question.evidence.numbers == ["30"])
        #expect(question.talkingPoints?.missed == [])
    }

    @Test func findingsDescribeWhatWasObservedNotThePerson() {
        let review = ReviewBuilder().review(
            ReviewFixtures.transcript([
                .init(id: "q1", answer: "Um, like, I think maybe we did it.", think: 50000)
            ]))
        let banned = ["nervous", "confident", "lazy", "shy", "anxious", "weak candidate", "personality", "you are"]
        let text = ReviewTextRenderer(width: 100).render(review).lowercased()
        for word in banned { #expect(!text.contains(word), "\(word)") }
    }
}
