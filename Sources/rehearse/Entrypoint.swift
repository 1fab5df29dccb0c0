import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse`: practise interviews at the terminal.
@main
struct Rehearse: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Practise job interviews at the terminal: a scripted panel asks, you answer, every answer is timed and saved.",
        discussion: """
            With no command, rehearse opens its shell, where `start` begins an interview. \
            Transcripts and histories live in $REHEARSE_HOME (else $XDG_DATA_HOME/rehearse, else \
            ~/.local/share/rehearse); your own scenarios go in $XDG_CONFIG_HOME/rehearse/scenarios.
            """,
        version: version,
        subcommands: [ShellCommand.self, PracticeCommand.self, ScenariosCommand.self, RolesCommand.self, TranscriptsCommand.self,
                      ReplayCommand.self, ReviewCommand.self],
        defaultSubcommand: ShellCommand.self
    )

    /// Runs the command, mapping usage errors to exit code 2 and never printing a stack trace.
    static func main() {
        setlocale(LC_CTYPE, "")
        // A closed pipe must not kill a session before its transcript is finished: writes just fail.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // --help and --version: our own text, on standard output.
            if code == .success { exit(withError: error) }
            // Every error message goes through StandardStreams.error, which shows the arguments,
            // file names and transcript fields it quotes inert.
            let message = fullMessage(for: error)
            if !message.isEmpty { StandardStreams.error(message + "\n") }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// An error the user can fix; ArgumentParser prints it as `Error: <description>` and exits 1.
struct UserError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
