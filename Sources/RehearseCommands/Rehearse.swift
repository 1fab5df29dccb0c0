import ArgumentParser
import RehearseCore

/// `rehearse`: practise interviews at the terminal. The executable's entry point calls `main()`.
public struct Rehearse: ParsableCommand {
    public static let version = "0.1.0"

    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract:
            "Practise job interviews at the terminal: a scripted panel asks, you answer, every answer is timed and saved.",
        discussion: """
            With no command, rehearse opens its shell, where `start` begins an interview. \
            Transcripts and histories live in $REHEARSE_HOME (else $XDG_DATA_HOME/rehearse, else \
            ~/.local/share/rehearse); your own scenarios go in $XDG_CONFIG_HOME/rehearse/scenarios.
            """,
        version: version,
        subcommands: [
            ShellCommand.self, PracticeCommand.self, ScenariosCommand.self, RolesCommand.self, TranscriptsCommand.self,
            ReplayCommand.self, ReviewCommand.self, DebriefCommand.self, PrepCommand.self, FollowupCommand.self,
            CompareCommand.self, ProgressCommand.self, DrillCommand.self,
        ],
        defaultSubcommand: ShellCommand.self
    )

    /// Runs the command, mapping usage errors to exit code 2 and never printing a stack trace.
    public static func main() {
        setlocale(LC_CTYPE, "")
        // A closed pipe must not kill a session before its transcript is finished: writes just fail.
        signal(SIGPIPE, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let unknown = unknownCommand(in: arguments) {
            StandardStreams.error(unknown + "\n")
            exitProcess(2)
        }
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            fail(with: error)
        }
        do {
            try command.run()
        } catch let error as ValidationError {
            // A usage error found once the command knew more (e.g. a role missing from the catalog).
            StandardStreams.error("Error: \(error.message)\n")
            exitProcess(2)
        } catch {
            fail(with: error)
        }
    }

    /// Ends with the error's message and exit code (2 for usage errors). Every message goes
    /// through `StandardStreams.error`, which shows the arguments, file names and transcript
    /// fields it quotes inert; --help and --version are our own text, on standard output.
    static func fail(with error: Error) -> Never {
        let code = exitCode(for: error)
        if code == .success { exit(withError: error) }
        let message = fullMessage(for: error)
        if !message.isEmpty { StandardStreams.error(message + "\n") }
        exitProcess(code == .validationFailure ? 2 : code.rawValue)
    }

    /// The usage error for a first word that is no command, e.g. `rehearse frobnicate`.
    /// Without this check the words would go to the default command (the shell), whose usage
    /// text says nothing about the commands that exist.
    static func unknownCommand(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        if names.contains(first) { return nil }
        let suggestion = closestMatch(to: first, in: names).map { " Did you mean '\($0)'?" } ?? ""
        return """
            Error: Unknown command '\(TerminalSafeText.inert(first, keepNewlines: false))'.\(suggestion)
            Usage: \(usageString(for: Rehearse.self))
              See 'rehearse --help' for the commands.
            """
    }
}

/// An error the user can fix; ArgumentParser prints it as `Error: <description>` and exits 1.
/// (Usage errors, which exit 2, are ArgumentParser's `ValidationError`.)
struct UserError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
