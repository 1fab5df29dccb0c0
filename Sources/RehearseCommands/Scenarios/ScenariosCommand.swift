import ArgumentParser
import RehearseCore

/// `rehearse scenarios`: list, show and check scenario scripts, and write starters.
struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "List, show, check and start writing interview scenarios.",
        subcommands: [List.self, Show.self, Lint.self, New.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List scenarios with their role, kind, panel and length.")

        @Option(help: ArgumentHelp("Only this role.", valueName: "ROLE")) var role: String?
        @Option(help: ArgumentHelp("Only this kind.", valueName: "KIND")) var kind: InterviewKind?
        @OptionGroup var sources: ScenarioSourceOptions

        func run() throws {
            let catalog = try sources.catalog()
            if let role { _ = try ScenarioChoice.resolveRole(role, catalog: catalog) }
            let entries = catalog.entries.filter { entry in
                (role.map { $0 == entry.scenario.role } ?? true) && (kind.map { $0 == entry.scenario.kind } ?? true)
            }
            print(ScenarioTable.render(entries))
            for problem in catalog.problems {
                StandardStreams.error(
                    "warning: skipped \(problem.file): \(problem.line):\(problem.column): \(problem.message); run `rehearse scenarios lint \(problem.file)`\n"
                )
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a scenario's stages and questions as they would be asked.")

        @Argument(help: ArgumentHelp("A scenario id or file.", valueName: "ID|FILE")) var scenario: String
        @OptionGroup var sources: ScenarioSourceOptions

        func run() throws {
            let catalog = try sources.catalog()
            let found = try ScenarioChoice.resolve(catalog: catalog, scenario: scenario, role: nil, kind: nil)
            print(ScenarioOutline.render(found))
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check scenario files and report every problem with file:line:column.",
            discussion: """
                With no path, checks every bundled scenario and every scenario of yours (the user folder and \
                --scenarios folders). A folder stands for its .yaml and .yml files. Two files may not declare the \
                same scenario id, except that one of yours may replace a bundled one.

                Exit status: 0 when clean, 1 on errors (or on warnings with --strict).
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Argument(help: ArgumentHelp("Scenario files or folders.", valueName: "PATH")) var paths: [String] = []
        @Flag(help: "Treat warnings as errors, and warn about questions without a 'type:'.") var strict = false
        @Option(
            help: ArgumentHelp(
                "Output format: text (file:line:column with the line and a caret) or json.", valueName: "FORMAT"))
        var format: Format = .text
        @OptionGroup var sources: ScenarioSourceOptions

        func run() throws {
            var targets: [LintTarget] = []
            var problems: [Diagnostic] = []
            if paths.isEmpty {
                try sources.checkFolders()
                targets = LintTarget.catalogFiles(
                    bundledFolder: AppContext.bundledScenarioFolder(), userFolders: sources.userFolders)
                if targets.isEmpty {
                    throw UserError(
                        "no scenarios to check: pass files or folders, or set REHEARSE_SCENARIOS to the bundled scenarios folder"
                    )
                }
            } else {
                (targets, problems) = ScenarioLinter.targets(forPaths: paths)
            }
            // A `repeats:` may name a scenario of the library that is not among the paths given.
            let library = paths.isEmpty ? [] : (try? sources.catalog())?.scenarios ?? []
            var report = ScenarioLinter.lint(targets, extraProblems: problems, knownScenarios: library)
            // --strict also asks for every question's type to be declared (docs/scenario-format.md).
            if strict { report = ScenarioLinter.addingTypeSuggestions(to: report) }
            switch format {
            case .text:
                let text = report.text()
                if !text.isEmpty { print(text) }
                fflush(nil)
                StandardStreams.error(report.summary + "\n")
            case .json:
                print(report.json())
            }
            if report.failed(strict: strict) { throw ExitCode.failure }
        }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a commented starter scenario to edit.",
            discussion: """
                The starter passes `rehearse scenarios lint --strict`. Put it in your scenarios folder \
                ($XDG_CONFIG_HOME/rehearse/scenarios) or pass its folder with --scenarios. An existing file is \
                never overwritten.
                """)

        @Option(
            help: ArgumentHelp(
                "The role id, e.g. teacher or data-analyst (lowercase letters, digits, '-').", valueName: "ROLE"))
        var role: String?
        @Option(help: ArgumentHelp("The interview kind.", valueName: "KIND"))
        var kind: InterviewKind?
        @Option(
            help: ArgumentHelp(
                "Write the round generated after this transcript (as `practice --after` runs it): `last-real`, an id or a path.",
                valueName: "ID"))
        var after: String?
        @Option(
            name: [.short, .customLong("output")],
            help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
        var output: String?
        @Option(help: ArgumentHelp("The scenario id (default ROLE-KIND).", valueName: "ID"))
        var id: String?
        @Option(
            name: .customLong("role-title"),
            help: ArgumentHelp(
                "The job title as interviewers say it (default: the known role's title, else from ROLE).",
                valueName: "TITLE"))
        var roleTitle: String?
        @OptionGroup var sources: ScenarioSourceOptions

        func validate() throws {
            if after != nil { return }
            guard let role, kind != nil else {
                throw ValidationError(
                    "give --role and --kind for a starter, or --after ID for the round after a saved one")
            }
            guard ScenarioTemplate.isValidID(role) else {
                throw ValidationError("--role '\(role)': use lowercase letters, digits and '-', e.g. data-analyst")
            }
            if let id, !ScenarioTemplate.isValidID(id) {
                throw ValidationError("--id '\(id)': use lowercase letters, digits and '-', e.g. \(role)-first")
            }
        }

        func run() throws {
            if let after {
                let round = try NextRound.round(after: after)
                let scenario = try NextRound.scenario(after: round, kind: kind, role: role, sources: sources)
                let text =
                    ScenarioWriter.yaml(
                        scenario,
                        comment: [
                            "Generated by `rehearse scenarios new --after \(round.header.session)` from the \(round.header.isRealInterview ? "real" : "practice") "
                                + "\(round.header.kind.rawValue) interview at \(round.header.company.filter { !$0.isNewline && $0.asciiValue.map { $0 >= 32 } ?? true }).",
                            "Edit it freely; check it with `rehearse scenarios lint FILE`, practise it with `rehearse practice --scenario FILE`.",
                            "The format is explained in docs/scenario-format.md.",
                        ]) + "\n"
                guard let output else {
                    print(text, terminator: "")
                    return
                }
                try StarterFile.create(at: output, contents: text)
                StandardStreams.error("Wrote \(output). Check it with `rehearse scenarios lint \(output)`.\n")
                return
            }
            guard let role, let kind else { return }
            let catalog = try sources.catalog()
            let title =
                roleTitle ?? catalog.roles.first { $0.id == role }?.title ?? ScenarioTemplate.title(forRole: role)
            let scenarioID = id ?? ScenarioTemplate.defaultID(role: role, kind: kind)
            let text = ScenarioTemplate.starter(role: role, roleTitle: title, kind: kind, id: scenarioID)
            guard let output else {
                print(text, terminator: "")
                return
            }
            try StarterFile.create(at: output, contents: text)
            var note = "Wrote \(output). Check it with `rehearse scenarios lint \(output)`."
            if let existing = catalog.scenario(id: scenarioID) {
                note +=
                    "\nNote: the id '\(scenarioID)' is taken by \(existing.sourcePath); from a scenarios folder yours would replace it. Pass --id to keep both."
            }
            StandardStreams.error(note + "\n")
        }
    }
}

/// Creates a file only if nothing exists at its path yet.
enum StarterFile {
    static func create(at path: String, contents: String) throws {
        let file: FileDescriptor
        do {
            file = try FileDescriptor(opening: path, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o644)
        } catch let error as SystemCallError {
            if error.code == EEXIST {
                throw UserError("\(path) already exists; choose another name with -o, or move the file away first")
            }
            throw UserError("cannot create \(path): \(error.reason); check that its folder exists and is writable")
        }
        do {
            try file.writeAll(contents)
            try file.close()
        } catch let error as SystemCallError {
            unlink(path)
            throw UserError("cannot write \(path): \(error.reason); free some space or choose another file with -o")
        }
    }
}

/// `rehearse roles`: every role, its title and its kinds.
struct RolesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roles", abstract: "List the roles you can practise for.")
    @OptionGroup var sources: ScenarioSourceOptions

    func run() throws {
        print(RoleTable.render(try sources.catalog()))
    }
}

/// Text renderings of scenarios shared by the commands and the shell.
enum RoleTable {
    static func render(_ catalog: ScenarioCatalog) -> String {
        let rows = catalog.roles.map { [$0.id, $0.title, $0.kinds.map(\.rawValue).joined(separator: ", ")] }
        return Table(headers: ["ROLE", "TITLE", "KINDS"], rows: rows).render()
    }
}

enum ScenarioTable {
    static func render(_ entries: [ScenarioCatalog.Entry]) -> String {
        let rows = entries.map { entry -> [String] in
            let scenario = entry.scenario
            let source =
                entry.origin == .bundled ? "bundled" : entry.replaces != nil ? "user (replaces bundled)" : "user"
            return [
                scenario.id, scenario.role, scenario.kind.rawValue,
                scenario.interviewers.map { PromptLabel.firstName($0.name) }.joined(separator: ", "),
                "\(scenario.plannedQuestionCount)", DurationText.aboutMinutes(seconds: scenario.plannedSeconds), source,
            ]
        }
        return Table(headers: ["ID", "ROLE", "KIND", "INTERVIEWERS", "QUESTIONS", "LENGTH", "SOURCE"], rows: rows)
            .render()
    }
}

enum ScenarioOutline {
    static func render(_ scenario: Scenario) -> String {
        var lines: [String] = []
        func safe(_ text: String) -> String { TerminalSafeText.inert(text, keepNewlines: false) }
        lines.append("\(safe(scenario.title))  [\(scenario.id)]")
        lines.append(
            "Role: \(safe(scenario.roleTitle)) (\(scenario.role)) · Kind: \(scenario.kind.rawValue) · Company: \(safe(scenario.company))"
        )
        if let description = scenario.description { lines.append(safe(description)) }
        lines.append(
            "Panel: "
                + scenario.interviewers.map { "\(safe($0.name)), \(safe($0.title)) (\($0.style.rawValue))" }.joined(
                    separator: "; "))
        lines.append("File: \(safe(scenario.sourcePath))")
        for (index, stage) in scenario.stages.enumerated() {
            let who = scenario.interviewer(id: stage.interviewerID)?.name ?? stage.interviewerID
            lines.append("")
            var heading = "Stage \(index + 1): \(safe(stage.title ?? stage.id)) — \(safe(who))"
            switch stage.content {
            case .questions(let questions):
                if let pick = questions.pick { heading += " (asks \(pick) of \(questions.questions.count))" }
            case .candidateQuestions: heading += " (the candidate asks)"
            case .revisit(let revisit): heading += " (revisits \(revisit.pick) earlier answers; otherwise asks these)"
            }
            lines.append(heading)
            for line in stage.lines { lines.append("  says: \(safe(line))") }
            if let ask = stage.revisit?.prompt { lines.append("  revisit: \(safe(ask))") }
            for question in stage.questions {
                let limit = question.timeLimitSeconds ?? stage.timeLimitSeconds ?? scenario.timeLimitSeconds
                lines.append(
                    "  • \(safe(question.text)) [\(question.id), \(limit) s\(question.repeats.map { ", repeats \($0)" } ?? "")]"
                )
                for probe in question.probes { lines.append("      ↳ if \(probe.condition.name): \(safe(probe.text))") }
            }
            for reply in stage.candidateQuestions?.replies ?? [] {
                lines.append("  ? \(reply.keywords.joined(separator: "/")): \(safe(reply.text))")
            }
            if let fallback = stage.candidateQuestions?.fallbackReply {
                lines.append("  ? otherwise: \(safe(fallback))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
