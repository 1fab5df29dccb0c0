/// The review of one transcript: what each answer shows, the three questions to ask yourself
/// afterwards, and which answers were strongest. Built by `ReviewBuilder` from the transcript
/// alone (plus earlier transcripts and a job description when given), so the same inputs
/// always give the same review. Every rule is in docs/review-rules.md.
public struct TranscriptReview: Codable, Equatable, Sendable {
    public var session: SessionFacts
    public var questions: [QuestionReview]
    /// Clear and concise? Concrete examples? Caught off guard?
    public var selfCheck: [SelfCheck]
    public var candidateQuestions: CandidateQuestionsReview
    /// Review numbers (`QuestionReview.index`) of the strongest answers, best first.
    public var strongest: [Int]
    /// Review numbers of the answers to work on, weakest first.
    public var toWorkOn: [Int]
    public var jobTerms: JobTermsReview?
    /// Where the rules are written down.
    public var rules: String = "docs/review-rules.md"

    enum CodingKeys: String, CodingKey {
        case session, questions, strongest, rules
        case selfCheck = "self_check"
        case candidateQuestions = "candidate_questions"
        case toWorkOn = "to_work_on"
        case jobTerms = "job_terms"
    }

    /// The question with a review number.
    public func question(_ index: Int) -> QuestionReview? { questions.first { $0.index == index } }

    /// The session's score: the mean of the questions' scores, a skipped question counting 0 (as `progress` shows it).
    public var scorePercent: Int {
        questions.isEmpty
            ? 0 : questions.reduce(0) { $0 + ($1.responses.isEmpty ? 0 : $1.score.percent) } / questions.count
    }

    /// "Your rating: 4/5 (75%) · the review's score: 28%", when the person rated the session.
    public var selfRatingLine: String? {
        session.selfRating.map {
            "Your rating: \($0)/5 (\(SelfRating.percent(of: $0))%) · the review's score: \(scorePercent)%"
        }
    }
}

/// What the header and end line say about the session.
public struct SessionFacts: Codable, Equatable, Sendable {
    public var id: String
    public var scenarioID: String
    public var scenarioTitle: String
    public var role: String
    public var roleTitle: String
    public var kind: String
    public var company: String
    public var candidate: String
    /// ISO 8601, as in the transcript.
    public var started: String
    /// completed, quit, interrupted or "cut off".
    public var status: String
    public var durationMilliseconds: Int
    public var asked: Int
    public var answered: Int
    public var skipped: Int
    public var warnings: [String]
    /// The person's own 1–5 rating from the end line, when given (docs/review-rules.md, "Self-rating").
    public var selfRating: Int? = nil
    /// A real interview recorded with `rehearse debrief`: its answers were recalled, not timed.
    public var isRealInterview = false

    enum CodingKeys: String, CodingKey {
        case id, role, kind, company, candidate, started, status, asked, answered, skipped, warnings
        case selfRating = "self_rating"
        case isRealInterview = "real_interview"
        case scenarioID = "scenario"
        case scenarioTitle = "scenario_title"
        case roleTitle = "role_title"
        case durationMilliseconds = "duration_ms"
    }
}

/// A rule of the review; its raw value names it in JSON and in docs/review-rules.md.
public enum ReviewRule: String, Codable, Sendable, CaseIterable {
    case skipped
    case shortAnswer = "short_answer"
    case longAnswer = "long_answer"
    case longThink = "long_think"
    case overLimit = "over_limit"
    case fillers
    case hedges
    case noNumber = "no_number"
    case noExample = "no_example"
    case incompleteStory = "incomplete_story"
    case missedTalkingPoints = "missed_talking_points"
    case mostlyWe = "mostly_we"
    case numbersChanged = "numbers_changed"
    case littleOverlap = "little_overlap"
    /// Situational questions: the answer gives no concrete plan (steps, order, who, how you'd know).
    case incompletePlan = "incomplete_plan"
    /// Motivational questions: nothing specific about this company or role.
    case noSpecifics = "no_specifics"
    /// Technical questions: no reason given for what was done or chosen.
    case noReasoning = "no_reasoning"

