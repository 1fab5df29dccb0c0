/// The stage where the candidate asks the panel questions: which replies are used, how many
/// questions were asked, and the question being typed over several lines.
struct CandidateStage {
    let stageIndex: Int
    let content: CandidateQuestionsStage
    private(set) var usedReplies: Set<Int> = []
    private(set) var count = 0
    var draft = AnswerDraft()

    init(stageIndex: Int, content: CandidateQuestionsStage) {
        self.stageIndex = stageIndex
        self.content = content
    }

    /// The panel's reply to one question (its text unrendered): the first unused reply with a
    /// keyword in the question, else the fallback. Counts the question.
    mutating func reply(to question: String) -> (text: String, interviewerID: String?, matched: String?) {
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
