import LineEditor
import RehearseCore

/// Shows a session on the terminal and reads answers through the line editor. With piped
/// input the same code runs; the line editor then reads plain lines.
final class TerminalConsole: SessionConsole {
    let editor: LineEditor
    let clock: MonotonicClock
    let answerHistory: History
    let output: StyledOutput

    init(editor: LineEditor, clock: MonotonicClock, answerHistory: History) {
        self.editor = editor
        self.clock = clock
        self.answerHistory = answerHistory
        self.output = StyledOutput(width: editor.terminalWidth)
    }

    func showIntroduction(scenario: Scenario, session: InterviewSession, seed: UInt64) {
        output.line(output.bold(TerminalSafeText.inert(scenario.title, keepNewlines: false)))
        output.line(
            output.dim("\(session.plannedQuestions) questions · seed \(seed) · /help for commands · Ctrl-D ends"))
    }

    func show(_ item: SessionOutput) {
        output.width = editor.terminalWidth
        switch item {
        case .stage(let title, _):
            output.line("")
            if let title { output.line(output.dim("── \(TerminalSafeText.inert(title, keepNewlines: false)) ──")) }
        case .say(let interviewer, let text):
            output.speech(speaker: interviewer, text: text)
        case .question(let prompt):
            output.line("")
            output.speech(speaker: prompt.interviewer, text: prompt.text)
            if !prompt.isProbe {
                output.line(output.dim("   (\(DurationText.seconds(prompt.limitSeconds)) · /hint · /skip)"))
            }
        case .info(let text):
            output.wrapped(TerminalSafeText.inert(text), style: output.dim)
        case .warning(let text):
            StandardStreams.error("warning: \(TerminalSafeText.inert(text))\n")
        case .summary(let summary):
            SummaryView(summary: summary, output: output).render()
        }
    }

    func read(_ request: PromptRequest) -> ConsoleInput {
        let notice = request.deadline.map {
            Notice(deadline: $0, text: output.dim(request.deadlineNotice ?? "Time is up."))
        }
        let readStarted = clock.now()
        let label = TerminalSafeText.inert(request.label, keepNewlines: false)  // it names an interviewer from the scenario
        let result = editor.readLine(
            prompt: output.prompt(label), history: answerHistory, completion: nil, notice: notice)
        switch result {
        case .line(let text, let log):
            let submitted = clock.now()
            // Piped input is not echoed by a terminal: show it after the prompt so the output reads as a dialogue.
            if !editor.isInteractive { output.line(TerminalSafeText.inert(text, keepNewlines: false)) }
            if !text.trimmingBlanks().isEmpty { answerHistory.add(text) }
            let keys = log.keystrokes.map { key in
                TypingRecord.Key(
                    time: key.time, position: key.change?.position ?? 0, deleted: key.change?.deleted ?? 0,
                    inserted: key.change?.inserted ?? "")
            }
            // The editor shows the notice as soon as the deadline passes during the read.
            let noticeShownAt = request.deadline.flatMap {
                editor.isInteractive && $0 <= submitted ? max($0, readStarted) : nil
            }
            return .line(text, TypingRecord(keys: keys, submittedAt: submitted), noticeShownAt: noticeShownAt)
        case .endOfInput:
            if editor.isInteractive { output.line("") }
            return .endOfInput
        case .interruptOnEmptyLine:
            return .interrupt
        case .terminated(let signal):
            return .terminated(Self.signalName(signal))
        }
    }

    func confirmEnd() -> EndDecision {
        guard editor.isInteractive else { return .end }
        switch editor.readLine(
            prompt: "End the session? Everything so far is saved. [y/N] ", history: nil, completion: nil, notice: nil)
        {
        case .line(let text, _): return EndDecision(reply: text)
        case .endOfInput, .interruptOnEmptyLine: return .end
        case .terminated(let signal): return .terminated(Self.signalName(signal))
        }
    }

    /// Saves the answer history; a failure is a warning (the answers themselves are in the transcript).
    func saveHistory() {
        do {
            try answerHistory.save()
        } catch {
            StandardStreams.error("warning: \(TerminalSafeText.inert(String(describing: error)))\n")
        }
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        case SIGINT: "SIGINT"
        default: "signal \(signal)"
        }
    }
}
