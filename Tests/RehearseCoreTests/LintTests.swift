import Foundation
import Testing

@testable import RehearseCore

@Suite struct LintTests {
    // MARK: Across files

    @Test func aScenarioIDDeclaredTwiceInOneGroupIsAnError() throws {
        let first = try writeTemporary(lintBase, name: "one.yaml")
        let folder = (first as NSString).deletingLastPathComponent
        let second = folder + "/two.yaml"
        try ("# the same scenario again\n" + lintBase).write(toFile: second, atomically: true, encoding: .utf8)
        let (targets, problems) = ScenarioLinter.targets(forPaths: [folder])
        #expect(problems.isEmpty)
        #expect(targets.map(\.path) == [first, second])
        let report = ScenarioLinter.lint(targets)
        #expect(report.files[0].diagnostics.isEmpty)
        #expect(
            report.files[1].diagnostics == [
                Diagnostic(
                    file: second, line: 3, column: 5,
                    message: "duplicate scenario id 'lint-base': \(first):2 declares it too",
                    suggestion: "give each scenario its own id")
            ])
        #expect(report.failed(strict: false))
    }

    @Test func aLaterGroupMayReplaceAScenario() throws {
        let bundled = try writeTemporary(lintBase, name: "bundled.yaml")
        let user = try writeTemporary(lintBase, name: "user.yaml")
        let report = ScenarioLinter.lint([LintTarget(path: bundled, group: 0), LintTarget(path: user, group: 1)])
        #expect(report.diagnostics.isEmpty)
        #expect(!report.failed(strict: true))
    }

    @Test func aFileWithErrorsStillTakesPartInTheDuplicateCheck() throws {
        let first = try writeTemporary(lintBase, name: "one.yaml")
        let second = try writeTemporary(
            lintBase.replacingOccurrences(of: "style: warm", with: "style: grumpy"), name: "two.yaml")
        let report = ScenarioLinter.lint([LintTarget(path: first), LintTarget(path: second)])
        #expect(
            report.files[1].diagnostics.map(\.message) == [
                "duplicate scenario id 'lint-base': \(first):2 declares it too",
                "'grumpy' is not a valid style",
            ])
    }

    @Test func foldersExpandAndEmptyFoldersAreReported() throws {
        let file = try writeTemporary(lintBase, name: "a.yaml")
        let folder = (file as NSString).deletingLastPathComponent
        try "not a scenario".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        let empty = NSTemporaryDirectory() + "rehearse-empty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let (targets, problems) = ScenarioLinter.targets(forPaths: [folder + "/", file, empty, "missing.yaml"])
        #expect(targets.map(\.path) == [file, "missing.yaml"])
        #expect(problems.map(\.message) == ["the folder holds no scenario files (*.yaml, *.yml)"])
        let report = ScenarioLinter.lint(targets, extraProblems: problems)
        #expect(report.errorCount == 2)
        #expect(report.summary == "2 files checked: 2 errors, 0 warnings")
    }

    // MARK: repeats across files

    /// `lintBase` with `repeats: VALUE` on question q2, the value marked with `‸`.
    private func repeating(_ value: String) -> String {
        lintBase.replacingOccurrences(
            of: "        text: \"Why {company}?\"\n",
            with: "        text: \"Why {company}?\"\n        repeats: ‸\(value)\n")
    }

    private func lintMarked(
        _ marked: String, name: String = "second.yaml", knownScenarios: [Scenario] = [],
        others: [String] = []
    ) throws -> (report: LintReport, path: String, place: SourcePlace) {
        let (source, places) = MarkedSource.strip(marked)
        let path = try writeTemporary(source, name: name)
        let otherPaths = try others.enumerated().map { try writeTemporary($0.element, name: "other-\($0.offset).yaml") }
        let report = ScenarioLinter.lint(
            ([path] + otherPaths).map { LintTarget(path: $0) }, knownScenarios: knownScenarios)
        return (report, path, try #require(places.first))
    }

    @Test func repeatsNamingAScenarioThatDoesNotExistIsAWarningThatFailsStrict() throws {
        let known = try loadScenario(lintSamePersonBase)
        let (report, path, place) = try lintMarked(repeating("lint-sme/fallback-one"), knownScenarios: [known])
        #expect(
            report.diagnostics == [
                Diagnostic(
                    file: path, line: place.line, column: place.column, severity: .warning,
                    message: "'repeats' names the scenario 'lint-sme', which does not exist",
                    suggestion: "did you mean 'lint-same'?")
            ])
        #expect(!report.failed(strict: false))
        #expect(report.failed(strict: true))
    }

    @Test func repeatsFarFromAnyScenarioSaysWhereToLook() throws {
        let (report, path, place) = try lintMarked(repeating("customer-service-first/why-support"))
        #expect(
            report.diagnostics == [
                Diagnostic(
                    file: path, line: place.line, column: place.column, severity: .warning,
                    message: "'repeats' names the scenario 'customer-service-first', which does not exist",
                    suggestion: "name a scenario from `rehearse scenarios list`, or write that scenario first")
            ])
    }

    @Test func repeatsNamingAQuestionTheScenarioLacksIsAWarning() throws {
        let (report, path, place) = try lintMarked(repeating("lint-same/fallback-on"), others: [lintSamePersonBase])
        #expect(
            report.diagnostics == [
                Diagnostic(
                    file: path, line: place.line, column: place.column, severity: .warning,
                    message: "the scenario 'lint-same' has no question 'fallback-on'",
                    suggestion: "did you mean 'fallback-one'?")
            ])
    }

    @Test func repeatsNamingAKnownScenarioAndQuestionIsClean() throws {
        let known = try loadScenario(lintSamePersonBase)
        let (report, _, _) = try lintMarked(repeating("lint-same/fallback-one"), knownScenarios: [known])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(!report.failed(strict: true))
    }

    /// A YAML syntax error in one file is reported in our words, and the other files are still
    /// checked, including a `repeats:` that names the broken file's scenario (not reported as missing).
    @Test func aSyntaxErrorDoesNotStopTheOtherFilesOrTheirReferences() throws {
        let broken = lintSamePersonBase.replacingOccurrences(of: "title: Lint same", with: "title: Lint: same")
        let (report, path, place) = try lintMarked(
            repeating("lint-same/fallback-one").replacingOccurrences(of: "style: warm", with: "style: grumpy"),
            others: [broken])
        #expect(
            report.files.map { $0.diagnostics.map(\.message) } == [
                ["'grumpy' is not a valid style"],
                ["the value of 'title' contains ': ', which YAML reads as the start of another key"],
            ])
        #expect(report.files[0].path == path && place.line > 0)
        #expect(report.summary == "2 files checked: 2 errors, 0 warnings")
    }

    // MARK: Output

    @Test func theJSONReportHasEveryField() throws {
        let broken = try writeTemporary(
            lintBase.replacingOccurrences(of: "kind: second", with: "kind: first"), name: "panel.yaml")
        let report = ScenarioLinter.lint([LintTarget(path: broken)])
        let json = report.json()
        let document = try JSONDecoder().decode(LintReport.JSONDocument.self, from: Data(json.utf8))
        #expect(
            document
                == LintReport.JSONDocument(
                    files: [broken],
                    diagnostics: [
                        .init(
                            file: broken, line: 6, column: 7, severity: "warning",
                            message: "a first interview usually has one interviewer; this one has 2",
                            suggestion: "use kind 'second' for a panel")
                    ],
                    errors: 0, warnings: 1))
        #expect(!report.failed(strict: false))
        #expect(report.failed(strict: true))

        let clean = ScenarioLinter.lint([LintTarget(path: try writeTemporary(lintBase))])
        let object = try #require(JSONSerialization.jsonObject(with: Data(clean.json().utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["files", "diagnostics", "errors", "warnings"])
        #expect((object["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func aMissingSuggestionIsWrittenAsNull() throws {
        let path = try writeTemporary(lintBase.replacingOccurrences(of: "pick: 2", with: "pick: 0"))
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(ScenarioLinter.lint([LintTarget(path: path)]).json().utf8))
                as? [String: Any])
        let entry = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(Set(entry.keys) == ["file", "line", "column", "severity", "message", "suggestion"])
        #expect(entry["suggestion"] is NSNull)
    }

    @Test func theTextReportShowsTheLineAndACaret() throws {
        let path = try writeTemporary(lintBase.replacingOccurrences(of: "style: direct", with: "style: grumpy"))
        let report = ScenarioLinter.lint([LintTarget(path: path)])
        #expect(
            report.text() == """
                \(path):17:12: error: 'grumpy' is not a valid style (use one of: warm, direct, skeptical, analytical, formal)
                        style: grumpy
                               ^
                """)
    }

    @Test func excerptsCountColumnsInCharactersAndShowTabsAsSpaces() {
        let source = "a: 1\n\tb: \"héllo wörld\" x\n"
        let excerpt = DiagnosticExcerpt.excerpt(source: source, line: 2, column: 19)
        #expect(excerpt?.line == " b: \"héllo wörld\" x")
        #expect(excerpt?.caret == String(repeating: " ", count: 18) + "^")
        #expect(DiagnosticExcerpt.excerpt(source: source, line: 9, column: 1) == nil)
        #expect(DiagnosticExcerpt.excerpt(source: "", line: 1, column: 1) == nil)
    }

    @Test func longLinesAreCutAroundTheCaret() throws {
        let line = String(repeating: "a", count: 5000) + "X" + String(repeating: "b", count: 5000)
        let excerpt = try #require(DiagnosticExcerpt.excerpt(source: line, line: 1, column: 5001))
        #expect(DisplayWidth.of(excerpt.line) <= DiagnosticExcerpt.maximumWidth + 2)
        #expect(excerpt.line.hasPrefix("…") && excerpt.line.hasSuffix("…"))
        let caretColumn = excerpt.caret.count - 1
        #expect(Array(excerpt.line)[caretColumn] == "X")
    }

    @Test func excerptsMakeControlCharactersInert() {
        let rendered = DiagnosticExcerpt.render(
            Diagnostic(file: "f.yaml", line: 1, column: 4, message: "m"), source: "a: \u{1B}[31mred\n")
        #expect(!rendered.contains("\u{1B}"))
        #expect(rendered.contains("^[[31mred"))
    }

    // MARK: Starters

    @Test(arguments: InterviewKind.allCases)
    func everyStarterPassesStrictLint(_ kind: InterviewKind) throws {
        let text = ScenarioTemplate.starter(
            role: "teacher", roleTitle: ScenarioTemplate.title(forRole: "teacher"), kind: kind)
        let path = try writeTemporary(text, name: "teacher-\(kind.rawValue).yaml")
        let report = ScenarioLinter.lint([LintTarget(path: path)])
        #expect(report.diagnostics.isEmpty, "\(report.text())")
        #expect(!report.failed(strict: true))
        let scenario = try #require(report.files.first?.scenario)
        #expect(scenario.id == "teacher-\(kind.rawValue)")
        #expect(scenario.kind == kind)
        #expect(scenario.roleTitle == "Teacher")
        #expect(text.contains("# "), "the starter is commented")
    }

    @Test func startersQuoteAwkwardTitlesAndTakeAnID() throws {
        let title = "Nurse: \"Night\" shift # 2 \\ wards"
        let text = ScenarioTemplate.starter(role: "night-nurse", roleTitle: title, kind: .second, id: "my-night-shift")
        let scenario = try loadScenario(text)
        #expect(scenario.roleTitle == title)
        #expect(scenario.id == "my-night-shift")
        #expect(scenario.title == "Second interview — \(title)")
    }

    @Test func roleTitlesComeFromRoleIDs() {
        #expect(ScenarioTemplate.title(forRole: "data-analyst") == "Data Analyst")
        #expect(ScenarioTemplate.isValidID("data-analyst-2"))
        #expect(!ScenarioTemplate.isValidID("Data Analyst"))
        #expect(!ScenarioTemplate.isValidID("-x"))
        #expect(!ScenarioTemplate.isValidID(""))
    }
}

