import Foundation
import Testing

@testable import RehearseCore
@testable import TerminalText

/// The one measure of columns (`DisplayWidth`, shared with the line editor).
@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("plain ASCII", "Priya", 5),
        ("empty", "", 0),
        ("é precomposed", "caf\u{E9}", 4),
        ("é as e + U+0301", "cafe\u{301}", 4),
        ("two combining marks on one base", "a\u{301}\u{323}", 1),
        ("enclosing mark", "1\u{20DD}", 1),
        ("Devanagari with virama and vowel signs", "नमस्ते", 4),
        ("Devanagari spacing vowel sign", "कि", 2),
        ("Hangul syllables", "한국어", 6),
        ("Hangul spelled in conjoining jamo", "\u{1112}\u{1161}\u{11AB}", 2),
        ("CJK ideographs", "日本語", 6),
        ("kana and an ideographic space", "カナ\u{3000}", 6),
        ("fullwidth Latin", "ＡＢ", 4),
        ("halfwidth katakana", "ｱｲ", 2),
        ("emoji", "😀", 2),
        ("emoji ZWJ family", "👩‍👩‍👧", 2),
        ("emoji ZWJ with VS16", "🏳️‍🌈", 2),
        ("skin tone modifier", "👍🏽", 2),
        ("flag", "🇫🇷", 2),
        ("keycap", "1\u{FE0F}\u{20E3}", 2),
        ("text symbol made emoji by VS16", "\u{2764}\u{FE0F}", 2),
        ("text symbol alone", "\u{2764}", 1),
        ("emoji asked as text with VS15", "\u{263A}\u{FE0E}", 1),
        ("zero-width space", "a\u{200B}b", 2),
        ("word joiner and BOM", "a\u{2060}b\u{FEFF}", 2),
        ("bidi override", "\u{202E}abc\u{202C}", 3),
        ("lone ZWJ", "\u{200D}", 0),
        ("soft hyphen is drawn", "a\u{AD}b", 3),
        ("controls take none here", "\u{1B}\u{7}", 0),
    ])
    func columns(_ name: String, _ text: String, _ expected: Int) {
        #expect(DisplayWidth.of(text) == expected, "\(name)")
    }

    @Test(
        arguments: [
            (Unicode.Scalar(0x301)!, 0), ("\u{94D}", 0), ("\u{200D}", 0), ("\u{FE0F}", 0), ("\u{1161}", 0),
            ("\u{D7B0}", 0),
            ("界", 2), ("\u{1100}", 2), ("😀", 2), ("\u{20000}", 2), ("\u{FF01}", 2), ("A", 1), ("é", 1), ("\u{2764}", 1),
            ("\u{7F}", 0), ("\u{9B}", 0),
        ] as [(Unicode.Scalar, Int)])
    func scalarColumns(_ scalar: Unicode.Scalar, _ expected: Int) {
        #expect(DisplayWidth.of(scalar: scalar) == expected, "U+\(String(scalar.value, radix: 16))")
    }

    @Test func aStringIsTheSumOfItsCharacters() {
        let text = "Ünïcödé 日本 👩‍👩‍👧 नमस्ते \u{1112}\u{1161}\u{11AB}"
        #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of(character: $1) })
        #expect(DisplayWidth.of(text[...]) == DisplayWidth.of(text))
    }

    @Test(arguments: [
        ("", 10, 0), ("abcdefghij", 10, 0), ("abcdefghijk", 10, 1), ("abcdefghi日", 10, 1), ("abcdefgh日", 10, 0),
        ("日本語日本", 10, 0), ("日本語日本x", 10, 1), ("cafe\u{301}cafe\u{301}ab", 10, 0),
        (String(repeating: "a", count: 25), 10, 2),
    ])
    func rowsOfAWrappedLine(_ text: String, _ columns: Int, _ expected: Int) {
        #expect(DisplayWidth.lastRow(of: text, columns: columns) == expected)
    }

    @Test func theWideTableIsSortedAndDisjoint() {
        let ranges = DisplayWidth.wideRanges
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound })
    }
}

