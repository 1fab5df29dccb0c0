/// What a front end read at a prompt.
public enum ConsoleInput: Equatable, Sendable {
    /// A submitted line, how it was typed, and when the time-limit notice was shown while it was
    /// typed (monotonic ns), if it was.
    case line(String, TypingRecord, noticeShownAt: UInt64?)
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// Ctrl-C on an empty line.
    case interrupt
    /// SIGTERM or SIGHUP; the text names the signal.
    case terminated(String)
}

/// The person's answer when asked whether Ctrl-C should end the session.
public enum EndDecision: Equatable, Sendable {
    /// End it: "y", a second Ctrl-C, or no terminal to ask on.
    case end
    /// Carry on with the session.
    case carryOn
    /// SIGTERM or SIGHUP arrived while asking; the text names the signal.
    case terminated(String)

    /// The decision for a typed reply: anything starting with y or Y ends, the rest carries on.
    public init(reply: String) {
        self = reply.trimmingBlanks().lowercased().hasPrefix("y") ? .end : .carryOn
    }
}

/// How a session driven to its end finished; the CLI turns it into an exit status.
public enum SessionEnding: Equatable, Sendable {
    case completed
    /// /quit, Ctrl-D or the end of piped input.
    case quit
    /// The person ended it with Ctrl-C (confirmed, or pressed twice).
    case endedWithCtrlC
    /// SIGTERM or SIGHUP; the text names the signal.
    case terminated(String)
}

/// The front end a session runs through: the terminal in the app, a script in tests.
public protocol SessionConsole: AnyObject {
    func show(_ output: SessionOutput)
    func read(_ request: PromptRequest) -> ConsoleInput
    /// Asked after Ctrl-C on an empty line.
    func confirmEnd() -> EndDecision
}

/// Runs a session to its end through a console.
public enum SessionDriver {
    /// The reason written in the transcript's end line when Ctrl-C ends a session.
    public static let ctrlCReason = "ended with Ctrl-C"

    /// Returns how the session ended.
    @discardableResult
    public static func run(_ session: InterviewSession, console: SessionConsole) throws -> SessionEnding {
        for output in try session.start() { console.show(output) }
        var ending: SessionEnding?
        while let request = session.prompt {
            let outputs: [SessionOutput]
            switch console.read(request) {
            case .line(let text, let typing, let noticeShownAt):
                outputs = session.submit(text, typing: typing, noticeShownAt: noticeShownAt)
            case .endOfInput:
                outputs = session.endOfInput()
            case .terminated(let reason):
                ending = .terminated(reason)
                outputs = session.interrupt(reason: reason)
            case .interrupt:
                switch console.confirmEnd() {
                case .end:
                    ending = .endedWithCtrlC
                    outputs = session.interrupt(reason: ctrlCReason)
                case .terminated(let reason):
                    ending = .terminated(reason)
                    outputs = session.interrupt(reason: reason)
                case .carryOn:
                    outputs = [.info("Carrying on.")]
                }
            }
            outputs.forEach(console.show)
        }
        // Only the driver interrupts a session (and sets `ending`); on its own a session completes or quits.
        return ending ?? (session.status == .completed ? .completed : .quit)
    }
}
