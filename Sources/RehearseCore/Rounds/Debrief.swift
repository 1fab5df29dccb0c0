/// What a debrief records about a real interview before its questions: where, for what, when, with whom.
public struct DebriefDetails: Equatable, Sendable {
    public var company: String
    /// A known role id, or a slug made from a free role title.
    public var role: String
    public var roleTitle: String
    public var kind: InterviewKind
    /// The day of the interview, `YYYY-MM-DD`.
    public var date: String
    public var interviewers: [Interviewer]
    public var candidate: String

    public init(
        company: String, role: String, roleTitle: String, kind: InterviewKind, date: String,
        interviewers: [Interviewer],
        candidate: String
    ) {
        self.company = company
        self.role = role
        self.roleTitle = roleTitle
        self.kind = kind
        self.date = date
        self.interviewers = interviewers
        self.candidate = candidate
    }

    /// Reads `Name, Title` (the title may be left out) into an interviewer whose id is not in `taken`.
    public static func interviewer(parsing text: String, taken: [Interviewer]) -> Interviewer? {
        let parts = text.split(separator: ",", maxSplits: 1).map { String($0).trimmingBlanks() }
        guard let name = parts.first, !name.isEmpty else { return nil }
        let title = parts.count > 1 && !parts[1].isEmpty ? parts[1] : "Interviewer"
        let base = slug(name).isEmpty ? "interviewer" : slug(name)
        var id = base
        var number = 2
        while taken.contains(where: { $0.id == id }) {
            id = "\(base)-\(number)"
            number += 1
        }
        return Interviewer(id: id, name: name, title: title, style: .warm)
    }

    /// Lowercase letters and digits joined by single hyphens: `Team Lead (EMEA)` → `team-lead-emea`.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                result.append(character)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return String(result.prefix(60))
    }

    /// Today's local date as `YYYY-MM-DD`.
    public static func today(_ now: Date = Date()) -> String {
        let parts = LocalTime.parts(of: now)
        return "\(parts.year)-\(LocalTime.twoDigits(parts.month))-\(LocalTime.twoDigits(parts.day))"
    }

    /// `YYYY-MM-DD` when `text` names a real calendar date, else nil.
    public static func date(parsing text: String) -> String? {
        let fields = text.trimmingBlanks().split(separator: "-")
        guard fields.count == 3, fields[0].count == 4, let year = Int(fields[0]), let month = Int(fields[1]),
            let day = Int(fields[2]),
            LocalTime.date(year: year, month: month, day: day) != nil
        else { return nil }
        let parts = LocalTime.parts(of: LocalTime.date(year: year, month: month, day: day, hour: 12)!)
        guard parts.month == month, parts.day == day else { return nil }  // 2026-02-31 rolls over: not a date.
        return "\(year)-\(LocalTime.twoDigits(month))-\(LocalTime.twoDigits(day))"
    }

    /// The interviewer a question or concern names at its start, `(Name) text`, and the text
    /// without it; the name may be a full name, a first name or an id, in any case.
    public func attribution(of text: String) -> (speaker: String?, text: String) {
        let trimmed = text.trimmingBlanks()
        guard trimmed.hasPrefix("("), let close = trimmed.firstIndex(of: ")") else { return (nil, text) }
        let name = trimmed[trimmed.index(after: trimmed.startIndex)..<close].trimmingBlanks().lowercased()
        guard
            let found = interviewers.first(where: { interviewer in
                interviewer.id == name || interviewer.name.lowercased() == name
                    || interviewer.name.lowercased().split(separator: " ").first.map(String.init) == name
            })
        else { return (nil, text) }
        return (found.id, String(trimmed[trimmed.index(after: close)...]).trimmingBlanks())
    }
}

/// One thing recorded in a debrief.
public enum DebriefEntry: Equatable, Sendable {
    /// A question actually asked, and by whom when known (an interviewer id).
    case question(String, askedBy: String?)
    /// The gist of the answer to the last question.
    case answer(String)
    /// A concern the interviewers raised or seemed to have, and who raised it when known.
    case concern(String, raisedBy: String?)
    /// Something the candidate wishes they had said.
    case wish(String)
}

