// End-to-end tests of `rehearse review --explain` and `--dismiss`: the built binary against a data folder.

import Foundation
import RehearseCore
import TestSupport
import Testing

@Suite struct ReviewExplainDismissTests {
    /// A data folder with one transcript: a behavioural question answered without a number, and a
    /// situational one answered with a plan.
    static func sandbox() throws -> (RehearseSandbox, String) {
        let sandbox = try RehearseSandbox(colour: false)
        let folder = sandbox.dataFolder + "/transcripts"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func timing(_ text: String) -> [String: Any] {
            [
                "think_ms": 3000, "answer_ms": 9000, "paused_ms": 0, "keystrokes": text.count, "corrections": 0,
                "longest_pause_ms": 100, "limit_s": 120, "over_limit": false,
            ]
        }
        let first =
            "When a customer complained about a late refund, I called the warehouse and she stayed with us in the end."
        let second =
            "First I'd check the queue, then I'd ask my team lead to open a second line, and I'd confirm the waits drop."
        let lines: [[String: Any]] = [
            [
                "format": "rehearse-transcript", "version": 1, "session": "d15e0000", "kind": "second",
                "role": "testing", "role_title": "Tester",
                "company": "Acme", "candidate": "Sam", "seed": 1, "started": "2027-01-15T08:00:00Z",
                "app_version": "test",
                "scenario": ["id": "testing-second", "title": "Test interview", "checksum": "c", "path": "t.yaml"],
                "interviewers": [["id": "ana", "name": "Ana Lopez", "title": "Lead", "style": "warm"]],
            ],
            [
                "type": "ask", "t": 10, "question": "q1", "speaker": "ana",
                "text": "Tell me about a time you helped an upset customer.",
                "number": 1, "total": 2, "limit_s": 120, "question_type": "behavioural",
                "talking_points": [["point": "A follow-up", "keywords": ["call back"]]],
            ],
            [
                "type": "answer", "t": 12000, "question": "q1", "text": first, "typing": [[3000, 0, 0, first], [100]],
                "timing": timing(first),
            ],
            [
                "type": "ask", "t": 12100, "question": "q2", "speaker": "ana",
                "text": "The queue is at 250. What do you do?",
                "number": 2, "total": 2, "limit_s": 120,
            ],
            [
                "type": "answer", "t": 24000, "question": "q2", "text": second,
                "typing": [[3000, 0, 0, second], [100]], "timing": timing(second),
            ],
            ["type": "end", "t": 24000, "status": "completed", "answered": 2, "asked": 2],
        ]
        let text =
            try lines.map {
                String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self)
            }
            .joined(separator: "\n") + "\n"
        let path = folder + "/2027-01-15T080000Z-d15e0000.jsonl"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return (sandbox, path)
    }

    @Test func explainShowsTheWordsThatMatchedAndWhyNothingDid() throws {
        let (sandbox, _) = try Self.sandbox()
        let all = try sandbox.run(["review", "last", "--explain", "--width", "200"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("Q1 · behavioural"))
        #expect(all.stdout.contains("no_number — flagged: no digits"), "\(all.stdout)")
        #expect(
            all.stdout.contains(
                "incomplete_story — quiet: situation: \"when\"; action: \"I called\"; result: \"she stayed\""),
            "\(all.stdout)")
        #expect(all.stdout.contains("Q2 · situational"))
        #expect(all.stdout.contains("incomplete_plan — quiet: steps: \"i'd check\""), "\(all.stdout)")
        let one = try sandbox.run(["review", "--explain", "Q2"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains("Q2 · situational") && !one.stdout.contains("Q1 · behavioural"))
        let missing = try sandbox.run(["review", "last", "--explain", "Q9"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("its questions: Q1, Q2"), "\(missing.stderr)")
    }

    @Test func dismissKeepsTheOverruleBesideTheTranscriptAndNeverChangesIt() throws {
        let (sandbox, path) = try Self.sandbox()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let dismissed = try sandbox.run(["review", "last", "--dismiss", "Q1:no_number", "--width", "200"])
        #expect(dismissed.status == 0, "\(dismissed.stderr)")
        #expect(dismissed.stderr.contains("kept in \(path).dismissed.json"), "\(dismissed.stderr)")
        #expect(dismissed.stdout.contains("dismissed by you: no number in this answer"), "\(dismissed.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        // Later reviews show it as dismissed too.
        let later = try sandbox.run(["review", "last", "--format", "json"])
        #expect(later.stdout.contains("\"dismissed\" : ["), "\(later.stdout)")
        let explained = try sandbox.run(["review", "last", "--explain", "Q1"])
        #expect(explained.stdout.contains("no_number — dismissed"), "\(explained.stdout)")
    }

    @Test(arguments: [
        (["review", "last", "--dismiss", "Q7:no_number"], "this review has no question Q7; its questions: Q1, Q2"),
        (["review", "last", "--dismiss", "Q1:no_such_rule"], "flagged there: no_number"),
        (["review", "last", "--dismiss", "Q2:no_number"], "nothing was flagged on Q2"),
        (["review", "last", "--dismiss", "no_number"], "write it as Qn:RULE"),
    ])
    func aDismissalOfSomethingThatDoesNotExistIsRefused(_ arguments: [String], _ mention: String) throws {
        let (sandbox, path) = try Self.sandbox()
        let result = try sandbox.run(arguments)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains(mention), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path + ".dismissed.json"))
    }
}
