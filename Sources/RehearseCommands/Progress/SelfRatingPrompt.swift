import LineEditor
import RehearseCore

/// The end of a session: "How did that go, 1–5?" on a terminal, and the line saying what is due to drill next.
enum SelfRatingPrompt {
    static let question = "How did that go, 1–5? (Enter skips) "

    /// The rating: `--self-rating` when given; else asked on a terminal (not after Ctrl-D ended the
    /// session, and never with piped input). Anything but 1–5 or Enter asks again, up to three times.
    static func ask(terminal: TerminalConsole, status: TranscriptEvent.End.Status, given: Int?) -> Int? {
        if let given { return given }
        guard terminal.editor.isInteractive, status == .completed else { return nil }
        terminal.output.line("")
        for _ in 0..<3 {
            guard
                case .line(let text, _) = terminal.editor.readLine(
                    prompt: question, history: nil, completion: nil, notice: nil)
            else { return nil }
            if let rating = SelfRating.parse(text) { return rating }
            terminal.output.line(
                terminal.output.dim("Type a number from 1 (badly) to 5 (very well), or press Enter to skip."))
        }
        return nil
    }

    /// One line after the summary: what the drill schedule has due next for the role, if anything.
    static func showNextDue(role: String, folder: DataFolder, output: StyledOutput) {
        let history = PracticeHistory.load(from: folder, role: role)
        let dateText = InterviewDates(folder: folder).date(role: role)
        let schedule = DrillSchedule(
            records: history.records(role: role), now: Date(),
            interviewDate: dateText.flatMap(LocalTime.parse).map { $0.addingTimeInterval(86_399) })
        if let line = DrillListRenderer.nextDue(schedule, role: role) {
            output.line("  " + TerminalSafeText.inert(line, keepNewlines: false))
        }
    }
}
