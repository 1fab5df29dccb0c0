/// The typed debrief as a state machine with no terminal I/O: it says what to ask next
/// (`prompt`), takes each line typed (`accept`), and writes every finished entry through a
/// `DebriefWriter` at once. The command only reads lines and prints what it is told.
public final class DebriefForm {
    /// What the form is asking for.
    public enum Field: Equatable, Sendable {
        case company, role, kind, date, interviewer, question, answer, concern, wish, done
    }

    /// What to show before reading the next line.
    public struct Prompt: Equatable, Sendable {
        public var label: String
        /// Words Tab completes (role ids at the role prompt).
        public var completions: [String]
    }

    public private(set) var field: Field
    public private(set) var company: String?
    public private(set) var role: (id: String, title: String)?
    public private(set) var kind: InterviewKind?
    public private(set) var date: String?
    public private(set) var interviewers: [Interviewer]
    private let interviewersGiven: Bool
    private let candidate: String
    private let knownRoles: [(id: String, title: String)]
    private let today: String
    private let makeWriter: (DebriefDetails) throws -> DebriefWriter
    public private(set) var writer: DebriefWriter?
    private var draft = AnswerDraft()

    /// - Parameters:
    ///   - company, role, kind, date, interviewers: values given as flags; those fields are not asked.
    ///   - knownRoles: the catalog's roles, for completion and to turn a title into its id.
    ///   - makeWriter: opens the transcript once the details are known (before the first question is written).
    public init(
        company: String?, role: String?, kind: InterviewKind?, date: String?, interviewers: [Interviewer],
        candidate: String,
        knownRoles: [(id: String, title: String)], today: String,
        makeWriter: @escaping (DebriefDetails) throws -> DebriefWriter
    ) {
        self.company = company
        self.kind = kind
        self.date = date
        self.interviewers = interviewers
        self.interviewersGiven = !interviewers.isEmpty
        self.candidate = candidate
        self.knownRoles = knownRoles
        self.today = today
        self.makeWriter = makeWriter
        field = .company
        if let role { self.role = Self.resolveRole(role, known: knownRoles) }
        field = nextField(after: nil)
    }

    /// A role as typed: a known id or title (any case) gives that role; anything else is a free title.
    public static func resolveRole(_ text: String, known: [(id: String, title: String)]) -> (id: String, title: String)
    {
        let typed = text.trimmingBlanks()
        if let found = known.first(where: { $0.id == typed.lowercased() || $0.title.lowercased() == typed.lowercased() }
        ) {
            return found
        }
        let slug = DebriefDetails.slug(typed)
        return (slug.isEmpty ? "role" : slug, typed)
    }

    /// The first field after `field` that still needs asking.
    private func nextField(after current: Field?) -> Field {
        let order: [Field] = [.company, .role, .kind, .date, .interviewer, .question]
        let start = current.flatMap { order.firstIndex(of: $0).map { $0 + 1 } } ?? 0
        for candidate in order[start...] {
            switch candidate {
            case .company where company == nil, .role where role == nil, .kind where kind == nil,
                .date where date == nil:
                return candidate
            case .interviewer where !interviewersGiven:
                return candidate
            case .question:
                return .question
            default:
                continue
            }
        }
        return .question
    }

    /// What to show before reading the next line.
    public var prompt: Prompt {
        if !draft.isEmpty { return Prompt(label: "... ", completions: []) }
        switch field {
        case .company: return Prompt(label: "Company: ", completions: [])
        case .role: return Prompt(label: "Role: ", completions: knownRoles.map(\.id))
        case .kind:
            return Prompt(
                label: "Kind (first, second, same-person) [first]: ",
                completions: InterviewKind.allCases.map(\.rawValue))
        case .date: return Prompt(label: "Date [\(today)]: ", completions: [])
        case .interviewer:
            return Prompt(label: "Interviewer \(interviewers.count + 1) (Name, Title): ", completions: [])
        case .question: return Prompt(label: "Question \((writer?.questionCount ?? 0) + 1): ", completions: [])
        case .answer: return Prompt(label: "Your answer: ", completions: [])
        case .concern: return Prompt(label: "Concern: ", completions: [])
        case .wish: return Prompt(label: "Wish: ", completions: [])
        case .done: return Prompt(label: "", completions: [])
        }
    }

