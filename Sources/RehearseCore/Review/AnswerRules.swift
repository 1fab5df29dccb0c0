/// The per-answer rules and the score. Findings say what can be observed in the text and the
/// timings ("no number in this answer"), never what the person is like.
enum AnswerRules {
    static func findings(for review: QuestionReview, combined: AnswerText) -> [Finding] {
        var findings: [Finding] = []
        func add(_ rule: ReviewRule, _ message: String) { findings.append(Finding(rule: rule, message: message)) }
        if review.responses.isEmpty {
            add(.skipped, review.isSkipped ? "not answered: skipped" : "not answered")
            return findings
        }
        if let main = review.mainResponse {
            if main.words < ReviewThresholds.shortAnswerWords {
                add(.shortAnswer, "\(main.words) word\(main.words == 1 ? "" : "s") in the answer (under \(ReviewThresholds.shortAnswerWords))")
            } else if main.words > ReviewThresholds.longAnswerWords {
                add(.longAnswer, "\(main.words) words in the answer (over \(ReviewThresholds.longAnswerWords))")
            }
        }
        for (offset, response) in review.responses.enumerated() {
            let which = response.followUpQuestion == nil ? "" : " (follow-up \(offset))"
            if response.thinkMilliseconds >= ReviewThresholds.longThinkSeconds * 1000 {
                add(.longThink, "\(DurationText.milliseconds(response.thinkMilliseconds)) before the first keystroke\(which)")
            }
            if response.isOverLimit {
                let total = SaneRange.milliseconds(response.thinkMilliseconds) + SaneRange.milliseconds(response.answerMilliseconds)
                add(.overLimit, "past the \(DurationText.seconds(response.limitSeconds)) limit: \(DurationText.milliseconds(total)) in all\(which)")
            }
        }
        let allWords = review.responses.reduce(0) { $0 + $1.words }
        let fillers = merged(review.responses.flatMap(\.fillers))
        let fillerTotal = fillers.reduce(0) { $0 + $1.count }
        if fillerTotal >= ReviewThresholds.fillerCount,
           Double(fillerTotal) * 100 / Double(max(allWords, 1)) >= ReviewThresholds.fillersPer100Words {
            add(.fillers, "\(fillerTotal) filler words: \(describe(fillers))")
        }
        let hedges = merged(review.responses.flatMap(\.hedges))
        let hedgeTotal = hedges.reduce(0) { $0 + $1.count }
        if hedgeTotal >= ReviewThresholds.hedgeCount {
            add(.hedges, "\(hedgeTotal) hedges: \(describe(hedges))")
        }
        if !combined.hasNumber { add(.noNumber, "no number in this answer") }
        if !combined.hasExample { add(.noExample, "no example: no phrase such as \"for example\" or \"last year\", and no \"I\"/\"we\" with a past action") }
        let story = review.evidence.story
        if !story.isComplete {
            let missing = [story.hasSituation ? nil : "a situation", story.hasAction ? nil : "an action by I/we",
                           story.hasResult ? nil : "a result"].compactMap { $0 }
            add(.incompleteStory, "situation → action → result: missing \(missing.joined(separator: " and "))")
        }
        if let points = review.talkingPoints, !points.missed.isEmpty {
            add(.missedTalkingPoints, "talking point\(points.missed.count == 1 ? "" : "s") not mentioned: \(points.missed.joined(separator: "; "))")
        }
        if review.pluralFirstPerson >= ReviewThresholds.mostlyWeMinimum,
           review.pluralFirstPerson >= ReviewThresholds.mostlyWeRatio * review.singularFirstPerson {
            add(.mostlyWe, "\"we\" \(times(review.pluralFirstPerson)), \"I\" \(times(review.singularFirstPerson)): say which part you did yourself")
        }
        if let earlier = review.earlier {
            if !earlier.missingNumbers.isEmpty {
                let new = earlier.newNumbers.isEmpty ? "" : "; new now: \(earlier.newNumbers.joined(separator: ", "))"
                add(.numbersChanged, "numbers in the earlier answer not given now: \(earlier.missingNumbers.joined(separator: ", "))\(new)")
            }
            if earlier.earlierKeyWords >= ReviewThresholds.overlapMinimumKeyWords, earlier.sharedPercent < ReviewThresholds.littleOverlapPercent {
                add(.littleOverlap, "uses \(earlier.sharedKeyWords) of the \(earlier.earlierKeyWords) key words of the earlier answer (\(earlier.sharedPercent)%)")
            }
        }
        return findings
    }

