import ArgumentParser
import LineEditor
import RehearseCore

/// `rehearse practice`: one interview, straight away.
struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Run one interview session.",
        discussion: """
            The default is the second interview of the customer-service role. Answers are typed at a \
            line-edited prompt (Enter submits; end a line with \\ to continue it). At the prompt, /help \
            lists the commands (/repeat /skip /hint /time /pause /resume /note /redo /quit).

            Piped input works too: each line is one answer, e.g.
              printf 'My answer\\n...' | rehearse practice --seed 7

            After a real interview recorded with `rehearse debrief`, `--after last-real` generates the next \
            round: a second interview by default (--kind same-person for the same interviewer) that asks the \
            real questions again, turns each concern into a question, and takes the rest from the nearest role.
            """
    )

    @Option(help: ArgumentHelp("The role to practise for (see `rehearse roles`).", valueName: "ROLE"))
    var role: String?

    @Option(help: ArgumentHelp("The interview kind; `same` is short for same-person.", valueName: "KIND"))
    var kind: InterviewKind?

    @Option(
        help: ArgumentHelp(
            "A scenario id (see `rehearse scenarios list`) or a path to a scenario file.", valueName: "ID|FILE"))
    var scenario: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Seed for choosing questions; the same seed asks the same questions. Default: random.", valueName: "N"))
    var seed: UInt64?

    @Option(
        help: ArgumentHelp(
            "Your name, as the interviewers say it. Default: $USER, capitalised (Candidate when $USER is unset or root).",
            valueName: "NAME"))
    var candidate: String?

    @Option(help: ArgumentHelp("The company's name, in place of the scenario's.", valueName: "NAME"))
    var company: String?

    @Option(help: NextRound.help)
    var after: String?

    @Option(
        name: .customLong("self-rating"), parsing: .unconditional,
        help: ArgumentHelp(
            "Your rating of the session, 1–5, recorded without asking (for piped input).", valueName: "N"))
    var selfRating: Int?

    @OptionGroup var sources: ScenarioSourceOptions

    func validate() throws {
        if after != nil, scenario != nil {
            throw ValidationError("--after and --scenario both choose the interview; pass one of them")
        }
        if let selfRating, !SelfRating.range.contains(selfRating) {
            throw ValidationError("--self-rating \(selfRating): use 1 to 5")
        }
    }

    func run() throws {
        if let after {
            let (transcript, round) = try NextRound.transcript(after: after)
            let generated = try NextRound.scenario(after: round, kind: kind, role: role, sources: sources)
            let status = try PracticeRunner(editor: LineEditor(), catalog: try sources.catalog(only: { _ in false }))
                .run(
                    scenario: generated, seed: seed, candidate: candidate, company: company, after: transcript,
                    selfRating: selfRating)
            if case .interrupted(let signal?) = status { exitProcess(128 + signal) }
            return
        }
        // A session needs one scenario: read only the files that can be it. The whole library is
        // read only when that finds nothing, so the error can list what exists.
        var catalog = try sources.catalog(only: ScenarioChoice.candidates(scenario: scenario, role: role, kind: kind))
        let chosen: Scenario
        if let found = try? ScenarioChoice.resolve(catalog: catalog, scenario: scenario, role: role, kind: kind) {
            chosen = found
        } else {
            catalog = try sources.catalog()
            chosen = try ScenarioChoice.resolve(catalog: catalog, scenario: scenario, role: role, kind: kind)
        }
        let editor = try LineEditor()
        let status = try PracticeRunner(editor: editor, catalog: catalog).run(
            scenario: chosen, seed: seed, candidate: candidate, company: company, selfRating: selfRating)
        switch status {
        case .interrupted(let signal?): exitProcess(128 + signal)
        default: break
        }
    }
}

/// Finds the scenario a command asked for, with usage errors that list what exists.
enum ScenarioChoice {
    static func resolve(catalog: ScenarioCatalog, scenario: String?, role: String?, kind: InterviewKind?) throws
        -> Scenario
    {
        if let scenario {
            if scenario.contains("/") || scenario.hasSuffix(".yaml") || scenario.hasSuffix(".yml") {
                let result = ScenarioLoader.read(path: scenario)
                if let loaded = result.scenario { return loaded }
                throw UserError(
                    "the scenario file has errors:\n" + result.errors.map(\.description).joined(separator: "\n")
                        + "\nrun `rehearse scenarios lint \(scenario)` for details")
            }
            if let found = catalog.scenario(id: scenario) { return found }
            throw ValidationError(
                unknown(
                    "scenario", scenario, known: catalog.scenarios.map(\.id),
                    fix: "pass one of these ids or a path to a scenario file"))
        }
        let roleID = try resolveRole(role ?? AppContext.defaultRole, catalog: catalog)
        let kindValue = kind ?? .second
        if let found = catalog.scenario(role: roleID, kind: kindValue) { return found }
        let kinds = catalog.roles.first { $0.id == roleID }?.kinds.map(\.rawValue) ?? []
        throw ValidationError(
            "role '\(roleID)' has no \(kindValue.rawValue) interview; it has: \(kinds.joined(separator: ", "))")
    }

    /// Which catalog files can hold the scenario `resolve` would choose.
    static func candidates(scenario: String?, role: String?, kind: InterviewKind?)
        -> @Sendable (ScenarioCatalog.Headline) -> Bool
    {
        if let scenario { return { $0.id == scenario } }
        let role = role ?? AppContext.defaultRole
        let kind = (kind ?? .second).rawValue
        return { $0.role == role && $0.kind == kind }
    }

    /// The role id itself when the catalog has it; otherwise a usage error listing the roles.
    static func resolveRole(_ role: String, catalog: ScenarioCatalog) throws -> String {
        let roles = catalog.roles.map(\.id)
        if roles.contains(role) { return role }
        if roles.isEmpty {
            throw UserError(
                "no scenarios were found; set REHEARSE_SCENARIOS to the folder of bundled scenarios, or pass --scenarios DIR"
            )
        }
        throw ValidationError(unknown("role", role, known: roles, fix: "see `rehearse roles`"))
    }

    /// "unknown role 'x'. Did you mean 'y'? Known roles: a, b, c (fix)", with the list sorted.
    static func unknown(_ noun: String, _ value: String, known: [String], fix: String) -> String {
        let suggestion = closestMatch(to: value, in: known).map { " Did you mean '\($0)'?" } ?? ""
        return "unknown \(noun) '\(TerminalSafeText.inert(value, keepNewlines: false))'.\(suggestion) "
            + "Known \(noun)s: \(known.sorted().joined(separator: ", ")) (\(fix))"
    }
}
