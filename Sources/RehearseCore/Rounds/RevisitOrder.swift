/// Which earlier answers a same-person revisit goes back to, as a returning interviewer would:
/// first the answers a recorded concern is about, then the answers the review flagged (skipped,
/// no example, no number, incomplete story; more flags first), then the thinnest. Documented in
/// docs/scenario-format.md ("Which answers a revisit picks").
public enum RevisitOrder {
    /// The review rules that make an answer worth revisiting, in the order the reminder names them.
    public static let flaggedRules: [ReviewRule] = [.skipped, .noExample, .noNumber, .incompleteStory]
    /// What `{previous_answer}` says for a question that was skipped.
    public static let skippedAnswer = "(no answer: you skipped it)"

    /// The earlier answers of a transcript with the concern each is about and what the review flagged;
    /// questions left unanswered are added after the answered ones.
    static func annotate(_ answers: [EarlierAnswer], in transcript: Transcript) -> [EarlierAnswer] {
        let round = RoundRecord(transcript)
        let review = ReviewBuilder().review(transcript)
        var flagsByQuestion: [String: [String]] = [:]
        for question in review.questions {
            let rules = flaggedRules.filter(question.has).map(\.rawValue)
            if !rules.isEmpty { flagsByQuestion[question.questionID] = rules }
        }
        var result = answers
        for skipped in round.questions
        where skipped.answer == nil && !result.contains(where: { $0.questionID == skipped.id }) {
            result.append(EarlierAnswer(questionID: skipped.id, question: skipped.text, answer: ""))
        }
        for index in result.indices {
            result[index].flags =
                flagsByQuestion[result[index].questionID]
                ?? (result[index].answer.isEmpty ? [ReviewRule.skipped.rawValue] : [])
        }
        // Each concern goes to the answer sharing most of its key words (question and answer together).
        for concern in round.concerns {
            let words = Set(RoundRecord.keyWords(of: concern.text))
            guard !words.isEmpty else { continue }
            let scored = result.indices.filter { result[$0].concern == nil }.map { index in
                (index, words.intersection(AnswerText(result[index].question + " " + result[index].answer).words).count)
            }
            if let best = scored.max(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }), best.1 > 0 {
                result[best.0].concern = concern.text
            }
        }
        return result
    }

    /// The `count` answers to revisit, in the order they will be asked.
    public static func choose(_ answers: [EarlierAnswer], count: Int) -> [EarlierAnswer] {
        func rank(_ answer: EarlierAnswer) -> Int { answer.concern != nil ? 0 : !answer.flags.isEmpty ? 1 : 2 }
        let ordered = answers.enumerated().sorted { left, right in
            let a = left.element
            let b = right.element
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            if rank(a) == 1, a.flags.count != b.flags.count { return a.flags.count > b.flags.count }
            if rank(a) >= 1 {
                let wordsA = AnswerText(a.answer).wordCount
                let wordsB = AnswerText(b.answer).wordCount
                if wordsA != wordsB { return wordsA < wordsB }
            }
            return left.offset < right.offset
        }
        return ordered.prefix(count).map(\.element)
    }

    /// One short sentence added to a revisit question saying why it comes back (empty for a thin answer).
    public static func reminder(for answer: EarlierAnswer) -> String {
        if let concern = answer.concern {
            return " One thing that came up was \(TextTemplate.literal(RoundRecord.topic(of: concern)))."
        }
        let advice: [String: String] = [
            ReviewRule.noExample.rawValue: "give one specific example",
            ReviewRule.noNumber.rawValue: "put a number on it",
            ReviewRule.incompleteStory.rawValue: "say what happened, what you did and what came of it",
        ]
        let wanted = answer.flags.compactMap { advice[$0] }
        guard !wanted.isEmpty else { return "" }
        return " This time, "
            + (wanted.count == 1 ? wanted[0] : wanted.dropLast().joined(separator: ", ") + " and " + wanted.last!) + "."
    }
}
