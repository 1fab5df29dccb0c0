
/// Every scenario rehearse can find: the bundled library, then the user's folders, whose
/// scenarios replace bundled ones with the same id.
public struct ScenarioCatalog: Sendable {
    /// Where a scenario came from.
    public enum Origin: String, Sendable { case bundled, user }

    /// A loaded scenario with where it came from and what it replaced.
    public struct Entry: Sendable {
        public var scenario: Scenario
        public var origin: Origin
        /// The bundled file a user scenario replaced.
        public var replaces: String?
    }

    public private(set) var entries: [Entry] = []
    /// Problems in files that could not be loaded; they are skipped, not fatal.
    public private(set) var problems: [Diagnostic] = []

    /// Loads every `*.yaml`/`*.yml` file in the folders, in order; later folders win.
    public init(bundledFolder: String?, userFolders: [String]) {
        if let bundledFolder { load(folder: bundledFolder, origin: .bundled) }
        for folder in userFolders { load(folder: folder, origin: .user) }
        entries.sort { ($0.scenario.role, Self.kindOrder($0.scenario.kind), $0.scenario.id) < ($1.scenario.role, Self.kindOrder($1.scenario.kind), $1.scenario.id) }
    }

    static func kindOrder(_ kind: InterviewKind) -> Int { InterviewKind.allCases.firstIndex(of: kind) ?? 0 }

    /// The YAML files of a folder, sorted by name.
    public static func scenarioFiles(in folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { folder + "/" + $0 }
    }

    private mutating func load(folder: String, origin: Origin) {
        let results = Self.scenarioFiles(in: folder).concurrentMap { ScenarioLoader.read(path: $0) }
        for result in results {
            guard let scenario = result.scenario else {
                problems += result.errors
                continue
            }
            if let index = entries.firstIndex(where: { $0.scenario.id == scenario.id }) {
                let replaced = entries[index]
                entries[index] = Entry(scenario: scenario, origin: origin,
                                       replaces: origin == .user && replaced.origin == .bundled ? replaced.scenario.sourcePath : replaced.replaces)
            } else {
                entries.append(Entry(scenario: scenario, origin: origin, replaces: nil))
            }
        }
    }

    public var scenarios: [Scenario] { entries.map(\.scenario) }

    /// Roles with their titles and the kinds they have, sorted by role id.
    public var roles: [(id: String, title: String, kinds: [InterviewKind])] {
        var order: [String] = []
        var titles: [String: String] = [:]
        var kinds: [String: Set<InterviewKind>] = [:]
        for scenario in scenarios {
            if titles[scenario.role] == nil { order.append(scenario.role); titles[scenario.role] = scenario.roleTitle }
            kinds[scenario.role, default: []].insert(scenario.kind)
        }
        return order.sorted().map { role in (role, titles[role] ?? role, InterviewKind.allCases.filter { kinds[role]?.contains($0) ?? false }) }
    }

    public func scenario(id: String) -> Scenario? { scenarios.first { $0.id == id } }

    /// The scenario for a role and kind: `ROLE-KIND` when it exists, else the first of that role and kind.
    public func scenario(role: String, kind: InterviewKind) -> Scenario? {
        scenario(id: "\(role)-\(kind.rawValue)") ?? scenarios.first { $0.role == role && $0.kind == kind }
    }

    /// The user's scenario folder: `$XDG_CONFIG_HOME/rehearse/scenarios`, else `~/.config/rehearse/scenarios`.
    public static func userFolder(environment: [String: String]) -> String {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/rehearse/scenarios" }
        return (environment["HOME"] ?? DataFolder.homeDirectory()) + "/.config/rehearse/scenarios"
    }
}
