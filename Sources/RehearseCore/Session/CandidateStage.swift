/// The stage where the candidate asks the panel questions: which replies are used, how many
/// questions were asked, and the question being typed over several lines.
struct CandidateStage {
    let stageIndex: Int
    let content: CandidateQuestionsStage
    private(set) var usedReplies: Set<Int> = []
    private(set) var count = 0
    private(set) var draft = AnswerDraft()

    /// What one submitted line does here.
    enum Step: Equatable {
        /// An empty line or /done: the candidate has no more questions.
        case done
        case quit
        case note(String)
        /// Another command: say what works here.
        case help
        /// A line ending in `\`: the question goes on on the next line.
        case continued
        /// A question for the panel and the reply chosen for it (its text not yet rendered).
        case asked(question: String, reply: String, interviewerID: String?, matched: String?)
    }

    init(stageIndex: Int, content: CandidateQuestionsStage) {
        self.stageIndex = stageIndex
        self.content = content
    }

    /// Takes one submitted line: a command, part of a question, or a whole question (which it answers).
    mutating func take(_ line: String, typing: TypingRecord) -> Step {
        if draft.isEmpty {
            switch SlashCommand.parse(line) {
            case .done?: return .done
            case .quit?: return .quit
            case .note(let text)? where !text.isEmpty: return .note(text)
            case _?: return .help
            case nil where line.trimmingBlanks().isEmpty: return .done
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

    /// The panel's reply to one question (its text unrendered): the first unused reply with a
    /// keyword in the question, else the fallback. Counts the question.
    private mutating func reply(to question: String) -> (text: String, interviewerID: String?, matched: String?) {
        count += 1
        let analysed = AnswerText(question)
        for (index, reply) in content.replies.enumerated() where !usedReplies.contains(index) {
            if let keyword = reply.keywords.first(where: { analysed.contains(phrase: $0) }) {
                usedReplies.insert(index)
                return (reply.text, reply.interviewerID, keyword)
            }
        }
        return (content.fallbackReply ?? CandidateQuestionsStage.defaultFallbackReply, nil, nil)
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
    static let help = "Ask the panel anything. An empty line or /done ends this part; /note TEXT and /quit work here too. End a line with \\ to continue it."
}
