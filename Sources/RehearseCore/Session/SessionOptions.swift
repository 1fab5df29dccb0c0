/// Everything about a session that is not in the scenario.
public struct SessionOptions: Sendable {
    public var seed: UInt64
    public var candidate: String
    /// Overrides the scenario's company.
    public var company: String?
    public var sessionID: String
    public var startedAt: Date
    public var appVersion: String
    /// Answers from an earlier transcript, for revisit stages; empty when there is none.
    public var earlierAnswers: [EarlierAnswer]
    public var earlierTranscriptID: String?

    public init(
        seed: UInt64, candidate: String, company: String? = nil, sessionID: String, startedAt: Date, appVersion: String,
        earlierAnswers: [EarlierAnswer] = [], earlierTranscriptID: String? = nil
    ) {
        self.seed = seed
        self.candidate = candidate
        self.company = company
        self.sessionID = sessionID
        self.startedAt = startedAt
        self.appVersion = appVersion
        self.earlierAnswers = earlierAnswers
        self.earlierTranscriptID = earlierTranscriptID
    }
}

/// A question and answer from an earlier session, for a revisit stage.
public struct EarlierAnswer: Equatable, Sendable {
    public var questionID: String
    public var question: String
    /// The answer given; empty when the question was skipped.
    public var answer: String
    /// A concern recorded in that round that this answer is about (see `RevisitOrder`).
    public var concern: String? = nil
    /// What the review flagged in the answer: `skipped`, `no_example`, `no_number`, `incomplete_story`.
    public var flags: [String] = []
    public init(questionID: String, question: String, answer: String, concern: String? = nil, flags: [String] = []) {
        self.questionID = questionID
        self.question = question
        self.answer = answer
        self.concern = concern
        self.flags = flags
    }

    /// The answers of a transcript's main questions (not probes), the last answer per question,
    /// then its skipped questions, each with the concern it is about and what the review flagged.
    public static func from(_ transcript: Transcript) -> [EarlierAnswer] {
        RevisitOrder.annotate(answered(in: transcript), in: transcript)
    }

    /// The answered main questions alone, without concerns or flags.
    static func answered(in transcript: Transcript) -> [EarlierAnswer] {
        var questionTexts: [String: String] = [:]
        var answers: [String: String] = [:]
        var order: [String] = []
        for event in transcript.events {
            switch event {
            case .ask(let ask) where ask.probe == nil: questionTexts[ask.question] = ask.text
            case .answer(let answer) where answer.probe == nil:
                if answers[answer.question] == nil { order.append(answer.question) }
                answers[answer.question] = answer.text
            default: break
            }
        }
        return order.compactMap { id in
            guard let text = answers[id], let question = questionTexts[id] else { return nil }
            return EarlierAnswer(questionID: id, question: question, answer: text)
        }
    }
}
