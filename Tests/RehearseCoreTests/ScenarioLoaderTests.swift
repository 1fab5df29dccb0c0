import Foundation
import Testing

@testable import RehearseCore

@Suite struct ScenarioLoaderTests {
    @Test func loadsTheSampleScenario() throws {
        let scenario = try loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers")))
        #expect(scenario.id == "test-second")
        #expect(scenario.interviewers.map(\.id) == ["ana", "bo"])
        #expect(scenario.stages.count == 2)
        #expect(scenario.stages[0].questions.map(\.id) == ["q1", "q2", "q3", "q4"])
        #expect(scenario.stages[0].questions[0].talkingPoints.count == 2)
        #expect(scenario.stages[1].type == .candidateQuestions)
        #expect(scenario.stages[1].candidateQuestions?.replies[1].interviewerID == "ana")
        #expect(scenario.checksum.hasPrefix("fnv1a64:"))
    }

    /// Each broken file gives one error at the expected line and column.
    @Test(arguments: [
        ("version: 1\nid: x\ntitle: [unclosed\n", 3, 8, "the list opened with '[' here is never closed"),
        (
            validHead + "  - id: a\n    name: A\n    title: T\n    stlye: warm\n", 13, 5,
            "unknown key 'stlye' in an interviewer (did you mean 'style'?)"
        ),
        (
            validHead + "  - id: a\n    name: A\n    title: T\n    style: grumpy\n", 13, 12,
            "'grumpy' is not a valid style"
        ),
        (
            validHead.replacingOccurrences(of: "kind: second", with: "kind: third") + interviewerA, 6, 7,
            "'third' is not a valid kind"
        ),
        (
            validHead.replacingOccurrences(of: "time_limit: 60", with: "time_limit: 5") + interviewerA, 8, 13,
            "'time_limit' is 5; it must be between 10 and 1800"
        ),
        (
            validHead + interviewerA
                + "stages:\n  - interviewer: zed\n    questions:\n      - id: q\n        text: Hi\n", 15, 18,
            "interviewer 'zed' does not exist"
        ),
        (
            validHead + interviewerA
                + "stages:\n  - interviewer: a\n    questions:\n      - id: q\n        text: Hi {nmae}\n", 18, 15,
            "unknown variable '{nmae}' in 'text'"
        ),
        (
            validHead + interviewerA
                + "stages:\n  - interviewer: a\n    pick: 3\n    questions:\n      - id: q\n        text: Hi\n", 16, 11,
            "'pick' is 3 but the stage has only 1 questions"
        ),
        (
            validHead + interviewerA
                + "stages:\n  - interviewer: a\n    questions:\n      - id: q\n        text: Hi\n        probes:\n          - when: too_short\n            ask: More?\n",
            20, 19, "unknown probe condition 'too_short'"
        ),
        (
            validHead + interviewerA
                + "stages:\n  - interviewer: a\n    questions:\n      - id: q\n        text: Hi\n      - id: q\n        text: Again\n",
            19, 9, "duplicate question id 'q'"
        ),
        (
            validHead + interviewerA + "stages:\n  - interviewer: a\n    questions: []\n", 16, 16,
            "the stage 'stage-1' has no questions"
        ),
        (
            validHead + interviewerA
                + "stages:\n  - interviewer: a\n    questions:\n      - id: q\n        text: 42\n        max_probes: many\n",
            19, 21, "'max_probes' should be a whole number, not text"
        ),
    ])
    func reportsErrorsAtTheirPlace(yaml: String, line: Int, column: Int, message: String) throws {
        let path = try writeTemporary(yaml)
        let result = ScenarioLoader.read(path: path)
        #expect(result.scenario == nil)
        let first = try #require(result.errors.first { $0.description.contains(message) }, "\(result.diagnostics)")
        #expect(first.file == path)
        #expect(first.line == line)
        #expect(first.column == column)
    }

    @Test func reportsEveryProblemInOneRun() throws {
        let yaml =
            validHead
            + "  - id: a\n    name: A\n    title: T\n    style: grumpy\n    colour: red\nstages:\n  - interviewer: b\n    questions:\n      - id: q\n        text: Hi {x}\n"
        let result = ScenarioLoader.read(path: try writeTemporary(yaml))
        #expect(result.errors.count >= 3)
    }

    @Test func refusesDirectoriesAndNonUTF8() throws {
        let folder = NSTemporaryDirectory()
        #expect(ScenarioLoader.read(path: folder).errors.first?.message.contains("directory") == true)
        let path = try writeTemporary("")
        try Data([0x69, 0x64, 0x3A, 0x20, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
        let result = ScenarioLoader.read(path: path)
        #expect(result.errors.first?.message == "the file is not valid UTF-8")
        #expect(result.errors.first?.column == 5)
    }

    @Test func capsAliasExpansion() throws {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for level in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml +=
                "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = level
        }
        let result = ScenarioLoader.read(path: try writeTemporary(yaml))
        #expect(result.errors.first?.message.contains("alias expansions") == true)
    }

    @Test func sameKindRules() throws {
        let yaml =
            validHead.replacingOccurrences(of: "kind: second", with: "kind: same-person") + interviewerA
            + "stages:\n  - interviewer: a\n    questions:\n      - id: q\n        text: Hi\n"
        let result = ScenarioLoader.read(path: try writeTemporary(yaml))
        #expect(result.errors.contains { $0.message.contains("never revisits") })
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.message.contains("candidate's questions") })
    }

}

private let validHead =
    "version: 1\nid: t\ntitle: T\nrole: r\nrole_title: R\nkind: second\ncompany: C\ntime_limit: 60\ninterviewers:\n"
private let interviewerA = "  - id: a\n    name: A\n    title: T\n    style: warm\n"
