/// A question as practice history knows it: the scenario and question it first came from. A
/// drill's or a later scenario's question that `repeats: SCENARIO/QUESTION` counts as that
/// question; a revisit counts as the question it goes back to, in the revisiting scenario.
public struct QuestionKey: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var scenario: String
    public var question: String

    public init(scenario: String, question: String) {
        self.scenario = scenario
        self.question = question
    }

    /// Reads `SCENARIO/QUESTION`, as `repeats` writes it.
    public init?(repeats: String) {
        guard let slash = repeats.firstIndex(of: "/") else { return nil }
        let scenario = String(repeats[..<slash])
        let question = String(repeats[repeats.index(after: slash)...])
        guard !scenario.isEmpty, !question.isEmpty else { return nil }
        self.init(scenario: scenario, question: question)
    }

    /// The key of a question asked in a transcript of `scenarioID`.
    public init(ask: TranscriptEvent.Ask, scenarioID: String) {
        if let repeats = ask.repeats, let key = QuestionKey(repeats: repeats) {
            self = key
        } else {
            self.init(scenario: scenarioID, question: ask.revisitedQuestion ?? ask.question)
        }
    }

    public var description: String { scenario + "/" + question }

    public static func < (lhs: QuestionKey, rhs: QuestionKey) -> Bool { lhs.description < rhs.description }
}

/// One question's attempt in one session: what progress, drill and compare need of it.
public struct QuestionAttempt: Codable, Equatable, Sendable {
    public var key: QuestionKey
    /// The question as it was asked.
    public var text: String
    public var isSkipped: Bool
    public var isOverLimit: Bool
    /// The review's score (docs/review-rules.md), 0…100; 0 when skipped.
    public var scorePercent: Int
    /// Words of the answer to the question itself.
    public var words: Int
    /// Fillers and hedges over the answer and its follow-ups.
    public var fillers: Int
    public var hedges: Int
    /// Think time of the answer to the question itself, in milliseconds (0 when skipped).
    public var thinkMilliseconds: Int
    public var limitSeconds: Int

    public init(
        key: QuestionKey, text: String, isSkipped: Bool, isOverLimit: Bool, scorePercent: Int, words: Int,
        fillers: Int, hedges: Int, thinkMilliseconds: Int, limitSeconds: Int
    ) {
        self.key = key
        self.text = text
        self.isSkipped = isSkipped
        self.isOverLimit = isOverLimit
        self.scorePercent = scorePercent
        self.words = words
        self.fillers = fillers
        self.hedges = hedges
        self.thinkMilliseconds = thinkMilliseconds
        self.limitSeconds = limitSeconds
    }

    /// Why this attempt is weak (docs/review-rules.md, "Drill"), or nil when it is not.
    public var weakness: String? {
        if isSkipped { return "skipped" }
        if isOverLimit { return "over the time limit" }
        if scorePercent < DrillThresholds.lowScorePercent { return "scored \(scorePercent)%" }
        return nil
    }
}

/// One session as practice history knows it: its figures and each question's attempt.
/// Built from a transcript and its review (with no earlier transcripts: the score does not
/// depend on them), so the same file always gives the same record.
public struct SessionRecord: Codable, Equatable, Sendable {
    /// Where the session came from, so progress can keep them apart.
    public enum Source: String, Codable, Sendable, CaseIterable {
        case practice, drill
        /// A real interview written down afterwards (a transcript with `source: real`).
        case real
    }

    public var file: String
    public var session: String
    public var started: Date
    public var role: String
    public var scenarioID: String
    public var scenarioTitle: String
    public var source: Source
    public var asked: Int
    public var answered: Int
    /// Answers (follow-ups included) that went past their limit.
    public var overLimit: Int
    /// Words, fillers and hedges over every answer, follow-ups included.
    public var words: Int
    public var fillers: Int
    public var hedges: Int
    /// The median think time of the answers to main questions, in milliseconds.
    public var medianThinkMilliseconds: Int
    /// The mean of the questions' scores (a skipped question counts 0), 0…100.
    public var scorePercent: Int
    /// The person's own rating of the session, 1–5, when given.
    public var selfRating: Int?
    public var questions: [QuestionAttempt]

