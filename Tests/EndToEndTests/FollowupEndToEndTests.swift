// `rehearse followup` on a session piped through the built binary.

import Foundation
import RehearseCore
import TestSupport
import Testing

@Suite struct FollowupEndToEndTests {
    /// A piped second interview with two /notes, as a person would type it.
    static let answers =
        [
            "I handled a customer whose order was lost: I called the warehouse and we shipped a replacement in 2 days.",
            "/note led the migration of 3 teams",
            "I like helping people and I want to work here.",
            "/note won the support award in 2024",
        ] + Array(repeating: "I would listen first, then fix it.", count: 14)

    static func practisedSandbox() throws -> RehearseSandbox {
        var sandbox = try RehearseSandbox()
        sandbox.environment["TZ"] = "Europe/London"
        let practice = try sandbox.run(
            ["practice", "--seed", "7", "--candidate", "Sam Lee"], stdin: answers.joined(separator: "\n") + "\n")
        #expect(practice.status == 0, "\(practice.stderr)")
        let session = try #require(sandbox.transcripts().first?.header.session)
        #expect(practice.stdout.contains("Draft it: rehearse followup \(session)"))
        return sandbox
    }

    @Test func thankYouAfterAPipedSessionWithTwoNotes() throws {
        let sandbox = try Self.practisedSandbox()
        let transcript = try #require(sandbox.transcripts().first)
        let result = try sandbox.run(["followup", "--width", "300", "last"])
        #expect(result.status == 0, "\(result.stderr)")
        let output = result.stdout
        #expect(output.contains("led the migration of 3 teams"))
        #expect(output.contains("won the support award in 2024"))
        // Everyone who spoke in this session (the scenario's panel may have more people).
        let speakers = Set(
            transcript.events.compactMap { event -> String? in
                switch event {
                case .stage(let stage): stage.interviewer
                case .ask(let ask): ask.speaker
                default: nil
                }
            })
        #expect(speakers.count >= 2)
        for interviewer in transcript.header.interviewers where speakers.contains(interviewer.id) {
            let first = String(interviewer.name.split(separator: " ")[0])
            #expect(output.contains(interviewer.name) || output.contains("Hi \(first),"), "\(interviewer.name)")
        }
        #expect(output.contains(transcript.header.roleTitle.split(separator: " ")[0]))
        #expect(output.contains("Send by "))
        #expect(output.contains(" left."))
        #expect(output.contains("Sam Lee"))
        #expect(output.contains("[") && output.contains("]"))
    }

    @Test func rejectedAfterAPipedSession() throws {
        let sandbox = try Self.practisedSandbox()
        let transcript = try #require(sandbox.transcripts().first)
        let result = try sandbox.run(["followup", "--rejected", "--width", "300", "last"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Thank you for letting me know"))
        #expect(result.stdout.contains("feedback on two areas in particular"))
        #expect(result.stdout.contains("Your plan (private, not part of the email):"))
        #expect(result.stdout.contains("Schedule them: rehearse drill --role \(transcript.header.role)"))
        #expect(!result.stdout.contains("Send by "))
    }

    @Test func emlAndMarkdownAndEachFromTheCommandLine() throws {
        let sandbox = try Self.practisedSandbox()
        let eml = try sandbox.run([
            "followup", "--format", "eml", "--to", "lead@example.com", "--sign", "S. Lee", "last",
        ])
        #expect(eml.status == 0, "\(eml.stderr)")
        #expect(eml.stdout.hasPrefix("To: \""))
        #expect(eml.stdout.contains("<lead@example.com>\r\n"))
        #expect(eml.stdout.contains("\r\nContent-Type: text/plain; charset=utf-8"))
        #expect(eml.stdout.contains("S. Lee\r\n"))
        #expect(eml.stderr.contains("Send by "))
        let markdown = try sandbox.run(["followup", "--format", "markdown", "--tone", "formal", "last"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# Thank-you email: "))
        #expect(markdown.stdout.contains("Kind regards,"))
        let folder = sandbox.root + "/drafts"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let each = try sandbox.run(["followup", "--each", "--format", "eml", "-o", folder, "last"])
        #expect(each.status == 0, "\(each.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".eml") }
        #expect(files.count >= 2)
        #expect(each.stdout.components(separatedBy: "Wrote ").count - 1 == files.count)
    }

    @Test func usageErrorsSayTheFix() throws {
        let sandbox = try Self.practisedSandbox()
        let each = try sandbox.run(["followup", "--each", "--format", "eml", "last"])
        #expect(each.status == 2)
        #expect(each.stderr.contains("add -o FOLDER"))
        let to = try sandbox.run(["followup", "--to", "not an address", "last"])
        #expect(to.status == 2)
        #expect(to.stderr.contains("name@example.com"))
    }

    @Test func aSessionWithNoAnswersIsAClearErrorExitingOne() throws {
        let sandbox = try RehearseSandbox()
        let practice = try sandbox.run(["practice", "--seed", "7"], stdin: "/quit\n")
        #expect(practice.status == 0, "\(practice.stderr)")
        let result = try sandbox.run(["followup", "last"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("has no answers"))
        #expect(result.stderr.contains("rehearse transcripts"))
        #expect(!result.stderr.contains("Fatal error"))
    }
}
