import ArgumentParser
import Foundation
import RehearseCore
import Testing

@testable import RehearseCommands

/// `debrief`, `prep`, `practice --after` and `scenarios new --after`, parsed in-process.
@Suite struct RoundsCommandTests {
    @Test func debriefTakesRepeatedInterviewersAndChecksDates() throws {
        let command = try #require(
            try Rehearse.parseAsRoot([
                "debrief", "--company", "Acme", "--role", "Night Nurse", "--kind", "same", "--date", "2026-11-30",
                "--interviewer", "Dana Reyes, Lead", "--interviewer", "Sam",
            ]) as? DebriefCommand)
        #expect(command.interviewer == ["Dana Reyes, Lead", "Sam"])
        #expect(command.kind == .samePerson)
        #expect { try Rehearse.parseAsRoot(["debrief", "--date", "2026-02-31"]) } throws: { error in
            Rehearse.exitCode(for: error) == .validationFailure
                && Rehearse.fullMessage(for: error).contains("YYYY-MM-DD")
        }
        #expect { try Rehearse.parseAsRoot(["debrief", "--interviewer", " , Lead"]) } throws: { error in
            Rehearse.exitCode(for: error) == .validationFailure
                && Rehearse.fullMessage(for: error).contains("Name, Title")
        }
    }

    @Test func afterAndScenarioCannotBothChooseTheInterview() {
        #expect { try Rehearse.parseAsRoot(["practice", "--after", "last-real", "--scenario", "x"]) } throws: { error in
            Rehearse.exitCode(for: error) == .validationFailure
                && Rehearse.fullMessage(for: error).contains("--after and --scenario")
        }
    }

    @Test func scenariosNewNeedsRoleAndKindOrAfter() throws {
        #expect(try Rehearse.parseAsRoot(["scenarios", "new", "--after", "last-real"]) is ScenariosCommand.New)
        #expect { try Rehearse.parseAsRoot(["scenarios", "new", "--role", "teacher"]) } throws: { error in
            Rehearse.exitCode(for: error) == .validationFailure
                && Rehearse.fullMessage(for: error).contains("--after ID")
        }
    }

    @Test func prepDefaultsToTheLatestRealInterview() throws {
        let command = try #require(try Rehearse.parseAsRoot(["prep", "--format", "html"]) as? PrepCommand)
        #expect(command.transcript == "last-real")
        #expect(command.format == .html)
    }
}
