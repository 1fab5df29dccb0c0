/// What a front end read at a prompt.
public enum ConsoleInput: Equatable, Sendable {
    /// A submitted line, how it was typed, and the time-limit notice if one was shown while typing.
    case line(String, TypingRecord, noticeShown: String?)
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// Ctrl-C on an empty line.
    case interrupt
    /// SIGTERM or SIGHUP; the text names the signal.
    case terminated(String)
}

/// The front end a session runs through: the terminal in the app, a script in tests.
public protocol SessionConsole: AnyObject {
    func show(_ output: SessionOutput)
    func read(_ request: PromptRequest) -> ConsoleInput
    /// Asked after Ctrl-C on an empty line; true ends the session.
    func confirmEnd() -> ConsoleInput?
}

/// Runs a session to its end through a console.
public enum SessionDriver {
    /// Returns the session's end status.
    @discardableResult
    public static func run(_ session: InterviewSession, console: SessionConsole) throws -> TranscriptEvent.End.Status {
        for output in try session.start() { console.show(output) }
        while let request = session.prompt {
            let outputs: [SessionOutput]
            switch console.read(request) {
            case .line(let text, let typing, let notice):
                if let notice { session.noticeShown(notice).forEach(console.show) }
                outputs = session.submit(text, typing: typing)
            case .endOfInput:
                outputs = session.endOfInput()
            case .terminated(let reason):
                outputs = session.interrupt(reason: reason)
            case .interrupt:
                switch console.confirmEnd() {
                case .line(let answer, _, _)? where answer.lowercased().hasPrefix("y"):
                    outputs = session.interrupt(reason: "ended with Ctrl-C")
                case .terminated(let reason)?:
                    outputs = session.interrupt(reason: reason)
                case .interrupt?:
                    outputs = session.interrupt(reason: "ended with Ctrl-C")
                default:
                    outputs = [.info("Carrying on.")]
                }
            }
            outputs.forEach(console.show)
        }
        return session.status ?? .interrupted
    }
}
