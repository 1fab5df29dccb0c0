import ArgumentParser
import RehearseCore

/// `rehearse replay`: the interview as it happened, or exported.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play back a saved interview as it happened, or export it.",
        discussion: """
            Interviewer lines appear as they were said and each answer is typed at its recorded pace, \
            corrections included, followed by its timing. Long pauses are shortened to --idle-limit seconds. \
            Press any key or Ctrl-C to stop. With --step, Enter shows the next turn. Text from the \
            transcript is shown inert: control characters and escape sequences appear as ^[ or \\u{9b} \
            instead of acting on your terminal.

            Exports: --export markdown, html (one self-contained page with a chart of think and answer time \
            per question) or asciicast (version 2, for `asciinema play`; uses --speed, --idle-limit and \
            --width). Without -o the export goes to standard output.
            """
    )

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case markdown, html, asciicast }

    @Argument(help: TranscriptReference.help)
    var transcript: String = "last"

    // `.unconditional` so that `--speed -1` reaches `validate()` instead of reading as an option.
    @Option(parsing: .unconditional, help: ArgumentHelp("Play N times as fast, e.g. 2 or 0.5.", valueName: "N"))
    var speed: Double = 1

    @Flag(help: "Show the whole interview at once.")
    var instant = false

    @Flag(help: "Wait for Enter before each turn.")
    var step = false

    @Option(
        name: .customLong("idle-limit"), parsing: .unconditional,
        help: ArgumentHelp(
            "Shorten pauses longer than this many seconds to it; 0 keeps every pause as recorded.", valueName: "SECONDS"
        ))
    var idleLimit: Double = ReplayPacing.defaultIdleLimitSeconds

    @Option(
        help: ArgumentHelp(
            "Write the transcript as markdown, html or asciicast instead of playing it.", valueName: "FORMAT"))
    var export: ExportFormat?

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Write the export to FILE.", valueName: "FILE"))
    var output: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Columns to wrap to. Default: the terminal's width (80 for asciicast).", valueName: "N"))
    var width: Int?

    func validate() throws {
        guard speed > 0, speed.isFinite else {
            throw ValidationError(
                "--speed \(NumberText.compact(speed)): the speed must be a positive number, e.g. 2 for twice as fast or 0.5 for half"
            )
        }
        guard idleLimit >= 0, idleLimit.isFinite else {
            throw ValidationError(
                "--idle-limit \(NumberText.compact(idleLimit)): use 0 or more seconds (0 keeps every pause)")
        }
        try TextWidthOption.validate(width)
        if output != nil && export == nil { throw ValidationError("-o needs --export markdown, html or asciicast") }
    }

    func run() throws {
        switch try perform() {
        case .interrupted(let signal): exitProcess(128 + signal)
        case .finished, .stopped: break
        }
    }

    /// Plays or exports; the shell calls this so a stopped replay returns to its prompt.
    func perform() throws -> TerminalReplayPlayer.Outcome {
        // Only the asciicast and an animated replay show the typing; leaving it out saves most of the memory.
        let transcript = try TranscriptReference.load(
            self.transcript, keepsTyping: export == .asciicast || (export == nil && isatty(1) == 1 && !instant))
        let pacing = ReplayPacing(speed: speed, idleLimitMilliseconds: idleLimit == 0 ? nil : Int(idleLimit * 1000))
        if let export {
            let text: String
            switch export {
            case .markdown: text = TranscriptMarkdownExporter.render(transcript)
            case .html: text = TranscriptHTMLExporter.render(transcript)
            case .asciicast:
                let colour = AppContext.environment["NO_COLOR"].map(\.isEmpty) ?? true
                text = AsciicastExporter.render(
                    transcript: transcript, width: width ?? 80, pacing: pacing, style: TextStyle(colour: colour),
                    hints: RecordedHints.fromScenario(of: transcript))
            }
            try OutputTarget.write(text, to: output)
            return .finished
        }
        let style = TextStyle(colour: AppContext.usesColour(fileDescriptor: 1))
        let hints = RecordedHints.fromScenario(of: transcript)
        let animates = isatty(1) == 1 && !instant
        let layout = { (columns: Int) -> TerminalReplayPlayer.Layout in
            let options = ReplayOptions(width: columns, style: style, animatesTyping: animates, hints: hints)
            let frames = ReplayScript(transcript: transcript, options: options).frames()
            return (frames, instant ? Array(repeating: 0.0, count: frames.count) : pacing.delays(for: frames))
        }
        let (frames, delays) = layout(OutputTarget.width(width))
        // With --width the layout stays; otherwise it follows the window.
        return TerminalReplayPlayer(
            frames: frames, delays: delays, waitsBetweenTurns: step, style: style,
            relayout: width == nil && isatty(1) == 1 ? layout : nil
        ).play()
    }
}
