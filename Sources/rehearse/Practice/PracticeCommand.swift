import ArgumentParser
import Foundation
import LineEditor
import RehearseCore

/// `rehearse practice`: one interview, straight away.
struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Run one interview session.",
        discussion: """
            The default is the second interview of the customer-service role. Answers are typed at a
            line-edited prompt (Enter submits; end a line with \\ to continue it). At the prompt, /help
            lists the commands (/repeat /skip /hint /time /pause /resume /note /redo /quit).
            Piped input works too: each line is one answer, e.g.
              printf 'My answer\\n...' | rehearse practice --seed 7
            """
    )

    @Option(help: ArgumentHelp("The role to practise for (see `rehearse roles`).", valueName: "ROLE"))
    var role: String?

    @Option(help: ArgumentHelp("first, second or same-person.", valueName: "KIND"))
    var kind: String?

    @Option(help: ArgumentHelp("A scenario id (see `rehearse scenarios list`) or a path to a scenario file.", valueName: "ID|FILE"))
    var scenario: String?

    @Option(help: ArgumentHelp("Seed for choosing questions; the same seed asks the same questions. Default: random.", valueName: "N"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Your name, as the interviewers say it. Default: $USER.", valueName: "NAME"))
    var candidate: String?

    @Option(help: ArgumentHelp("The company's name, in place of the scenario's.", valueName: "NAME"))
    var company: String?

    @OptionGroup var sources: ScenarioSourceOptions

    func run() throws {
        let catalog = try sources.catalog()
        let chosen = try ScenarioChoice.resolve(catalog: catalog, scenario: scenario, role: role, kind: kind)
        let editor = try LineEditor()
        let status = try PracticeRunner(editor: editor, catalog: catalog).run(
            scenario: chosen, seed: seed, candidate: candidate, company: company)
        switch status {
        case .interrupted(let signal?): Foundation.exit(128 + signal)
        default: break
        }
    }
}

/// Finds the scenario a command asked for, with errors that list what exists.
enum ScenarioChoice {
    static func resolve(catalog: ScenarioCatalog, scenario: String?, role: String?, kind: String?) throws -> Scenario {
        if let scenario {
            if scenario.contains("/") || scenario.hasSuffix(".yaml") || scenario.hasSuffix(".yml") {
                let result = ScenarioLoader.read(path: scenario)
                if let loaded = result.scenario { return loaded }
                throw UserError("the scenario file has errors:\n" + result.errors.map(\.description).joined(separator: "\n")
                                + "\nrun `rehearse scenarios lint \(scenario)` for details")
            }
            if let found = catalog.scenario(id: scenario) { return found }
            let ids = sortedByCloseness(to: scenario, catalog.scenarios.map(\.id))
            throw UserError("no scenario '\(scenario)'. Known scenarios: \(ids.joined(separator: ", "))")
        }
        let roleID = try resolveRole(role ?? AppContext.defaultRole, catalog: catalog)
        let kindValue = try resolveKind(kind ?? "second")
        if let found = catalog.scenario(role: roleID, kind: kindValue) { return found }
        let kinds = catalog.roles.first { $0.id == roleID }?.kinds.map(\.rawValue) ?? []
        throw UserError("role '\(roleID)' has no \(kindValue.rawValue) interview; it has: \(kinds.joined(separator: ", "))")
    }

    static func resolveRole(_ role: String, catalog: ScenarioCatalog) throws -> String {
        let roles = catalog.roles.map(\.id)
        if roles.contains(role) { return role }
        if roles.isEmpty {
            throw UserError("no scenarios were found; set REHEARSE_SCENARIOS to the folder of bundled scenarios, or pass --scenarios DIR")
        }
        throw UserError("unknown role '\(role)'. Known roles: \(sortedByCloseness(to: role, roles).joined(separator: ", "))")
    }

    static func resolveKind(_ kind: String) throws -> InterviewKind {
        if let value = InterviewKind(rawValue: kind.lowercased()) { return value }
        if kind.lowercased() == "same" || kind.lowercased() == "sameperson" { return .samePerson }
        throw UserError("unknown kind '\(kind)'. Kinds: first, second, same-person")
    }
}