/// The one wrapper (`TextLayout`), as the live session, replays and reviews use it.
@Suite struct TextLayoutTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var width: Int
        var text: String
        var lead = ""
        var indent = ""
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "wraps at spaces", width: 20, text: "the quick brown fox jumps over the lazy dog",
            expected: ["the quick brown fox", "jumps over the lazy", "dog"]),
        Case(
            name: "hanging indent under a lead", width: 30, text: "one over the limit; you asked no questions",
            lead: "  Flags: ",
            indent: "         ",
            expected: ["  Flags: one over the limit;", "         you asked no", "         questions"]),
        Case(
            name: "breaks a word longer than a line", width: 20, text: "see https://example.com/a/very/long/path ok",
            expected: ["see", "https://example.com/", "a/very/long/path", "ok"]),
        Case(
            name: "keeps paragraphs, indents the later ones", width: 20, text: "first\nsecond", lead: "> ",
            indent: "  ",
            expected: ["> first", "  second"]),
        Case(name: "makes escape sequences inert", width: 20, text: "\u{1B}[31mred", expected: ["^[[31mred"]),
        Case(
            name: "combining marks take no column", width: 20, text: "नमस्ते नमस्ते नमस्ते नमस्ते नमस्ते",
            expected: ["नमस्ते नमस्ते नमस्ते नमस्ते", "नमस्ते"]),
        Case(
            name: "e + U+0301 counts once", width: 20,
            text: "cafe\u{301} cafe\u{301} cafe\u{301} cafe\u{301} cafe\u{301}",
            expected: ["cafe\u{301} cafe\u{301} cafe\u{301} cafe\u{301}", "cafe\u{301}"]),
        Case(
            name: "wide characters break at the width", width: 20, text: "日本語の文章はスペースなしで続きます",
            expected: ["日本語の文章はスペー", "スなしで続きます"]),
        Case(
            name: "an emoji sequence is one emoji", width: 20, text: "👩‍👩‍👧 👩‍👩‍👧 👩‍👩‍👧 👩‍👩‍👧 👩‍👩‍👧 👩‍👩‍👧 👩‍👩‍👧 👩‍👩‍👧",
            expected: ["👩‍👩‍👧 👩‍👩‍👧 👩‍👩‍👧 👩‍👩‍👧 👩‍👩‍👧 👩‍👩‍👧 👩‍👩‍👧", "👩‍👩‍👧"]),
        Case(
            name: "zero-width characters take no room", width: 20,
            text:
                "a\u{200B}b\u{200B}c\u{200B}d\u{200B}e\u{200B}f\u{200B}g\u{200B}h\u{200B}i\u{200B}j\u{200B}k\u{200B}l\u{200B}m\u{200B}n\u{200B}o\u{200B}p\u{200B}q\u{200B}r\u{200B}s\u{200B}t",
            expected: [
                "a\u{200B}b\u{200B}c\u{200B}d\u{200B}e\u{200B}f\u{200B}g\u{200B}h\u{200B}i\u{200B}j\u{200B}k\u{200B}l\u{200B}m\u{200B}n\u{200B}o\u{200B}p\u{200B}q\u{200B}r\u{200B}s\u{200B}t"
            ]),
    ]

    @Test(arguments: cases)
    func layout(_ testCase: Case) {
        let lines = TextLayout(width: testCase.width).paragraph(
            testCase.text, lead: testCase.lead, indent: testCase.indent)
        #expect(lines == testCase.expected)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= testCase.width })
    }

    @Test func speechStylesTheNameAndKeepsTheIndent() {
        let plain = TextLayout(width: 30).speech(
            name: "Priya Raman", title: "Lead", text: "Tell me about a time you disagreed.", style: .plain)
        #expect(plain == ["Priya Raman (Lead): Tell me", "   about a time you disagreed."])
        let coloured = TextLayout(width: 30).speech(
            name: "Priya Raman", title: "Lead", text: "Hi.", style: TextStyle(colour: true))
        #expect(coloured == ["\u{1B}[1;36mPriya Raman\u{1B}[0m\u{1B}[2m (Lead)\u{1B}[0m: Hi."])
        #expect(TextLayout(width: 30).speech(name: "x\u{1B}", title: nil, text: "Hi.", style: .plain) == ["x^[: Hi."])
    }

    @Test func firstLineMarksWhatWasCut() {
        #expect(TextLayout(width: 20).firstLine("short") == "short")
        #expect(TextLayout(width: 20).firstLine("the quick brown fox jumps") == "the quick brown fox…")
    }

    @Test func truncationCountsColumns() {
        #expect(TextLayout.truncate("日本語の文章", to: 7) == "日本語…")
        #expect(TextLayout.truncate("cafe\u{301}", to: 4) == "cafe\u{301}")
    }
}

@Suite struct DurationTextTests {
    @Test(arguments: [
        (0, "0.0 s"), (-5, "0.0 s"), (4_249, "4.2 s"), (9_949, "9.9 s"), (9_999, "10.0 s"), (10_000, "10 s"),
        (42_400, "42 s"),
        (59_499, "59 s"), (59_500, "1 min 00 s"), (125_000, "2 min 05 s"), (3_600_000, "60 min 00 s"),
    ])
    func measured(_ milliseconds: Int, _ expected: String) {
        #expect(DurationText.milliseconds(milliseconds) == expected)
    }

    @Test(arguments: [
        (0, "0 s"), (-1, "0 s"), (45, "45 s"), (60, "1 min"), (90, "1 min 30 s"), (125, "2 min 5 s"), (600, "10 min"),
    ])
    func wholeSeconds(_ seconds: Int, _ expected: String) {
        #expect(DurationText.seconds(seconds) == expected)
    }