    public init(
        file: String, session: String, started: Date, role: String, scenarioID: String, scenarioTitle: String,
        source: Source, asked: Int, answered: Int, overLimit: Int, words: Int, fillers: Int, hedges: Int,
        medianThinkMilliseconds: Int, scorePercent: Int, selfRating: Int?, questions: [QuestionAttempt]
    ) {
        self.file = file
        self.session = session
        self.started = started
        self.role = role
        self.scenarioID = scenarioID
        self.scenarioTitle = scenarioTitle
        self.source = source
        self.asked = asked
        self.answered = answered
        self.overLimit = overLimit
        self.words = words
        self.fillers = fillers
        self.hedges = hedges
        self.medianThinkMilliseconds = medianThinkMilliseconds
        self.scorePercent = scorePercent
        self.selfRating = selfRating
        self.questions = questions
    }

    /// Fillers per 100 words, over every answer.
    public var fillersPer100Words: Double { words == 0 ? 0 : Double(fillers) * 100 / Double(words) }

    /// The record of a transcript, from its review.
    public init(transcript: Transcript) {
        self.init(transcript: transcript, review: ReviewBuilder().review(transcript))
    }

    /// The record of a transcript whose review was already built.
    public init(transcript: Transcript, review: TranscriptReview) {
        let header = transcript.header
        var asks: [String: TranscriptEvent.Ask] = [:]
        for ask in transcript.asks where ask.probe == nil && asks[ask.question] == nil { asks[ask.question] = ask }
        // A question answered again with /redo counts once, as its last showing.
        var order: [String] = []
        var latest: [String: QuestionReview] = [:]
        for question in review.questions {
            if latest[question.questionID] == nil { order.append(question.questionID) }
            if latest[question.questionID] == nil || !question.responses.isEmpty {
                latest[question.questionID] = question
            }
        }
        var attempts: [QuestionAttempt] = []
        var thinkTimes: [Int] = []
        var words = 0
        var fillers = 0
        var hedges = 0
        var overLimit = 0
        for id in order {
            guard let question = latest[id] else { continue }
            let key =
                asks[id].map { QuestionKey(ask: $0, scenarioID: header.scenario.id) }
                ?? QuestionKey(scenario: header.scenario.id, question: id)
            let main = question.mainResponse
            let questionFillers = question.responses.reduce(0) { $0 + $1.fillers.reduce(0) { $0 + $1.count } }
            let questionHedges = question.responses.reduce(0) { $0 + $1.hedges.reduce(0) { $0 + $1.count } }
            if let main { thinkTimes.append(main.thinkMilliseconds) }
            words += question.responses.reduce(0) { $0 + $1.words }
            fillers += questionFillers
            hedges += questionHedges
            overLimit += question.responses.filter(\.isOverLimit).count
            attempts.append(
                QuestionAttempt(
                    key: key, text: question.text, isSkipped: question.responses.isEmpty,
                    isOverLimit: question.responses.contains(where: \.isOverLimit),
                    scorePercent: question.responses.isEmpty ? 0 : question.score.percent,
                    words: question.words, fillers: questionFillers, hedges: questionHedges,
                    thinkMilliseconds: main?.thinkMilliseconds ?? 0, limitSeconds: question.limitSeconds))
        }
        thinkTimes.sort()
        let median =
            thinkTimes.isEmpty
            ? 0
            : thinkTimes.count % 2 == 1
                ? thinkTimes[thinkTimes.count / 2]
                : (thinkTimes[thinkTimes.count / 2 - 1] + thinkTimes[thinkTimes.count / 2]) / 2
        let source: Source =
            header.isRealInterview
            ? .real : header.scenario.id.hasPrefix(DrillScenario.scenarioPrefix) ? .drill : .practice
        self.init(
            file: lastPathComponent(transcript.path), session: header.session, started: header.started,
            role: header.role,
            scenarioID: header.scenario.id, scenarioTitle: header.scenario.title, source: source,
            asked: attempts.count, answered: attempts.filter { !$0.isSkipped }.count, overLimit: overLimit,
            words: words, fillers: fillers, hedges: hedges, medianThinkMilliseconds: median,
            scorePercent: attempts.isEmpty ? 0 : attempts.reduce(0) { $0 + $1.scorePercent } / attempts.count,
            selfRating: transcript.end?.selfRating, questions: attempts)
    }
}
