import Foundation
import Testing

@testable import RehearseCore

/// Damaged transcripts keep every answer whose text is intact, and say what was damaged.
@Suite struct TranscriptDamageTests {
    /// A real session's transcript, as JSON lines: three answers (one with a typo corrected), a probe, an end line.
    static func realTranscriptLines() throws -> [String] {
        let run = try ScriptedRun(try loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))), seed: 3)
        run.answer("I led the migration of our billing system.")
        run.answer("It took 3 months and cut failed payments by 40 percent.")
        run.answer("I would start by asking the customer what they expected.")
        run.answer("/quit")
        let transcript = try #require(run.recorder.transcript)
        return try ReviewFixtures.jsonLines(transcript).split(separator: "\n").map(String.init)
    }

    static func answerTexts(_ lines: [String]) throws -> [String] {
        try Transcript.parse(Data((lines.joined(separator: "\n") + "\n").utf8), path: "real.jsonl").answers.map(\.text)
    }

    /// Which line a mutant damages: the header, or the first line of a type.
    enum Target: Sendable {
        case header
        case first(String)
    }

    struct Mutant: Sendable, CustomTestStringConvertible {
        var name: String
        var target: Target
        /// The field the warning must name.
        var field: String
        var edit: @Sendable (inout [String: Any]) -> Void
        var testDescription: String { name }
    }

    static let mutants: [Mutant] = [
        Mutant(name: "seed -1", target: .header, field: "seed") { $0["seed"] = -1 },
        Mutant(name: "version as a string", target: .header, field: "version") { $0["version"] = "1" },
        Mutant(name: "unknown interviewer style", target: .header, field: "style") { header in
            var people = header["interviewers"] as! [[String: Any]]
            people[0]["style"] = "grumpy"
            header["interviewers"] = people
        },
        Mutant(name: "interviewers not a list", target: .header, field: "interviewers") {
            $0["interviewers"] = "Ana and Bo"
        },
        Mutant(name: "started not a date", target: .header, field: "started") { $0["started"] = "last tuesday" },
        Mutant(name: "unknown kind", target: .header, field: "kind") { $0["kind"] = "third" },
        Mutant(name: "session a number", target: .header, field: "session") { $0["session"] = 42 },
        Mutant(name: "scenario a string", target: .header, field: "scenario") { $0["scenario"] = "test-second" },
        Mutant(name: "scenario title missing", target: .header, field: "scenario.title") { header in
            var scenario = header["scenario"] as! [String: Any]
            scenario["title"] = nil
            header["scenario"] = scenario
        },
        Mutant(name: "candidate null", target: .header, field: "candidate") { $0["candidate"] = NSNull() },
        Mutant(name: "role missing", target: .header, field: "role") { $0["role"] = nil },
        Mutant(name: "previous transcript a list", target: .header, field: "previous_transcript") {
            $0["previous_transcript"] = [1]
        },
        Mutant(name: "answer t a string", target: .first("answer"), field: "t") { $0["t"] = "9000" },
        Mutant(name: "answer t missing", target: .first("answer"), field: "t") { $0["t"] = nil },
        Mutant(name: "answer timing a string", target: .first("answer"), field: "timing") { $0["timing"] = "fast" },
        Mutant(name: "answer timing missing", target: .first("answer"), field: "timing") { $0["timing"] = nil },
        Mutant(name: "answer think_ms a string", target: .first("answer"), field: "timing.think_ms") { answer in
            var timing = answer["timing"] as! [String: Any]
            timing["think_ms"] = "3 s"
            answer["timing"] = timing
        },
        Mutant(name: "answer over_limit a string", target: .first("answer"), field: "timing.over_limit") { answer in
            var timing = answer["timing"] as! [String: Any]
            timing["over_limit"] = "no"
            answer["timing"] = timing
        },
        Mutant(name: "answer typing a string", target: .first("answer"), field: "typing") { $0["typing"] = "abc" },
        Mutant(name: "answer typing step misshapen", target: .first("answer"), field: "typing") {
            $0["typing"] = [[1, "x"]]
        },
        Mutant(name: "answer typing step not a list", target: .first("answer"), field: "typing") {
            $0["typing"] = ["x"]
        },
        Mutant(name: "answer probe a number", target: .first("answer"), field: "probe") { $0["probe"] = 7 },
        Mutant(name: "answer redo a string", target: .first("answer"), field: "redo") { $0["redo"] = "yes" },
        Mutant(name: "ask number a string", target: .first("ask"), field: "number") { $0["number"] = "one" },
        Mutant(name: "ask talking points a string", target: .first("ask"), field: "talking_points") {
            $0["talking_points"] = "x"
        },
        Mutant(name: "say speaker a number", target: .first("say"), field: "speaker") { $0["speaker"] = 5 },
        Mutant(name: "stage title a number", target: .first("stage"), field: "title") { $0["title"] = 3 },
        Mutant(name: "end answered a string", target: .first("end"), field: "answered") { $0["answered"] = "2" },
    ]

    @Test(arguments: mutants)
    func aMutantKeepsItsIntactAnswersAndNamesTheDamage(_ mutant: Mutant) throws {
        var lines = try Self.realTranscriptLines()
        let originalTexts = try Self.answerTexts(lines)
        #expect(originalTexts.count == 3)
        let index: Int
        switch mutant.target {
        case .header: index = 0
        case .first(let type):
            index = try #require(lines.firstIndex { $0.contains("\"type\":\"\(type)\"") }, "no \(type) line")
        }
        var object = try #require(try JSONSerialization.jsonObject(with: Data(lines[index].utf8)) as? [String: Any])
        mutant.edit(&object)
        lines[index] = String(
            decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        let path = "/tmp/2027-01-15T080000Z-cafe0001.jsonl"
        let transcript = try Transcript.parse(Data((lines.joined(separator: "\n") + "\n").utf8), path: path)
        #expect(transcript.answers.map(\.text) == originalTexts)
        #expect(transcript.events.count == lines.count - 1, "every event line is kept")
        #expect(transcript.warnings.count == 1, "\(transcript.warnings)")
        let warning = try #require(transcript.warnings.first)
        #expect(warning.hasPrefix("\(path):\(index + 1): "), "\(warning)")
        #expect(warning.contains(mutant.field), "\(warning)")
    }

    @Test func aHeaderThatIsNotJSONStillGivesTheAnswersAndTheFileNameGivesTheDetails() throws {
        var lines = try Self.realTranscriptLines()
        let texts = try Self.answerTexts(lines)
        lines[0] = "{\"format\":\"rehearse-transcr"
        let transcript = try Transcript.parse(
            Data((lines.joined(separator: "\n") + "\n").utf8), path: "/x/2027-01-15T080000Z-cafe0001.jsonl")
        #expect(transcript.answers.map(\.text) == texts)
        #expect(transcript.header.session == "cafe0001")
        #expect(transcript.header.started == (try Date("2027-01-15T08:00:00Z", strategy: .iso8601)))
        #expect(
            transcript.warnings == [
                "/x/2027-01-15T080000Z-cafe0001.jsonl:1: the header could not be read; the session's details come from the file name"
            ])
    }

    @Test func aForeignFormatNameIsReadWithAWarningWhenTheEventsAreATranscript() throws {
        var lines = try Self.realTranscriptLines()
        lines[0] = lines[0].replacingOccurrences(
            of: "\"format\":\"rehearse-transcript\"", with: "\"format\":\"\\u001b]52;c;aGk=\\u0007\"")
        let transcript = try Transcript.parse(Data((lines.joined(separator: "\n") + "\n").utf8), path: "t.jsonl")
        #expect(transcript.answers.count == 3)
        #expect(transcript.warnings.count == 1)
        #expect(transcript.warnings.first?.contains("t.jsonl:1: the header's format is") == true)
    }

    @Test func anAnswerWithoutReadableTextIsSkippedAndTheOthersKept() throws {
        var lines = try Self.realTranscriptLines()
        let texts = try Self.answerTexts(lines)
        let index = try #require(lines.firstIndex { $0.contains("\"type\":\"answer\"") })
        var object = try #require(try JSONSerialization.jsonObject(with: Data(lines[index].utf8)) as? [String: Any])
        object["text"] = 12
        lines[index] = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let transcript = try Transcript.parse(Data((lines.joined(separator: "\n") + "\n").utf8), path: "t.jsonl")
        #expect(transcript.answers.map(\.text) == Array(texts.dropFirst()))
        #expect(
            transcript.warnings == [
                "t.jsonl:\(index + 1): skipped a line that could not be read (an event of type 'answer' without the text or question it needs)"
            ])
    }

    @Test(arguments: [
        ("", "the file is empty"),
        ("{\"a\":1}\n{\"b\":2}\n", "line 1 is not a transcript header"),
        ("{\"format\":\"geojson\"}\n{\"b\":2}\n", "format is 'geojson'"),
        ("version: 1\nid: x\n", "line 1 is not a transcript header"),
        ("[1, 2, 3]\n", "line 1 is not a transcript header"),
    ])
    func aFileThatIsNotATranscriptIsRefused(_ text: String, _ reason: String) throws {
        #expect { try Transcript.parse(Data(text.utf8), path: "x.jsonl") } throws: { error in
            guard case TranscriptError.notATranscript(_, let why)? = error as? TranscriptError else { return false }
            return why == reason
        }
    }

    @Test func aNewerVersionIsStillRefusedWithTheFix() throws {
        var lines = try Self.realTranscriptLines()
        let current = TranscriptHeader.currentVersion
        #expect(lines[0].contains("\"version\":\(current)"))
        lines[0] = lines[0].replacingOccurrences(of: "\"version\":\(current)", with: "\"version\":\(current + 1)")
        #expect { try Transcript.parse(Data((lines.joined(separator: "\n") + "\n").utf8), path: "t.jsonl") } throws: {
            error in
            "\(error)".contains("update rehearse")
        }
    }

    @Test func manyDamagedLinesGiveAtMostTwentyOneWarnings() throws {
        var lines = try Self.realTranscriptLines()
        lines += Array(repeating: "{\"type\":\"say\",\"t\":1}", count: 50)
        let transcript = try Transcript.parse(Data((lines.joined(separator: "\n") + "\n").utf8), path: "t.jsonl")
        #expect(transcript.warnings.count == TranscriptParser.warningLimit + 1)
        #expect(transcript.warnings.last == "t.jsonl: 30 more damaged lines; everything readable was read")
        #expect(transcript.answers.count == 3)
    }

    /// Random damage to one line at a time: nothing crashes, and every answer on an untouched line is read.
    @Test func randomDamageToOneLineNeverLosesAnotherLinesAnswer() throws {
        let lines = try Self.realTranscriptLines()
        var generator = SeededGenerator(seed: 20_261_202)
        var damagedReads = 0
        for number in 0..<400 {
            var mutated = lines.map { Array($0.utf8) }
            let target = Int.random(in: 0..<mutated.count, using: &generator)
            var bytes = mutated[target]
            switch number % 5 {
            case 0:  // overwrite bytes (never with a newline, which would make two lines)
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(
                        in: 0x20...0xFF, using: &generator)
                }
            case 1:  // cut the line short
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
            case 2:  // drop a byte
                bytes.remove(at: Int.random(in: 0..<bytes.count, using: &generator))
            case 3:  // a value of another type after a colon
                if let colon = bytes.indices.filter({ bytes[$0] == UInt8(ascii: ":") }).randomElement(using: &generator)
                {
                    let junk = ["\"x\"", "-1", "[]", "{}", "null", "true", "1.5", "\"\u{1B}]0;t\u{07}\""].randomElement(
                        using: &generator)!
                    let end =
                        bytes[(colon + 1)...].firstIndex { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "}") }
                        ?? bytes.count
                    bytes.replaceSubrange((colon + 1)..<end, with: Array(junk.utf8))
                }
            default:  // drop the line
                bytes = []
            }
            mutated[target] = bytes
            let data = Data(
                mutated.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n").utf8 + [UInt8(ascii: "\n")])
            let expected = lines.enumerated().filter {
                $0.offset != target && $0.element.contains("\"type\":\"answer\"")
            }
            .compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.element.utf8)) as? [String: Any])?["text"] as? String
            }
            do {
                let transcript = try Transcript.parse(data, path: "mutant-\(number).jsonl")
                let texts = transcript.answers.map(\.text)
                #expect(expected.allSatisfy(texts.contains), "mutant \(number) lost an answer on an untouched line")
                if !transcript.warnings.isEmpty { damagedReads += 1 }
                #expect(transcript.warnings.allSatisfy { $0.hasPrefix("mutant-\(number).jsonl") })
            } catch let error as TranscriptError {
                // Only line 1 turned into something newer or foreign may refuse the file.
                #expect(target == 0, "mutant \(number): \(error)")
            }
        }
        #expect(damagedReads > 200)
    }

    @Test func theReviewCanLeaveTheTypingOut() throws {
        let lines = try Self.realTranscriptLines()
        let path = NSTemporaryDirectory() + "rehearse-typing-\(UUID().uuidString).jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let full = try Transcript.read(path: path)
        let lean = try Transcript.read(path: path, keepsTyping: false)
        #expect(full.answers.allSatisfy { !$0.typing.isEmpty })
        #expect(lean.answers.allSatisfy { $0.typing.isEmpty })
        #expect(lean.answers.map(\.text) == full.answers.map(\.text))
        #expect(lean.answers.map(\.timing) == full.answers.map(\.timing))
        #expect(lean.warnings.isEmpty && full.warnings.isEmpty)
    }

    /// Lines longer than the reader's chunk, and lines that straddle chunk boundaries, read whole.
    @Test func linesLongerThanAChunkReadWhole() throws {
        var lines = try Self.realTranscriptLines()
        let long = String(repeating: "a long answer that goes on ", count: LineReader.chunkSize / 9)
        let index = try #require(lines.firstIndex { $0.contains("\"type\":\"answer\"") })
        var object = try #require(try JSONSerialization.jsonObject(with: Data(lines[index].utf8)) as? [String: Any])
        object["text"] = long
        lines[index] = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        // Enough short lines that chunk boundaries fall inside many of them.
        let filler = (0..<20_000).map { "{\"type\":\"say\",\"t\":\($0),\"speaker\":\"ana\",\"text\":\"line \($0) ✓\"}" }
        lines.insert(contentsOf: filler, at: index + 1)
        let path = NSTemporaryDirectory() + "rehearse-long-\(UUID().uuidString).jsonl"
        let text = lines.joined(separator: "\n") + "\n"
        #expect(text.utf8.count > 3 * LineReader.chunkSize)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let read = try Transcript.read(path: path)
        #expect(read == (try Transcript.parse(Data(text.utf8), path: path)))
        #expect(read.answers.first?.text == long)
        #expect(read.events.count == lines.count - 1)
        #expect(read.warnings.isEmpty)
    }

    @Test func aFolderOrAMissingFileIsACleanError() throws {
        #expect { try Transcript.read(path: NSTemporaryDirectory()) } throws: { "\($0)".contains("cannot read") }
        #expect { try Transcript.read(path: "/no/such/transcript.jsonl") } throws: { "\($0)".contains("no such file") }
    }
}
