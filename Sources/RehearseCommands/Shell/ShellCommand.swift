import ArgumentParser
import LineEditor
import RehearseCore

/// `rehearse` with no command: a prompt for choosing a role and starting interviews.
struct ShellCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Open the rehearse prompt (the default when no command is given).",
        discussion:
            "Commands: help, roles, role NAME, scenarios, start [KIND|SCENARIO-ID], transcripts, replay ID, review ID, followup ID, compare, progress, drill, quit. Tab completes."
    )

    @Option(help: ArgumentHelp("The role to start with.", valueName: "ROLE")) var role: String?
    @Option(help: ArgumentHelp("Your name, as the interviewers say it.", valueName: "NAME")) var candidate: String?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Seed for choosing questions in sessions started here.", valueName: "N"))
    var seed: UInt64?
    @OptionGroup var sources: ScenarioSourceOptions

    func run() throws {
        let catalog = try sources.catalog()
        let startRole = try ScenarioChoice.resolveRole(role ?? AppContext.defaultRole, catalog: catalog)
        let shell = try Shell(catalog: catalog, role: startRole, candidate: candidate, seed: seed)
        if let signal = shell.run() { exitProcess(128 + signal) }
    }
}

/// The shell's loop: one command per line, with its own history and completion.
final class Shell {
    let catalog: ScenarioCatalog
    var role: String
    let candidate: String?
    let seed: UInt64?
    let editor: LineEditor
    let history: History
    let completion: ShellCompletion

    static let commands = [
        "help", "roles", "role", "scenarios", "start", "transcripts", "replay", "review", "followup", "compare",
        "progress", "drill", "quit",
    ]

    init(catalog: ScenarioCatalog, role: String, candidate: String?, seed: UInt64?) throws {
        editor = try LineEditor()
        self.catalog = catalog
        self.role = role
        self.candidate = candidate
        self.seed = seed
        let folder = AppContext.dataFolder
        if let note = try? folder.prepare() { StandardStreams.error("note: \(note)\n") }
        history = try History(file: folder.historyFolder + "/commands")
        completion = ShellCompletion(catalog: catalog)
    }

    /// Runs until quit or end of input; returns the signal that ended it, if one did.
    func run() -> Int32? {
        if editor.isInteractive {
            print("Rehearse \(Rehearse.version). Type `start` to begin an interview, `help` for commands.")
        }
        defer {
            do { try history.save() } catch { StandardStreams.error("warning: \(error)\n") }
        }
        while true {
            switch editor.readLine(
                prompt: "rehearse [\(role)]› ", history: history, completion: completion, notice: nil)
            {
            case .line(let line, _):
                let trimmed = line.trimmingBlanks()
                if trimmed.isEmpty { continue }
                history.add(trimmed)
                if !execute(trimmed) { return SignalFlags.pendingTermination }
            case .endOfInput:
                if editor.isInteractive { print("") }
                return nil
            case .interruptOnEmptyLine:
                print("(type quit or press Ctrl-D to leave)")
            case .terminated(let signal):
                return signal
            }
        }
    }

    /// Runs one command; false means leave the shell.
    func execute(_ line: String) -> Bool {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        let command = parts[0].lowercased()
        let argument = parts.count > 1 ? parts[1].trimmingBlanks() : nil
        do {
            switch command {
            case "help", "?":
                print(Self.help)
            case "roles":
                print(RoleTable.render(catalog))
            case "role":
                guard let argument else {
                    print("The role is \(role). Change it with `role NAME`; `roles` lists them.")
                    return true
                }
                role = try ScenarioChoice.resolveRole(argument, catalog: catalog)
                let kinds = catalog.roles.first { $0.id == role }?.kinds.map(\.rawValue).joined(separator: ", ") ?? ""
                print("Role set to \(role) (\(kinds)).")
            case "scenarios":
                print(ScenarioTable.render(catalog.entries.filter { $0.scenario.role == role }))
            case "start":
                let scenario: Scenario
                if let argument, InterviewKind(parsing: argument) == nil {
                    scenario = try ScenarioChoice.resolve(catalog: catalog, scenario: argument, role: nil, kind: nil)
                } else {
                    scenario = try ScenarioChoice.resolve(
                        catalog: catalog, scenario: nil, role: role,
                        kind: argument.flatMap(InterviewKind.init(parsing:)))
                }
                let outcome = try PracticeRunner(editor: editor, catalog: catalog).run(
                    scenario: scenario, seed: seed, candidate: candidate, company: nil)
                if case .interrupted(let signal?) = outcome, signal != SIGINT { return false }
            case "transcripts", "replay", "review", "followup", "compare", "progress":
                return runTranscriptCommand(command, arguments: argument?.split(separator: " ").map(String.init) ?? [])
            case "drill":
                // The shell's role unless another is named; the session uses the shell's line editor.
                var arguments = argument?.split(separator: " ").map(String.init) ?? []
                if !arguments.contains("--role") { arguments += ["--role", role] }
                let outcome = try DrillCommand.parse(arguments).perform(editor: editor)
                if case .interrupted(let signal?) = outcome, signal != SIGINT { return false }
            case "quit", "exit", "q":
                return false
            default:
                let suggestion = closestMatch(to: command, in: Self.commands).map { " Did you mean `\($0)`?" } ?? ""
                print(
                    "Unknown command '\(TerminalSafeText.inert(command, keepNewlines: false))'.\(suggestion) Type `help` for the list."
                )
            }
        } catch {
            StandardStreams.error("error: \(error)\n")
        }
        return true
    }

