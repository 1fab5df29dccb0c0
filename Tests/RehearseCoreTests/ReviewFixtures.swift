import Foundation

@testable import RehearseCore

/// Hand-written transcripts for review and replay tests, built from events.
enum ReviewFixtures {
    static let interviewers = [
        Interviewer(id: "ana", name: "Ana Lopez", title: "Lead", style: .warm),
        Interviewer(id: "bo", name: "Bo Chen", title: "Director", style: .direct),
    ]

    static func header(
        session: String = "abcd1234", role: String = "testing", kind: InterviewKind = .second,
        scenarioID: String = "test-second", started: Date = Date(timeIntervalSince1970: 1_800_000_000),
        previous: String? = nil
    ) -> TranscriptHeader {
        TranscriptHeader(
            session: session, scenario: .init(id: scenarioID, title: "Test interview", checksum: "c", path: "t.yaml"),
            kind: kind, role: role, roleTitle: "Test Engineer", company: "Acme", candidate: "Sam",
            interviewers: interviewers, seed: 1, started: started, appVersion: "test", previousTranscript: previous)
    }

    static func timing(think: Int = 3000, answer: Int = 20000, limit: Int = 120, corrections: Int = 0) -> AnswerTiming {
        AnswerTiming(
            thinkMilliseconds: think, answerMilliseconds: answer, pausedMilliseconds: 0, keystrokes: 10,
            corrections: corrections, longestPauseMilliseconds: 500, limitSeconds: limit,
            isOverLimit: think + answer > limit * 1000)
    }

    /// Keystrokes that type `text` one character at a time, `gap` ms apart, the first after `think` ms.
    static func typing(_ text: String, think: Int = 1000, gap: Int = 100) -> [TypingStep] {
        var steps: [TypingStep] = []
        for (index, character) in text.enumerated() {
            steps.append(
                TypingStep(
                    delayMilliseconds: index == 0 ? think : gap, position: index, deleted: 0,
                    inserted: String(character)))
        }
        steps.append(TypingStep(delayMilliseconds: gap))
        return steps
    }

    static let points = [
        TalkingPoint(point: "The customer", keywords: ["customer", "client"]),
        TalkingPoint(point: "The outcome", keywords: ["outcome", "result"]),
    ]

    /// One question of a transcript: asked, then answered (or skipped), maybe followed up.
    struct Item {
        var id: String
        var text: String = "Tell me about a hard problem."
        var answer: String?
        var think = 3000
        var answerMilliseconds = 20000
        var limit = 120
        var talkingPoints: [TalkingPoint]? = nil
        var repeats: String? = nil
        var followUp: String? = nil
        var typing: [TypingStep]? = nil
        var type: QuestionType? = nil
    }

    static func transcript(
        _ items: [Item], header: TranscriptHeader = header(), candidateQuestions: [String]? = [],
        ended: Bool = true, path: String = "(memory)"
    ) -> Transcript {
        var events: [TranscriptEvent] = [
            .stage(.init(t: 0, stage: "main", title: "Main", interviewer: "ana")),
            .say(.init(t: 0, speaker: "ana", text: "Hello Sam.")),
        ]
        var t = 10
        var answered = 0
        for (index, item) in items.enumerated() {
            events.append(
                .ask(
                    .init(
                        t: t, question: item.id, speaker: "ana", text: item.text, number: index + 1, total: items.count,
                        limitSeconds: item.limit, probe: nil, repeats: item.repeats, talkingPoints: item.talkingPoints,
                        questionType: item.type)))
            if let answer = item.answer {
                t += item.think + item.answerMilliseconds
                events.append(
                    .answer(
                        .init(
                            t: t, question: item.id, probe: nil, text: answer, isRedo: nil,
                            timing: timing(think: item.think, answer: item.answerMilliseconds, limit: item.limit),
                            typing: item.typing ?? typing(answer))))
                answered += 1
                if let followUp = item.followUp {
                    t += 5
                    events.append(
                        .ask(
                            .init(
                                t: t, question: item.id, speaker: "ana", text: "Can you say more?", number: index + 1,
                                total: items.count, limitSeconds: item.limit, probe: "no_numbers", repeats: nil,
                                talkingPoints: nil)))
                    t += 4000
                    events.append(
                        .answer(
                            .init(
                                t: t, question: item.id, probe: "no_numbers", text: followUp, isRedo: nil,
                                timing: timing(think: 1000, answer: 3000, limit: item.limit), typing: typing(followUp)))
                    )
                }
                events.append(.say(.init(t: t + 1, speaker: "ana", text: "Thank you.")))
            } else {
                t += 2000
                events.append(.command(.init(t: t, name: "skip", question: item.id)))
            }
            t += 10
        }
        if let candidateQuestions {
            events.append(.stage(.init(t: t, stage: "ask-us", title: "Your questions", interviewer: "bo")))
            for question in candidateQuestions {
                t += 3000
                events.append(
                    .candidateQuestion(
                        .init(t: t, text: question, speaker: "bo", reply: "Good question.", matched: nil)))
            }
            t += 1000
            events.append(.command(.init(t: t, name: "done", question: nil)))
        }
        if ended {
            events.append(.end(.init(t: t, status: .completed, reason: nil, answered: answered, asked: items.count)))
        }
        return Transcript(header: header, events: events, warnings: [], path: path)
    }

    /// JSON Lines for a transcript, as a file holds it.
    static func jsonLines(_ transcript: Transcript) throws -> String {
        let encoder = TranscriptCoding.encoder()
        var lines = [String(decoding: try encoder.encode(transcript.header), as: UTF8.self)]
        for event in transcript.events { lines.append(String(decoding: try encoder.encode(event), as: UTF8.self)) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "rehearse-review-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/transcripts", withIntermediateDirectories: true)
        return folder
    }

    static let strongAnswer =
        "When a customer called last year about a lost order, I called the warehouse and we shipped a replacement within 2 days, so that the client stayed and the outcome was good for everyone."
}
