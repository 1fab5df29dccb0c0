import ArgumentParser
import Foundation
import RehearseCore
import Testing

@testable import RehearseCommands

/// `rehearse followup` parsed in-process, and the shell knowing it.
@Suite struct FollowupCommandTests {
    @Test func parsesEveryOption() throws {
        let command = try #require(
            try Rehearse.parseAsRoot([
                "followup", "--rejected", "--each", "--tone", "formal", "--short", "--sign", "Sam Q", "--format",
                "markdown",
                "--concern", "bo: thin on-call experience", "--concern", "pace", "abc1",
            ]) as? FollowupCommand)
        #expect(command.rejected && command.each && command.isShort)
        #expect(command.tone == .formal && command.format == .markdown)
        #expect(command.sign == "Sam Q")
        #expect(command.transcript == "abc1")
        #expect(command.concern == ["bo: thin on-call experience", "pace"])
        #expect(try #require(try Rehearse.parseAsRoot(["followup"]) as? FollowupCommand).transcript == "last")
    }

    @Test(arguments: [
        (["followup", "--each", "--to", "a@b.example"], "--each"),
        (["followup", "--to", "ana at acme"], "name@example.com"),
        (["followup", "--to", "a@b.example\r\nBcc: x@y.example"], "name@example.com"),
        (["followup", "--each", "--format", "eml"], "-o FOLDER"),
        (["followup", "--tone", "cheery"], "cheery"),
        (["followup", "--concern", "  "], "--concern"),
    ])
    func usageErrorsNameTheFlag(arguments: [String], named: String) {
        #expect { try Rehearse.parseAsRoot(arguments) } throws: { error in
            Rehearse.exitCode(for: error) == .validationFailure && Rehearse.fullMessage(for: error).contains(named)
        }
    }

    @Test func aConcernNamesWhoRaisedItByInterviewerID() {
        let panel = [Interviewer(id: "bo", name: "Bo Chen", title: "", style: .direct)]
        #expect(
            FollowupCommand.concern("bo: thin on-call experience", interviewers: panel)
                == RecordedConcern(text: "thin on-call experience", raisedBy: "bo"))
        #expect(
            FollowupCommand.concern("scale: more than 5,000 a second", interviewers: panel)
                == RecordedConcern(text: "scale: more than 5,000 a second"))
    }

    @Test func theShellCompletesFollowupAndItsTranscriptIDs() {
        let completion = ShellCompletion(
            catalog: ScenarioCatalog(bundledFolder: CommandParsingTests.bundledFolder, userFolders: []))
        #expect(completion.completions(forTextBeforeCursor: "fol") == ["followup"])
        #expect(completion.completions(forTextBeforeCursor: "followup l").contains("last"))
        #expect(Shell.help.contains("followup [ID]"))
    }
}