/// Writes a debrief as a transcript with `source: real`, one durable line per entry, so a crash
/// keeps everything already entered. The header is written with the first question: a debrief
/// without questions leaves no file.
public final class DebriefWriter {
    public let details: DebriefDetails
    public let sessionID: String
    public let started: Date
    public let appVersion: String
    private let recorder: TranscriptRecorder
    private let elapsed: () -> Int
    public private(set) var questionCount = 0
    public private(set) var answerCount = 0
    private var begun = false
    private var currentQuestion: String?

    /// - Parameter elapsed: milliseconds since the debrief started, for the events' `t`.
    public init(
        details: DebriefDetails, sessionID: String, started: Date, appVersion: String, recorder: TranscriptRecorder,
        elapsed: @escaping () -> Int
    ) {
        self.details = details
        self.sessionID = sessionID
        self.started = started
        self.appVersion = appVersion
        self.recorder = recorder
        self.elapsed = elapsed
    }

    /// The scenario id a debrief's transcript carries: `repeats` in the next round point at it.
    public static func scenarioID(sessionID: String) -> String { scenarioIDPrefix + sessionID }

    /// What every debrief's scenario id starts with.
    public static let scenarioIDPrefix = "debrief-"

    /// The question id of the `number`th real question.
    public static func questionID(_ number: Int) -> String { "q\(number)" }

    /// The header every debrief transcript starts with.
    public var header: TranscriptHeader {
        var header = TranscriptHeader(
            session: sessionID,
            scenario: .init(
                id: Self.scenarioID(sessionID: sessionID),
                title: "Real \(details.kind.rawValue) interview at \(details.company)",
                checksum: "", path: ""),
            kind: details.kind, role: details.role, roleTitle: details.roleTitle, company: details.company,
            candidate: details.candidate,
            interviewers: details.interviewers, seed: 0, started: started, appVersion: appVersion,
            previousTranscript: nil)
        header.source = .real
        header.interviewDate = details.date
        return header
    }

    /// Whether anything has been written (the header comes with the first question).
    public var hasBegun: Bool { begun }

    /// Records one entry and makes it durable before returning. An answer or concern before the
    /// first question is refused (`DebriefError.nothingAskedYet`).
    public func add(_ entry: DebriefEntry) throws {
        switch entry {
        case .question(let text, let askedBy):
            if !begun {
                try recorder.begin(header)
                begun = true
            }
            questionCount += 1
            let id = Self.questionID(questionCount)
            currentQuestion = id
            let speaker = askedBy ?? details.interviewers.first?.id ?? ""
            try recorder.record(
                .ask(
                    .init(
                        t: elapsed(), question: id, speaker: speaker, text: text, number: questionCount,
                        total: questionCount, limitSeconds: 0, probe: nil, repeats: nil, talkingPoints: nil)),
                durable: true)
        case .answer(let text):
            guard let question = currentQuestion else { throw DebriefError.nothingAskedYet }
            answerCount += 1
            let timing = AnswerTiming(
                thinkMilliseconds: 0, answerMilliseconds: 0, pausedMilliseconds: 0, keystrokes: 0, corrections: 0,
                longestPauseMilliseconds: 0, limitSeconds: 0, isOverLimit: false)
            try recorder.record(
                .answer(
                    .init(
                        t: elapsed(), question: question, probe: nil, text: text, isRedo: nil, timing: timing,
                        typing: [])), durable: true)
            currentQuestion = nil
        case .concern(let text, let raisedBy):
            guard begun else { throw DebriefError.nothingAskedYet }
            try recorder.record(
                .note(.init(t: elapsed(), text: text, question: nil, about: .concern, speaker: raisedBy)), durable: true
            )
        case .wish(let text):
            guard begun else { throw DebriefError.nothingAskedYet }
            try recorder.record(.note(.init(t: elapsed(), text: text, question: nil, about: .wish)), durable: true)
        }
    }

    /// Writes the end line; `completed` when the person went through every part.
    public func finish(completed: Bool) throws {
        guard begun else { return }
        try recorder.record(
            .end(
                .init(
                    t: elapsed(), status: completed ? .completed : .quit, reason: nil, answered: answerCount,
                    asked: questionCount)), durable: true)
    }
}

/// Problems with what a debrief was given, worded for the person.
public enum DebriefError: Error, CustomStringConvertible, Equatable {
    case nothingAskedYet
    case noQuestions
    /// A line of piped input that is not in the layout.
    case badLine(line: Int, text: String, reason: String)

