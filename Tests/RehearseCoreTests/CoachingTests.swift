import Foundation
import Testing

@testable import RehearseCore

/// Issue 8: question types, stem matching, explanations, dismissals and scores, checked on the
/// examples a new user met.
@Suite struct CoachingTests {
    static func bundledQuestion(_ scenarioID: String, _ questionID: String) throws -> Question {
        let catalog = ScenarioCatalog(bundledFolder: BundledScenariosTests.folder, userFolders: [])
        let scenario = try #require(catalog.scenarios.first { $0.id == scenarioID })
        return try #require(scenario.allQuestions.first { $0.id == questionID })
    }

    // MARK: Question types

    /// The lint base with a `type:` under its first question's text, at the same indentation.
    static func typed(_ yaml: String, _ type: String) -> String {
        let marker = "text: \"Tell me about a hard problem.\""
        let lines = yaml.components(separatedBy: "\n")
        return lines.flatMap { line -> [String] in
            guard line.trimmingCharacters(in: .whitespaces) == marker else { return [line] }
            return [line, String(line.prefix { $0 == " " }) + "type: \(type)"]
        }.joined(separator: "\n")
    }

    @Test(arguments: [
        ("Tell me about a time you calmed an angry customer.", QuestionType.behavioural),
        ("Describe a time you helped a less experienced engineer.", .behavioural),
        ("What would you do if a patient refused their medication?", .situational),
        ("How would you handle a colleague giving customers the wrong terms?", .situational),
        ("A faulty update knocked thermostats offline. What do you do in your first hour?", .situational),
        ("Talk me through the call.", .situational),
        ("Why do you want to work at Acme?", .motivational),
        ("Why this role rather than something else?", .motivational),
        ("How would you design a rate limiter for our API?", .technical),
        ("Explain how you would write the SQL query for monthly churn.", .technical),
    ])
    func typesAreInferredFromTheWording(_ text: String, _ type: QuestionType) {
        #expect(QuestionType.inferred(from: text) == type)
    }

    @Test func aDeclaredTypeWinsAndAnUnknownOneIsAnErrorListingTheAllowedValues() throws {
        let yaml = Self.typed(lintBase, "situational")
        let loaded = ScenarioLoader.parse(data: Data(yaml.utf8), path: "typed.yaml")
        let scenario = try #require(loaded.scenario, "\(loaded.errors)")
        #expect(scenario.allQuestions.first?.type == .situational)
        #expect(scenario.allQuestions.first?.declaredType == .situational)

        let wrong = yaml.replacingOccurrences(of: "type: situational", with: "type: behavioral")
        let errors = ScenarioLoader.parse(data: Data(wrong.utf8), path: "typed.yaml").errors
        let error = try #require(errors.first { $0.message.contains("question type") })
        #expect(error.message == "'behavioral' is not a valid question type")
        #expect(error.suggestion?.contains("did you mean 'behavioural'?") == true)
        #expect(error.suggestion?.contains("behavioural, situational, motivational, technical") == true)
    }

    @Test func strictLintSuggestsDeclaringTheType() throws {
        let folder = NSTemporaryDirectory() + "rehearse-types-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/untyped.yaml"
        try lintBase.write(toFile: path, atomically: true, encoding: .utf8)
        let report = ScenarioLinter.lint([LintTarget(path: path)])
        #expect(report.warningCount == 0)
        let suggestions = ScenarioLinter.missingTypeSuggestions(report.files)
        let first = try #require(suggestions.first)
        #expect(first.severity == .warning)
        #expect(first.message.contains("has no 'type'"))
        #expect(first.suggestion?.contains("type: ") == true)
    }

    // MARK: The examples from the issue

