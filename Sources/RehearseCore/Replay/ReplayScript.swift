/// One piece of replay output and when it happened in the session.
public struct ReplayFrame: Equatable, Sendable {
    /// Milliseconds since the session started, as recorded.
    public var time: Int
    /// What to write: transcript text made inert, plus the app's own styling and cursor moves.
    public var text: String
    /// Whether a new turn (a stage, a question after an answer, a question to the panel) starts
    /// here; `--step` waits before such frames.
    public var startsTurn: Bool

    public init(time: Int, text: String, startsTurn: Bool = false) {
        self.time = time
        self.text = text
        self.startsTurn = startsTurn
    }
}

/// How a replay is drawn.
public struct ReplayOptions: Sendable {
    /// Columns: speech is wrapped to it, and typed lines are redrawn knowing where the terminal wraps them.
    public var width: Int
    public var style: TextStyle
    /// Type each answer keystroke by keystroke, corrections included (needs a terminal, or an
    /// asciicast player); otherwise each answer appears whole when it was submitted.
    public var animatesTyping: Bool
    /// Hints as they were shown, by question id, for transcripts whose `hint` commands predate
    /// recording the text (see `RecordedHints`).
    public var hints: [String: String]

    public init(width: Int, style: TextStyle = .plain, animatesTyping: Bool, hints: [String: String] = [:]) {
        self.width = max(20, width)
        self.style = style
        self.animatesTyping = animatesTyping
        self.hints = hints
    }

    /// Line ending: CR LF when drawing for a terminal player, LF for plain text.
    var lineEnding: String { animatesTyping ? "\r\n" : "\n" }
}

/// Turns a transcript into replay frames: interviewer lines, each answer typed at its recorded
/// pace (or shown whole), commands, notices and the timing of each answer. No I/O: the CLI's
/// player and the asciicast exporter write the frames.
public struct ReplayScript {
    public let transcript: Transcript
    public let options: ReplayOptions

    /// A script for one transcript, drawn with `options`.
    public init(transcript: Transcript, options: ReplayOptions) {
        self.transcript = transcript
        self.options = options
    }

    /// Something to draw at a time; answers become keystrokes and a submit when animating.
    enum Action {
        case event(TranscriptEvent)
        case key(TypingStep)
        case submit(TranscriptEvent.Answer)
    }

    struct TimedAction {
        var time: Int
        var order: Int
        var action: Action
    }

    /// The frames, in the order and at the times they happened.
    public func frames() -> [ReplayFrame] {
        var drawing = Drawing(header: transcript.header, options: options)
        var frames = [ReplayFrame(time: 0, text: drawing.title())]
        for item in timedActions() {
            let text = drawing.draw(item.action)
            if !text.isEmpty {
                frames.append(ReplayFrame(time: item.time, text: text, startsTurn: drawing.takeTurnStart()))
            }
        }
        let last = frames.last?.time ?? 0
        frames.append(ReplayFrame(time: last, text: drawing.finish(ended: transcript.end != nil)))
        return frames.filter { !$0.text.isEmpty }
    }

    /// Events in time order, answers expanded into keystrokes when animating.
    func timedActions() -> [TimedAction] {
        var actions: [TimedAction] = []
        var askTimes: [String: Int] = [:]
        for (order, event) in transcript.events.enumerated() {
            switch event {
            case .ask(let ask):
                askTimes[ask.question] = SaneRange.milliseconds(ask.t)
                actions.append(TimedAction(time: SaneRange.milliseconds(ask.t), order: order, action: .event(event)))
            case .answer(let answer):
                if options.animatesTyping {
                    let total = answer.typing.reduce(0) {
                        SaneRange.milliseconds($0 + SaneRange.milliseconds($1.delayMilliseconds))
                    }
                    let earliest = askTimes[answer.question] ?? 0
                    let end = SaneRange.milliseconds(answer.t)
                    var time = max(earliest, end - total)
                    for step in answer.typing {
                        time = min(end, time + SaneRange.milliseconds(step.delayMilliseconds))
                        if step.changesLine {
                            actions.append(TimedAction(time: time, order: order, action: .key(step)))
                        }
                    }
                }
                actions.append(
                    TimedAction(time: SaneRange.milliseconds(answer.t), order: order, action: .submit(answer)))
            default:
                actions.append(
                    TimedAction(time: SaneRange.milliseconds(event.time), order: order, action: .event(event)))
            }
        }
        // Stable: keystrokes interleave with notices written while the answer was typed.
        return actions.enumerated().sorted { left, right in
            left.element.time != right.element.time
                ? left.element.time < right.element.time
                : left.element.order != right.element.order
                    ? left.element.order < right.element.order : left.offset < right.offset
        }.map(\.element)
    }
}