    /// The question types a content rule applies to; form and timing rules apply to every type.
    public var questionTypes: Set<QuestionType> {
        switch self {
        case .noNumber, .noExample, .incompleteStory: [.behavioural]
        case .incompletePlan: [.situational]
        case .noSpecifics: [.motivational]
        case .noReasoning: [.technical]
        default: Set(QuestionType.allCases)
        }
    }
}

/// For one rule and one answer: whether it fired, whether it was dismissed, and the words that
/// matched or why nothing matched (`rehearse review --explain`).
public struct RuleExplanation: Codable, Equatable, Sendable {
    public var rule: ReviewRule
    public var fired: Bool
    public var dismissed: Bool
    public var detail: String
}

/// Something a rule noticed in an answer, worded as what can be observed.
public struct Finding: Codable, Equatable, Sendable {
    public var rule: ReviewRule
    public var message: String
}

/// A word or phrase and how often it occurred.
public struct PhraseCount: Codable, Equatable, Sendable {
    public var phrase: String
    public var count: Int
}

/// One typed answer: to the question itself or to a follow-up.
public struct ResponseReview: Codable, Equatable, Sendable {
    /// The follow-up question, for answers to follow-ups.
    public var followUpQuestion: String?
    /// The probe rule that asked the follow-up.
    public var probe: String?
    public var text: String
    public var words: Int
    public var thinkMilliseconds: Int
    public var answerMilliseconds: Int
    public var limitSeconds: Int
    public var isOverLimit: Bool
    public var corrections: Int
    public var fillers: [PhraseCount]
    public var hedges: [PhraseCount]

    enum CodingKeys: String, CodingKey {
        case probe, text, words, corrections, fillers, hedges
        case followUpQuestion = "follow_up_question"
        case thinkMilliseconds = "think_ms"
        case answerMilliseconds = "answer_ms"
        case limitSeconds = "limit_s"
        case isOverLimit = "over_limit"
    }
}

/// Numbers, an example, and the situation → action → result shape.
public struct EvidenceReview: Codable, Equatable, Sendable {
    public var numbers: [String]
    /// The phrase that shows an example, e.g. "for example" or "I handled".
    public var example: String?
    public var story: AnswerText.StoryShape
    /// The parts of a plan found (every answer; judged for situational questions).
    public var plan: AnswerText.PlanShape? = nil
    /// Specific things said about the company and role (judged for motivational questions).
    public var specifics: [String]? = nil
    /// The words that give a reason (judged for technical questions).
    public var reason: String? = nil
    /// The words that report a result after the action.
    public var result: String? = nil
}

/// Talking points the scenario expects, covered or not.
public struct TalkingPointsReview: Codable, Equatable, Sendable {
    public var covered: [String]
    public var missed: [String]
    /// For each covered point, the keyword and the words of the answer that matched it:
    /// "A firm follow-up ← call back: call her back".
    public var matched: [String]? = nil
}

/// How this answer compares with the answer given to the same question before.
public struct ConsistencyReview: Codable, Equatable, Sendable {
    /// Session id of the earlier transcript.
    public var earlierSession: String
    public var earlierStarted: String
    public var earlierText: String
    /// Key words of the earlier answer used again, and how many key words it had.
    public var sharedKeyWords: Int
    public var earlierKeyWords: Int
    /// Numbers in the earlier answer that this one does not give.
    public var missingNumbers: [String]
    /// Numbers this answer gives that the earlier one did not.
    public var newNumbers: [String]

    enum CodingKeys: String, CodingKey {
        case earlierSession = "earlier_session"
        case earlierStarted = "earlier_started"
        case earlierText = "earlier_text"
        case sharedKeyWords = "shared_key_words"
        case earlierKeyWords = "earlier_key_words"
        case missingNumbers = "missing_numbers"
        case newNumbers = "new_numbers"
    }

    /// The share of the earlier answer's key words used again, 0…100.
    public var sharedPercent: Int { earlierKeyWords == 0 ? 100 : sharedKeyWords * 100 / earlierKeyWords }
}

/// One part of an answer's score: what it is worth and why it got what it got.
public struct ScorePart: Codable, Equatable, Sendable {
    public var name: String
    public var points: Int
    public var maximum: Int
    public var reason: String
}

