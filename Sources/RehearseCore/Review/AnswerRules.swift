/// The per-answer rules and the score. Findings say what can be observed in the text and the
/// timings ("no number in this answer"), never what the person is like.
enum AnswerRules {
    /// The findings for an answer, and for every rule of its type an explanation: the words that
    /// matched, or why nothing matched. `company` is the transcript's company, for specifics.
    static func evaluate(_ review: QuestionReview, combined: AnswerText, company: String = "")
        -> (findings: [Finding], explanations: [RuleExplanation])
    {
        var findings: [Finding] = []
        var explanations: [RuleExplanation] = []
        let type = review.questionType
        func fire(_ rule: ReviewRule, _ message: String, _ detail: String? = nil) {
            findings.append(Finding(rule: rule, message: message))
            explanations.append(RuleExplanation(rule: rule, fired: true, dismissed: false, detail: detail ?? message))
        }
        func quiet(_ rule: ReviewRule, _ detail: String) {
            explanations.append(RuleExplanation(rule: rule, fired: false, dismissed: false, detail: detail))
        }
        if review.responses.isEmpty {
            fire(.skipped, review.isSkipped ? "not answered: skipped" : "not answered")
            return (findings, explanations)
        }
        quiet(.skipped, "answered")
        if let main = review.mainResponse {
            if main.words < ReviewThresholds.shortAnswerWords {
                fire(
                    .shortAnswer,
                    "\(main.words) word\(main.words == 1 ? "" : "s") in the answer (under \(ReviewThresholds.shortAnswerWords))"
                )
            } else {
                quiet(.shortAnswer, "\(main.words) words, at least \(ReviewThresholds.shortAnswerWords)")
            }
            if main.words > ReviewThresholds.longAnswerWords {
                fire(.longAnswer, "\(main.words) words in the answer (over \(ReviewThresholds.longAnswerWords))")
            } else {
                quiet(.longAnswer, "\(main.words) words, at most \(ReviewThresholds.longAnswerWords)")
            }
        }
        var thinkFired = false
        var limitFired = false
        for (offset, response) in review.responses.enumerated() {
            let which = response.followUpQuestion == nil ? "" : " (follow-up \(offset))"
            if response.thinkMilliseconds >= ReviewThresholds.longThinkSeconds * 1000 {
                fire(
                    .longThink,
                    "\(DurationText.milliseconds(response.thinkMilliseconds)) before the first keystroke\(which)")
                thinkFired = true
            }
            if response.isOverLimit {
                let total =
                    SaneRange.milliseconds(response.thinkMilliseconds)
                    + SaneRange.milliseconds(response.answerMilliseconds)
                fire(
                    .overLimit,
                    "past the \(DurationText.seconds(response.limitSeconds)) limit: \(DurationText.milliseconds(total)) in all\(which)"
                )
                limitFired = true
            }
        }
        if !thinkFired { quiet(.longThink, "every answer started within \(ReviewThresholds.longThinkSeconds) s") }
        if !limitFired { quiet(.overLimit, "every answer within its time limit") }
        let allWords = review.responses.reduce(0) { $0 + $1.words }
        let fillers = merged(review.responses.flatMap(\.fillers))
        let fillerTotal = fillers.reduce(0) { $0 + $1.count }
        if fillerTotal >= ReviewThresholds.fillerCount,
            Double(fillerTotal) * 100 / Double(max(allWords, 1)) >= ReviewThresholds.fillersPer100Words
        {
            fire(.fillers, "\(fillerTotal) filler words: \(describe(fillers))")
        } else {
            quiet(
                .fillers,
                fillerTotal == 0
                    ? "no filler words"
                    : "\(fillerTotal) filler word\(fillerTotal == 1 ? "" : "s") (\(describe(fillers))) in \(allWords) words: under the threshold"
            )
        }
        let hedges = merged(review.responses.flatMap(\.hedges))
        let hedgeTotal = hedges.reduce(0) { $0 + $1.count }
        if hedgeTotal >= ReviewThresholds.hedgeCount {
            fire(.hedges, "\(hedgeTotal) hedges: \(describe(hedges))")
        } else {
            quiet(
                .hedges,
                hedgeTotal == 0 ? "no hedges" : "one hedge (\(describe(hedges))): under \(ReviewThresholds.hedgeCount)")
        }
        let applies = { (rule: ReviewRule) in rule.questionTypes.contains(type) }
        if applies(.noNumber) {
            if let quantity = combined.quantityEvidence {
                quiet(.noNumber, "quantity: \"\(quantity)\"")
            } else {
                fire(
                    .noNumber, "no number in this answer",
                    "no digits, no number word (two, dozen, half, …) and no quantity phrase (a couple of, twice a, …)")
            }
        }
        if applies(.noExample) {
            if let example = combined.exampleEvidence {
                quiet(.noExample, "example: \"\(example)\"")
            } else {
                fire(
                    .noExample,
                    "no example: no phrase such as \"for example\" or \"last year\", and no \"I\"/\"we\" with a past action"
                )
            }
        }
        if applies(.incompleteStory) {
            let story = review.evidence.story
            let found =
                "situation: \(combined.situationEvidence.map { "\"\($0)\"" } ?? "none"); action: \(combined.pastActionEvidence.map { "\"\($0)\"" } ?? "none"); result: \(combined.resultEvidence.map { "\"\($0)\"" } ?? "none after the action")"
            if story.isComplete {
                quiet(.incompleteStory, found)
            } else {
                let missing = [
                    story.hasSituation ? nil : "a situation", story.hasAction ? nil : "an action by I/we",
                    story.hasResult ? nil : "a result",
                ].compactMap { $0 }
                fire(
                    .incompleteStory, "situation → action → result: missing \(missing.joined(separator: " and "))",
                    found)
            }
        }
        if applies(.incompletePlan) {
            let plan = review.evidence.plan ?? combined.planShape
            let found =
                "steps: \(plan.steps.map { "\"\($0)\"" } ?? "none"); order: \(plan.order.map { "\"\($0)\"" } ?? "none"); who: \(plan.involves.map { "\"\($0)\"" } ?? "none"); knowing it worked: \(plan.check.map { "\"\($0)\"" } ?? "none")"
            if plan.isComplete {
                quiet(.incompletePlan, found)
            } else {
                fire(.incompletePlan, "the plan is missing \(plan.missing.joined(separator: ", "))", found)
            }
        }
        if applies(.noSpecifics) {
            let specifics = review.evidence.specifics ?? combined.specifics(company: company)
            if specifics.count >= ReviewThresholds.specificsMinimum {
                quiet(.noSpecifics, "specifics: \(specifics.joined(separator: ", "))")
            } else {
                let seen = specifics.isEmpty ? "none" : specifics.joined(separator: ", ")
                fire(
                    .noSpecifics, "little that is specific to this company or role (found: \(seen))",
                    "needs \(ReviewThresholds.specificsMinimum): the company's name, a named product or place, \"your\" + something specific, or a number; found: \(seen)"
                )
            }
        }
        if applies(.noReasoning) {
            if let reason = combined.reasonEvidence {
                quiet(.noReasoning, "reason: \"\(reason)\"")
            } else {
                fire(.noReasoning, "no reason given: no \"because\", \"so that\", \"instead of\" or \"trade-off\"")
            }
        }
        if let points = review.talkingPoints, !(points.covered.isEmpty && points.missed.isEmpty) {
            let matched = (points.matched ?? []).joined(separator: "; ")
            if points.missed.isEmpty {
                quiet(.missedTalkingPoints, "all covered: \(matched)")
            } else {
                fire(
                    .missedTalkingPoints,
                    "talking point\(points.missed.count == 1 ? "" : "s") not mentioned: \(points.missed.joined(separator: "; "))",
                    "not mentioned: \(points.missed.joined(separator: "; ")) (none of their keywords, on word stems)"
                        + (matched.isEmpty ? "" : "; covered: \(matched)"))
            }
        }
        if review.pluralFirstPerson >= ReviewThresholds.mostlyWeMinimum,
            review.pluralFirstPerson >= ReviewThresholds.mostlyWeRatio * review.singularFirstPerson
        {
            fire(
                .mostlyWe,
                "\"we\" \(times(review.pluralFirstPerson)), \"I\" \(times(review.singularFirstPerson)): say which part you did yourself"
            )
        } else {
            quiet(.mostlyWe, "\"we\" \(times(review.pluralFirstPerson)), \"I\" \(times(review.singularFirstPerson))")
        }
        if let earlier = review.earlier {
            if !earlier.missingNumbers.isEmpty {
                let new = earlier.newNumbers.isEmpty ? "" : "; new now: \(earlier.newNumbers.joined(separator: ", "))"
                fire(
                    .numbersChanged,
                    "numbers in the earlier answer not given now: \(earlier.missingNumbers.joined(separator: ", "))\(new)"
                )
            } else {
                quiet(.numbersChanged, "every number of the earlier answer is given again")
            }
            if earlier.earlierKeyWords >= ReviewThresholds.overlapMinimumKeyWords,
                earlier.sharedPercent < ReviewThresholds.littleOverlapPercent
            {
                fire(
                    .littleOverlap,
                    "uses \(earlier.sharedKeyWords) of the \(earlier.earlierKeyWords) key words of the earlier answer (\(earlier.sharedPercent)%)"
                )
            } else {
                quiet(
                    .littleOverlap,
                    "uses \(earlier.sharedKeyWords) of the \(earlier.earlierKeyWords) key words of the earlier answer")
            }
        }
        return (findings, explanations)
    }

    /// The findings alone (see `evaluate`).
    static func findings(for review: QuestionReview, combined: AnswerText, company: String = "") -> [Finding] {
        evaluate(review, combined: combined, company: company).findings
    }

    /// The score: form (length, time), the shape the question type asks for, concrete detail,
    /// delivery (graded by hedges and fillers) and talking points. Weights and their reasons are
    /// in docs/review-rules.md.
    static func score(_ review: QuestionReview, combined: AnswerText? = nil) -> AnswerScore {
        let hasPoints = !(review.talkingPoints.map { $0.covered.isEmpty && $0.missed.isEmpty } ?? true)
        let shapeName = shapePartName(review.questionType)
        if review.responses.isEmpty {
            var parts = [
                ScorePart(name: "length", points: 0, maximum: 1, reason: "not answered"),
                ScorePart(name: "time", points: 0, maximum: 1, reason: "not answered"),
                ScorePart(name: shapeName, points: 0, maximum: 3, reason: "not answered"),
                ScorePart(name: "concrete", points: 0, maximum: 2, reason: "not answered"),
                ScorePart(name: "delivery", points: 0, maximum: 3, reason: "not answered"),
            ]
            if hasPoints {
                parts.append(ScorePart(name: "talking points", points: 0, maximum: 2, reason: "not answered"))
            }
            return AnswerScore(parts: parts)
        }
        var parts: [ScorePart] = []
        let words = review.mainResponse?.words ?? review.responses.reduce(0) { $0 + $1.words }
        let short = ReviewThresholds.shortAnswerWords
        let long = ReviewThresholds.longAnswerWords
        let inRange = (short...long).contains(words)
        parts.append(
            ScorePart(
                name: "length", points: inRange ? 1 : 0, maximum: 1,
                reason: "\(words) word\(words == 1 ? "" : "s") (1 point for \(short)–\(long))"))
        let overLimit = review.has(.overLimit)
        parts.append(
            ScorePart(
                name: "time", points: overLimit ? 0 : 1, maximum: 1,
                reason: overLimit ? "past the time limit" : "within the time limit"))
        let text = combined ?? AnswerText(review.responses.map(\.text).joined(separator: "\n"))
        parts.append(shapePart(review, text: text, name: shapeName))
        // Concrete: a checkable quantity, and a named or specific detail.
        let quantity = text.quantityEvidence
        let detail =
            text.properNouns.first { !["I", "Um", "Uh", "So", "And", "But"].contains($0) }
            ?? text.words.first { $0.contains(where: \.isNumber) && $0.contains(where: \.isLetter) }
            ?? review.evidence.example.flatMap { AnswerText.examplePhrases.contains($0) ? $0 : nil }
        let concretePoints = (quantity == nil ? 0 : 1) + (detail == nil ? 0 : 1)
        let concreteReason = [
            quantity.map { "quantity \"\($0)\"" } ?? "no quantity",
            detail.map { "detail \"\($0)\"" } ?? "no named detail",
        ]
        parts.append(
            ScorePart(
                name: "concrete", points: concretePoints, maximum: 2, reason: concreteReason.joined(separator: ", ")))
        // Delivery: graded, since one hedge is ordinary and a string of them is not.
        let fillerTotal = merged(review.responses.flatMap(\.fillers)).reduce(0) { $0 + $1.count }
        let hedgeTotal = merged(review.responses.flatMap(\.hedges)).reduce(0) { $0 + $1.count }
        let softeners = fillerTotal + hedgeTotal
        let delivery =
            review.has(.fillers) || review.has(.hedges) || softeners > 1
            ? max(0, 3 - (softeners - 1)) : 3
        parts.append(
            ScorePart(
                name: "delivery", points: min(3, delivery), maximum: 3,
                reason:
                    "\(fillerTotal) filler word\(fillerTotal == 1 ? "" : "s") and \(hedgeTotal) hedge\(hedgeTotal == 1 ? "" : "s") (3 points for at most one, one less for each more)"
            ))
        if hasPoints, let points = review.talkingPoints {
            let total = points.covered.count + points.missed.count
            let earned = points.missed.isEmpty ? 2 : points.covered.count * 2 >= total ? 1 : 0
            parts.append(
                ScorePart(
                    name: "talking points", points: earned, maximum: 2,
                    reason: "\(points.covered.count) of \(total) covered"))
        }
        return AnswerScore(parts: parts)
    }

    /// The name of the score part for the shape a question type asks for.
    static func shapePartName(_ type: QuestionType) -> String {
        switch type {
        case .behavioural: "story"
        case .situational: "plan"
        case .motivational: "specifics"
        case .technical: "reasoning"
        }
    }

    /// Words that name a trade-off or a change, for a technical answer's shape.
    static let tradeOffPatterns = StemPhrase.list([
        "trade-off", "trade off", "tradeoff", "instead", "rather than", "downside", "alternative", "would change",
        "change", "improve", "risk", "cost",
    ])

    static func shapePart(_ review: QuestionReview, text: String, name: String) -> ScorePart {
        shapePart(review, text: AnswerText(text), name: name)
    }

    static func shapePart(_ review: QuestionReview, text: AnswerText, name: String) -> ScorePart {
        switch review.questionType {
        case .behavioural:
            let story = review.evidence.story
            return ScorePart(
                name: name, points: story.partsFound, maximum: 3,
                reason: "\(story.partsFound) of 3 parts of situation → action → result")
        case .situational:
            let plan = review.evidence.plan ?? text.planShape
            let points = plan.steps == nil ? min(1, plan.partsFound) : min(3, plan.partsFound)
            return ScorePart(
                name: name, points: points, maximum: 3,
                reason: "\(plan.partsFound) of 4 parts of a plan"
                    + (plan.missing.isEmpty ? "" : " (missing \(plan.missing.joined(separator: ", ")))"))
        case .motivational:
            let specifics = review.evidence.specifics ?? []
            return ScorePart(
                name: name, points: min(3, specifics.count), maximum: 3,
                reason: specifics.isEmpty
                    ? "nothing specific to the company or role"
                    : "specific: \(specifics.prefix(4).joined(separator: ", "))")
        case .technical:
            let reason = review.evidence.reason ?? text.reasonEvidence
            let example = text.exampleEvidence ?? text.planShape.steps
            let tradeOff = text.firstMatch(of: Self.tradeOffPatterns, gaps: false)
            let found = [reason, example, tradeOff].compactMap { $0 }
            return ScorePart(
                name: name, points: found.count, maximum: 3,
                reason:
                    "a reason, what was or would be done, a trade-off or change: \(found.isEmpty ? "none found" : found.map { "\"\($0)\"" }.joined(separator: ", "))"
            )
        }
    }

    static func merged(_ counts: [PhraseCount]) -> [PhraseCount] {
        var order: [String] = []
        var totals: [String: Int] = [:]
        for count in counts {
            if totals[count.phrase] == nil { order.append(count.phrase) }
            totals[count.phrase, default: 0] += count.count
        }
        return order.map { PhraseCount(phrase: $0, count: totals[$0]!) }
    }

    static func describe(_ counts: [PhraseCount]) -> String {
        counts.map { $0.count > 1 ? "\(display($0.phrase)) ×\($0.count)" : display($0.phrase) }.joined(separator: ", ")
    }

    /// A listed phrase as people write it: "i'm not sure" → "I'm not sure".
    static func display(_ phrase: String) -> String {
        phrase.split(separator: " ").map { $0 == "i" || $0.hasPrefix("i'") ? "I" + $0.dropFirst() : String($0) }.joined(
            separator: " ")
    }

    static func times(_ count: Int) -> String { count == 1 ? "once" : count == 2 ? "twice" : "\(count) times" }
}