    /// Runs `transcripts`, `replay`, `review` or `followup` with the same options as on the command line;
    /// false (leave the shell) only when SIGTERM or SIGHUP stopped a replay.
    func runTranscriptCommand(_ name: String, arguments: [String]) -> Bool {
        let type: ParsableCommand.Type =
            switch name {
            case "replay": ReplayCommand.self
            case "review": ReviewCommand.self
            case "followup": FollowupCommand.self
            case "compare": CompareCommand.self
            case "progress": ProgressCommand.self
            default: TranscriptsCommand.self
            }
        do {
            if name == "replay" {
                let replay = try ReplayCommand.parse(arguments)
                if case .interrupted(let signal) = try replay.perform(), signal != SIGINT { return false }
            } else {
                // parseAsRoot, so that `transcripts rm` and `transcripts prune` reach their subcommands.
                var command = try type.parseAsRoot(arguments)
                try command.run()
            }
        } catch let error as UserError {
            StandardStreams.error("error: \(error.description)\n")
        } catch let error as ValidationError {
            StandardStreams.error("error: \(error.message)\n")
        } catch let error as ExitCode where error == .failure {
            // Already explained (e.g. "Nothing deleted."): back to the prompt.
        } catch {
            StandardStreams.error(type.fullMessage(for: error) + "\n")
        }
        return true
    }

    static let help = """
        Commands:
          roles                     list the roles and their interview kinds
          role NAME                 switch role (the prompt shows the current one)
          scenarios                 the scenarios of the current role
          start [KIND|SCENARIO-ID]  begin an interview (default: second interview of the role)
          transcripts [--role R]    saved sessions (also --kind, --since, --format json)
          transcripts rm ID...      delete sessions (asks first); `transcripts prune`
                                    deletes those with no answers
          replay [ID] [--instant]   play a session back (last, an id prefix or a path; --step, --speed N)
          review [ID]               review a session (--format markdown|json|html, --job FILE)
          followup [ID]             draft the thank-you email (--rejected, --each, --format eml)
          compare [ID [ID]]         two attempts side by side (default: the last two of a scenario)
          progress                  trends per role (--role, --question ID, --since, --format json|html)
          drill [--list]            practise the questions due again (--until DATE, --count N)
          help                      this list
          quit                      leave (Ctrl-D works too)
        Tab completes commands, roles, kinds, scenario ids and transcript ids.
        """
}

/// Completes shell commands, then role names after `role` and kinds or scenario ids after `start`.
final class ShellCompletion: CompletionProvider {
    let catalog: ScenarioCatalog

    init(catalog: ScenarioCatalog) { self.catalog = catalog }

    func completions(forTextBeforeCursor text: String) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let current = words.last ?? ""
        let candidates: [String]
        if words.count <= 1 {
            candidates = Shell.commands
        } else if words.count == 2 {
            switch words[0].lowercased() {
            case "role": candidates = catalog.roles.map(\.id)
            case "start": candidates = InterviewKind.allCases.map(\.rawValue) + catalog.scenarios.map(\.id)
            case "replay", "review", "followup", "compare": candidates = ["last"] + transcriptIDs()
            case "progress": candidates = ["--role", "--question", "--since", "--format"]
            case "drill": candidates = ["--list", "--until", "--count", "--role"]
            case "transcripts": candidates = ["rm", "prune", "--role", "--kind", "--since", "--format"]
            default: candidates = []
            }
        } else if words[0].lowercased() == "transcripts" && words[1] == "rm" {
            candidates = transcriptIDs()
        } else if words[words.count - 2] == "--role" {
            candidates = catalog.roles.map(\.id)
        } else if words[0].lowercased() == "compare" && words.count == 3 {
            candidates = transcriptIDs()
        } else {
            candidates = []
        }
        return candidates.filter { $0.hasPrefix(current) }
    }

    /// Session ids, newest first.
    func transcriptIDs() -> [String] {
        TranscriptIndex(folder: AppContext.dataFolder).files().reversed().map(TranscriptIndex.sessionID(ofFile:))
    }
}
