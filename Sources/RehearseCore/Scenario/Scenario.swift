/// The three kinds of interview a scenario can script.
public enum InterviewKind: String, CaseIterable, Codable, Sendable {
    case first
    case second
    case samePerson = "same-person"
}

extension InterviewKind {
    /// Reads a kind as people type it, in any case: `first`, `second`, `same-person`, or the
    /// aliases `same`, `sameperson` and `same_person`. The one place kind names are parsed.
    public init?(parsing text: String) {
        let lowered = text.trimmingBlanks().lowercased()
        if let kind = InterviewKind(rawValue: lowered) {
            self = kind
        } else if ["same", "sameperson", "same_person"].contains(lowered) {
            self = .samePerson
        } else {
            return nil
        }
    }

    /// The kinds as a phrase for messages: "first, second or same-person".
    public static var spelledOut: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
    }
}

/// How an interviewer sounds when acknowledging an answer.
public enum InterviewerStyle: String, CaseIterable, Codable, Sendable {
    case warm, direct, skeptical, analytical, formal
}

/// A place in a scenario file, kept so later checks can point at it.
public struct SourcePlace: Equatable, Sendable, Codable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public static let unknown = SourcePlace(line: 1, column: 1)
}

/// One interview script, loaded from a YAML file (see docs/scenario-format.md).
public struct Scenario: Equatable, Sendable {
    public var version: Int
    public var id: String
    public var title: String
    public var role: String
    public var roleTitle: String
    public var kind: InterviewKind
    public var company: String
    public var description: String?
    public var timeLimitSeconds: Int
    public var interviewers: [Interviewer]
    public var stages: [Stage]
    /// Fingerprint of the file's bytes, recorded in transcripts.
    public var checksum: String
    /// The file it was loaded from.
    public var sourcePath: String

    public func interviewer(id: String) -> Interviewer? { interviewers.first { $0.id == id } }

    /// Every question in the file, in order, fallback questions of revisit stages included.
    public var allQuestions: [Question] { stages.flatMap(\.questions) }

    /// How many questions a session asks (after `pick`), not counting probes or the candidate's questions.
    public var plannedQuestionCount: Int {
        stages.reduce(0) { total, stage in
            switch stage.content {
            case .questions(let questions): total + questions.askedCount
            case .revisit(let revisit): total + max(revisit.pick, revisit.fallbackQuestions.count)
            case .candidateQuestions: total
            }
        }
    }

    /// Planned length in seconds: the sum of the time limits of the questions asked.
    public var plannedSeconds: Int {
        stages.reduce(0) { total, stage in
            let limits = stage.questions.map { $0.timeLimitSeconds ?? stage.timeLimitSeconds ?? timeLimitSeconds }
            let average = limits.isEmpty ? timeLimitSeconds : limits.reduce(0, +) / limits.count
            switch stage.content {
            case .questions(let questions): return total + average * questions.askedCount
            case .revisit(let revisit): return total + average * max(revisit.pick, limits.count)
            case .candidateQuestions: return total + CandidateQuestionsStage.plannedSeconds
            }
        }
    }
}

/// A member of the scripted panel.
public struct Interviewer: Equatable, Sendable, Codable {
    public var id: String
    public var name: String
    public var title: String
    public var style: InterviewerStyle
    public init(id: String, name: String, title: String, style: InterviewerStyle) {
        self.id = id
        self.name = name
        self.title = title
        self.style = style
    }
}

/// A part of the interview led by one interviewer. What it does depends on its type, and only
/// that type's fields exist: a questions stage cannot carry a revisit prompt.
public struct Stage: Equatable, Sendable {
    /// The names of the stage types, as written after `type:` in scenario files.
    public enum StageType: String, Sendable, CaseIterable {
        case questions
        case candidateQuestions = "candidate_questions"
        case revisit
    }

    /// What the stage does, with the fields of its type.
    public enum Content: Equatable, Sendable {
        case questions(QuestionsStage)
        case candidateQuestions(CandidateQuestionsStage)
        case revisit(RevisitStage)
    }

    public var id: String
    public var title: String?
    public var interviewerID: String
    /// What the interviewer says when the stage begins.
    public var lines: [String]
    public var content: Content
    public var place: SourcePlace

    public init(
        id: String, title: String?, interviewerID: String, lines: [String], content: Content, place: SourcePlace
    ) {
        self.id = id
        self.title = title
        self.interviewerID = interviewerID
        self.lines = lines
        self.content = content
        self.place = place
    }

    /// The stage's type name.
    public var type: StageType {
        switch content {
        case .questions: .questions
        case .candidateQuestions: .candidateQuestions
        case .revisit: .revisit
        }
    }