/// A transparent score: the sum of its parts.
public struct AnswerScore: Codable, Equatable, Sendable {
    public var parts: [ScorePart]
    public var points: Int { parts.reduce(0) { $0 + $1.points } }
    public var maximum: Int { parts.reduce(0) { $0 + $1.maximum } }
    /// Points as a share of the maximum, 0…100.
    public var percent: Int { maximum == 0 ? 0 : points * 100 / maximum }

    enum CodingKeys: String, CodingKey { case parts, points, maximum, percent }

    public init(parts: [ScorePart]) { self.parts = parts }

    public init(from decoder: Decoder) throws {
        parts = try decoder.container(keyedBy: CodingKeys.self).decode([ScorePart].self, forKey: .parts)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(parts, forKey: .parts)
        try container.encode(points, forKey: .points)
        try container.encode(maximum, forKey: .maximum)
        try container.encode(percent, forKey: .percent)
    }
}

/// The review of one question: its answer, follow-ups, evidence and findings.
public struct QuestionReview: Codable, Equatable, Sendable {
    /// 1-based position in the review.
    public var index: Int
    /// The question's number in the session ("3" of "3/8").
    public var number: Int
    public var questionID: String
    public var speaker: String
    public var text: String
    public var limitSeconds: Int
    public var isSkipped: Bool
    public var isRedo: Bool
    /// The answer to the question first, then answers to follow-ups.
    public var responses: [ResponseReview]
    /// Follow-up questions that got no answer (skipped, or the session ended).
    public var unansweredFollowUps: [String]
    public var words: Int
    public var evidence: EvidenceReview
    public var talkingPoints: TalkingPointsReview?
    public var singularFirstPerson: Int
    public var pluralFirstPerson: Int
    public var jobTermsUsed: [String]?
    public var earlier: ConsistencyReview?
    /// For a question asked before (`repeats`, or a revisit) whose earlier answer was not found:
    /// that there is nothing to compare, and where the earlier answer would come from.
    public var nothingToCompare: String?
    public var notes: [String]
    public var score: AnswerScore
    public var findings: [Finding]
    /// The question's type, declared in the scenario or inferred from its wording.
    public var questionType: QuestionType = .behavioural
    /// Findings a person overruled with `rehearse review --dismiss`; not counted in the score.
    public var dismissed: [Finding] = []
    /// Every rule that applies to this question's type: fired or not, and why.
    public var explanations: [RuleExplanation] = []

    enum CodingKeys: String, CodingKey {
        case index, number, speaker, text, responses, words, evidence, earlier, notes, score, findings, dismissed,
            explanations
        case questionType = "type"
        case questionID = "question"
        case limitSeconds = "limit_s"
        case isSkipped = "skipped"
        case isRedo = "redo"
        case talkingPoints = "talking_points"
        case singularFirstPerson = "i_count"
        case pluralFirstPerson = "we_count"
        case jobTermsUsed = "job_terms_used"
        case unansweredFollowUps = "unanswered_follow_ups"
        case nothingToCompare = "nothing_to_compare"
    }

    /// The answer to the question itself (not a follow-up).
    public var mainResponse: ResponseReview? { responses.first { $0.followUpQuestion == nil } }

    public func has(_ rule: ReviewRule) -> Bool { findings.contains { $0.rule == rule } }
}

/// One of the three questions to ask yourself after an interview, answered from the evidence.
public struct SelfCheck: Codable, Equatable, Sendable {
    public var question: String
    /// A short answer, e.g. "mostly", "partly", "no sign".
    public var answer: String
    /// The observations behind the answer.
    public var evidence: [String]
}

/// Whether the candidate asked the panel questions when invited to.
public struct CandidateQuestionsReview: Codable, Equatable, Sendable {
    /// Whether the session reached the stage where the candidate asks.
    public var stageReached: Bool
    public var questions: [String]
    public var summary: String
    /// When the stage was reached and nothing was asked: three questions worth asking next time.
    public var suggestions: [String]? = nil

    enum CodingKeys: String, CodingKey {
        case questions, summary, suggestions
        case stageReached = "stage_reached"
    }
}

/// Terms from a job description and which the answers used.
public struct JobTermsReview: Codable, Equatable, Sendable {
    public var file: String
    public var terms: [JobTerm]
    public var used: [String]
    public var unused: [String]
}