/// The replay's drawing state: what is on the current line, and which prompt is open.
struct Drawing {
    let header: TranscriptHeader
    let options: ReplayOptions
    var style: TextStyle { options.style }
    var eol: String { options.lineEnding }

    /// The label of the prompt now open (an answer is being given), if any.
    var promptLabel: String?
    /// The label of the question's prompt, to reopen after a command such as /hint.
    var questionLabel: String?
    /// Whether the prompt label is on the screen (animated replays only).
    var promptShown = false
    /// The answer typed so far, and where its current line starts.
    var buffer: [Character] = []
    var lineStart = 0
    /// The current line as drawn, label included, to know how many rows it takes.
    var drawnLine = ""
    /// Whether the current line was redrawn (a correction), so it is drawn whole once more at its end.
    var lineRedrawn = false
    var lastAsk: TranscriptEvent.Ask?
    var stageInterviewer: String?
    var pendingTurn = false
    var turnStarts = false

    init(header: TranscriptHeader, options: ReplayOptions) {
        self.header = header
        self.options = options
    }

    mutating func takeTurnStart() -> Bool {
        defer { turnStarts = false }
        return turnStarts
    }

    /// Marks that a turn starts at this frame when one is due.
    mutating func startTurnIfDue() {
        if pendingTurn {
            turnStarts = true
            pendingTurn = false
        }
    }

    func interviewer(_ id: String) -> Interviewer? { header.interviewers.first { $0.id == id } }
    /// The name of the interviewer with `id`, or the id when the header does not list them.
    func speakerName(_ id: String) -> String { interviewer(id)?.name ?? id }

    func title() -> String {
        let when = DateText.minutesUTC(header.started)
        let lines =
            TextLayout(width: options.width).paragraph(header.scenario.title).map(style.bold)
            + TextLayout(width: options.width).paragraph(
                "Replay of \(header.session) · \(header.roleTitle) · \(header.kind.rawValue) interview · \(when)"
            ).map(style.dim)
        return lines.map { $0 + eol }.joined()
    }

    /// `Name (Title): text`, wrapped with a hanging indent, the name styled.
    func speech(_ speakerID: String, _ text: String) -> String {
        let person = interviewer(speakerID)
        return TextLayout(width: options.width).speech(
            name: person?.name ?? speakerID, title: person?.title, text: text, style: style
        )
        .map { $0 + eol }.joined()
    }

    func info(_ text: String) -> String {
        TextLayout(width: options.width).paragraph(text).map { style.dim($0) + eol }.joined()
    }

    // MARK: Prompt

    /// Closes the prompt line on screen before other output.
    mutating func leavePrompt() -> String {
        guard promptShown else { return "" }
        promptShown = false
        return eol
    }

    /// Puts the prompt label on screen (animated replays).
    mutating func showPrompt() -> String {
        guard options.animatesTyping, let label = promptLabel else { return "" }
        promptShown = true
        buffer = []
        lineStart = 0
        drawnLine = label
        lineRedrawn = false
        return label
    }

    /// A line typed at the prompt all at once (a command, a question to the panel).
    mutating func typedLine(_ text: String, label fallback: String) -> String {
        let label = promptLabel ?? fallback
        let safe = TerminalSafeText.inert(text, keepNewlines: false)
        if promptShown {
            promptShown = false
            return safe + eol
        }
        return label + safe + eol
    }

    var currentLine: String { String(buffer[min(lineStart, buffer.count)...]) }

