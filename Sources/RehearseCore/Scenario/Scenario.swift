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
            switch stage.type {
            case .questions: total + (stage.pick.map { min($0, stage.questions.count) } ?? stage.questions.count)
            case .revisit: total + max(stage.pick ?? 2, stage.questions.count)
            case .candidateQuestions: total
            }
        }
    }

    /// Planned length in seconds: the sum of the time limits of the questions asked.
    public var plannedSeconds: Int {
        stages.reduce(0) { total, stage in
            let limits = stage.questions.map { $0.timeLimitSeconds ?? stage.timeLimitSeconds ?? timeLimitSeconds }
            let average = limits.isEmpty ? timeLimitSeconds : limits.reduce(0, +) / limits.count
            switch stage.type {
            case .questions: return total + average * (stage.pick.map { min($0, limits.count) } ?? limits.count)
            case .revisit: return total + average * max(stage.pick ?? 2, limits.count)
            case .candidateQuestions: return total + 180
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

/// A part of the interview led by one interviewer.
public struct Stage: Equatable, Sendable {
    public enum StageType: String, Sendable, CaseIterable {
        case questions
        case candidateQuestions = "candidate_questions"
        case revisit
    }

    public var id: String
    public var title: String?
    public var type: StageType
    public var interviewerID: String
    public var lines: [String]
    public var questions: [Question]
    public var pick: Int?
    /// `candidate_questions` only.
    public var replies: [CandidateReply]
    public var fallbackReply: String?
    public var maxCandidateQuestions: Int
    /// `revisit` only.
    public var revisitPrompt: String?
    public var revisitFromScenario: String?
    public var timeLimitSeconds: Int?
    public var place: SourcePlace
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
