import Dispatch

/// A file for `scenarios lint` to check, with the group it belongs to: two files of one group may
/// not declare the same scenario id, while a file of a later group may replace one of an earlier
/// group (a user's scenario replacing a bundled one).
public struct LintTarget: Sendable, Equatable {
    public var path: String
    public var group: Int

    public init(path: String, group: Int = 0) {
        self.path = path
        self.group = group
    }
}

/// Checks scenario files the way `rehearse scenarios lint` does: every file on its own (in
/// parallel), then across files for duplicate scenario ids.
public enum ScenarioLinter {
    /// The targets for some paths: a folder stands for its `.yaml`/`.yml` files, anything else for
    /// itself (so a missing file, a FIFO or a device is reported by the loader, not skipped). A folder
    /// without scenario files is a problem of its own.
    public static func targets(forPaths paths: [String], group: Int = 0) -> (
        targets: [LintTarget], problems: [Diagnostic]
    ) {
        var targets: [LintTarget] = []
        var problems: [Diagnostic] = []
        var seen = Set<String>()
        for path in paths {
            if isDirectory(atPath: path) {
                let files = ScenarioCatalog.scenarioFiles(
                    in: path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path)
                if files.isEmpty {
                    problems.append(
                        Diagnostic(
                            file: path, line: 1, column: 1,
                            message: "the folder holds no scenario files (*.yaml, *.yml)",
                            suggestion: "pass a folder of scenarios, or create one with `rehearse scenarios new`"))
                }
                for file in files where seen.insert(file).inserted {
                    targets.append(LintTarget(path: file, group: group))
                }
            } else if seen.insert(path).inserted {
                targets.append(LintTarget(path: path, group: group))
            }
        }
        return (targets, problems)
    }

    /// Checks every target and the set as a whole. `extraProblems` (e.g. empty folders) are reported
    /// first. `knownScenarios` are scenarios outside the targets (the bundled and user libraries)
    /// that a `repeats:` may name; the targets themselves count too.
    public static func lint(_ targets: [LintTarget], extraProblems: [Diagnostic] = [], knownScenarios: [Scenario] = [])
        -> LintReport
    {
        var files = targets.concurrentMap(check)
        for problem in duplicateScenarioIDs(files) + unknownRepeats(files, knownScenarios: knownScenarios) {
            if let index = files.firstIndex(where: { $0.path == problem.file }) {
                files[index].diagnostics.append(problem)
                files[index].diagnostics.sort { ($0.line, $0.column) < ($1.line, $1.column) }
            }
        }
        return LintReport(files: files, problems: extraProblems)
    }

    /// For `lint --strict`: a warning for every question without `type:`, naming the type its
    /// wording suggests. Only under --strict, since an inferred type works; declaring it makes
    /// the review's judgement explicit.
    public static func missingTypeSuggestions(_ files: [LintReport.File]) -> [Diagnostic] {
        files.flatMap { file -> [Diagnostic] in
            guard let scenario = file.scenario else { return [] }
            return scenario.allQuestions.filter { $0.declaredType == nil }.map { question in
                Diagnostic(
                    file: file.path, line: question.place.line, column: question.place.column, severity: .warning,
                    message: "question '\(question.id)' has no 'type'; its wording suggests \(question.type.rawValue)",
                    suggestion: "add 'type: \(question.type.rawValue)' (one of: \(QuestionType.names))")
            }
        }
    }

    /// Adds `missingTypeSuggestions` to a report's files, in line order.
    public static func addingTypeSuggestions(to report: LintReport) -> LintReport {
        var report = report
        for problem in missingTypeSuggestions(report.files) {
            if let index = report.files.firstIndex(where: { $0.path == problem.file }) {
                report.files[index].diagnostics.append(problem)
                report.files[index].diagnostics.sort { ($0.line, $0.column) < ($1.line, $1.column) }
            }
        }
        return report
    }