    @Test(arguments: [(0, "0m00s"), (42_999, "0m42s"), (125_000, "2m05s"), (-3, "0m00s")])
    func compact(_ milliseconds: Int, _ expected: String) {
        #expect(DurationText.compact(milliseconds: milliseconds) == expected)
    }

    @Test(arguments: [(0, "~1 min"), (59, "~1 min"), (150, "~2 min"), (720, "~12 min")])
    func planned(_ seconds: Int, _ expected: String) {
        #expect(DurationText.aboutMinutes(seconds: seconds) == expected)
    }

    @Test(arguments: [
        (0, "0:00"), (499, "0:00"), (500, "0:01"), (42_000, "0:42"), (125_000, "2:05"), (3_600_000, "60:00"),
    ])
    func clock(_ milliseconds: Int, _ expected: String) {
        #expect(DurationText.clock(milliseconds: milliseconds) == expected)
    }
}

@Suite struct PromptLabelAndStyleTests {
    @Test func labels() {
        #expect(PromptLabel.question(number: 3, of: 8, askedBy: "Priya Raman") == "[3/8 Priya] › ")
        #expect(PromptLabel.candidateQuestion(for: "Sam") == "[your question for Sam] › ")
        #expect(PromptLabel.question(number: 1, of: 2, askedBy: "\u{1B}]0;x\u{7} Raman") == "[1/2 ^[]0;x^G] › ")
        #expect(PromptLabel.firstName("Priya Raman") == "Priya")
    }

    @Test func thePromptStyleFencesEscapesForTheLineEditor() {
        #expect(
            TextStyle(colour: true).prompt("[1/8 Priya] › ")
                == "\u{01}\u{1B}[1;36m\u{01}[1/8 Priya] › \u{01}\u{1B}[0m\u{01}")
        #expect(TextStyle.plain.prompt("[1/8 Priya] › ") == "[1/8 Priya] › ")
        #expect(TextStyle(colour: true).accent("x") == "\u{1B}[1;36mx\u{1B}[0m")
    }

    @Test func dates() {
        #expect(DateText.minutesUTC("2026-05-01T14:30:07Z") == "2026-05-01 14:30 UTC")
        #expect(DateText.minutesUTC("yesterday") == "yesterday")
        #expect(DateText.minutesUTC(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00 UTC")
    }
}

/// The folders' dependencies: replays draw with Presentation/ and Support/, never Review/; the
/// scenario loader needs nothing from Analysis/.
@Suite struct FolderDependencyTests {
    static let core = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/RehearseCore")

    /// Types, enums and protocols declared at the top level of a folder's files.
    static func declaredTypes(in folder: String) throws -> Set<String> {
        var names: Set<String> = []
        for file in try sources(in: folder) {
            for line in file.split(separator: "\n") where !line.hasPrefix(" ") {
                let words = line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "<" || $0 == "{" })
                if let index = words.firstIndex(where: { ["struct", "enum", "class", "protocol"].contains($0) }),
                    index + 1 < words.count
                {
                    names.insert(String(words[index + 1]))
                }
            }
        }
        return names
    }

    static func sources(in folder: String) throws -> [String] {
        let url = core.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".swift") }
            .map { try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8) }
    }

    static func identifiers(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init))
    }

    @Test(arguments: [
        ("Replay", "Review"), ("Scenario", "Analysis"), ("Presentation", "Review"), ("Support", "Review"),
    ])
    func folderUsesNothingFrom(_ user: String, _ used: String) throws {
        let types = try Self.declaredTypes(in: used)
        #expect(!types.isEmpty)
        let uses = try Self.sources(in: user).reduce(into: Set<String>()) { $0.formUnion(Self.identifiers($1)) }
        #expect(uses.intersection(types).isEmpty, "\(user)/ uses \(used)/'s \(uses.intersection(types).sorted())")
    }
}

/// The live session and its replay label the prompt the same way: one `PromptLabel`.
@Suite struct SharedPromptTests {
    @Test func theReplayShowsTheLivePromptLabels() throws {
        let run = try ScriptedRun(loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))))
        var labels: [String] = []
        while let prompt = run.session.prompt, !run.session.isFinished {
            labels.append(prompt.label)
            run.answer(prompt.kind == .candidateQuestion && labels.count > 5 ? "" : InterviewSessionTests.longStory)
        }
        #expect(labels.first == "[1/4 Ana] › ")
        #expect(labels.contains { $0.hasPrefix("[your question for ") })
        let transcript = try #require(run.recorder.transcript)
        let replay = ReplayScript(transcript: transcript, options: ReplayOptions(width: 200, animatesTyping: false))
            .frames().map(\.text).joined()
        for label in Set(labels) { #expect(replay.contains(label), "\(label)") }
    }
}