    /// The questions written in the stage: a questions stage's, or a revisit stage's fallbacks.
    public var questions: [Question] {
        switch content {
        case .questions(let stage): stage.questions
        case .revisit(let stage): stage.fallbackQuestions
        case .candidateQuestions: []
        }
    }

    /// The stage's own time limit (revisit stages only), before the scenario's.
    public var timeLimitSeconds: Int? {
        if case .revisit(let stage) = content { return stage.timeLimitSeconds }
        return nil
    }

    /// The revisit stage's fields, when this is one.
    public var revisit: RevisitStage? {
        if case .revisit(let stage) = content { return stage }
        return nil
    }

    /// The candidate-questions stage's fields, when this is one.
    public var candidateQuestions: CandidateQuestionsStage? {
        if case .candidateQuestions(let stage) = content { return stage }
        return nil
    }
}

/// A stage of scenario questions, all of them or `pick` chosen by the seed.
public struct QuestionsStage: Equatable, Sendable {
    public var questions: [Question]
    /// How many to ask, chosen by the seed; nil asks them all.
    public var pick: Int?

    public init(questions: [Question], pick: Int? = nil) {
        self.questions = questions
        self.pick = pick
    }

    /// How many questions a session asks from this stage.
    public var askedCount: Int { pick.map { min($0, questions.count) } ?? questions.count }
}

/// The stage where the candidate asks the panel questions; replies are chosen by keyword.
public struct CandidateQuestionsStage: Equatable, Sendable {
    /// Questions the candidate may ask when the file does not say (`max_questions`).
    public static let defaultMaxQuestions = 5
    /// Seconds the stage is planned to take, for a session's planned length.
    public static let plannedSeconds = 180
    /// The reply when the file gives no fallback (the loader requires one; kept for safety).
    public static let defaultFallbackReply = "That's a good question; I'll make sure you get an answer after today."

    public var replies: [CandidateReply]
    public var fallbackReply: String?
    public var maxQuestions: Int

    public init(replies: [CandidateReply], fallbackReply: String?, maxQuestions: Int = Self.defaultMaxQuestions) {
        self.replies = replies
        self.fallbackReply = fallbackReply
        self.maxQuestions = maxQuestions
    }
}

/// A stage that goes back to the thinnest answers of an earlier session, or asks its own
/// fallback questions when there is none.
public struct RevisitStage: Equatable, Sendable {
    /// Earlier answers revisited when the file does not say (`pick`).
    public static let defaultPick = 2
    /// Words of the earlier answer quoted in the question.
    public static let excerptWords = 30
    /// The hint for a revisit question.
    public static let hint = "Go further than last time: what happened, what you did, and what came of it."

    /// The question template (`ask`), with {previous_question} and {previous_answer}.
    public var prompt: String
    public var pick: Int
    /// The scenario whose transcript to draw on; nil means the role's latest first interview.
    public var fromScenario: String?
    public var fallbackQuestions: [Question]
    public var timeLimitSeconds: Int?

    public init(
        prompt: String, pick: Int = Self.defaultPick, fromScenario: String? = nil, fallbackQuestions: [Question],
        timeLimitSeconds: Int? = nil
    ) {
        self.prompt = prompt
        self.pick = pick
        self.fromScenario = fromScenario
        self.fallbackQuestions = fallbackQuestions
        self.timeLimitSeconds = timeLimitSeconds
    }
}

/// A reply to the candidate's question, chosen when one of its keywords occurs in it.
public struct CandidateReply: Equatable, Sendable {
    public var keywords: [String]
    public var text: String
    public var interviewerID: String?
}

/// A question the interviewer asks.
public struct Question: Equatable, Sendable {
    public var id: String
    public var text: String
    public var timeLimitSeconds: Int?
    public var talkingPoints: [TalkingPoint]
    public var hint: String?
    public var repeats: String?
    public var maxProbes: Int
    public var probes: [Probe]
    public var place: SourcePlace
    /// The `type:` the file gives, if any.
    public var declaredType: QuestionType? = nil

    /// The question's type: as declared, else inferred from its wording.
    public var type: QuestionType { declaredType ?? QuestionType.inferred(from: text) }
}

/// What kind of answer a question asks for; the review's rules and the probes follow it
/// (docs/review-rules.md, "Question types").
public enum QuestionType: String, CaseIterable, Codable, Sendable {
    /// "Tell me about a time…": judged on a past example told as situation → action → result.
    case behavioural
    /// "What would you do if…": judged on a plan (first steps, an order, who, how you'd know).
    case situational
    /// "Why this role?": judged on specifics about this company and role.
    case motivational
    /// "How would you design…", "explain this code": judged on talking points and reasons.
    case technical

