import Foundation
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
        output.line(output.dim("\(session.plannedQuestions) questions · seed \(seed) · /help for commands · Ctrl-D ends"))
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
                output.line(output.dim("   (\(Self.duration(prompt.limitSeconds)) · /hint · /skip)"))
            }
        case .info(let text):
            output.wrapped(TerminalSafeText.inert(text), style: output.dim)
        case .warning(let text):
            StandardStreams.error("warning: \(TerminalSafeText.inert(text))\n")
        case .summary(let summary):
            SummaryView(summary: summary, output: output).render()
        }
    }

    static func duration(_ seconds: Int) -> String {
        seconds % 60 == 0 ? "\(seconds / 60) min" : seconds >= 60 ? "\(seconds / 60) min \(seconds % 60) s" : "\(seconds) s"
    }

    func read(_ request: PromptRequest) -> ConsoleInput {
        let notice = request.deadline.map { Notice(deadline: $0, text: output.dim(request.deadlineNotice ?? "Time is up.")) }
        let result = editor.readLine(prompt: output.prompt(request.label), history: answerHistory, completion: nil, notice: notice)
        switch result {
        case .line(let text, let log):
            let submitted = clock.now()
            // Piped input is not echoed by a terminal: show it after the prompt so the output reads as a dialogue.
            if !editor.isInteractive { output.line(TerminalSafeText.inert(text, keepNewlines: false)) }
            if !text.trimmingCharacters(in: .whitespaces).isEmpty { answerHistory.add(text) }
            let keys = log.keystrokes.map { key in
                TypingRecord.Key(time: key.time, position: key.change?.position ?? 0, deleted: key.change?.deleted ?? 0, inserted: key.change?.inserted ?? "")
            }
            let noticeShown = editor.isInteractive && (request.deadline.map { $0 <= submitted } ?? false) ? request.deadlineNotice : nil
            return .line(text, TypingRecord(keys: keys, submittedAt: submitted), noticeShown: noticeShown)
        case .endOfInput:
            if editor.isInteractive { output.line("") }
            return .endOfInput
        case .interruptOnEmptyLine:
            return .interrupt
        case .terminated(let signal):
            return .terminated(Self.signalName(signal))
        }
    }

    func confirmEnd() -> ConsoleInput? {
        guard editor.isInteractive else { return .interrupt }
        switch editor.readLine(prompt: "End the session? Everything so far is saved. [y/N] ", history: nil, completion: nil, notice: nil) {
        case .line(let text, let log): return .line(text, TypingRecord(keys: [], submittedAt: log.firstKeyTime ?? 0), noticeShown: nil)
        case .endOfInput, .interruptOnEmptyLine: return .interrupt
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
