import Foundation

@testable import RehearseCore

/// A small valid scenario for engine tests; `extra` is spliced into the first question.
func sampleScenarioYAML(pick: String = "", extraProbes: String = "", maxProbes: Int = 1) -> String {
    """
    version: 1
    id: test-second
    title: Test second interview
    role: testing
    role_title: Test Engineer
    kind: second
    company: Acme
    time_limit: 60
    interviewers:
      - id: ana
        name: Ana Lopez
        title: Lead
        style: warm
      - id: bo
        name: Bo Chen
        title: Director
        style: direct
    stages:
      - id: main
        interviewer: ana
        say:
          - "Hello {candidate}, welcome to {company}."
        \(pick)
        questions:
          - id: q1
            text: "Tell me about a hard problem, {candidate}."
            max_probes: \(maxProbes)
            talking_points:
              - point: The customer
                keywords: [customer, client]
              - point: The outcome
                keywords: [outcome, result]
            hint: "Say what happened."
            probes:
    \(extraProbes)
          - id: q2
            text: "Why {company}?"
          - id: q3
            text: "What is your strength?"
          - id: q4
            text: "Where next?"
      - id: ask-us
        type: candidate_questions
        interviewer: bo
        replies:
          - keywords: [growth, career]
            reply: "We train everyone."
          - keywords: [team]
            interviewer: ana
            reply: "The team is six people."
        fallback: "Good question."
        max_questions: 3
    """
}

func probeYAML(_ when: String, extra: String = "") -> String {
    "          - when: \(when)\n" + (extra.isEmpty ? "" : "            \(extra)\n")
        + "            ask: \"Probe for \(when)\""
}

func writeTemporary(_ text: String, name: String = "scenario.yaml") throws -> String {
    let folder = NSTemporaryDirectory() + "rehearse-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

func loadScenario(_ yaml: String) throws -> Scenario {
    try ScenarioLoader.load(path: writeTemporary(yaml))
}

/// Runs a session with scripted lines; each line is typed `thinkMs` after the question and submitted `typeMs` later.
final class ScriptedRun {
    let clock = ManualClock()
    let recorder = MemoryTranscriptRecorder()
    let session: InterviewSession
    var outputs: [SessionOutput] = []

    init(_ scenario: Scenario, seed: UInt64 = 1, earlier: [EarlierAnswer] = []) throws {
        session = InterviewSession(
            scenario: scenario,
            options: SessionOptions(
                seed: seed, candidate: "Sam", sessionID: "abcd1234",
                startedAt: Date(timeIntervalSince1970: 1_800_000_000), appVersion: "test",
                earlierAnswers: earlier),
            clock: clock, recorder: recorder)
        outputs += try session.start()
    }

    @discardableResult
    func answer(_ text: String, thinkMs: Int = 1000, typeMs: Int = 2000) -> [SessionOutput] {
        clock.advance(milliseconds: thinkMs)
        let first = clock.now()
        clock.advance(milliseconds: typeMs)
        let keys = text.isEmpty ? [] : [TypingRecord.Key(time: first, position: 0, deleted: 0, inserted: text)]
        let result = session.submit(text, typing: TypingRecord(keys: keys, submittedAt: clock.now()))
        outputs += result
        return result
    }

    var events: [TranscriptEvent] { recorder.events }
    var answers: [TranscriptEvent.Answer] { events.compactMap { if case .answer(let a) = $0 { a } else { nil } } }
    var asks: [TranscriptEvent.Ask] { events.compactMap { if case .ask(let a) = $0 { a } else { nil } } }
    var probes: [TranscriptEvent.Ask] { asks.filter { $0.probe != nil } }
    var commands: [String] { events.compactMap { if case .command(let c) = $0 { c.name } else { nil } } }
}
