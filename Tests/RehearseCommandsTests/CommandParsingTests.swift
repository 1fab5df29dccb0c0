import ArgumentParser
import Foundation
import RehearseCore
import Testing

@testable import RehearseCommands

/// The commands run in-process: parsing, choices and their errors, without spawning the binary.
@Suite struct CommandParsingTests {
    static let bundledFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios").path

    @Test(arguments: [
        ("same", InterviewKind.samePerson), ("Same-Person", .samePerson), ("first", .first), ("second", .second),
    ])
    func practiceParsesKindsAndTheirAliases(text: String, kind: InterviewKind) throws {
        let command = try #require(try Rehearse.parseAsRoot(["practice", "--kind", text]) as? PracticeCommand)
        #expect(command.kind == kind)
    }

    @Test func anUnknownKindIsAUsageError() {
        #expect { try Rehearse.parseAsRoot(["practice", "--kind", "third"]) } throws: { error in
            Rehearse.exitCode(for: error) == .validationFailure && Rehearse.fullMessage(for: error).contains("third")
        }
    }

    @Test func anUnknownFirstWordIsNamedWithTheClosestCommand() throws {
        let message = try #require(Rehearse.unknownCommand(in: ["replya", "last"]))
        #expect(message.contains("Unknown command 'replya'"))
        #expect(message.contains("Did you mean 'replay'?"))
        #expect(Rehearse.unknownCommand(in: ["review", "last"]) == nil)
        #expect(Rehearse.unknownCommand(in: ["--version"]) == nil)
    }

    @Test func theNarrowedCatalogChoosesTheSameScenarioAsTheWholeLibrary() throws {
        let whole = ScenarioCatalog(bundledFolder: Self.bundledFolder, userFolders: [])
        for role in whole.roles.map(\.id) {
            for kind in InterviewKind.allCases {
                let narrowed = ScenarioCatalog(
                    bundledFolder: Self.bundledFolder, userFolders: [],
                    only: ScenarioChoice.candidates(scenario: nil, role: role, kind: kind))
                let chosen = try ScenarioChoice.resolve(catalog: narrowed, scenario: nil, role: role, kind: kind)
                #expect(
                    chosen.id == (try ScenarioChoice.resolve(catalog: whole, scenario: nil, role: role, kind: kind)).id)
                #expect(narrowed.scenarios.count == 1)
            }
        }
    }

    @Test func anUnknownRoleListsTheKnownOnesSorted() {
        let whole = ScenarioCatalog(bundledFolder: Self.bundledFolder, userFolders: [])
        #expect { try ScenarioChoice.resolveRole("astronaut", catalog: whole) } throws: { error in
            let text = "\(error)"
            return text.contains("astronaut") && text.contains("customer-service, data-analyst")
        }
    }

    @Test(arguments: ["review", "replay", "compare", "followup", "prep"])
    func everyWidthIsCheckedAlike(command: String) throws {
        _ = try Rehearse.parseAsRoot([command, "--width", "80"])
        for width in ["19", "1001"] {
            #expect { try Rehearse.parseAsRoot([command, "--width", width]) } throws: { error in
                Rehearse.exitCode(for: error) == .validationFailure
                    && Rehearse.fullMessage(for: error).contains("--width \(width): use 20 to 1000 columns")
            }
        }
    }
}
