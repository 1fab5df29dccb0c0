/// What the person asks `rehearse followup` for.
public struct FollowupOptions: Sendable {
    /// A thank-you after the interview, or a reply to a rejection.
    public enum Purpose: String, Sendable, CaseIterable {
        case thankYou = "thank-you"
        case rejected
    }

    public enum Tone: String, Sendable, CaseIterable {
        case warm
        case formal
    }

    public var purpose: Purpose = .thankYou
    public var tone: Tone = .warm
    /// A shorter email: one recalled topic, one concern, one note.
    public var isShort = false
    /// One email per interviewer instead of one to the lead naming the others.
    public var isOnePerInterviewer = false
    /// The name signed under the email; nil signs with the transcript's candidate.
    public var signature: String? = nil
    /// The lead's email address; nil leaves a placeholder.
    public var address: String? = nil
    /// Concerns the interviewers raised (from a debrief, or typed in); when empty, the answer
    /// the review found weakest is the concern to address.
    public var concerns: [RecordedConcern] = []
    /// The time the draft is written, for the deadline and "today".
    public var now: Date
    public var zone: TimeZoneChoice = .system

    public init(now: Date) { self.now = now }
}

/// A concern an interviewer raised, to be addressed in the thank-you email.
public struct RecordedConcern: Equatable, Sendable {
    public var text: String
    /// The interviewer's id or name, when known.
    public var raisedBy: String?

    public init(text: String, raisedBy: String? = nil) {
        self.text = text
        self.raisedBy = raisedBy
    }
}

/// Word counts a draft keeps to (counted by `FollowupEmail.wordCount`, greeting to signature).
public enum FollowupLength {
    public static let thankYou = 120...200
    public static let thankYouShort = 50...120
    public static let rejected = 80...180
    public static let rejectedShort = 40...110

    public static func bounds(for options: FollowupOptions) -> ClosedRange<Int> {
        switch (options.purpose, options.isShort) {
        case (.thankYou, false): thankYou
        case (.thankYou, true): thankYouShort
        case (.rejected, false): rejected
        case (.rejected, true): rejectedShort
        }
    }

    /// Words as a reader counts them: runs separated by spaces that hold a letter or a digit.
    public static func words(in text: String) -> Int {
        text.split(whereSeparator: \.isWhitespace).filter { $0.contains { $0.isLetter || $0.isNumber } }.count
    }
}

/// One email of a draft. Text is as the person will send it; renderers make it safe per format.
public struct FollowupEmail: Equatable, Sendable {
    public var recipient: Interviewer
    /// Interviewers named in the email besides the recipient.
    public var othersThanked: [Interviewer]
    /// The recipient's address when `--to` gave one.
    public var address: String?
    public var subject: String
    public var greeting: String
    public var paragraphs: [String]
    public var signOff: String
    public var signature: String

    /// Greeting, paragraphs, sign-off and signature, paragraphs separated by a blank line.
    public var body: String {
        ([greeting] + paragraphs + [signOff + "\n" + signature]).joined(separator: "\n\n")
    }

    public var wordCount: Int { FollowupLength.words(in: body) }
}

/// A topic recalled for one interviewer, and the question it came from.
public struct RecalledTopic: Equatable, Sendable {
    public var interviewerID: String
    public var questionID: String
    public var questionText: String
    public var topic: TopicPhrase
}

/// The 24 hours after the interview in which a thank-you should go out.
public struct FollowupDeadline: Equatable, Sendable {
    public var interviewEnded: ZonedMoment
    public var due: ZonedMoment
    /// Seconds from now to the deadline; negative once it has passed.
    public var secondsLeft: Int

    public var hasPassed: Bool { secondsLeft <= 0 }

    /// "Send by Sun 25 Oct, 13:00 GMT (24 hours after the interview): 5 h 20 min left."
    public var summary: String {
        if hasPassed {
            return
                "The 24-hour window closed \(due.dayAndTime), \(Self.duration(-secondsLeft)) ago; a thank-you is still worth sending now."
        }
        return "Send by \(due.dayAndTime) (24 hours after the interview ended): \(Self.duration(secondsLeft)) left."
    }

    /// "2 days 3 h", "5 h 20 min", "12 min", "less than a minute".
    static func duration(_ seconds: Int) -> String {
        let minutes = seconds / 60
        let hours = minutes / 60
        let days = hours / 24
        if days >= 1 { return "\(days) day\(days == 1 ? "" : "s")" + (hours % 24 > 0 ? " \(hours % 24) h" : "") }
        if hours >= 1 { return "\(hours) h \(minutes % 60) min" }
        if minutes >= 1 { return "\(minutes) min" }
        return "less than a minute"
    }
}

/// After a rejection: the questions to practise again and the command that schedules them.
public struct DrillPlan: Equatable, Sendable {
    /// Full question texts, weakest first.
    public var questions: [String]
    public var command: String
}

/// A follow-up drafted from one transcript: the emails and what they were built from.
public struct FollowupDraft: Equatable, Sendable {
    public var purpose: FollowupOptions.Purpose
    public var sessionID: String
    public var roleTitle: String
    public var company: String
    public var emails: [FollowupEmail]
    public var recalled: [RecalledTopic]
    /// Every `/note` of the session, in order.
    public var notes: [String]
    /// Notes left out of the emails to keep them short.
    public var notesLeftOut: [String]
    /// The deadline, for thank-you emails.
    public var deadline: FollowupDeadline?
    /// The practice plan, after a rejection.
    public var plan: DrillPlan?
}

/// Why a draft cannot be made.
public enum FollowupError: Error, Equatable, CustomStringConvertible {
    case noAnswers(session: String, path: String)

    public var description: String {
        switch self {
        case .noAnswers(let session, let path):
            "session \(session) (\(path)) has no answers, so there is nothing to recall in an email; "
                + "choose a session you answered (`rehearse transcripts` lists them)"
        }
    }
}
