import RehearseCore

/// The end-of-session report: what was answered, how long it took, what stood out, and what to do next.
struct SummaryView {
    let summary: SessionSummary
    let output: StyledOutput
    /// Where the transcript ended up, when the session is over and it is known.
    var saveReport: TranscriptSaveReport? = nil

    func render() {
        output.line("")
        let heading: String
        switch summary.status {
        case .completed: heading = "Interview complete."
        case .quit: heading = "Session ended early."
        case .interrupted: heading = "Session interrupted."
        }
        output.line(output.bold(heading))
        output.line(
            "  Answered \(summary.answered) of \(summary.asked) asked"
                + (summary.skipped > 0 ? ", skipped \(summary.skipped)" : "")
                + " · \(DurationText.seconds(summary.totalMilliseconds / 1000))")
        if !summary.slowestStarts.isEmpty, summary.answered > 0 {
            output.line("  Slowest starts:")
            for start in summary.slowestStarts {
                let question = TextLayout(width: max(30, output.width - 16)).firstLine(
                    TerminalSafeText.inert(start.question, keepNewlines: false))
                output.line(
                    "    \(NumberText.rightAligned(NumberText.fixed(Double(start.thinkMilliseconds) / 1000, places: 1), width: 5)) s  \(question)"
                )
            }
        }
        var flags: [String] = []
        if summary.overLimit > 0 {
            flags.append("\(summary.overLimit) answer\(summary.overLimit == 1 ? "" : "s") over the time limit")
        }
        for (rule, count) in summary.probes.sorted(by: { $0.key < $1.key }) {
            flags.append("\(count)× follow-up for \(rule.replacing("_", with: " "))")
        }
        if summary.hasCandidateStage && summary.candidateQuestions == 0 && summary.status == .completed {
            flags.append("you asked the panel no questions")
        }
        if !flags.isEmpty { hanging("  Flags: ", flags.joined(separator: "; ")) }
        if let saveReport, !saveReport.isComplete {
            let count = saveReport.unwrittenEvents
            output.line(
                "  Transcript: \(summary.transcriptPath) "
                    + output.bold("(incomplete: \(count) event\(count == 1 ? "" : "s") not written)"))
            if let copy = saveReport.copyPath { output.line("  Saved in full: \(copy)") }
        } else {
            output.line("  Transcript: \(summary.transcriptPath)")
        }
        output.line("  Replay: rehearse replay \(summary.sessionID)   Review: rehearse review \(summary.sessionID)")
        // Nothing to thank anyone for when the session ended before a single answer.
        if summary.answered > 0 {
            output.line("  Send a thank-you email by \(LocalTime.dayAndTime(summary.thankYouBy)) (within 24 hours).")
            output.line("  Draft it: rehearse followup \(summary.sessionID)")
        }
    }

    /// `lead` then `text`, wrapped to the terminal with the continuation lines indented under the text.
    private func hanging(_ lead: String, _ text: String) {
        let indent = String(repeating: " ", count: DisplayWidth.of(lead))
        for wrapped in output.layout.paragraph(text, lead: lead, indent: indent) { output.line(wrapped) }
    }
}
