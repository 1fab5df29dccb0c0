import Foundation
import Testing

@testable import RehearseCore

/// How often the review's content rules agree with a coach's labels on the answers in
/// Benchmarks/agreement/labelled.jsonl (written and labelled by hand: six roles, four question
/// types, each with a one-line reason). Targets: at least 90% agreement on every rule, and at
/// most 5% of the answers a coach rates strong flagged by any of them. `Benchmarks/agreement.sh`
/// prints the table; set AGREEMENT_DETAILS=1 to list every disagreement.
@Suite struct AgreementTests {
    static let labelledPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Benchmarks/agreement/labelled.jsonl").path

    /// The rules a coach labelled: on every answer, whether the rule should flag it.
    static let rules = [
        "no_number", "no_example", "incomplete_story", "incomplete_plan", "no_specifics", "no_reasoning", "hedges",
    ]
    static let minimumAgreement = 0.90
    static let maximumStrongFalseFlags = 0.05

    struct Labelled: Decodable {
        var id: String
        var role: String
        var company: String
        var type: String
        var question: String
        var answer: String
        var strength: String
        var flags: [String]
        var reason: String
    }

    static func load() throws -> [Labelled] {
        let text = try String(contentsOfFile: labelledPath, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Labelled.self, from: Data($0.utf8)) }
    }

    /// The rules that fired on one labelled answer, reviewed as a one-question transcript whose
    /// question carries its type (`question_type`).
    static func fired(_ item: Labelled) throws -> Set<String> {
        let header = TranscriptHeader(
            session: "agree000", scenario: .init(id: "agreement", title: "Agreement", checksum: "c", path: "a.yaml"),
            kind: .second, role: item.role, roleTitle: item.role, company: item.company, candidate: "Sam",
            interviewers: ReviewFixtures.interviewers, seed: 1, started: Date(timeIntervalSince1970: 1_800_000_000),
            appVersion: "test", previousTranscript: nil)
        let plain = ReviewFixtures.transcript(
            [.init(id: "q1", text: item.question, answer: item.answer)], header: header)
        var events: [TranscriptEvent] = []
        for event in plain.events {
            guard case .ask = event else {
                events.append(event)
                continue
            }
            var object = try #require(
                try JSONSerialization.jsonObject(with: try JSONEncoder().encode(event)) as? [String: Any])
            object["question_type"] = item.type
            events.append(
                try JSONDecoder().decode(TranscriptEvent.self, from: try JSONSerialization.data(withJSONObject: object))
            )
        }
        let transcript = Transcript(header: header, events: events, warnings: [], path: "(agreement)")
        let review = ReviewBuilder().review(transcript)
        return Set(review.questions[0].findings.map(\.rule.rawValue)).intersection(rules)
    }

    @Test func theLabelledSetIsLargeAndCoversEveryRoleAndType() throws {
        let items = try Self.load()
        #expect(items.count >= 150)
        #expect(Set(items.map(\.role)).count == 6)
        #expect(Set(items.map(\.type)) == ["behavioural", "situational", "motivational", "technical"])
        #expect(items.allSatisfy { !$0.reason.isEmpty && Set($0.flags).isSubset(of: Self.rules) })
        #expect(Set(items.map(\.id)).count == items.count)
    }

    @Test func theRulesAgreeWithTheCoach() throws {
        let items = try Self.load()
        var agreeing: [String: Int] = [:]
        var falseFlags: [String: Int] = [:]
        var misses: [String: Int] = [:]
        var strongFlagged = 0
        var weakMissed = 0
        var details: [String] = []
        for item in items {
            let fired = try Self.fired(item)
            let expected = Set(item.flags)
            for rule in Self.rules {
                if fired.contains(rule) == expected.contains(rule) {
                    agreeing[rule, default: 0] += 1
                } else if fired.contains(rule) {
                    falseFlags[rule, default: 0] += 1
                    details.append("\(item.id): \(rule) fired, the coach would not flag it — \(item.reason)")
                } else {
                    misses[rule, default: 0] += 1
                    details.append("\(item.id): \(rule) quiet, the coach flags it — \(item.reason)")
                }
            }
            if item.strength == "strong" && !fired.isEmpty { strongFlagged += 1 }
            if item.strength == "weak" && !expected.isSubset(of: fired) { weakMissed += 1 }
        }
        let strong = items.filter { $0.strength == "strong" }.count
        let weak = items.filter { $0.strength == "weak" }.count
        func percent(_ part: Int, _ whole: Int) -> String {
            NumberText.fixed(Double(part) * 100 / Double(max(whole, 1)), places: 1) + "%"
        }
        var table = [
            "Agreement with the coach's labels on \(items.count) answers (\(strong) strong, \(weak) weak):",
            "rule               agreement  false flags  misses",
        ]
        for rule in Self.rules {
            table.append(
                rule.padding(toLength: 19, withPad: " ", startingAt: 0)
                    + percent(agreeing[rule, default: 0], items.count).padding(
                        toLength: 11, withPad: " ", startingAt: 0)
                    + String(falseFlags[rule, default: 0]).padding(toLength: 13, withPad: " ", startingAt: 0)
                    + String(misses[rule, default: 0]))
        }
        table.append(
            "strong answers with any flag: \(strongFlagged) of \(strong) (\(percent(strongFlagged, strong)); target at most 5%)"
        )
        table.append("weak answers with a flag missed: \(weakMissed) of \(weak) (\(percent(weakMissed, weak)))")
        print(table.joined(separator: "\n"))
        if ProcessInfo.processInfo.environment["AGREEMENT_DETAILS"] != nil { print(details.joined(separator: "\n")) }

        for rule in Self.rules {
            let share = Double(agreeing[rule, default: 0]) / Double(items.count)
            #expect(
                share >= Self.minimumAgreement, "\(rule): \(percent(agreeing[rule, default: 0], items.count)) agreement"
            )
        }
        #expect(
            Double(strongFlagged) / Double(max(strong, 1)) <= Self.maximumStrongFalseFlags,
            "\(strongFlagged) of \(strong) strong answers flagged")
    }
}