    /// The guidance shown when a field is first reached, if any.
    public var guidance: String? {
        guard draft.isEmpty else { return nil }
        switch field {
        case .interviewer where interviewers.isEmpty:
            return "Who interviewed you? One per line as Name, Title; Enter on an empty line ends the list."
        case .question where (writer?.questionCount ?? 0) == 0:
            let who = interviewers.count > 1 ? " Start a question with (Name) to say who asked it." : ""
            return "Now the questions you were asked, one at a time, each followed by the gist of your answer. "
                + "End a line with \\ to continue on the next.\(who) Enter on an empty question moves on to concerns."
        case .concern:
            return
                "Concerns they raised or seemed to have, one at a time (e.g. asked twice about my lack of team-lead experience). "
                + "Enter on an empty line moves on."
        case .wish:
            return "What do you wish you had said? One at a time; Enter on an empty line finishes."
        default:
            return nil
        }
    }

    /// Takes one typed line. Returns a message to show when the line was not taken (the same
    /// field is asked again); throws only when the transcript cannot be written.
    @discardableResult
    public func accept(_ line: String) throws -> String? {
        if [.question, .answer, .concern, .wish].contains(field),
            draft.continueIfMarked(line, typing: TypingRecord(keys: [], submittedAt: 0))
        {
            return nil
        }
        let whole = Self.tidy(draft.finished(with: line, typing: TypingRecord(keys: [], submittedAt: 0)).text)
        draft = AnswerDraft()
        let text = whole.trimmingBlanks()
        switch field {
        case .company:
            guard !text.isEmpty else { return "Type the company's name." }
            company = text
        case .role:
            guard !text.isEmpty else {
                return
                    "Type the role: one of \(knownRoles.map(\.id).joined(separator: ", ")) (Tab completes), or the job title."
            }
            role = Self.resolveRole(text, known: knownRoles)
        case .kind:
            guard let parsed = text.isEmpty ? .first : InterviewKind(parsing: text) else {
                return
                    "'\(TerminalSafeText.inert(text, keepNewlines: false))' is not a kind; type \(InterviewKind.spelledOut), or Enter for first."
            }
            kind = parsed
        case .date:
            guard let parsed = text.isEmpty ? today : DebriefDetails.date(parsing: text) else {
                return
                    "'\(TerminalSafeText.inert(text, keepNewlines: false))' is not a date; type it as YYYY-MM-DD, or Enter for today."
            }
            date = parsed
        case .interviewer:
            if text.isEmpty { break }
            guard let interviewer = DebriefDetails.interviewer(parsing: text, taken: interviewers) else {
                return "Type Name, Title."
            }
            interviewers.append(interviewer)
            return nil
        case .question:
            if text.isEmpty {
                guard (writer?.questionCount ?? 0) > 0 else {
                    return "Record at least one question you were asked (Ctrl-D leaves without saving)."
                }
                field = .concern
                return nil
            }
            // The field moves on before writing: a failed write keeps the entry in memory
            // (`TranscriptWriteFailure`), and it must not be asked for again.
            let writer = try openWriter()
            field = .answer
            try writer.add(details.questionEntry(whole))
            return nil
        case .answer:
            field = .question
            if !text.isEmpty { try writer?.add(.answer(whole)) }
            return nil
        case .concern:
            if text.isEmpty {
                field = .wish
            } else {
                try writer?.add(details.concernEntry(whole))
            }
            return nil
        case .wish:
            if text.isEmpty {
                field = .done
                try writer?.finish(completed: true)
            } else {
                try writer?.add(.wish(whole))
            }
            return nil
        case .done:
            return nil
        }
        field = nextField(after: field)
        return nil
    }

    /// Ctrl-D or the end of input: keeps a half-typed multi-line entry, then writes the end
    /// line. Returns false when nothing was saved because no question was recorded.
    @discardableResult
    public func endOfInput() throws -> Bool {
        if !draft.isEmpty, [.question, .answer, .concern, .wish].contains(field) {
            let text = Self.tidy(draft.finished(with: "", typing: TypingRecord(keys: [], submittedAt: 0)).text)
            draft = AnswerDraft()
            if !text.trimmingBlanks().isEmpty {
                switch field {
                case .question: try openWriter().add(details.questionEntry(text))
                case .answer: try writer?.add(.answer(text))
                case .concern: try writer?.add(details.concernEntry(text))
                default: try writer?.add(.wish(text))
                }
            }
        }
        guard let writer, writer.hasBegun else { return false }
        if field != .done { try writer.finish(completed: false) }
        field = .done
        return true
    }

    /// Each line without blanks at its ends and no empty last line: the same text the piped layout gives.
    static func tidy(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingBlanks() }
        while lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The details as known so far (defaults for fields not reached).
    public var details: DebriefDetails {
        DebriefDetails(
            company: company ?? "", role: role?.id ?? "role", roleTitle: role?.title ?? "", kind: kind ?? .first,
            date: date ?? today, interviewers: interviewers, candidate: candidate)
    }

    private func openWriter() throws -> DebriefWriter {
        if let writer { return writer }
        let made = try makeWriter(details)
        writer = made
        return made
    }
}
