/// Short lines an interviewer says after an answer, in the voice of their style.
enum Acknowledgement {
    /// The lines to choose from; after the last question, only those that do not promise another.
    static func lines(for style: InterviewerStyle, isLastQuestion: Bool = false) -> [String] {
        let all = allLines(for: style)
        return isLastQuestion ? all.filter { line in !forwardLooking.contains { line.contains($0) } } : all
    }

    /// Words that only make sense when another question follows.
    static let forwardLooking = ["Next one", "keep going"]

    private static func allLines(for style: InterviewerStyle) -> [String] {
        switch style {
        case .warm:
            [
                "Thank you, that's helpful.", "I appreciate you walking me through that.",
                "That gives me a good picture, thanks.",
            ]
        case .direct: ["Okay.", "Got it. Next one.", "Understood."]
        case .skeptical: ["Hm. Noted.", "All right. Let's keep going.", "Okay, I'll hold on to that."]
        case .analytical: ["Noted, thanks for the detail.", "Okay, that's useful.", "Right. That helps me place it."]
        case .formal: ["Thank you.", "Very well, thank you.", "Thank you for your answer."]
        }
    }
}
