/// Short lines an interviewer says after an answer, in the voice of their style.
enum Acknowledgement {
    static func lines(for style: InterviewerStyle) -> [String] {
        switch style {
        case .warm: ["Thank you, that's helpful.", "I appreciate you walking me through that.", "That gives me a good picture, thanks."]
        case .direct: ["Okay.", "Got it. Next one.", "Understood."]
        case .skeptical: ["Hm. Noted.", "All right. Let's keep going.", "Okay, I'll hold on to that."]
        case .analytical: ["Noted, thanks for the detail.", "Okay, that's useful.", "Right. That helps me place it."]
        case .formal: ["Thank you.", "Very well, thank you.", "Thank you for your answer."]
        }
    }
}