    /// The score: length, time, a number, an example, the story shape, talking points and delivery.
    static func score(_ review: QuestionReview) -> AnswerScore {
        let hasPoints = !(review.talkingPoints.map { $0.covered.isEmpty && $0.missed.isEmpty } ?? true)
        if review.responses.isEmpty {
            var parts = [ScorePart(name: "length", points: 0, maximum: 2, reason: "not answered"),
                         ScorePart(name: "time", points: 0, maximum: 1, reason: "not answered"),
                         ScorePart(name: "number", points: 0, maximum: 1, reason: "not answered"),
                         ScorePart(name: "example", points: 0, maximum: 1, reason: "not answered"),
                         ScorePart(name: "story", points: 0, maximum: 2, reason: "not answered")]
            if hasPoints { parts.append(ScorePart(name: "talking points", points: 0, maximum: 2, reason: "not answered")) }
            parts.append(ScorePart(name: "delivery", points: 0, maximum: 1, reason: "not answered"))
            return AnswerScore(parts: parts)
        }
        var parts: [ScorePart] = []
        let words = review.mainResponse?.words ?? review.responses.reduce(0) { $0 + $1.words }
        let short = ReviewThresholds.shortAnswerWords, long = ReviewThresholds.longAnswerWords
        let length = (short...long).contains(words) ? 2 : ((ReviewThresholds.veryShortAnswerWords..<short).contains(words) || (long + 1...long + 150).contains(words)) ? 1 : 0
        parts.append(ScorePart(name: "length", points: length, maximum: 2, reason: "\(words) word\(words == 1 ? "" : "s") (2 points for \(short)–\(long))"))
        let overLimit = review.has(.overLimit)
        parts.append(ScorePart(name: "time", points: overLimit ? 0 : 1, maximum: 1, reason: overLimit ? "past the time limit" : "within the time limit"))
        let hasNumber = !review.has(.noNumber)
        parts.append(ScorePart(name: "number", points: hasNumber ? 1 : 0, maximum: 1,
                               reason: hasNumber ? (review.evidence.numbers.isEmpty ? "gives a quantity" : "gives \(review.evidence.numbers.prefix(4).joined(separator: ", "))") : "no number"))
        parts.append(ScorePart(name: "example", points: review.evidence.example == nil ? 0 : 1, maximum: 1,
                               reason: review.evidence.example.map { "\"\($0)\"" } ?? "no example"))
        let story = review.evidence.story
        parts.append(ScorePart(name: "story", points: story.isComplete ? 2 : story.partsFound == 2 ? 1 : 0, maximum: 2,
                               reason: "\(story.partsFound) of 3 parts of situation → action → result"))
        if hasPoints, let points = review.talkingPoints {
            let total = points.covered.count + points.missed.count
            let earned = points.missed.isEmpty ? 2 : points.covered.count * 2 >= total ? 1 : 0
            parts.append(ScorePart(name: "talking points", points: earned, maximum: 2, reason: "\(points.covered.count) of \(total) covered"))
        }
        let clean = !review.has(.fillers) && !review.has(.hedges)
        parts.append(ScorePart(name: "delivery", points: clean ? 1 : 0, maximum: 1,
                               reason: clean ? "few fillers and hedges" : [review.has(.fillers) ? "fillers" : nil, review.has(.hedges) ? "hedges" : nil].compactMap { $0 }.joined(separator: " and ")))
        return AnswerScore(parts: parts)
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
        phrase.split(separator: " ").map { $0 == "i" || $0.hasPrefix("i'") ? "I" + $0.dropFirst() : String($0) }.joined(separator: " ")
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
            return percent >= ReviewThresholds.mostlyPercent ? "mostly" : percent >= ReviewThresholds.partlyPercent ? "partly" : "rarely"
        }
        func list(_ rule: ReviewRule, _ detail: (QuestionReview) -> String) -> String {
            answered.filter { $0.has(rule) }.map { "\(label($0)) (\(detail($0)))" }.joined(separator: ", ")
        }