/// Files that try to hang, exhaust or crash the loader: each is refused with a clear message.
/// A hang fails the suite through its time limit (speed itself is measured in Benchmarks/, not here).
@Suite(.timeLimit(.minutes(1))) struct HostileFileTests {
    /// Reads the file through the linter and checks the only diagnostic.
    private func expectRefusal(
        _ path: String, line: Int = 1, column: Int = 1, _ message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let report = ScenarioLinter.lint([LintTarget(path: path)])
        let diagnostics = report.diagnostics
        #expect(diagnostics.map(\.message) == [message], sourceLocation: sourceLocation)
        #expect(diagnostics.first?.line == line, sourceLocation: sourceLocation)
        #expect(diagnostics.first?.column == column, sourceLocation: sourceLocation)
    }

    @Test func aDirectory() throws {
        let folder = NSTemporaryDirectory() + "rehearse-dir-" + UUID().uuidString + ".yaml"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        expectRefusal(folder, "is a directory, not a scenario file")
        #expect(
            ScenarioLoader.read(path: folder).errors.first?.suggestion
                == "pass a .yaml file, or use --scenarios DIR for a folder")
    }

    @Test func aFIFOWithNoWriter() throws {
        let path = NSTemporaryDirectory() + "rehearse-fifo-" + UUID().uuidString + ".yaml"
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        expectRefusal(path, "is a FIFO (named pipe), not a regular file")
    }

    @Test func aDevice() {
        expectRefusal("/dev/zero", "is a device, not a regular file")
    }

    @Test func aMissingFile() {
        expectRefusal("/nonexistent/scenario.yaml", "cannot read the file: No such file or directory")
    }

    @Test func aFileOverTheSizeCap() throws {
        let path = try writeTemporary("")
        let size = ScenarioLoader.maximumFileSize + 1
        try Data(repeating: UInt8(ascii: "#"), count: size).write(to: URL(fileURLWithPath: path))
        expectRefusal(
            path, "file is \(size) bytes; scenario files are limited to \(ScenarioLoader.maximumFileSize) bytes")
    }

    @Test func bytesThatAreNotUTF8() throws {
        let path = try writeTemporary("")
        try Data("id: caf".utf8 + [0xE9] + Data(" au lait\n".utf8)).write(to: URL(fileURLWithPath: path))
        expectRefusal(path, line: 1, column: 8, "the file is not valid UTF-8")
    }

    @Test func anOverlongUTF8Encoding() throws {
        let path = try writeTemporary("")
        try Data("a: 1\nb: ".utf8 + [0xC0, 0xAF] + Data("\n".utf8)).write(to: URL(fileURLWithPath: path))
        expectRefusal(path, line: 2, column: 4, "the file is not valid UTF-8")
    }

    @Test func deepBlockNesting() throws {
        var yaml = ""
        for depth in 0..<1000 { yaml += String(repeating: " ", count: depth) + "k:\n" }
        let path = try writeTemporary(yaml)
        expectRefusal(path, line: 33, column: 33, "nesting is deeper than 32 levels")
    }

    @Test func deepFlowNesting() throws {
        let path = try writeTemporary(
            "a: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n")
        expectRefusal(path, line: 1, column: 35, "nesting is deeper than 32 levels")
    }

    /// Far deeper than the limit: the reader stops at the 33rd level without reading the rest.
    @Test func veryDeepFlowNesting() throws {
        let path = try writeTemporary(
            "a: " + String(repeating: "[", count: 400_000) + String(repeating: "]", count: 400_000) + "\n")
        expectRefusal(path, line: 1, column: 35, "nesting is deeper than 32 levels")
    }

    @Test func deepCompactSequences() throws {
        let path = try writeTemporary(String(repeating: "- ", count: 5000) + "x\n")
        expectRefusal(path, line: 1, column: 65, "nesting is deeper than 32 levels")
    }

    @Test func theBillionLaughs() throws {
        var yaml = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        var previous = "a"
        for level in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = level
        }
        expectRefusal(try writeTemporary(yaml), line: 3, column: 28, "more than 64 alias expansions")
    }

    /// Anchors inside anchors, and an alias used as a key, which a parser would hash in full.
    @Test func nestedAnchorsAndAnAliasKey() throws {
        var lines = ["a0: &a0 [x, x]"]
        for level in 1...40 { lines.append("a\(level): &a\(level) [&d\(level) 0, *a\(level - 1), *a\(level - 1)]") }
        lines.append("? *a40\n: boom")
        expectRefusal(
            try writeTemporary(lines.joined(separator: "\n") + "\n"), line: 6, column: 17,
            "more than 64 alias expansions")
    }

    /// A stray quote before the bomb must not hide it.
    @Test func aliasesAfterAStrayQuote() throws {
        var yaml = "t: 5\" monitor\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for level in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml +=
                "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = level
        }
        expectRefusal(try writeTemporary(yaml), line: 4, column: 24, "more than 64 alias expansions")
    }

    /// Few aliases, each copying a large part: bounded by the count of copied values.
    @Test func aliasesOfALargeList() throws {
        let items = (0..<2000).map { "  - item \($0)" }.joined(separator: "\n")
        let uses = (0..<10).map { "use\($0): *big" }.joined(separator: "\n")
        expectRefusal(
            try writeTemporary("big: &big\n\(items)\n\(uses)\n"), line: 2006, column: 7,
            "YAML aliases would copy more than \(ScenarioLoader.maximumAliasedValues) values")
    }

    @Test func aFewSmallAliasesAreFine() throws {
        let yaml =
            lintBase
            .replacingOccurrences(of: "keywords: [customer, client]", with: "keywords: &people [customer, client]")
            .replacingOccurrences(of: "keywords: [team]", with: "keywords: *people")
        let result = ScenarioLoader.read(path: try writeTemporary(yaml))
        #expect(result.diagnostics.isEmpty)
        #expect(result.scenario?.stages[1].candidateQuestions?.replies[1].keywords == ["customer", "client"])
    }
}
