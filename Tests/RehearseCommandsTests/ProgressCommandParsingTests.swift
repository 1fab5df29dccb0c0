import ArgumentParser
import Foundation
import RehearseCore
import Testing

@testable import RehearseCommands

/// Issue 10: compare, progress and drill parse, and the shell completes them.
@Suite struct ProgressCommandParsingTests {
    @Test func theNewCommandsParse() throws {
        let compare = try #require(
            try Rehearse.parseAsRoot(["compare", "abc", "def", "--format", "html"]) as? CompareCommand)
        #expect(compare.transcripts == ["abc", "def"])
        let drill = try #require(
            try Rehearse.parseAsRoot(["drill", "--role", "sales", "--until", "2026-12-20", "--count", "3", "--list"])
                as? DrillCommand)
        #expect((drill.role, drill.until, drill.count, drill.list) == ("sales", "2026-12-20", 3, true))
        let progress = try #require(
            try Rehearse.parseAsRoot(["progress", "--question", "why-company", "--since", "7d"]) as? ProgressCommand)
        #expect(progress.question == "why-company")
    }

    @Test func badValuesAreUsageErrorsThatNameTheFormat() {
        #expect { try Rehearse.parseAsRoot(["compare", "a", "b", "c"]) } throws: {
            Rehearse.exitCode(for: $0) == .validationFailure
        }
        #expect { try Rehearse.parseAsRoot(["drill", "--count", "0"]) } throws: {
            Rehearse.exitCode(for: $0) == .validationFailure
        }
        #expect { try Rehearse.parseAsRoot(["practice", "--self-rating", "6"]) } throws: { error in
            Rehearse.exitCode(for: error) == .validationFailure
                && Rehearse.fullMessage(for: error).contains("use 1 to 5")
        }
    }

    @Test func theShellCompletesTheNewCommandsAndTheirOptions() {
        let completion = ShellCompletion(
            catalog: ScenarioCatalog(bundledFolder: CommandParsingTests.bundledFolder, userFolders: []))
        #expect(completion.completions(forTextBeforeCursor: "dr") == ["drill"])
        #expect(completion.completions(forTextBeforeCursor: "pro") == ["progress"])
        #expect(completion.completions(forTextBeforeCursor: "com") == ["compare"])
        #expect(completion.completions(forTextBeforeCursor: "drill --l") == ["--list"])
        #expect(completion.completions(forTextBeforeCursor: "progress --role sa") == ["sales"])
        #expect(Shell.help.contains("drill [--list]"))
    }
}