        // Clear and concise?
        let clearRules: [ReviewRule] = [.shortAnswer, .longAnswer, .fillers, .hedges]
        let clear = answered.filter { question in !clearRules.contains(where: question.has) }
        var clearEvidence = ["\(clear.count) of \(answered.count) answers were \(ReviewThresholds.shortAnswerWords)–\(ReviewThresholds.longAnswerWords) words long without several fillers or hedges."]
        let short = list(.shortAnswer) { "\($0.words) word\($0.words == 1 ? "" : "s")" }
        if !short.isEmpty { clearEvidence.append("Under \(ReviewThresholds.shortAnswerWords) words: \(short).") }
        let long = list(.longAnswer) { "\($0.words) words" }
        if !long.isEmpty { clearEvidence.append("Over \(ReviewThresholds.longAnswerWords) words: \(long).") }
        let fillers = list(.fillers) { AnswerRules.describe(AnswerRules.merged($0.responses.flatMap(\.fillers))) }
        if !fillers.isEmpty { clearEvidence.append("Filler words: \(fillers).") }
        let hedges = list(.hedges) { AnswerRules.describe(AnswerRules.merged($0.responses.flatMap(\.hedges))) }
        if !hedges.isEmpty { clearEvidence.append("Hedges: \(hedges).") }

        // Concrete examples?
        let concrete = answered.filter { !$0.has(.noExample) && (!$0.has(.noNumber) || $0.evidence.story.isComplete) }
        var concreteEvidence = [
            "\(concrete.count) of \(answered.count) answers gave an example together with a number or a full situation → action → result.",
            "With an example: \(answered.filter { !$0.has(.noExample) }.count); with a number: \(answered.filter { !$0.has(.noNumber) }.count); with the full shape: \(answered.filter { $0.evidence.story.isComplete }.count).",
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
                if main.words < ReviewThresholds.veryShortAnswerWords { seen.append("\(main.words) word\(main.words == 1 ? "" : "s")") }
            }
            if question.has(.overLimit) { seen.append("past the time limit") }
            if !seen.isEmpty { signals.append("\(label(question)): \(seen.joined(separator: "; "))") }
        }
        let offGuardAnswer = signals.isEmpty ? "no sign" : "possibly, on \(signals.count) question\(signals.count == 1 ? "" : "s")"
        let offGuardEvidence = signals.isEmpty
            ? ["No question was skipped, went past its limit, took \(ReviewThresholds.longThinkSeconds) s or more to start, or got under \(ReviewThresholds.veryShortAnswerWords) words."]
            : signals

        return [SelfCheck(question: clearQuestion, answer: share(clear.count), evidence: clearEvidence),
                SelfCheck(question: concreteQuestion, answer: share(concrete.count), evidence: concreteEvidence),
                SelfCheck(question: offGuardQuestion, answer: offGuardAnswer, evidence: offGuardEvidence)]
    }
}

/// How reports name a question: "Q3", or "Q3 again" for an answer given again with /redo.
public enum QuestionLabel {
    public static func text(_ question: QuestionReview) -> String {
        "Q\(question.number)" + (question.isRedo ? " again" : "")
    }
}
