/// Three questions worth asking the panel, fitted to the scenario: offered on /hint in the
/// candidate's questions stage and suggested by the review when none were asked. Chosen from
/// the topics interviewers expect (the team, the first months, how success is measured, next
/// steps), worded with the role and company, so the same scenario always gets the same three.
public enum CandidateQuestionSuggestions {
    /// How many questions are suggested.
    public static let count = 3

    /// The suggestions for a role at a company; a same-person (final) interview asks about the
    /// first weeks and the decision rather than the process.
    public static func suggestions(roleTitle: String, company: String, kind: InterviewKind) -> [String] {
        let role = roleTitle.isEmpty ? "this role" : "a new \(roleTitle)"
        let at = company.isEmpty ? "here" : "at \(company)"
        var topics = [
            "What does the team look like day to day, and who would I work with most closely?",
            "What would you expect \(role) to have done in the first three months?",
            "How is success measured for \(role) \(at), and how would I know I was doing well?",
            "What are the next steps after today, and when should I expect to hear?",
        ]
        if kind == .samePerson {
            topics[1] =
                "What would you want to see from \(role) in the first few weeks that would tell you the hire was right?"
            topics[3] = "Is there anything from our conversations that gives you doubts I could answer now?"
        }
        return Array(topics.prefix(count))
    }
}