    /// Moves to the start of the current line (it may span several rows) and draws it again.
    mutating func redrawCurrentLine(label: String) -> String {
        let columns = options.width
        let rowsUp = DisplayWidth.lastRow(of: drawnLine, columns: columns)
        let safe = TerminalSafeText.inert(currentLine, keepNewlines: false)
        drawnLine = label + safe
        return (rowsUp > 0 ? "\u{1B}[\(rowsUp)A" : "") + "\r\u{1B}[J" + label + safe
    }

    var continuationLabel: String { PromptLabel.continuation }
    var currentLineLabel: String { lineStart == 0 ? (promptLabel ?? "") : continuationLabel }

    // MARK: Actions

    mutating func draw(_ action: ReplayScript.Action) -> String {
        switch action {
        case .event(let event): return drawEvent(event)
        case .key(let step): return drawKey(step)
        case .submit(let answer): return drawSubmit(answer)
        }
    }

    mutating func drawKey(_ step: TypingStep) -> String {
        var output = ""
        if !promptShown {
            if promptLabel == nil { promptLabel = questionLabel ?? PromptLabel.plain }
            output += showPrompt()
        }
        let position = min(max(0, step.position), buffer.count)
        let deleted = min(max(0, step.deleted), buffer.count - position)
        if step.inserted == "\n" {
            if lineRedrawn { output += redrawCurrentLine(label: currentLineLabel) }
            buffer.replaceSubrange(position..<(position + deleted), with: ["\n"])
            lineStart = position + 1
            lineRedrawn = false
            drawnLine = continuationLabel + TerminalSafeText.inert(currentLine, keepNewlines: false)
            return output + eol + continuationLabel + TerminalSafeText.inert(currentLine, keepNewlines: false)
        }
        let inserted = Array(step.inserted)
        if deleted == 0 && position == buffer.count && !inserted.contains("\n") {
            buffer.append(contentsOf: inserted)
            let safe = TerminalSafeText.inert(step.inserted, keepNewlines: false)
            drawnLine += safe
            return output + safe
        }
        buffer.replaceSubrange(position..<(position + deleted), with: inserted)
        if let newline = buffer.lastIndex(of: "\n") { lineStart = max(lineStart, min(newline + 1, buffer.count)) }
        lineStart = min(lineStart, buffer.count)
        lineRedrawn = true
        return output + redrawCurrentLine(label: currentLineLabel)
    }

    mutating func drawSubmit(_ answer: TranscriptEvent.Answer) -> String {
        var output = ""
        let label = promptLabel ?? questionLabel ?? PromptLabel.plain
        if options.animatesTyping {
            if !promptShown { output += showPrompt() }
            let typed = String(buffer).trimmingWhitespace()
            let lastLine = String(answer.text.split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
            if typed != answer.text.trimmingWhitespace() {
                // The keystrokes did not rebuild the text (an old or damaged record): show the text as saved.
                buffer = Array(buffer[..<min(lineStart, buffer.count)]) + Array(lastLine)
                output += redrawCurrentLine(label: currentLineLabel)
            } else if lineRedrawn {
                output += redrawCurrentLine(label: currentLineLabel)
            }
            output += eol
            promptShown = false
        } else {
            for (index, line) in answer.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                output +=
                    (index == 0 ? label : continuationLabel) + TerminalSafeText.inert(String(line), keepNewlines: false)
                    + eol
            }
        }
        output += timingLine(answer.timing)
        promptLabel = nil
        buffer = []
        lineStart = 0
        pendingTurn = true
        return output
    }

    func timingLine(_ timing: AnswerTiming) -> String {
        var parts = [
            "think \(DurationText.milliseconds(timing.thinkMilliseconds))",
            "answer \(DurationText.milliseconds(timing.answerMilliseconds))",
        ]
        if timing.corrections > 0 {
            parts.append("\(timing.corrections) correction\(timing.corrections == 1 ? "" : "s")")
        }
        if timing.longestPauseMilliseconds >= 5000 {
            parts.append("longest pause \(DurationText.milliseconds(timing.longestPauseMilliseconds))")
        }
        if timing.pausedMilliseconds > 0 {
            parts.append("paused \(DurationText.milliseconds(timing.pausedMilliseconds))")
        }
        parts.append("\(DurationText.seconds(timing.limitSeconds)) limit")
        if timing.isOverLimit { parts.append("past the limit") }
        return TextLayout(width: options.width).paragraph(parts.joined(separator: " · "), lead: "   ", indent: "   ")
            .map { (timing.isOverLimit ? style.alert($0) : style.dim($0)) + eol }.joined()
    }