    /// The type names as a phrase for messages: "behavioural, situational, motivational, technical".
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Wordings that mark each type, tried in this order (the first type with a match wins).
    public static let cues: [(type: QuestionType, phrases: [String])] = [
        (
            .behavioural,
            [
                "tell me about a time", "tell us about a time", "describe a time", "a time when", "a time you",
                "give me an example", "give us an example", "give an example", "an example of", "have you ever",
                "walk me through a time", "share an example", "when did you", "the last time you", "recall a",
                "a situation where you", "a situation when you", "tell me about a", "tell me about the",
                "tell us about a",
                "what would you say is your", "manager say", "colleagues say", "strongest at", "greatest strength",
                "biggest strength", "hardest piece of feedback", "most useful feedback", "a specific occasion",
            ]
        ),
        (
            .motivational,
            [
                "why do you want", "why this", "why us", "why are you interested", "what attracts you",
                "what draws you",
                "why did you apply", "where do you see yourself", "what motivates you", "about yourself",
                "why are you leaving", "why did you leave", "why nursing", "why sales", "why product", "why data",
                "why customer", "why software", "interest you", "appeals to you", "excites you",
                "what do you know about",
                "why company", "made you apply", "what drew you", "what draws you", "what led you to",
                "what got you into",
                "why have you applied", "your background", "your career", "hoping to find", "looking for in your next",
                "right for this", "right hire", "why should i believe", "learned about company",
                "found out about company",
                "why wouldn't you", "why now",
            ]
        ),
        (
            .technical,
            [
                "design a", "design the", "how would you design", "explain how", "what is the difference",
                "what's the difference", "this code", "the code", "sql", "query", "algorithm", "complexity", "schema",
                "architecture", "debug", "how does", "how do you test", "write a", "calculate", "statistical", "metric",
                "let's design", "design an experiment", "how would you define", "how is that possible", "in sql",
                "how would you find each", "p value", "cohort",
            ]
        ),
        (
            .situational,
            [
                "what would you do", "how would you", "what do you do", "talk me through", "walk me through", "imagine",
                "suppose", "what would", "if you", "you find out", "you notice", "your first", "how do you handle",
                "how would", "what will you", "what's your plan", "what is your plan", "how do you decide",
                "how do you investigate",
                "how do you respond", "what happens next", "step by step", "talk us through", "how do you get through",
                "how do you run", "convince me", "what do", "next five days", "first 48 hours", "first ninety days",
                "first quarter", "first hour", "say i asked",
            ]
        ),
    ]

    /// The type a question's wording suggests; behavioural when nothing matches (the most common kind).
    public static func inferred(from text: String) -> QuestionType {
        let lowered = Array((" " + Words.tokenize(text).joined(separator: " ") + " ").utf8)
        return tokenizedCues.first { $0.phrases.contains { lowered.containsBytes($0) } }?.type ?? .behavioural
    }

    /// `cues` with each phrase tokenized once, as the UTF-8 of " word word ", so it matches whole
    /// words (compared as bytes: both sides are lowercased words from `Words.tokenize`).
    private static let tokenizedCues = cues.map { cue in
        (
            type: cue.type,
            phrases: cue.phrases.map { Array((" " + Words.tokenize($0).joined(separator: " ") + " ").utf8) }
        )
    }
}

/// Something a strong answer covers, recognised by keywords.
public struct TalkingPoint: Equatable, Sendable, Codable {
    public var point: String
    public var keywords: [String]
}

/// A follow-up question asked when its condition holds for the answer just given.
public struct Probe: Equatable, Sendable {
    public var condition: ProbeCondition
    public var text: String
}

/// The declared rules that can trigger a probe.
public enum ProbeCondition: Equatable, Sendable {
    case tooFewWords(minimum: Int)
    case noExample
    case noNumbers
    /// 1-based talking point index; nil means "any point missing".
    case missingPoint(index: Int?)
    case hedging
    case noResult

    /// The name used in scenario files and transcripts.
    public var name: String {
        switch self {
        case .tooFewWords: "too_few_words"
        case .noExample: "no_example"
        case .noNumbers: "no_numbers"
        case .missingPoint: "missing_point"
        case .hedging: "hedging"
        case .noResult: "no_result"
        }
    }

    public static let names = ["too_few_words", "no_example", "no_numbers", "missing_point", "hedging", "no_result"]
}

extension [UInt8] {
    /// Whether `needle` occurs in these bytes (a plain scan: the review asks this of short texts
    /// many times, and the generic searches cost far more per call).
    fileprivate func containsBytes(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= count else { return needle.isEmpty }
        return withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                var start = 0
                while start + needle.count <= haystack.count {
                    if haystack[start] == first
                        && memcmp(haystack.baseAddress! + start, needle.baseAddress!, needle.count) == 0
                    {
                        return true
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
