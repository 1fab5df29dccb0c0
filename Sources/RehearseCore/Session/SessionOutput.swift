/// What the engine asks its front end to show. The front end decides how (colour, wrapping).
public enum SessionOutput: Equatable, Sendable {
    /// A new stage begins.
    case stage(title: String?, interviewer: Interviewer)
    /// An interviewer speaks.
    case say(Interviewer, String)
    /// A question to answer (also sent again on /repeat and after an empty line).
    case question(QuestionPrompt)
    /// A message from rehearse itself (help, hints, confirmations).
    case info(String)
    /// Something went wrong that the person should know about, e.g. the disk is full.
    case warning(String)
    /// The session ended.
    case summary(SessionSummary)
}

/// A question as shown: who asks, the text, and where it sits in the session.
public struct QuestionPrompt: Equatable, Sendable {
    public var interviewer: Interviewer
    public var text: String
    public var number: Int
    public var total: Int
    public var limitSeconds: Int
    public var isProbe: Bool
}

/// What the front end should read next.
public struct PromptRequest: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case answer, continuation, candidateQuestion, paused }
    public var kind: Kind
    /// e.g. `[3/8 Priya] › `
    public var label: String
    /// When the time limit passes (monotonic ns), for the notice shown while typing; nil when
    /// there is no limit here or the notice was already shown for this question.
    public var deadline: UInt64?
    /// The notice to show when the deadline passes.
    public var deadlineNotice: String?
}

/// The end-of-session report.
public struct SessionSummary: Equatable, Sendable {
    public var status: TranscriptEvent.End.Status
    public var answered: Int
    public var skipped: Int
    public var asked: Int
    public var totalMilliseconds: Int
    /// Slowest starts: question text and think time, slowest first.
    public var slowestStarts: [(question: String, thinkMilliseconds: Int)]
    public var overLimit: Int
    public var probes: [String: Int]
    public var candidateQuestions: Int
    public var hasCandidateStage: Bool
    public var transcriptPath: String
    public var sessionID: String
    public var thankYouBy: Date

    public static func == (lhs: SessionSummary, rhs: SessionSummary) -> Bool {
        lhs.status == rhs.status && lhs.answered == rhs.answered && lhs.skipped == rhs.skipped && lhs.asked == rhs.asked
            && lhs.totalMilliseconds == rhs.totalMilliseconds && lhs.overLimit == rhs.overLimit
            && lhs.probes == rhs.probes
            && lhs.slowestStarts.map(\.question) == rhs.slowestStarts.map(\.question)
            && lhs.transcriptPath == rhs.transcriptPath
            && lhs.candidateQuestions == rhs.candidateQuestions && lhs.sessionID == rhs.sessionID
    }
}
