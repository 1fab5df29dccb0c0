// End-to-end tests of the journey across real rounds: `debrief` typed and piped, then
// `practice --after last-real`, `review` and `prep`.

import Foundation
import RehearseCore
import TestSupport
import Testing

/// The debrief used throughout, in the documented piped layout.
let pipedDebrief = """
    Q: (Dana) Tell me about a time you led a team.
    A: At Brightmoor I ran a rota of 6 people
    for the winter peak and cut callbacks by 30%.

    Q: Why do you want to work here?
    A: I like your heat pumps.
    CONCERN: asked twice about my lack of team-lead experience
    CONCERN: (Sam) whether I can handle \u{1B}[31m billing systems
    WISH: mention the 30% drop in callbacks

    """

let debriefFlags = [
    "debrief", "--company", "Acme", "--role", "customer-service", "--date", "2026-11-30",
    "--interviewer", "Dana Reyes, Support Lead", "--interviewer", "Sam Okafor, Analyst",
]

/// A transcript's events with the times zeroed, for comparing two recordings of the same debrief.
func untimed(_ transcript: Transcript) -> [TranscriptEvent] {
    transcript.events.map { event in
        switch event {
        case .ask(var ask):
            ask.t = 0
            return .ask(ask)
        case .answer(var answer):
            answer.t = 0
            return .answer(answer)
        case .note(var note):
            note.t = 0
            return .note(note)
        case .end(var end):
            end.t = 0
            return .end(end)
        default: return event
        }
    }
}