    /// A warning for every `repeats: SCENARIO/QUESTION` whose scenario is neither among the files
    /// nor among `knownScenarios`, or whose scenario has no such question. A warning, not an
    /// error: the session still runs (the review then has nothing to compare), and the earlier
    /// scenario may be written later; `--strict` fails on it.
    public static func unknownRepeats(_ files: [LintReport.File], knownScenarios: [Scenario]) -> [Diagnostic] {
        // Scenario id → its question ids, or nil when the file declares the id but has errors.
        var questions: [String: Set<String>?] = [:]
        for scenario in knownScenarios { questions[scenario.id] = Set(scenario.allQuestions.map(\.id)) }
        for file in files {
            if let scenario = file.scenario {
                questions[scenario.id] = Set(scenario.allQuestions.map(\.id))
            } else if let id = file.declaredID ?? declaredIDGuess(in: file.source), questions[id] == nil {
                questions[id] = .some(nil)
            }
        }
        let knownIDs = questions.keys.sorted()
        var problems: [Diagnostic] = []
        for file in files {
            for reference in repeatsReferences(in: file.source) {
                guard let slash = reference.value.firstIndex(of: "/") else { continue }
                let scenarioID = String(reference.value[..<slash])
                let questionID = String(reference.value[reference.value.index(after: slash)...])
                // A question repeated from a real interview names its debrief, which is a transcript, not a scenario.
                if scenarioID.hasPrefix(DebriefWriter.scenarioIDPrefix) { continue }
                guard let entry = questions[scenarioID] else {
                    let suggestion =
                        closestMatch(to: scenarioID, in: knownIDs).map { "did you mean '\($0)'?" }
                        ?? "name a scenario from `rehearse scenarios list`, or write that scenario first"
                    problems.append(
                        Diagnostic(
                            file: file.path, line: reference.place.line, column: reference.place.column,
                            severity: .warning,
                            message: "'repeats' names the scenario '\(scenarioID)', which does not exist",
                            suggestion: suggestion))
                    continue
                }
                guard let questionIDs = entry, !questionIDs.contains(questionID) else { continue }
                let sorted = questionIDs.sorted()
                let suggestion =
                    closestMatch(to: questionID, in: sorted).map { "did you mean '\($0)'?" }
                    ?? "its questions: \(sorted.joined(separator: ", "))"
                problems.append(
                    Diagnostic(
                        file: file.path, line: reference.place.line, column: reference.place.column, severity: .warning,
                        message: "the scenario '\(scenarioID)' has no question '\(questionID)'", suggestion: suggestion)
                )
            }
        }
        return problems
    }

    /// Every `repeats:` value of a question (`stages[*].questions[*].repeats`) with its place.
    /// Read from the YAML itself rather than the decoded scenario, so it works whatever shape
    /// the scenario model gives stages, and for files with other errors.
    static func repeatsReferences(in source: String) -> [(value: String, place: SourcePlace)] {
        guard source.contains("repeats") else { return [] }
        let limits = YAMLEventReader.Limits(
            maximumDepth: ScenarioLoader.maximumNesting,
            maximumAliasExpansions: ScenarioLoader.maximumAliasExpansions,
            maximumAliasedNodes: ScenarioLoader.maximumAliasedValues)
        guard case .success(let parsed) = YAMLEventReader.parse(Array(source.utf8), limits: limits),
            let root = parsed.root
        else { return [] }
        func value(_ node: YAMLNode, _ key: String) -> YAMLNode? {
            guard case .mapping(let pairs) = node.content else { return nil }
            return pairs.first { $0.key.scalarText == key }?.value
        }
        func items(_ node: YAMLNode?) -> [YAMLNode] {
            guard let node, case .sequence(let items) = node.content else { return [] }
            return items
        }
        var references: [(value: String, place: SourcePlace)] = []
        for stage in items(value(root, "stages")) {
            for question in items(value(stage, "questions")) {
                if let repeats = value(question, "repeats"), let text = repeats.scalarText {
                    references.append((text, repeats.place))
                }
            }
        }
        return references
    }

