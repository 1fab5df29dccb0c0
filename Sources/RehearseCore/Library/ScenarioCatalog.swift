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
        self.init(bundledFolder: bundledFolder, userFolders: userFolders, only: nil)
    }

    /// Loads only the files whose headline `wanted` accepts (and any file whose headline cannot
    /// be read quickly), so a session parses one scenario instead of the whole library.
    /// `roles` and `scenarios` then describe just those files.
    public init(bundledFolder: String?, userFolders: [String], only wanted: (@Sendable (Headline) -> Bool)?) {
        if let bundledFolder { load(folder: bundledFolder, origin: .bundled, wanted: wanted) }
        for folder in userFolders { load(folder: folder, origin: .user, wanted: wanted) }
        entries.sort {
            ($0.scenario.role, Self.kindOrder($0.scenario.kind), $0.scenario.id) < (
                $1.scenario.role, Self.kindOrder($1.scenario.kind), $1.scenario.id
            )
        }
    }

    static func kindOrder(_ kind: InterviewKind) -> Int { InterviewKind.allCases.firstIndex(of: kind) ?? 0 }

    /// The YAML files of a folder, sorted by name.
    public static func scenarioFiles(in folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { folder + "/" + $0 }
    }

    private mutating func load(folder: String, origin: Origin, wanted: (@Sendable (Headline) -> Bool)?) {
        var files = Self.scenarioFiles(in: folder)
        if let wanted {
            files = files.filter { path in Headline(path: path).map(wanted) ?? true }
        }
        // Threads pay off for a whole library (lint, lists), not for the one or two files of a session.
        let results =
            files.count > 2
            ? files.concurrentMap { ScenarioLoader.read(path: $0) } : files.map { ScenarioLoader.read(path: $0) }
        for result in results {
            guard let scenario = result.scenario else {
                problems += result.errors
                continue
            }
            if let index = entries.firstIndex(where: { $0.scenario.id == scenario.id }) {
                let replaced = entries[index]
                entries[index] = Entry(
                    scenario: scenario, origin: origin,
                    replaces: origin == .user && replaced.origin == .bundled
                        ? replaced.scenario.sourcePath : replaced.replaces)
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
            if titles[scenario.role] == nil {
                order.append(scenario.role)
                titles[scenario.role] = scenario.roleTitle
            }
            kinds[scenario.role, default: []].insert(scenario.kind)
        }
        return order.sorted().map { role in
            (role, titles[role] ?? role, InterviewKind.allCases.filter { kinds[role]?.contains($0) ?? false })
        }
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

extension ScenarioCatalog {
    /// A scenario file's `id`, `role` and `kind`, read from its top-level lines without parsing
    /// the YAML. Nil when the file writes them in a way this quick read does not follow (flow
    /// style, anchors, tags, several documents, or a file it cannot read): such files are
    /// parsed in full, so the quick read can only save work, never change which file is used.
    public struct Headline: Equatable, Sendable {
        public var id: String
        public var role: String
        public var kind: String

        public init(id: String, role: String, kind: String) {
            self.id = id
            self.role = role
            self.kind = kind
        }

        /// Reads the headline of the file at `path` (the same size and file-type checks as the loader).
        public init?(path: String) {
            guard case .success(let data) = ScenarioLoader.readBytes(path: path) else { return nil }
            self.init(yaml: data)
        }

        /// Reads the headline from a scenario file's bytes. It stops at the first line it does
        /// not follow, and once all three keys are found (the chosen file is parsed in full anyway).
        public init?(yaml data: Data) {
            var found: [String: String] = [:]
            let complete: Bool = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
                var lineStart = 0
                while lineStart < bytes.count && found.count < 3 {
                    var lineEnd = lineStart
                    while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                    defer { lineStart = lineEnd + 1 }
                    guard lineEnd > lineStart else { continue }
                    let first = bytes[lineStart]
                    // Indented lines, comments and blank lines belong to something else.
                    if first == UInt8(ascii: " ") || first == UInt8(ascii: "#") || first == UInt8(ascii: "\r") {
                        continue
                    }
                    let line = String(
                        decoding: UnsafeRawBufferPointer(rebasing: bytes[lineStart..<lineEnd]), as: UTF8.self)
                    // Documents, directives, flow style, tabs and quotes that run on to the next line: the parser's job.
                    if "-%{[\t".contains(line.first!) || line.filter({ $0 == "\"" }).count % 2 == 1 { return false }
                    guard let colon = line.firstIndex(of: ":") else { return false }
                    let key = String(line[..<colon])
                    guard key == "id" || key == "role" || key == "kind" else { continue }
                    guard found[key] == nil, let value = Self.plainValue(line[line.index(after: colon)...]) else {
                        return false
                    }
                    found[key] = value
                }
                return true
            }
            guard complete, let id = found["id"], let role = found["role"], let kind = found["kind"] else { return nil }
            self.init(id: id, role: role, kind: kind)
        }

        /// A plain or simply quoted scalar with an optional comment; nil for anything richer.
        static func plainValue(_ text: Substring) -> String? {
            var value = text.trimmingBlanks()
            if let hash = value.firstRange(of: " #") { value = String(value[..<hash.lowerBound]).trimmingBlanks() }
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = String(value.dropFirst().dropLast())
                if value.contains("\\") || value.contains(quote) { return nil }
            }
            guard !value.isEmpty, let first = value.first, !"&*!|>[{@`".contains(first),
                !value.contains("\""), !value.contains("'")
            else { return nil }
            return value
        }
    }
}
