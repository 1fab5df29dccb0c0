/// The labels of the answer prompt, one wording for the live session and its replay.
public enum PromptLabel {
    /// `[3/8 Priya] › `: the question's number, the count planned, and who asks.
    public static func question(number: Int, of total: Int, askedBy name: String) -> String {
        "[\(number)/\(total) \(TerminalSafeText.inert(firstName(name), keepNewlines: false))] › "
    }

    /// `[your question for Priya] › `, when the candidate asks the panel.
    public static func candidateQuestion(for name: String) -> String {
        "[your question for \(TerminalSafeText.inert(firstName(name), keepNewlines: false))] › "
    }

    /// While the clock is stopped with /pause.
    public static let paused = "[paused] › "
    /// The second and later lines of an answer (a line ended with `\`).
    public static let continuation = "… › "
    /// A prompt with nothing more specific to say.
    public static let plain = "› "

    /// The first word of a name: "Priya" for "Priya Raman". The labels above make it inert.
    public static func firstName(_ name: String) -> String {
        String(name.split(separator: " ").first ?? Substring(name))
    }
}
