import Foundation
import Testing

@testable import RehearseCore

/// A tiny terminal: enough of VT100 (CR, LF, CUU, ED, SGR, auto-wrap) to check what a replay
/// leaves on the screen. Cells hold a character with its marks; a wide character takes two
/// cells (the second empty), as `DisplayWidth` counts them.
struct ScreenModel {
    let columns: Int
    var rows: [[String]] = [[]]
    var row = 0
    var column = 0
    var pendingWrap = false

    init(columns: Int) { self.columns = columns }

    mutating func feed(_ text: String) {
        var characters = Array(text.unicodeScalars)[...]
        while let character = characters.popFirst() {
            switch character {
            case "\r":
                column = 0
                pendingWrap = false
            case "\n": newLine()
            case "\u{1B}":
                guard characters.first == "[" else { continue }
                characters.removeFirst()
                var parameter = ""
                while let next = characters.first, ("0"..."9").contains(next) || next == ";" {
                    parameter.append(Character(next))
                    characters.removeFirst()
                }
                guard let command = characters.popFirst() else { return }
                switch command {
                case "A":
                    row = max(0, row - (Int(parameter) ?? 1))
                    pendingWrap = false
                case "J":
                    rows[row] = Array(rows[row].prefix(column))
                    rows.removeLast(rows.count - row - 1)
                case "K": rows[row] = Array(rows[row].prefix(column))
                default: break  // SGR and the rest: no effect on text
                }
            default:
                let width = DisplayWidth.of(scalar: character)
                if width == 0 {
                    // A mark joins the character drawn last, before the cursor.
                    var cell = pendingWrap ? column : column - 1
                    while cell > 0, cell < rows[row].count, rows[row][cell].isEmpty { cell -= 1 }
                    if cell >= 0, cell < rows[row].count { rows[row][cell].unicodeScalars.append(character) }
                    continue
                }
                if pendingWrap || column + width > columns {
                    newLine()
                    column = 0
                }
                while rows[row].count < column + width { rows[row].append(" ") }
                rows[row][column] = String(character)
                if width == 2 { rows[row][column + 1] = "" }
                if column + width >= columns {
                    column = columns - 1
                    pendingWrap = true
                } else {
                    column += width
                }
            }
        }
    }

    mutating func newLine() {
        pendingWrap = false
        row += 1
        if row == rows.count { rows.append([]) }
    }

    var text: String { rows.map { $0.joined() }.joined(separator: "\n") }
}

@Suite struct ReplayScriptTests {
    static func correctedTranscript() -> Transcript {
        // Types "Helo", deletes the "o", types "lo world", continues on a second line, then answers.
        let steps = [
            TypingStep(delayMilliseconds: 4000, position: 0, deleted: 0, inserted: "Helo"),
            TypingStep(delayMilliseconds: 300, position: 3, deleted: 1, inserted: ""),
            TypingStep(delayMilliseconds: 300, position: 3, deleted: 0, inserted: "lo world"),
            TypingStep(delayMilliseconds: 200, position: 11, deleted: 0, inserted: "\\"),
            TypingStep(delayMilliseconds: 200, position: 11, deleted: 1, inserted: "\n"),
            TypingStep(delayMilliseconds: 60_000, position: 12, deleted: 0, inserted: "second line"),
            TypingStep(delayMilliseconds: 100),
        ]
        let answerText = "Hello world\nsecond line"
        return ReviewFixtures.transcript([
            .init(id: "q1", answer: answerText, think: 4000, answerMilliseconds: 61_100, typing: steps)
        ])
    }

    static func frames(_ transcript: Transcript, animated: Bool, width: Int = 60) -> [ReplayFrame] {
        ReplayScript(transcript: transcript, options: ReplayOptions(width: width, animatesTyping: animated)).frames()
    }

    @Test func typedAnswersEndOnScreenAsTheyWereSubmitted() {
        let transcript = Self.correctedTranscript()
        var screen = ScreenModel(columns: 60)
        for frame in Self.frames(transcript, animated: true) { screen.feed(frame.text) }
        let instant = Self.frames(transcript, animated: false).map(\.text).joined()
        #expect(screen.text.contains("[1/1 Ana] › Hello world\\\n… › second line"))
        #expect(instant.contains("[1/1 Ana] › Hello world\n… › second line"))
        #expect(!screen.text.contains("Helo "))
    }