@Suite(.serialized) struct DebriefTests {
    @Test func aPipedDebriefThenTheNextRoundThenReviewAndPrep() throws {
        let sandbox = try RehearseSandbox()
        let debrief = try sandbox.run(debriefFlags, stdin: pipedDebrief)
        #expect(debrief.status == 0, "\(debrief.stderr)")
        let real = try #require(sandbox.transcripts().first)
        #expect(real.header.source == .real)
        #expect(real.header.version == TranscriptHeader.currentVersion)
        #expect(real.header.interviewDate == "2026-11-30")
        #expect(real.asks.map(\.text) == ["Tell me about a time you led a team.", "Why do you want to work here?"])
        #expect(
            real.answers.first?.text
                == "At Brightmoor I ran a rota of 6 people\nfor the winter peak and cut callbacks by 30%.")
        // Escape sequences are stored exactly.
        #expect(
            real.events.contains {
                if case .note(let note) = $0 {
                    note.text == "whether I can handle \u{1B}[31m billing systems"
                } else {
                    false
                }
            })

        let list = try sandbox.run(["transcripts"])
        #expect(list.stdout.contains("REAL at Acme"))
        let unknown = try sandbox.run(["practice", "--after", "zz"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Recent rounds") && unknown.stderr.contains(real.header.session))

        // The next round: the first real question answered with other numbers than in the debrief.
        let answers =
            [
                "At Brightmoor I ran a rota of 9 people for the winter peak and cut callbacks by 40 percent in the end.",
                "I like your heat pumps and the way you train new starters, which I read about last week.",
            ]
            + Array(
                repeating: "I handled it myself last year and the result was that 3 customers stayed with us.",
                count: 20)
        let practice = try sandbox.run(
            ["practice", "--after", "last-real", "--seed", "5"], stdin: answers.joined(separator: "\n") + "\n")
        #expect(practice.status == 0, "\(practice.stderr)")
        let next = try #require(sandbox.transcripts().first { $0.header.source != .real })
        #expect(next.header.scenario.id == "after-\(real.header.session)-second")
        let asks = next.asks.filter { $0.probe == nil }
        #expect(
            asks.prefix(2).map(\.repeats) == ["debrief-\(real.header.session)/q1", "debrief-\(real.header.session)/q2"])
        let concern = try #require(asks.first { $0.question == "concern-2" })
        #expect(concern.speaker == "sam-okafor")
        #expect(concern.text.contains("\u{1B}") == false)

        let review = try sandbox.run(["review", next.header.session, "--format", "json"])
        #expect(review.status == 0, "\(review.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(review.stdout.utf8)) as? [String: Any])
        let questions = try #require(json["questions"] as? [[String: Any]])
        let first = try #require(questions.first { $0["question"] as? String == "again-1" })
        let rules = ((first["findings"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.contains("numbers_changed"))
        let concernReview = try #require(questions.first { $0["question"] as? String == "concern-1" })
        let points = try #require(concernReview["talking_points"] as? [String: Any])
        #expect(
            (points["covered"] as? [String] ?? []) + (points["missed"] as? [String] ?? []) == [
                "Addresses the concern: your lack of team-lead experience"
            ])

        let realReview = try sandbox.run(["review", "last-real", "--format", "json"])
        #expect(realReview.status == 0)
        let realJSON = try #require(
            try JSONSerialization.jsonObject(with: Data(realReview.stdout.utf8)) as? [String: Any])
        let realRules = ((realJSON["questions"] as? [[String: Any]]) ?? []).flatMap { question in
            ((question["findings"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }
        }
        #expect(realRules.contains("short_answer"))  // content rules apply…
        #expect(!realRules.contains("long_think") && !realRules.contains("over_limit"))  // …timing rules do not

        let prep = try sandbox.run(["prep", "last-real", "--width", "100"])
        #expect(prep.status == 0, "\(prep.stderr)")
        #expect(prep.stdout.contains("Numbers to keep: 6, 30"))
        #expect(prep.stdout.contains("How will you measure success in this role?"))
        #expect(prep.stdout.contains("^[[31m") && !prep.stdout.contains("\u{1B}"))
        let markdown = try sandbox.run(["prep", real.header.session, "--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# Prep for your next interview at Acme"))
    }

    @Test func badPipedInputIsRefusedNamingTheLineAndSavesNothing() throws {
        let sandbox = try RehearseSandbox()
        let unknown = try sandbox.run(debriefFlags, stdin: "Q: one\n\nNOTE: two\n")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("line 3") && unknown.stderr.contains("NOTE:"))
        let none = try sandbox.run(debriefFlags, stdin: "\n\n")
        #expect(none.status == 1)
        #expect(none.stderr.contains("no questions"))
        let noFlags = try sandbox.run(["debrief"], stdin: "Q: one\n")
        #expect(noFlags.status == 2 && noFlags.stderr.contains("--company"))
        #expect(sandbox.transcripts().isEmpty)
        let missing = try sandbox.run(["practice", "--after", "last-real"])
        #expect(missing.status == 2 && missing.stderr.contains("rehearse debrief"))
    }

    @Test func aTypedDebriefWithEditingAndContinuationEqualsThePipedOne() throws {
        let sandbox = try RehearseSandbox()
        let terminal = try sandbox.start(["debrief", "--candidate", "Tester"])
        guard waitForPrompt(terminal, "Company: ") else { return }
        terminal.send("Acme\r")
        guard waitForPrompt(terminal, "Role: ") else { return }
        terminal.send("customer-serv")
        terminal.sendKeys(.tab)
        terminal.send("\r")
        guard waitForPrompt(terminal, "[first]: ") else { return }
        terminal.send("\r")
        guard waitForPrompt(terminal, "Date [") else { return }
        terminal.send("2026-11-30\r")
        guard waitForPrompt(terminal, "Interviewer 1 (Name, Title): ") else { return }
        terminal.send("Dana Reyes, Support Lead\r")
        guard waitForPrompt(terminal, "Interviewer 2 (Name, Title): ") else { return }
        terminal.send("Sam Okafor, Analyst\r")
        guard waitForPrompt(terminal, "Interviewer 3 (Name, Title): ") else { return }
        terminal.send("\r")
        guard waitForPrompt(terminal, "Question 1: ") else { return }
        // Typed with a mistake fixed by line editing: Ctrl-A, then the speaker.
        terminal.send("Tell me about a time you led a team.")
        #expect(terminal.waitFor("team."))
        terminal.sendKeys(.ctrlA)
        terminal.send("(Dana) \r")
        guard waitForPrompt(terminal, "Your answer: ") else { return }
        terminal.send("At Brightmoor I ran a rota of 6 people \\\r")
        guard waitForPrompt(terminal, "... ") else { return }
        terminal.send("for the winter peak and cut callbacks by 30%.\r")
        guard waitForPrompt(terminal, "Question 2: ") else { return }
        terminal.send("Why do you want to work here?\r")
        guard waitForPrompt(terminal, "Your answer: ") else { return }
        terminal.send("I like your heat pumps.\r")
        guard waitForPrompt(terminal, "Question 3: ") else { return }
        terminal.send("\r")
        guard waitForPrompt(terminal, "Concern: ") else { return }
        terminal.send("asked twice about my lack of team-lead experience\r")
        guard waitForPrompt(terminal, "Concern: ") else { return }
        terminal.send("(Sam) whether I can handle \u{16}\u{1B}[31m billing systems\r")
        guard waitForPrompt(terminal, "Concern: ") else { return }
        terminal.send("\r")
        guard waitForPrompt(terminal, "Wish: ") else { return }
        terminal.send("mention the 30% drop in callbacks\r")
        guard waitForPrompt(terminal, "Wish: ") else { return }
        terminal.send("\r")
        #expect(terminal.waitForExit(timeout: 10) == 0)
        let typed = try #require(sandbox.transcripts().first)

        let other = try RehearseSandbox()
        let piped = try other.run(debriefFlags + ["--candidate", "Tester"], stdin: pipedDebrief)
        #expect(piped.status == 0, "\(piped.stderr)")
        let fromPipe = try #require(other.transcripts().first)
        #expect(untimed(typed) == untimed(fromPipe))
        var typedHeader = typed.header
        var pipedHeader = fromPipe.header
        typedHeader.session = ""
        typedHeader.started = Date(timeIntervalSince1970: 0)
        typedHeader.scenario.id = ""
        typedHeader.scenario.title = ""
        pipedHeader.session = ""
        pipedHeader.started = Date(timeIntervalSince1970: 0)
        pipedHeader.scenario.id = ""
        pipedHeader.scenario.title = ""
        #expect(typedHeader == pipedHeader)
    }

    @Test func killNineDuringADebriefKeepsEveryEntrySubmitted() throws {
        let sandbox = try RehearseSandbox()
        let terminal = try sandbox.start(debriefFlags)
        guard waitForPrompt(terminal, "[first]: ") else { return }
        terminal.send("second\r")
        guard waitForPrompt(terminal, "Question 1: ") else { return }
        terminal.send("What is your biggest weakness?\r")
        guard waitForPrompt(terminal, "Your answer: ") else { return }
        terminal.send("Saying yes to too much, \\\r")
        guard waitForPrompt(terminal, "... ") else { return }
        terminal.send("so now I plan my week on Mondays.\r")
        guard waitForPrompt(terminal, "Question 2: ") else { return }
        terminal.send("Where do you see yourself in five years?\r")
        guard waitForPrompt(terminal, "Your answer: ") else { return }
        terminal.send("Half-typed and never submitted")
        #expect(terminal.waitFor("submitted"))
        terminal.signal(SIGKILL)
        #expect(terminal.waitForExit(timeout: 10) != nil)
        let transcript = try #require(sandbox.transcripts().first)
        #expect(transcript.header.source == .real)
        #expect(transcript.header.kind == .second)
        #expect(
            transcript.asks.map(\.text) == [
                "What is your biggest weakness?", "Where do you see yourself in five years?",
            ])
        #expect(transcript.answers.map(\.text) == ["Saying yes to too much,\nso now I plan my week on Mondays."])
        #expect(transcript.end == nil)
    }
}