    /// The id a file declares on a top-level `id:` line, read from the text: for files whose YAML
    /// does not parse, so they still take part in the checks across files.
    static func declaredIDGuess(in source: String) -> String? {
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) where line.hasPrefix("id:") {
            // The same reading of a plain or quoted value as the catalog's quick headline read.
            guard let value = ScenarioCatalog.Headline.plainValue(line.dropFirst(3)) else { return nil }
            return ScenarioTemplate.isValidID(value) ? value : nil
        }
        return nil
    }

    /// Reads and checks one file, keeping its text for excerpts.
    public static func check(_ target: LintTarget) -> LintReport.File {
        switch ScenarioLoader.readBytes(path: target.path) {
        case .failure(let diagnostic):
            return LintReport.File(
                path: target.path, group: target.group, diagnostics: [diagnostic], scenario: nil,
                declaredID: nil, declaredIDPlace: nil, source: "")
        case .success(let data):
            let result = ScenarioLoader.parse(data: data, path: target.path)
            return LintReport.File(
                path: target.path, group: target.group, diagnostics: result.diagnostics, scenario: result.scenario,
                declaredID: result.declaredID, declaredIDPlace: result.declaredIDPlace,
                source: String(decoding: data, as: UTF8.self))
        }
    }

    /// An error for every file that declares a scenario id already declared by an earlier file of its group.
    public static func duplicateScenarioIDs(_ files: [LintReport.File]) -> [Diagnostic] {
        var firstDeclarations: [String: LintReport.File] = [:]
        var duplicates: [Diagnostic] = []
        for file in files {
            guard let id = file.declaredID, let place = file.declaredIDPlace else { continue }
            let key = "\(file.group)\u{0}\(id)"
            if let first = firstDeclarations[key] {
                let firstLine = first.declaredIDPlace?.line ?? 1
                duplicates.append(
                    Diagnostic(
                        file: file.path, line: place.line, column: place.column,
                        message: "duplicate scenario id '\(id)': \(first.path):\(firstLine) declares it too",
                        suggestion: "give each scenario its own id"))
            } else {
                firstDeclarations[key] = file
            }
        }
        return duplicates
    }
}

/// The outcome of a lint run: every file with its diagnostics, and problems outside any file.
public struct LintReport: Sendable {
    /// One checked file.
    public struct File: Sendable {
        public var path: String
        public var group: Int
        public var diagnostics: [Diagnostic]
        /// The scenario, when the file has no errors.
        public var scenario: Scenario?
        public var declaredID: String?
        public var declaredIDPlace: SourcePlace?
        /// The file's text (invalid UTF-8 repaired), for showing the offending line.
        public var source: String
    }

    public var files: [File]
    /// Problems that belong to no file, such as an empty folder.
    public var problems: [Diagnostic]

    public init(files: [File], problems: [Diagnostic] = []) {
        self.files = files
        self.problems = problems
    }

    /// Every diagnostic, problems outside files first, then file by file in order.
    public var diagnostics: [Diagnostic] { problems + files.flatMap(\.diagnostics) }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// Whether the run should exit non-zero: on any error, or with `strict` on any warning too.
    public func failed(strict: Bool) -> Bool { errorCount > 0 || (strict && warningCount > 0) }

    /// "3 files checked: 1 error, 2 warnings".
    public var summary: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        return "\(count(files.count, "file")) checked: \(count(errorCount, "error")), \(count(warningCount, "warning"))"
    }

    /// The text report: each diagnostic with its line and a caret, for terminals and compilers' readers.
    public func text() -> String {
        var sources: [String: String] = [:]
        for file in files { sources[file.path] = file.source }
        return diagnostics.map { DiagnosticExcerpt.render($0, source: sources[$0.file] ?? "") }.joined(separator: "\n")
    }

    /// The JSON report for editors and CI: `files`, `diagnostics` (file, line, column, severity,
    /// message, suggestion), `errors` and `warnings`.
    public func json() -> String {
        let document = JSONDocument(
            files: files.map(\.path), diagnostics: diagnostics.map(JSONDocument.Entry.init),
            errors: errorCount, warnings: warningCount)
        // DocumentText escapes the C1 and bidirectional controls a file name may hold.
        return (try? DocumentText.json(document)) ?? "{}"
    }

    /// The shape of `json()`.
    struct JSONDocument: Codable, Equatable {
        struct Entry: Codable, Equatable {
            var file: String
            var line: Int
            var column: Int
            var severity: String
            var message: String
            var suggestion: String?

            init(file: String, line: Int, column: Int, severity: String, message: String, suggestion: String?) {
                self.file = file
                self.line = line
                self.column = column
                self.severity = severity
                self.message = message
                self.suggestion = suggestion
            }

            init(_ diagnostic: Diagnostic) {
                self.init(
                    file: diagnostic.file, line: diagnostic.line, column: diagnostic.column,
                    severity: diagnostic.severity.rawValue, message: diagnostic.message,
                    suggestion: diagnostic.suggestion)
            }

            /// Writes `suggestion: null` rather than leaving the key out, so every entry has the same keys.
            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(file, forKey: .file)
                try container.encode(line, forKey: .line)
                try container.encode(column, forKey: .column)
                try container.encode(severity, forKey: .severity)
                try container.encode(message, forKey: .message)
                try container.encode(suggestion, forKey: .suggestion)
            }
        }

        var files: [String]
        var diagnostics: [Entry]
        var errors: Int
        var warnings: Int
    }
}
