/// The first line of a transcript: what was practised, with what, and when.
public struct TranscriptHeader: Codable, Equatable, Sendable {
    public struct ScenarioReference: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var checksum: String
        public var path: String
    }

    public var format: String = TranscriptHeader.formatName
    public var version: Int = TranscriptHeader.currentVersion
    public var session: String
    public var scenario: ScenarioReference
    public var kind: InterviewKind
    public var role: String
    public var roleTitle: String
    public var company: String
    public var candidate: String
    public var interviewers: [Interviewer]
    public var seed: UInt64
    public var started: Date
    public var appVersion: String
    /// The transcript whose answers a revisit stage drew on.
    public var previousTranscript: String?
    /// `real` for a debrief of a real interview; absent (nil) for a practice session. Version 2.
    public var source: TranscriptSource? = nil
    /// The day a real interview took place (`YYYY-MM-DD`), for a debrief. Version 2.
    public var interviewDate: String? = nil

    public static let formatName = "rehearse-transcript"
    /// 2 added `source` and `date` (debriefs of real interviews); version 1 files read unchanged.
    public static let currentVersion = 2

    /// Whether this transcript records a real interview (a debrief) rather than a practice session.
    public var isRealInterview: Bool { source == .real }

    enum CodingKeys: String, CodingKey {
        case format, version, session, scenario, kind, role, company, candidate, interviewers, seed, started, source
        case roleTitle = "role_title"
        case appVersion = "app_version"
        case previousTranscript = "previous_transcript"
        case interviewDate = "date"
    }
}

/// Where a transcript's answers come from.
public enum TranscriptSource: String, Codable, Sendable {
    /// Recorded after a real interview with `rehearse debrief`.
    case real
    /// A practice session (written only when a file needs to say so; absent means practice).
    case practice
}

/// The timings of one answer, all in milliseconds.
public struct AnswerTiming: Codable, Equatable, Sendable {
    /// Question shown → first keystroke.
    public var thinkMilliseconds: Int
    /// First keystroke → submit.
    public var answerMilliseconds: Int
    /// Time spent paused with /pause while this question was open.
    public var pausedMilliseconds: Int
    public var keystrokes: Int
    /// Keystrokes that removed text.
    public var corrections: Int
    /// Longest gap between two keystrokes.
    public var longestPauseMilliseconds: Int
    public var limitSeconds: Int
    /// Whether think plus answer time went past the limit.
    public var isOverLimit: Bool

    enum CodingKeys: String, CodingKey {
        case keystrokes, corrections
        case thinkMilliseconds = "think_ms"
        case answerMilliseconds = "answer_ms"
        case pausedMilliseconds = "paused_ms"
        case longestPauseMilliseconds = "longest_pause_ms"
        case limitSeconds = "limit_s"
        case isOverLimit = "over_limit"
    }
}

/// One keystroke in an answer's typing timeline: milliseconds since the previous one (the first
/// since the question was shown) and, when it changed the line, the change.
/// Encoded compactly as `[dt]` or `[dt, position, deleted, "inserted"]`.
public struct TypingStep: Codable, Equatable, Sendable {
    public var delayMilliseconds: Int
    public var position: Int
    public var deleted: Int
    public var inserted: String
    public var changesLine: Bool { deleted > 0 || !inserted.isEmpty }

    public init(delayMilliseconds: Int, position: Int = 0, deleted: Int = 0, inserted: String = "") {
        self.delayMilliseconds = delayMilliseconds
        self.position = position
        self.deleted = deleted
        self.inserted = inserted
    }

    public init(from decoder: Decoder) throws {
        var container = try decoder.unkeyedContainer()
        delayMilliseconds = try container.decode(Int.self)
        if container.isAtEnd {
            position = 0
            deleted = 0
            inserted = ""
        } else {
            position = try container.decode(Int.self)
            deleted = try container.decode(Int.self)
            inserted = try container.decode(String.self)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(delayMilliseconds)
        if changesLine {
            try container.encode(position)
            try container.encode(deleted)
            try container.encode(inserted)
        }
    }
}

/// One line of a transcript after the header.
public enum TranscriptEvent: Equatable, Sendable {
    case stage(Stage)
    case say(Say)
    case ask(Ask)
    case answer(Answer)
    case command(Command)
    case note(Note)
    case notice(Notice)
    case candidateQuestion(CandidateQuestion)
    case end(End)