    public var description: String {
        switch self {
        case .nothingAskedYet:
            "an answer, concern or wish came before any question; record a question first"
        case .noQuestions:
            "the debrief has no questions, so nothing was saved; record at least one question you were asked (a `Q:` line when piped)"
        case .badLine(let line, let text, let reason):
            "standard input line \(line): \(reason): \"\(TerminalSafeText.inert(String(text.prefix(60)), keepNewlines: false))\"; "
                + "use Q:, A:, CONCERN: or WISH: (see `rehearse debrief --help`)"
        }
    }
}

/// The piped debrief layout: `Q:` a question, `A:` its answer, `CONCERN:` a concern, `WISH:`
/// something you wish you had said; untagged lines continue the entry before them and blank
/// lines are ignored. Tags are read in any case.
public enum DebriefLayout {
    public static let tags = ["Q", "A", "CONCERN", "WISH"]

    /// The entries of piped input, in order, or the first line that breaks the layout.
    public static func parse(_ text: String, details: DebriefDetails) throws -> [DebriefEntry] {
        var entries: [(tag: String, text: String)] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { lines.removeLast() }
        for (offset, rawLine) in lines.enumerated() {
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : rawLine
            let trimmed = line.trimmingBlanks()
            if trimmed.isEmpty { continue }
            if let (tag, rest) = tagged(trimmed) {
                guard tags.contains(tag) else {
                    throw DebriefError.badLine(line: offset + 1, text: trimmed, reason: "unknown tag '\(tag):'")
                }
                if tag == "A", entries.last?.tag != "Q" {
                    throw DebriefError.badLine(
                        line: offset + 1, text: trimmed,
                        reason: entries.isEmpty || !entries.contains { $0.tag == "Q" }
                            ? "an answer before any question" : "a second answer to one question")
                }
                entries.append((tag, rest))
            } else {
                guard !entries.isEmpty else {
                    throw DebriefError.badLine(line: offset + 1, text: trimmed, reason: "text before the first tag")
                }
                entries[entries.count - 1].text += (entries[entries.count - 1].text.isEmpty ? "" : "\n") + trimmed
            }
        }
        guard entries.contains(where: { $0.tag == "Q" }) else { throw DebriefError.noQuestions }
        if let first = entries.first, first.tag != "Q" {
            throw DebriefError.badLine(
                line: 1, text: first.text,
                reason: "a \(first.tag == "CONCERN" ? "concern" : "wish") before any question")
        }
        return entries.compactMap { entry in
            switch entry.tag {
            case "Q": return details.questionEntry(entry.text)
            case "A": return entry.text.isEmpty ? nil : .answer(entry.text)
            case "CONCERN": return details.concernEntry(entry.text)
            default: return .wish(entry.text)
            }
        }
    }

    /// `TAG: rest` when the line starts with a word of capitals (or `q`/`a`) and a colon.
    static func tagged(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let head = line[..<colon]
        guard !head.isEmpty, head.count <= 12, head.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        let upper = head.uppercased()
        // Only an all-capital word (or a known tag in any case) is a tag: "Note: ..." in an answer is text.
        guard head == upper || tags.contains(upper) else { return nil }
        return (upper, String(line[line.index(after: colon)...]).trimmingBlanks())
    }
}

extension DebriefDetails {
    /// A question as typed: `(Name) text` names who asked.
    public func questionEntry(_ text: String) -> DebriefEntry {
        let (speaker, rest) = attribution(of: text)
        return .question(rest, askedBy: speaker)
    }

    /// A concern as typed: `(Name) text` names who raised it, else a name the text mentions.
    public func concernEntry(_ text: String) -> DebriefEntry {
        let (speaker, rest) = attribution(of: text)
        return .concern(rest, raisedBy: speaker ?? mentionedInterviewer(in: rest))
    }

    /// The interviewer whose full or first name a text mentions, when exactly one is.
    public func mentionedInterviewer(in text: String) -> String? {
        let answer = AnswerText(text)
        let found = interviewers.filter { interviewer in
            answer.contains(phrase: interviewer.name)
                || interviewer.name.split(separator: " ").first.map { answer.contains(phrase: String($0)) } ?? false
        }
        return found.count == 1 ? found[0].id : nil
    }
}
