import Foundation
import Testing

@testable import RehearseCore

/// The scenarios shipped in scenarios/ are clean: no errors, no warnings, no id used twice.
@Suite struct BundledScenariosTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios").path

    @Test func everyBundledScenarioPassesStrictLint() throws {
        let (targets, problems) = ScenarioLinter.targets(forPaths: [Self.folder])
        #expect(problems.isEmpty)
        #expect(targets.count >= 18)
        let report = ScenarioLinter.lint(targets)
        #expect(report.diagnostics.isEmpty, "\(report.text())")
        #expect(!report.failed(strict: true))
        #expect(report.files.allSatisfy { $0.scenario != nil })
        #expect(ScenarioLinter.duplicateScenarioIDs(report.files).isEmpty)
        #expect(Set(report.files.compactMap(\.declaredID)).count == report.files.count)
    }

    @Test func theLibraryCoversSixRolesWithEveryKind() throws {
        let catalog = ScenarioCatalog(bundledFolder: Self.folder, userFolders: [])
        #expect(catalog.problems.isEmpty)
        #expect(catalog.roles.count >= 6)
        for role in catalog.roles {
            #expect(role.kinds == InterviewKind.allCases, "role \(role.id)")
        }
    }

    /// Every `repeats` and `from_scenario` names a bundled scenario (and question) that exists.
    @Test func crossReferencesPointAtRealScenarios() throws {
        let catalog = ScenarioCatalog(bundledFolder: Self.folder, userFolders: [])
        for scenario in catalog.scenarios {
            for stage in scenario.stages {
                if let source = stage.revisit?.fromScenario {
                    #expect(catalog.scenario(id: source) != nil, "\(scenario.id): from_scenario \(source)")
                }
                for question in stage.questions {
                    guard let repeats = question.repeats else { continue }
                    let parts = repeats.split(separator: "/").map(String.init)
                    let earlier = catalog.scenario(id: parts[0])
                    #expect(
                        earlier?.allQuestions.contains { $0.id == parts[1] } == true,
                        "\(scenario.id): repeats \(repeats)")
                }
            }
        }
    }
}