/// The three questions to ask yourself after an interview, each answered with its evidence.
enum SelfCheckRules {
    static let clearQuestion = "Were my answers clear and concise?"
    static let concreteQuestion = "Did I back my answers with concrete examples?"
    static let offGuardQuestion = "Did any question catch me off guard?"

    static func answers(for questions: [QuestionReview]) -> [SelfCheck] {
        let answered = questions.filter { !$0.responses.isEmpty }
        func label(_ question: QuestionReview) -> String { QuestionLabel.text(question) }
        func share(_ passing: Int) -> String {
            guard !answered.isEmpty else { return "no answers to go on" }
            let percent = passing * 100 / answered.count
            return percent >= ReviewThresholds.mostlyPercent
                ? "mostly" : percent >= ReviewThresholds.partlyPercent ? "partly" : "rarely"
        }
        func list(_ rule: ReviewRule, _ detail: (QuestionReview) -> String) -> String {
            answered.filter { $0.has(rule) }.map { "\(label($0)) (\(detail($0)))" }.joined(separator: ", ")
        }

        // Clear and concise?
        let clearRules: [ReviewRule] = [.shortAnswer, .longAnswer, .fillers, .hedges]
        let clear = answered.filter { question in !clearRules.contains(where: question.has) }
        var clearEvidence = [
            "\(clear.count) of \(answered.count) answers were \(ReviewThresholds.shortAnswerWords)–\(ReviewThresholds.longAnswerWords) words long without several fillers or hedges."
        ]
        let short = list(.shortAnswer) { "\($0.words) word\($0.words == 1 ? "" : "s")" }
        if !short.isEmpty { clearEvidence.append("Under \(ReviewThresholds.shortAnswerWords) words: \(short).") }
        let long = list(.longAnswer) { "\($0.words) words" }
        if !long.isEmpty { clearEvidence.append("Over \(ReviewThresholds.longAnswerWords) words: \(long).") }
        let fillers = list(.fillers) { AnswerRules.describe(AnswerRules.merged($0.responses.flatMap(\.fillers))) }
        if !fillers.isEmpty { clearEvidence.append("Filler words: \(fillers).") }
        let hedges = list(.hedges) { AnswerRules.describe(AnswerRules.merged($0.responses.flatMap(\.hedges))) }
        if !hedges.isEmpty { clearEvidence.append("Hedges: \(hedges).") }

        // Concrete examples?
        // The full shape is the one the question's type asks for: a story, a plan, specifics or a reason.
        func fullShape(_ question: QuestionReview) -> Bool {
            switch question.questionType {
            case .behavioural: question.evidence.story.isComplete
            case .situational: question.evidence.plan?.isComplete ?? false
            case .motivational: !question.has(.noSpecifics)
            case .technical: !question.has(.noReasoning)
            }
        }
        let concrete = answered.filter {
            $0.questionType == .behavioural
                ? !$0.has(.noExample) && (!$0.has(.noNumber) || fullShape($0)) : fullShape($0)
        }
        var concreteEvidence = [
            "\(concrete.count) of \(answered.count) answers were concrete: for questions about a past time an example with a number or a full situation → action → result; otherwise the plan, specifics or reasons the question asks for.",
            "With an example: \(answered.filter { !$0.has(.noExample) }.count); with a number: \(answered.filter { !$0.has(.noNumber) }.count); with the full shape: \(answered.filter(fullShape).count).",
        ]
        let noExample = answered.filter { $0.has(.noExample) }.map(label)
        if !noExample.isEmpty { concreteEvidence.append("No example: \(noExample.joined(separator: ", ")).") }
        let noNumber = answered.filter { $0.has(.noNumber) }.map(label)
        if !noNumber.isEmpty { concreteEvidence.append("No number: \(noNumber.joined(separator: ", ")).") }

        // Caught off guard?
        var signals: [String] = []
        for question in questions {
            var seen: [String] = []
            if question.responses.isEmpty { seen.append(question.isSkipped ? "skipped" : "not answered") }
            if let main = question.mainResponse {
                if main.thinkMilliseconds >= ReviewThresholds.longThinkSeconds * 1000 {
                    seen.append("\(DurationText.milliseconds(main.thinkMilliseconds)) before the first keystroke")
                }
                if main.words < ReviewThresholds.veryShortAnswerWords {
                    seen.append("\(main.words) word\(main.words == 1 ? "" : "s")")
                }
            }
            if question.has(.overLimit) { seen.append("past the time limit") }
            if !seen.isEmpty { signals.append("\(label(question)): \(seen.joined(separator: "; "))") }
        }
        let offGuardAnswer =
            signals.isEmpty ? "no sign" : "possibly, on \(signals.count) question\(signals.count == 1 ? "" : "s")"
        let offGuardEvidence =
            signals.isEmpty
            ? [
                "No question was skipped, went past its limit, took \(ReviewThresholds.longThinkSeconds) s or more to start, or got under \(ReviewThresholds.veryShortAnswerWords) words."
            ]
            : signals

        return [
            SelfCheck(question: clearQuestion, answer: share(clear.count), evidence: clearEvidence),
            SelfCheck(question: concreteQuestion, answer: share(concrete.count), evidence: concreteEvidence),
            SelfCheck(question: offGuardQuestion, answer: offGuardAnswer, evidence: offGuardEvidence),
        ]
    }
}

/// How reports name a question: "Q3", or "Q3 again" for an answer given again with /redo.
public enum QuestionLabel {
    public static func text(_ question: QuestionReview) -> String {
        "Q\(question.number)" + (question.isRedo ? " again" : "")
    }
}
