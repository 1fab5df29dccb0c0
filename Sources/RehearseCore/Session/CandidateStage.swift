/// The stage where the candidate asks the panel questions: which replies are used, how many
/// questions were asked, and the question being typed over several lines.
struct CandidateStage {
    let stageIndex: Int
    let content: CandidateQuestionsStage
    private(set) var usedReplies: Set<Int> = []
    private(set) var count = 0
    private(set) var draft = AnswerDraft()
    /// Questions worth asking here, offered on /hint (`CandidateQuestionSuggestions`).
    let suggestions: [String]
    /// Whether the interviewer has already invited a question after the candidate asked none.
    private(set) var hasNudged = false

    /// What one submitted line does here.
    enum Step: Equatable {
        /// An empty line or /done: the candidate has no more questions.
        case done
        /// The first empty line or /done before any question: the interviewer invites one, once.
        case nudge(String)
        /// /hint: questions worth asking.
        case hint([String])
        case quit
        case note(String)
        /// Another command: say what works here.
        case help
        /// A line ending in `\`: the question goes on on the next line.
        case continued
        /// A question for the panel and the reply chosen for it (its text not yet rendered).
        case asked(question: String, reply: String, interviewerID: String?, matched: String?)
    }

    init(stageIndex: Int, content: CandidateQuestionsStage, suggestions: [String] = []) {
        self.stageIndex = stageIndex
        self.content = content
        self.suggestions = suggestions
    }

    /// What a real interviewer says, once, when the candidate has no questions.
    static let nudge =
        "Most people have a question or two — is there anything about the team or the first months you'd like to know?"

    /// Ends the stage, unless nothing was asked yet and the interviewer has not invited a question.
    private mutating func doneOrNudge() -> Step {
        guard count == 0, !hasNudged else { return .done }
        hasNudged = true
        return .nudge(Self.nudge)
    }

    /// Takes one submitted line: a command, part of a question, or a whole question (which it answers).
    mutating func take(_ line: String, typing: TypingRecord) -> Step {
        if draft.isEmpty {
            switch SlashCommand.parse(line) {
            case .done?: return doneOrNudge()
            case .quit?: return .quit
            case .note(let text)? where !text.isEmpty: return .note(text)
            case .hint? where !suggestions.isEmpty: return .hint(suggestions)
            case _?: return .help
            case nil where line.trimmingBlanks().isEmpty: return doneOrNudge()
            case nil: break
            }
        }
        let text = draft.isEmpty ? SlashCommand.unescaped(line) : line
        if draft.continueIfMarked(text, typing: typing) { return .continued }
        let question = draft.finished(with: text, typing: typing).text.trimmingWhitespace()
        draft = AnswerDraft()
        guard !question.isEmpty else { return .done }
        let reply = reply(to: question)
        return .asked(question: question, reply: reply.text, interviewerID: reply.interviewerID, matched: reply.matched)
    }

    /// The panel's reply to one question (its text unrendered): of the unused replies with a
    /// keyword in the question, the one with the most specific keyword (most words, then most
    /// letters: "on call" before "team"), then the most keywords, then the first in the file;
    /// else the fallback. Counts the question.
    private mutating func reply(to question: String) -> (text: String, interviewerID: String?, matched: String?) {
        count += 1
        guard let best = Self.bestReply(to: question, among: content.replies, excluding: usedReplies) else {
            return (content.fallbackReply ?? CandidateQuestionsStage.defaultFallbackReply, nil, nil)
        }
        usedReplies.insert(best.index)
        let reply = content.replies[best.index]
        return (reply.text, reply.interviewerID, best.keyword)
    }

    /// The best-matching reply's index and its most specific matching keyword (see `reply(to:)`).
    static func bestReply(to question: String, among replies: [CandidateReply], excluding used: Set<Int> = [])
        -> (index: Int, keyword: String)?
    {
        let analysed = AnswerText(question)
        var best: (index: Int, keyword: String, specificity: [Int])? = nil
        for (index, reply) in replies.enumerated() where !used.contains(index) {
            let matched = reply.keywords.filter { analysed.contains(phrase: $0) }
            guard !matched.isEmpty else { continue }
            func specificity(_ keyword: String) -> (Int, Int) {
                let words = Words.tokenize(keyword)
                return (words.count, words.joined().count)
            }
            let top = matched.max { specificity($0) < specificity($1) }!
            let rank = [specificity(top).0, specificity(top).1, matched.count]
            if best.map({ rank.lexicographicallyPrecedes($0.specificity) == false && rank != $0.specificity }) ?? true {
                best = (index, top, rank)
            }
        }
        return best.map { ($0.index, $0.keyword) }
    }

    /// Whether the candidate has asked as many questions as the stage allows.
    var isFull: Bool { count >= content.maxQuestions }

    /// What the interviewer says as the stage ends.
    func closingLine(candidate: String) -> String {
        count == 0
            ? "No questions? That's all right. Thank you for your time today, \(candidate)."
            : "Thank you for those questions, \(candidate). We'll be in touch."
    }

    /// What to say when a command other than /done, /note or /quit is typed here.
    static let help =
        "Ask the panel anything. An empty line or /done ends this part; /hint suggests questions; /note TEXT and /quit work here too. End a line with \\ to continue it."
}