    mutating func drawEvent(_ event: TranscriptEvent) -> String {
        switch event {
        case .stage(let stage):
            startTurnIfDue()
            stageInterviewer = stage.interviewer
            var output = leavePrompt() + eol
            if let title = stage.title {
                output += style.dim(TextLayout(width: options.width).truncated("── \(title) ──")) + eol
            }
            return output
        case .say(let say):
            return leavePrompt() + speech(say.speaker, say.text)
        case .ask(let ask):
            startTurnIfDue()
            lastAsk = ask
            var output = leavePrompt() + eol + speech(ask.speaker, ask.text)
            if ask.probe == nil {
                output += style.dim("   (\(DurationText.seconds(ask.limitSeconds)))") + eol
            }
            questionLabel = PromptLabel.question(number: ask.number, of: ask.total, askedBy: speakerName(ask.speaker))
            promptLabel = questionLabel
            return output + showPrompt()
        case .command(let command):
            return drawCommand(command)
        case .note(let note):
            var output = typedLine("/note " + note.text, label: questionLabel ?? PromptLabel.plain)
            output += info("Noted.")
            return output + reopenPrompt()
        case .notice(let notice):
            if promptShown {
                let label = currentLineLabel
                let output =
                    eol + style.dim(TextLayout(width: options.width).paragraph(notice.text).joined(separator: eol))
                    + eol
                drawnLine = ""
                return output + redrawCurrentLine(label: label)
            }
            return info(notice.text)
        case .candidateQuestion(let question):
            startTurnIfDue()
            pendingTurn = true
            let label = PromptLabel.candidateQuestion(for: speakerName(stageInterviewer ?? question.speaker))
            var output = leavePrompt() + label + TerminalSafeText.inert(question.text, keepNewlines: false) + eol
            output += speech(question.speaker, question.reply)
            return output
        case .answer(let answer):
            return drawSubmit(answer)
        case .end(let end):
            var text = "── Session \(end.status.rawValue)"
            if let reason = end.reason, reason != end.status.rawValue { text += " (\(reason))" }
            text += " · answered \(end.answered) of \(end.asked) ──"
            return leavePrompt() + eol + style.dim(TextLayout(width: options.width).truncated(text)) + eol
        }
    }

    mutating func reopenPrompt() -> String {
        guard questionLabel != nil, promptLabel != nil else { return "" }
        return showPrompt()
    }

    mutating func drawCommand(_ command: TranscriptEvent.Command) -> String {
        let name = command.name
        if name == "done" && command.question == nil {
            let label = PromptLabel.candidateQuestion(for: speakerName(stageInterviewer ?? ""))
            return leavePrompt() + label + "/done" + eol
        }
        var output = typedLine("/" + name, label: promptLabel ?? questionLabel ?? PromptLabel.plain)
        pendingTurn = pendingTurn || name == "skip"
        switch name {
        case "skip":
            output += info("Skipped.")
            promptLabel = nil
        case "hint":
            let recorded = command.text ?? command.question.flatMap { options.hints[$0] }
            output += info(recorded ?? "(hint shown; its text is not in this transcript)")
        case "repeat":
            if let ask = lastAsk { output += speech(ask.speaker, ask.text) }
        case "pause":
            output += info("Paused. The clock is stopped.")
            promptLabel = PromptLabel.paused
        case "resume":
            if let ask = lastAsk { output += eol + speech(ask.speaker, ask.text) }
            promptLabel = questionLabel
        case "redo":
            output += info("Answering the previous question again.")
            promptLabel = nil
        case "quit", "done":
            promptLabel = nil
        default:
            break
        }
        if promptLabel != nil { output += showPrompt() }
        return output
    }

    /// The last words: a note when the transcript stops without an end line.
    mutating func finish(ended: Bool) -> String {
        let output = leavePrompt()
        if ended { return output }
        return output + eol
            + style.alert(
                TextLayout(width: options.width).truncated("── The transcript stops here: the session was cut off ──"))
            + eol
    }
}