    @Test func aPromiseToCallBackCoversTheFollowUpAndDrawsNoProbe() throws {
        let question = try Self.bundledQuestion("customer-service-second", "refund-beyond-limits")
        let answer = AnswerText(
            "I'm so sorry, I understand how frustrating three delays are. I can't approve the whole fee myself, so I'll ask my manager for a goodwill credit, and I promised to call her back by 5 pm tomorrow."
        )
        let followUp = try #require(question.talkingPoints.first { $0.point == "A firm follow-up" })
        #expect(answer.covers(followUp))
        #expect(
            !ProbeRules.holds(
                .missingPoint(index: 4), for: answer, talkingPoints: question.talkingPoints, type: question.type))
        #expect(AnswerText("I'll ring her back before five.").covers(followUp))
    }

    @Test func aLoadTestIsAScalingTechnique() throws {
        let question = try Self.bundledQuestion("software-engineer-same-person", "scale-concern")
        let point = try #require(question.talkingPoints.first { $0.point == "Scaling techniques you've actually used" })
        #expect(
            AnswerText("Our ingest peaked at 3,000 a second; I load-tested it to 8,000 with k6 before the launch.")
                .covers(point))
    }

    @Test func aCodeWalkthroughCoversWhatWhyAndChange() throws {
        let question = try Self.bundledQuestion("software-engineer-same-person", "code-walkthrough")
        let answer = AnswerText(
            "It's a retry wrapper for our payment client: it retries failed calls with exponential backoff. It's shaped that way because the provider rate-limits bursts. Now I'd change it to add jitter and a circuit breaker."
        )
        #expect(
            question.talkingPoints.allSatisfy(answer.covers),
            "\(question.talkingPoints.filter { !answer.covers($0) }.map(\.point))")
    }

    @Test func aSituationalPlanIsNotFlaggedForAMissingStory() {
        let review = ReviewBuilder().review(
            ReviewFixtures.transcript([
                .init(
                    id: "first-hour", text: "The queue is at 250. What do you do in your first hour?",
                    answer:
                        "First I'd post a status update on the chat banner so people stop queueing, then I'd tell my team lead which customers are elderly, and I'd check the wait times every 15 minutes to know it's working."
                )
            ]))
        let question = review.questions[0]
        #expect(question.questionType == .situational)
        #expect(
            !question.has(.noExample) && !question.has(.incompleteStory) && !question.has(.noNumber)
                && !question.has(.incompletePlan),
            "\(question.findings.map(\.message))")
    }

    @Test func completeStoriesAreCountedAsTheFullShape() {
        let review = ReviewBuilder().review(
            ReviewFixtures.transcript([
                .init(
                    id: "q1",
                    answer:
                        "When our biggest client threatened to leave over late invoices, I rebuilt the billing export myself and she stayed."
                ),
                .init(
                    id: "q2",
                    answer:
                        "At my last job the nightly import kept failing. I rewrote the parser and after that the failures were down to one a month."
                ),
            ]))
        #expect(review.questions.allSatisfy { $0.evidence.story.isComplete })
        #expect(
            review.selfCheck[1].evidence.contains { $0.contains("with the full shape: 2") },
            "\(review.selfCheck[1].evidence)")
    }

    @Test func aVagueHedgedAnswerScoresClearlyBelowAPreciseOne() {
        let review = ReviewBuilder().review(
            ReviewFixtures.transcript([
                .init(
                    id: "vague",
                    answer:
                        "Um, like, I guess I just sort of tried to help them, you know, and maybe it was kind of fine in the end."
                ),
                .init(
                    id: "precise",
                    answer:
                        "When our Leeds depot missed 40 deliveries in one week, I rebuilt the routing in Excel and moved two drivers to the late shift; missed deliveries dropped to 3 the next week."
                ),
            ]))
        let vague = review.questions[0].score.percent
        let precise = review.questions[1].score.percent
        #expect(vague <= 40, "\(review.questions[0].score.parts)")
        #expect(precise >= 80, "\(review.questions[1].score.parts)")
        #expect(precise - vague >= 40)
        // The figures docs/review-rules.md quotes for these two answers.
        #expect(
            review.questions[0].score.points == 3 && review.questions[0].score.maximum == 10,
            "\(review.questions[0].score.parts)")
        #expect(review.questions[1].score.points == 10, "\(review.questions[1].score.parts)")
    }

    // MARK: Explanations and dismissals

    @Test func everyRuleOfTheTypeIsExplained() throws {
        let review = ReviewBuilder().review(
            ReviewFixtures.transcript([
                .init(id: "q1", answer: ReviewFixtures.strongAnswer, talkingPoints: ReviewFixtures.points)
            ]))
        let explanations = review.questions[0].explanations
        let story = try #require(explanations.first { $0.rule == .incompleteStory })
        #expect(!story.fired)
        #expect(story.detail.contains("action: \"I called\""), "\(story.detail)")
        let points = try #require(explanations.first { $0.rule == .missedTalkingPoints })
        #expect(points.detail.contains("The customer ← customer"), "\(points.detail)")
        #expect(!explanations.contains { $0.rule == .incompletePlan }, "a behavioural question is not judged as a plan")
    }

    @Test func aDismissedFindingLeavesTheScoreAndIsShownApart() throws {
        let transcript = ReviewFixtures.transcript([
            .init(
                id: "q1", answer: "I helped the customer a lot and they were happy with it in the end, which was nice.")
        ])
        let before = ReviewBuilder().review(transcript)
        #expect(before.questions[0].has(.noNumber))
        let entry = try ReviewDismissals.parse("Q1:no_number", in: before)
        var builder = ReviewBuilder()
        builder.dismissals = ReviewDismissals(dismissed: [entry])
        let after = builder.review(transcript)
        #expect(!after.questions[0].has(.noNumber))
        #expect(after.questions[0].dismissed.map(\.rule) == [.noNumber])
        #expect(after.questions[0].explanations.first { $0.rule == .noNumber }?.dismissed == true)
        #expect(after.questions[0].score.points >= before.questions[0].score.points)
    }

    @Test func aDismissalForSomethingThatDoesNotExistIsRefusedWithTheList() {
        let review = ReviewBuilder().review(
            ReviewFixtures.transcript([.init(id: "q1", answer: "I helped the customer a lot.")]))
        #expect(throws: ReviewDismissalError.noSuchQuestion("Q7", existing: "Q1")) {
            try ReviewDismissals.parse("Q7:no_number", in: review)
        }
        do {
            _ = try ReviewDismissals.parse("Q1:no_such_rule", in: review)
            Issue.record("an unknown rule was accepted")
        } catch let error as ReviewDismissalError {
            #expect(error.description.contains("flagged there: short_answer"), "\(error)")
            #expect(error.description.contains("rules: skipped"), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: ReviewDismissalError.malformed("no_number")) {
            try ReviewDismissals.parse("no_number", in: review)
        }
    }

    @Test func dismissalsAreKeptBesideTheTranscript() throws {
        let folder = try ReviewFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/transcripts/t.jsonl"
        #expect(try ReviewDismissals.load(forTranscript: path) == ReviewDismissals())
        try ReviewDismissals(dismissed: [.init(question: 2, rule: .hedges)]).save(forTranscript: path)
        #expect(FileManager.default.fileExists(atPath: path + ".dismissed.json"))
        #expect(try ReviewDismissals.load(forTranscript: path).rules(forQuestion: 2) == [.hedges])
        try "not json".write(toFile: path + ".dismissed.json", atomically: true, encoding: .utf8)
        #expect(throws: ReviewDismissalError.damaged(path: path + ".dismissed.json")) {
            try ReviewDismissals.load(forTranscript: path)
        }
    }
}
