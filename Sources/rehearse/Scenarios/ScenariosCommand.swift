import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse scenarios`: list, show and check scenario scripts.
struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "List, show and check interview scenarios.",
        subcommands: [List.self, Show.self, Lint.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List scenarios with their role, kind, panel and length.")

        @Option(help: ArgumentHelp("Only this role.", valueName: "ROLE")) var role: String?
        @Option(help: ArgumentHelp("Only this kind: first, second or same-person.", valueName: "KIND")) var kind: String?
        @OptionGroup var sources: ScenarioSourceOptions

        func run() throws {
            let catalog = try sources.catalog()
            if let role { _ = try ScenarioChoice.resolveRole(role, catalog: catalog) }
            let kindValue = try kind.map(ScenarioChoice.resolveKind)
            let entries = catalog.entries.filter { entry in
                (role.map { $0 == entry.scenario.role } ?? true) && (kindValue.map { $0 == entry.scenario.kind } ?? true)
            }
            print(ScenarioTable.render(entries))
            for problem in catalog.problems {
                FileHandle.standardError.write(Data("warning: skipped \(problem.file): \(problem.line):\(problem.column): \(problem.message); run `rehearse scenarios lint \(problem.file)`\n".utf8))
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a scenario's stages and questions as they would be asked.")

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
            discussion: "With no path, checks every bundled and user scenario. Exit 0 when clean, 1 on errors (or on warnings with --strict).")

        @Argument(help: ArgumentHelp("Scenario files or folders.", valueName: "PATH")) var paths: [String] = []
        @Flag(help: "Treat warnings as errors.") var strict = false
        @OptionGroup var sources: ScenarioSourceOptions

        func run() throws {
            var files: [String] = []
            if paths.isEmpty {
                let environment = ProcessInfo.processInfo.environment
                for folder in [AppContext.bundledScenarioFolder(), ScenarioCatalog.userFolder(environment: environment)].compactMap({ $0 }) + sources.folders {
                    files += ScenarioCatalog.scenarioFiles(in: folder)
                }
            }
            for path in paths {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    files += ScenarioCatalog.scenarioFiles(in: path)
                } else {
                    files.append(path)
                }
            }
            var errors = 0, warnings = 0
            for file in files {
                let result = ScenarioLoader.read(path: file)
                let source = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
                for diagnostic in result.diagnostics {
                    if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
                    print(DiagnosticView.render(diagnostic, source: source))
                }
            }
            let summary = "\(files.count) file\(files.count == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            FileHandle.standardError.write(Data((summary + "\n").utf8))
            if errors > 0 || (strict && warnings > 0) { throw ExitCode.failure }
        }
    }
}

/// `rehearse roles`: every role, its title and its kinds.
struct RolesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "roles", abstract: "List the roles you can practise for.")
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
            let source = entry.origin == .bundled ? "bundled" : entry.replaces != nil ? "user (replaces bundled)" : "user"
            return [scenario.id, scenario.role, scenario.kind.rawValue, scenario.interviewers.map { $0.name.split(separator: " ").first.map(String.init) ?? $0.name }.joined(separator: ", "),
                    "\(scenario.plannedQuestionCount)", "~\(max(1, scenario.plannedSeconds / 60)) min", source]
        }
        return Table(headers: ["ID", "ROLE", "KIND", "INTERVIEWERS", "QUESTIONS", "LENGTH", "SOURCE"], rows: rows).render()
    }
}

enum ScenarioOutline {
    static func render(_ scenario: Scenario) -> String {
        var lines: [String] = []
        func safe(_ text: String) -> String { TerminalSafeText.inert(text, keepNewlines: false) }
        lines.append("\(safe(scenario.title))  [\(scenario.id)]")
        lines.append("Role: \(safe(scenario.roleTitle)) (\(scenario.role)) · Kind: \(scenario.kind.rawValue) · Company: \(safe(scenario.company))")
        if let description = scenario.description { lines.append(safe(description)) }
        lines.append("Panel: " + scenario.interviewers.map { "\(safe($0.name)), \(safe($0.title)) (\($0.style.rawValue))" }.joined(separator: "; "))
        lines.append("File: \(scenario.sourcePath)")
        for (index, stage) in scenario.stages.enumerated() {
            let who = scenario.interviewer(id: stage.interviewerID)?.name ?? stage.interviewerID
            lines.append("")
            var heading = "Stage \(index + 1): \(safe(stage.title ?? stage.id)) — \(safe(who))"
            switch stage.type {
            case .questions: if let pick = stage.pick { heading += " (asks \(pick) of \(stage.questions.count))" }
            case .candidateQuestions: heading += " (the candidate asks)"
            case .revisit: heading += " (revisits \(stage.pick ?? 2) earlier answers; otherwise asks these)"
            }
            lines.append(heading)
            for line in stage.lines { lines.append("  says: \(safe(line))") }
            if let ask = stage.revisitPrompt { lines.append("  revisit: \(safe(ask))") }
            for question in stage.questions {
                let limit = question.timeLimitSeconds ?? stage.timeLimitSeconds ?? scenario.timeLimitSeconds
                lines.append("  • \(safe(question.text)) [\(question.id), \(limit) s\(question.repeats.map { ", repeats \($0)" } ?? "")]")
                for probe in question.probes { lines.append("      ↳ if \(probe.condition.name): \(safe(probe.text))") }
            }
            for reply in stage.replies { lines.append("  ? \(reply.keywords.joined(separator: "/")): \(safe(reply.text))") }
            if let fallback = stage.fallbackReply { lines.append("  ? otherwise: \(safe(fallback))") }
        }
        return lines.joined(separator: "\n")
    }
}

/// `file:line:column: error: message`, then the line and a caret under the column.
enum DiagnosticView {
    static func render(_ diagnostic: Diagnostic, source: String) -> String {
        var text = TerminalSafeText.inert(diagnostic.description, keepNewlines: false)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        if diagnostic.line >= 1, diagnostic.line <= lines.count {
            let line = TerminalSafeText.inert(String(lines[diagnostic.line - 1]), keepNewlines: false)
            text += "\n    " + line + "\n    " + String(repeating: " ", count: max(0, diagnostic.column - 1)) + "^"
        }
        return text
    }
}