    public struct Stage: Codable, Equatable, Sendable {
        public var t: Int
        public var stage: String
        public var title: String?
        public var interviewer: String
    }
    public struct Say: Codable, Equatable, Sendable {
        public var t: Int
        public var speaker: String
        public var text: String
    }
    /// A question put to the candidate: a scenario question, a revisit of an earlier answer, or a probe.
    public struct Ask: Codable, Equatable, Sendable {
        public var t: Int
        public var question: String
        public var speaker: String
        public var text: String
        public var number: Int
        public var total: Int
        public var limitSeconds: Int
        /// Set for probes: the rule that fired.
        public var probe: String?
        public var repeats: String?
        public var talkingPoints: [TalkingPoint]?
        /// Set when a revisit stage asks again about an earlier session's answer: that question's id.
        public var revisitOf: String? = nil
        /// The question's type (declared or inferred when asked); older transcripts have none, and
        /// the review then infers it from the text.
        public var questionType: QuestionType? = nil
        enum CodingKeys: String, CodingKey {
            case t, question, speaker, text, number, total, probe, repeats
            case limitSeconds = "limit_s", talkingPoints = "talking_points", revisitOf = "revisit_of", questionType =
                "question_type"
        }
    }
    public struct Answer: Codable, Equatable, Sendable {
        public var t: Int
        public var question: String
        public var probe: String?
        public var text: String
        public var isRedo: Bool?
        public var timing: AnswerTiming
        public var typing: [TypingStep]
        enum CodingKeys: String, CodingKey {
            case t, question, probe, text, timing, typing
            case isRedo = "redo"
        }
    }
    public struct Command: Codable, Equatable, Sendable {
        public var t: Int
        public var name: String
        public var question: String?
        /// What the command showed, for `hint`: the text as the person saw it (absent in older transcripts).
        public var text: String?
    }
    public struct Note: Codable, Equatable, Sendable {
        /// What a debrief note records; nil for a practice session's /note.
        public enum Topic: String, Codable, Sendable {
            /// A concern the interviewers raised or seemed to have.
            case concern
            /// Something the candidate wishes they had said.
            case wish
        }
        public var t: Int
        public var text: String
        public var question: String?
        /// Set in debriefs: a concern or a wish, kept apart from the questions' notes.
        public var about: Topic? = nil
        /// For a concern: the id of the interviewer who raised it, when known.
        public var speaker: String? = nil
    }
    public struct Notice: Codable, Equatable, Sendable {
        public var t: Int
        public var text: String
        public var question: String?
        /// The answer as typed when the notice was shown (continued lines joined by newlines).
        public var typed: String? = nil
    }
    public struct CandidateQuestion: Codable, Equatable, Sendable {
        public var t: Int
        public var text: String
        public var speaker: String
        public var reply: String
        /// The keyword that chose the reply; nil when the fallback was used.
        public var matched: String?
    }
    public struct End: Codable, Equatable, Sendable {
        public enum Status: String, Codable, Sendable { case completed, quit, interrupted }
        public var t: Int
        public var status: Status
        public var reason: String?
        public var answered: Int
        public var asked: Int
        /// The person's own rating of the session, 1–5, when they gave one (added later: optional).
        public var selfRating: Int? = nil
        enum CodingKeys: String, CodingKey {
            case t, status, reason, answered, asked
            case selfRating = "self_rating"
        }
    }

    /// Milliseconds since the session started.
    public var time: Int {
        switch self {
        case .stage(let e): e.t
        case .say(let e): e.t
        case .ask(let e): e.t
        case .answer(let e): e.t
        case .command(let e): e.t
        case .note(let e): e.t
        case .notice(let e): e.t
        case .candidateQuestion(let e): e.t
        case .end(let e): e.t
        }
    }

    var typeName: String {
        switch self {
        case .stage: "stage"
        case .say: "say"
        case .ask: "ask"
        case .answer: "answer"
        case .command: "command"
        case .note: "note"
        case .notice: "notice"
        case .candidateQuestion: "candidate_question"
        case .end: "end"
        }
    }
}

extension TranscriptEvent: Codable {
    private enum TypeKey: String, CodingKey { case type }

    public init(from decoder: Decoder) throws {
        let type = try decoder.container(keyedBy: TypeKey.self).decode(String.self, forKey: .type)
        switch type {
        case "stage": self = .stage(try Stage(from: decoder))
        case "say": self = .say(try Say(from: decoder))
        case "ask": self = .ask(try Ask(from: decoder))
        case "answer": self = .answer(try Answer(from: decoder))
        case "command": self = .command(try Command(from: decoder))
        case "note": self = .note(try Note(from: decoder))
        case "notice": self = .notice(try Notice(from: decoder))
        case "candidate_question": self = .candidateQuestion(try CandidateQuestion(from: decoder))
        case "end": self = .end(try End(from: decoder))
        default:
            throw DecodingError.dataCorrupted(
                .init(codingPath: [TypeKey.type], debugDescription: "unknown event type '\(type)'"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(typeName, forKey: .type)
        switch self {
        case .stage(let e): try e.encode(to: encoder)
        case .say(let e): try e.encode(to: encoder)
        case .ask(let e): try e.encode(to: encoder)
        case .answer(let e): try e.encode(to: encoder)
        case .command(let e): try e.encode(to: encoder)
        case .note(let e): try e.encode(to: encoder)
        case .notice(let e): try e.encode(to: encoder)
        case .candidateQuestion(let e): try e.encode(to: encoder)
        case .end(let e): try e.encode(to: encoder)
        }
    }
}

extension TranscriptEvent.Answer {
    /// Decodes an answer; with `TranscriptCoding.skipsTypingKey` set, its typing timeline is left
    /// out (not even decoded), for readers such as the review that do not need it.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        t = try container.decode(Int.self, forKey: .t)
        question = try container.decode(String.self, forKey: .question)
        probe = try container.decodeIfPresent(String.self, forKey: .probe)
        text = try container.decode(String.self, forKey: .text)
        isRedo = try container.decodeIfPresent(Bool.self, forKey: .isRedo)
        timing = try container.decode(AnswerTiming.self, forKey: .timing)
        typing =
            decoder.userInfo[TranscriptCoding.skipsTypingKey] as? Bool == true
            ? [] : try container.decode([TypingStep].self, forKey: .typing)
    }
}
