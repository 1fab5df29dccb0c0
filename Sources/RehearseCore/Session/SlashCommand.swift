/// A command typed at a session prompt. Every prompt (an answer, a paused session, the
/// candidate's questions) parses lines here; each decides which commands it accepts.
public enum SlashCommand: Equatable, Sendable {
    case help
    case `repeat`
    case skip
    case hint
    case time
    case pause
    case resume
    /// `/note TEXT`; the text is empty when none was given.
    case note(String)
    case redo
    case quit
    case done
    /// A word after `/` that is no command (lowercased), for "did you mean".
    case unknown(String)

    /// The commands' names, as typed after `/`.
    public static let names = [
        "help", "repeat", "skip", "hint", "time", "pause", "resume", "note", "redo", "quit", "done",
    ]

    /// Parses a submitted line; nil when it is not a command: it does not start with `/` (spaces
    /// aside), or starts with `//`, which begins an answer with a slash. Names are case-insensitive.
    public static func parse(_ line: String) -> SlashCommand? {
        let trimmed = line.trimmingBlanks()
        guard trimmed.hasPrefix("/"), !trimmed.hasPrefix("//") else { return nil }
        let parts = trimmed.dropFirst().split(maxSplits: 1, whereSeparator: \.isWhitespace)
        let name = parts.first.map { $0.lowercased() } ?? ""
        let argument = parts.count > 1 ? String(parts[1]).trimmingBlanks() : ""
        switch name {
        case "help": return .help
        case "repeat": return .repeat
        case "skip": return .skip
        case "hint": return .hint
        case "time": return .time
        case "pause": return .pause
        case "resume": return .resume
        case "note": return .note(argument)
        case "redo": return .redo
        case "quit": return .quit
        case "done": return .done
        default: return .unknown(name)
        }
    }

    /// A line that starts with `//` (spaces aside) as the answer it stands for: one slash fewer.
    public static func unescaped(_ line: String) -> String {
        let text = line.drop { $0 == " " || $0 == "\t" }
        return text.hasPrefix("//") ? String(text.dropFirst()) : line
    }

    /// The name written in the transcript's `command` events.
    public var name: String {
        switch self {
        case .help: "help"
        case .repeat: "repeat"
        case .skip: "skip"
        case .hint: "hint"
        case .time: "time"
        case .pause: "pause"
        case .resume: "resume"
        case .note: "note"
        case .redo: "redo"
        case .quit: "quit"
        case .done: "done"
        case .unknown(let name): name
        }
    }
}