    @Test func wrappedLinesAreRedrawnInPlace() {
        let long = String(repeating: "abcdefghij ", count: 9) + "end"
        let steps = [
            TypingStep(delayMilliseconds: 1000, position: 0, deleted: 0, inserted: long + "x"),
            TypingStep(delayMilliseconds: 100, position: long.count, deleted: 1, inserted: ""),
        ]
        let transcript = ReviewFixtures.transcript([.init(id: "q1", answer: long, typing: steps)])
        var screen = ScreenModel(columns: 40)
        for frame in Self.frames(transcript, animated: true, width: 40) { screen.feed(frame.text) }
        let flat = screen.text.replacingOccurrences(of: "\n", with: "")
        #expect(flat.contains("[1/1 Ana] › " + long + "   think"))
        #expect(!flat.contains("endx"))
    }

    /// A correction redraws the wrapped line from its first row, which takes counting its columns
    /// right: combining marks none, wide characters and emoji two.
    @Test(arguments: ["नमस्ते दुनिया ", "日本語の答え ", "cafe\u{301} re\u{301}sume\u{301} ", "👩‍👩‍👧 ❤\u{FE0F} ok\u{200B}go "])
    func wrappedLinesOfWideAndCombiningTextAreRedrawnInPlace(_ piece: String) {
        let long = String(repeating: piece, count: 8) + "end"
        let steps = [
            TypingStep(delayMilliseconds: 1000, position: 0, deleted: 0, inserted: long + "x"),
            TypingStep(delayMilliseconds: 100, position: long.count, deleted: 1, inserted: ""),
        ]
        let transcript = ReviewFixtures.transcript([.init(id: "q1", answer: long, typing: steps)])
        var screen = ScreenModel(columns: 40)
        for frame in Self.frames(transcript, animated: true, width: 40) { screen.feed(frame.text) }
        let flat = screen.text.replacing("\n", with: "")
        #expect(
            screen.text.contains("Ana Lopez (Lead): Tell me about a hard"), "the redraw goes no higher than the answer")
        #expect(flat.contains("[1/1 Ana] › " + long + "   think"))
        #expect(!flat.contains("endx"))
    }

    @Test func framesFollowTheRecordedTimesAndPauseAreCapped() {
        let frames = Self.frames(Self.correctedTranscript(), animated: true)
        #expect(frames.map(\.time) == frames.map(\.time).sorted())
        let delays = ReplayPacing(speed: 1, idleLimitMilliseconds: 2000).delays(for: frames)
        #expect(delays.max() == 2000)
        #expect(delays.first == 0)
        let fast = ReplayPacing(speed: 4, idleLimitMilliseconds: nil).delays(for: frames)
        #expect(fast.max() == 15_000)
    }

    @Test func turnsStartAtStagesQuestionsAfterAnswersAndQuestionsToThePanel() {
        let transcript = ReviewFixtures.transcript(
            [.init(id: "q1", answer: "One."), .init(id: "q2", answer: nil), .init(id: "q3", answer: "Three.")],
            candidateQuestions: ["Why?"])
        let turns = Self.frames(transcript, animated: false).filter(\.startsTurn)
        // The second and third questions (each after an answer or a skip) and the stage of questions to the panel.
        #expect(turns.count == 3)
        #expect(turns[0].text.contains("Tell me about") && turns[1].text.contains("Tell me about"))
        #expect(turns[2].text.contains("Your questions"))
    }

    @Test func escapeSequencesInTranscriptTextAreInert() throws {
        let hostile = "pwn \u{1B}]52;c;SGVsbG8=\u{07} \u{1B}[21t \u{1B}[2J\u{1B}[H \u{9B}31m \u{9D}"
        var header = ReviewFixtures.header()
        header.interviewers[0].name = "Ana \u{1B}]0;title\u{07}"
        header.scenario.title = "Title \u{9B}2J"
        var transcript = ReviewFixtures.transcript(
            [.init(id: "q1", text: "Q \u{1B}[2J", answer: hostile, typing: ReviewFixtures.typing(hostile))],
            header: header, candidateQuestions: [hostile])
        transcript.events.insert(.notice(.init(t: 5, text: hostile, question: "q1")), at: 3)
        transcript.events.insert(.note(.init(t: 6, text: hostile, question: "q1")), at: 4)
        for animated in [true, false] {
            let output = Self.frames(transcript, animated: animated).map(\.text).joined()
            #expect(!output.unicodeScalars.contains { (0x80...0x9F).contains($0.value) || $0.value == 0x07 })
            #expect(
                !output.contains("\u{1B}]") && !output.contains("\u{1B}[21t") && !output.contains("\u{1B}[2J")
                    && !output.contains("\u{1B}[H"))
            #expect(output.contains("^[]52;c;SGVsbG8=^G"))
            // Only the app's own cursor moves: up, carriage return and erase below.
            let escapes = output.components(separatedBy: "\u{1B}").dropFirst().map { String($0.prefix(4)) }
            #expect(
                escapes.allSatisfy {
                    $0.hasPrefix("[J") || $0.range(of: "^\\[[0-9]+A", options: .regularExpression) != nil
                })
        }
        let cast = AsciicastExporter.render(transcript: transcript, width: 80)
        #expect(!cast.unicodeScalars.contains { $0.value == 0x1B || (0x80...0x9F).contains($0.value) })
        for export in [
            TranscriptMarkdownExporter.render(transcript), TranscriptHTMLExporter.render(transcript),
            ReviewHTMLRenderer.render(ReviewBuilder().review(transcript)),
            ReviewMarkdownRenderer.render(ReviewBuilder().review(transcript)),
            try ReviewJSONRenderer.render(ReviewBuilder().review(transcript)),
            ReviewTextRenderer(width: 80).render(ReviewBuilder().review(transcript)),
        ] {
            #expect(
                !export.unicodeScalars.contains {
                    $0.value == 0x1B || $0.value == 0x07 || (0x80...0x9F).contains($0.value)
                })
        }
    }

    @Test func aCutOffTranscriptSaysSoAtTheEnd() {
        let transcript = ReviewFixtures.transcript(
            [.init(id: "q1", answer: "One.")], candidateQuestions: nil, ended: false)
        let output = Self.frames(transcript, animated: false).map(\.text).joined()
        #expect(output.contains("the session was cut off"))
    }

    @Test func asciicastIsVersionTwoWithIncreasingTimes() throws {
        let cast = AsciicastExporter.render(
            transcript: Self.correctedTranscript(), width: 72, pacing: ReplayPacing(speed: 2))
        let lines = cast.split(separator: "\n").map { Data($0.utf8) }
        let header = try #require(try JSONSerialization.jsonObject(with: lines[0]) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 72)
        #expect(header["timestamp"] as? Int == 1_800_000_000)
        var previous = -1.0
        var text = ""
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: line) as? [Any])
            let time = try #require(event[0] as? Double)
            #expect(time >= previous)
            previous = time
            #expect(event[1] as? String == "o")
            text += try #require(event[2] as? String)
        }
        var screen = ScreenModel(columns: 72)
        screen.feed(text)
        #expect(screen.text.contains("[1/1 Ana] › Hello world"))
        #expect(previous <= 8)
    }

    /// A transcript with `/hint` on its first question; `text` as recorded (nil: an older transcript).
    static func hintedTranscript(text: String?) -> Transcript {
        var transcript = ReviewFixtures.transcript([.init(id: "q1", answer: "One.")])
        transcript.events.insert(.command(.init(t: 20, name: "hint", question: "q1", text: text)), at: 3)
        return transcript
    }

    @Test func hintsShowTheTextThePersonSaw() {
        let transcript = Self.hintedTranscript(text: "Hint: Say what happened.")
        for animated in [true, false] {
            let text = Self.frames(transcript, animated: animated).map(\.text).joined()
            #expect(text.contains("/hint\(animated ? "\r\n" : "\n")Hint: Say what happened."), "\(text)")
            #expect(!text.contains("(hint shown)"))
        }
        #expect(TranscriptMarkdownExporter.render(transcript).contains("*/hint*: Hint: Say what happened."))
        #expect(TranscriptHTMLExporter.render(transcript).contains("/hint: Hint: Say what happened."))
    }

    @Test func olderTranscriptsTakeTheHintFromTheirUnchangedScenario() throws {
        let yaml = sampleScenarioYAML(extraProbes: probeYAML("no_numbers")).replacingOccurrences(
            of: "hint: \"Say what happened.\"",
            with: "hint: \"Tell {interviewer} what {company} gained.\"")
        let path = try writeTemporary(yaml)
        let scenario = try ScenarioLoader.load(path: path)
        var transcript = Self.hintedTranscript(text: nil)
        transcript.header.scenario.path = path
        transcript.header.scenario.checksum = scenario.checksum
        let hints = RecordedHints.fromScenario(of: transcript)
        #expect(hints == ["q1": "Hint: Tell Ana Lopez what Acme gained."])
        let options = ReplayOptions(width: 60, animatesTyping: false, hints: hints)
        #expect(
            ReplayScript(transcript: transcript, options: options).frames().map(\.text).joined().contains(
                "Hint: Tell Ana Lopez what Acme gained."))

        transcript.header.scenario.checksum = "fnv1a64:0000000000000000"
        #expect(
            RecordedHints.fromScenario(of: transcript).isEmpty,
            "an edited scenario may no longer hold the hint that was shown")
        let text = Self.frames(transcript, animated: false).map(\.text).joined()
        #expect(text.contains("(hint shown; its text is not in this transcript)"))
    }

    @Test func markdownAndHTMLExportsHoldTheConversationAndTheChart() {
        let transcript = Self.correctedTranscript()
        let markdown = TranscriptMarkdownExporter.render(transcript)
        #expect(markdown.contains("> Hello world\n> second line"))
        #expect(markdown.contains("## Time per question"))
        let html = TranscriptHTMLExporter.render(transcript)
        #expect(html.contains("<svg") && html.contains("class=\"limit\""))
        #expect(!html.contains("<script") && !html.contains("http://") || html.contains("http://www.w3.org/2000/svg"))
        #expect(!html.contains("src=") && !html.contains("href=\"http"))
    }

    @Test func damagedNumbersInATranscriptNeitherCrashNorHang() throws {
        let huge = Int.max
        var transcript = ReviewFixtures.transcript([
            .init(
                id: "q1", answer: "Fine.",
                typing: [
                    TypingStep(delayMilliseconds: huge, position: huge, deleted: huge, inserted: "x"),
                    TypingStep(delayMilliseconds: -5, position: -3, deleted: -1, inserted: "y"),
                    TypingStep(delayMilliseconds: huge),
                ])
        ])
        transcript.events.append(.notice(.init(t: Int.min, text: "odd", question: "q1")))
        if case .answer(var answer) = transcript.events[3] {
            answer.timing.thinkMilliseconds = huge
            answer.timing.answerMilliseconds = huge
            answer.t = huge
            answer.timing.limitSeconds = huge
            transcript.events[3] = .answer(answer)
        }
        if case .ask(var ask) = transcript.events[2] {
            ask.limitSeconds = huge
            ask.t = Int.min
            transcript.events[2] = .ask(ask)
        }
        for animated in [true, false] {
            let frames = Self.frames(transcript, animated: animated)
            _ = ReplayPacing().delays(for: frames)
        }
        let review = ReviewBuilder().review(transcript)
        _ = ReviewTextRenderer(width: 80).render(review)
        _ = ReviewHTMLRenderer.render(review)
        _ = try ReviewJSONRenderer.render(review)
        _ = AsciicastExporter.render(transcript: transcript, width: 80)
        _ = TranscriptMarkdownExporter.render(transcript)
        _ = TranscriptHTMLExporter.render(transcript)
    }
}
