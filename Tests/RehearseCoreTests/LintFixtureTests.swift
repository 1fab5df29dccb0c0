import Foundation
import Testing

@testable import RehearseCore

/// Broken scenario files and the exact diagnostics `scenarios lint` gives for them. Each fixture
/// is a clean base scenario with one edit; `‸` marks where each expected diagnostic points (in
/// order of line and column) and is removed before the file is written.
@Suite struct LintFixtureTests {
    @Test(arguments: lintFixtures)
    func reportsTheExpectedDiagnostics(_ fixture: LintFixture) throws {
        let (source, places) = MarkedSource.strip(fixture.source)
        #expect(
            places.count == fixture.expected.count,
            "fixture '\(fixture.name)' has \(places.count) marks for \(fixture.expected.count) diagnostics")
        let path = try writeTemporary(source, name: "\(fixture.name).yaml")
        let result = ScenarioLoader.read(path: path)
        let expected = zip(places, fixture.expected).map { place, expectation in
            Diagnostic(
                file: path, line: place.line, column: place.column, severity: expectation.severity,
                message: expectation.message, suggestion: expectation.suggestion)
        }
        #expect(result.diagnostics == expected, "fixture '\(fixture.name)'")
        #expect((result.scenario == nil) == expected.contains { $0.severity == .error })
    }

    @Test func theBasesAreClean() throws {
        for base in [lintBase, lintSamePersonBase] {
            let result = ScenarioLoader.read(path: try writeTemporary(base))
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
            #expect(result.scenario != nil)
        }
    }

    @Test func thereAreAtLeastThirtyFixtures() {
        #expect(lintFixtures.count >= 30)
        #expect(Set(lintFixtures.map(\.name)).count == lintFixtures.count, "fixture names are unique")
    }
}

/// One broken file and what lint must say about it.
struct LintFixture: Sendable, CustomTestStringConvertible {
    struct Expectation: Sendable {
        var severity: Diagnostic.Severity
        var message: String
        var suggestion: String?
    }

    var name: String
    var source: String
    var expected: [Expectation]
    var testDescription: String { name }

    /// `base` with `old` (which must occur exactly once) replaced by `new`.
    init(
        _ name: String, in base: String = lintBase, replacing old: String, with new: String, _ expected: Expectation...
    ) {
        precondition(
            base.components(separatedBy: old).count == 2,
            "'\(old)' must occur exactly once in the base of fixture '\(name)'")
        self.name = name
        self.source = base.replacingOccurrences(of: old, with: new)
        self.expected = expected
    }

    init(_ name: String, source: String, _ expected: Expectation...) {
        self.name = name
        self.source = source
        self.expected = expected
    }
}

extension LintFixture.Expectation {
    static func error(_ message: String, _ suggestion: String? = nil) -> Self {
        .init(severity: .error, message: message, suggestion: suggestion)
    }

    static func warning(_ message: String, _ suggestion: String? = nil) -> Self {
        .init(severity: .warning, message: message, suggestion: suggestion)
    }
}

/// Text with `‸` marks, as in swift-format's tests: the marks' places, and the text without them.
enum MarkedSource {
    static let mark: Unicode.Scalar = "‸"

    static func strip(_ marked: String) -> (text: String, places: [SourcePlace]) {
        var places: [SourcePlace] = []
        var lines: [String] = []
        for (index, line) in marked.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var clean = String.UnicodeScalarView()
            for scalar in line.unicodeScalars {
                if scalar == mark {
                    places.append(SourcePlace(line: index + 1, column: clean.count + 1))
                } else {
                    clean.append(scalar)
                }
            }
            lines.append(String(clean))
        }
        return (lines.joined(separator: "\n"), places)
    }
}

/// A clean second interview: two interviewers, `pick`, probes, and the candidate's questions.
let lintBase = """
    version: 1
    id: lint-base
    title: Lint base
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
        pick: 2
        questions:
          - id: q1
            text: "Tell me about a hard problem."
            time_limit: 90
            talking_points:
              - point: The customer
                keywords: [customer, client]
              - point: The outcome
                keywords: [outcome, result]
            hint: "Say what happened."
            max_probes: 2
            probes:
              - when: too_few_words
                min_words: 30
                ask: "Could you say more?"
              - when: missing_point
                point: 2
                ask: "What was the outcome?"
          - id: q2
            text: "Why {company}?"
          - id: q3
            text: "What is your strength?"
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

/// A clean same-person interview: a revisit stage, then the candidate's questions.
let lintSamePersonBase = """
    version: 1
    id: lint-same
    title: Lint same
    role: testing
    role_title: Test Engineer
    kind: same-person
    company: Acme
    interviewers:
      - id: ana
        name: Ana Lopez
        title: Lead
        style: warm
    stages:
      - id: back
        type: revisit
        interviewer: ana
        pick: 2
        ask: "You said {previous_answer}. Could you say more?"
        questions:
          - id: fallback-one
            text: "Tell me about your background."
      - id: ask-us
        type: candidate_questions
        interviewer: ana
        replies:
          - keywords: [team]
            reply: "Six people."
        fallback: "Good question."

    """

let lintFixtures: [LintFixture] = [
    // YAML syntax, said in our words with the likely fix
    LintFixture(
        "unclosed-flow-list", replacing: "    keywords: [customer, client]", with: "    keywords: ‸[customer, client",
        .error("the list opened with '[' here is never closed", "end it with ']', and separate its items with ', '")),
    LintFixture(
        "tab-indentation", replacing: "        hint: \"Say what happened.\"", with: "‸\thint: \"Say what happened.\"",
        .error("a tab is used for indentation", "YAML indents with spaces only: replace the tab with spaces")),
    LintFixture(
        "colon-in-plain-text", replacing: "        hint: \"Say what happened.\"",
        with: "        hint: Say‸: what happened.",
        .error(
            "the value of 'hint' contains ': ', which YAML reads as the start of another key",
            "put the whole value in double quotes: hint: \"Say: what happened.\"")),
    LintFixture(
        "colon-in-a-long-value", replacing: "        hint: \"Say what happened.\"",
        with: "        hint: Say what happened, then what you did and how it ended‸: the result.",
        .error(
            "the value of 'hint' contains ': ', which YAML reads as the start of another key",
            "put the whole value in double quotes: hint: \"…\"")),
    LintFixture(
        "unclosed-quote", replacing: "    fallback: \"Good question.\"\n    max_questions: 3\n",
        with: "    fallback: ‸\"Good question.\n    max_questions: 3\n",
        .error("this quote is never closed", "end the text with a closing \"")),
    LintFixture(
        "unclosed-quote-before-another", replacing: "        hint: \"Say what happened.\"",
        with: "        hint: ‸\"Say what happened.",
        .error(
            "this quote is never closed: YAML reads on to line 38 as part of the text", "end the text with a closing \""
        )),
    LintFixture(
        "key-indented-too-far", replacing: "    title: Lead\n", with: "      title‸: Lead\n",
        .error(
            "'title' is indented more than the key above it, so YAML reads it as part of that value",
            "line 'title' up with the keys above it, using spaces")),
    LintFixture(
        "missing-list-dash", replacing: "  - id: bo\n", with: "  ‸id: bo\n",
        .error(
            "this line is inside a list but is not a list item",
            "start a new item with '- ', or indent the line like the keys of the item above it")),
    LintFixture(
        "key-indented-like-the-list", replacing: "        hint: \"Say what happened.\"",
        with: "      ‸hint: \"Say what happened.\"",
        .error(
            "this line is inside a list but is not a list item",
            "start a new item with '- ', or indent the line like the keys of the item above it")),
    LintFixture(
        "text-after-closing-quote", replacing: "        text: \"Why {company}?\"",
        with: "        text: \"Why {company}?\" ‸today",
        .error("text after the closing quote of a value", "put the whole value inside the quotes")),
    LintFixture(
        "key-without-colon", replacing: "        hint: \"Say what happened.\"",
        with: "        ‸hint \"Say what happened.\"",
        .error(
            "this line has text but no 'key: ' and is not a list item",
            "add ': ' after the key, start a list item with '- ', or put text that spans lines in double quotes")),
    LintFixture(
        "list-item-after-a-key", replacing: "        hint: \"Say what happened.\"",
        with: "        hint: ‸- Say what happened.",
        .error(
            "a list item ('- ') cannot start on the same line as its key",
            "start the list on the next line, indented, or put the text in double quotes")),
    LintFixture(
        "reserved-first-character", replacing: "        hint: \"Say what happened.\"", with: "        hint: ‸@home",
        .error("a value cannot start with '@' unless it is quoted", "put the text in double quotes")),
    LintFixture(
        "duplicate-key", replacing: "        hint: \"Say what happened.\"\n",
        with: "        hint: \"Say what happened.\"\n        ‸hint: \"Again.\"\n",
        .error("duplicate key 'hint' (first at line 33)", "keep one of them")),
    LintFixture(
        "two-documents", source: lintBase + "‸---\nid: other\n",
        .error("the file holds more than one YAML document", "keep one scenario per file, without a second '---'")),
    LintFixture(
        "undefined-alias", replacing: "- keywords: [team]", with: "- keywords: ‸*team-words",
        .error(
            "the alias '*team-words' has no anchor '&team-words' before it",
            "define the anchor before using the alias, or write the value out")),
    LintFixture(
        "empty-file", source: "‸\n# nothing here\n",
        .error("the file is empty", "start from `rehearse scenarios new`")),

    // Unknown keys, with the closest known key
    LintFixture(
        "unknown-question-key", replacing: "        hint: \"Say", with: "        ‸hnit: \"Say",
        .error("unknown key 'hnit' in a question", "did you mean 'hint'?")),
    LintFixture(
        "unknown-stage-key", replacing: "    pick: 2", with: "    ‸pikc: 2",
        .error("unknown key 'pikc' in a stage", "did you mean 'pick'?")),
    LintFixture(
        "unknown-top-key-far-from-any", replacing: "time_limit: 60\n", with: "time_limit: 60\n‸salary: 100000\n",
        .error(
            "unknown key 'salary' in the scenario",
            "known keys: version, id, title, role, role_title, kind, company, description, time_limit, interviewers, stages"
        )),
    LintFixture(
        "key-of-another-stage-type", replacing: "    pick: 2", with: "    pick: 2\n    ‸fallback: \"Thanks.\"",
        .error("'fallback' does not belong in a stage of type 'questions'", "remove it, or change the stage's type")),
    LintFixture(
        "merge-key", replacing: "      - id: q3\n", with: "      - id: q3\n        ‸<<: {hint: x}\n",
        .error("YAML merge keys ('<<') are not supported", "write the keys out")),
    LintFixture(
        "key-that-is-a-list", replacing: "time_limit: 60\n", with: "time_limit: 60\n‸[a, b]: c\n",
        .error("keys must be plain words, not a list", nil)),

    // Wrong types
    LintFixture(
        "number-as-text", replacing: "    time_limit: 90", with: "    time_limit: ‸soon",
        .error("'time_limit' should be a whole number, not text", nil)),
    LintFixture(
        "quoted-number", replacing: "max_questions: 3", with: "max_questions: ‸\"3\"",
        .error("'max_questions' should be a whole number, not text", nil)),
    LintFixture(
        "decimal-number", replacing: "    pick: 2", with: "    pick: ‸1.5",
        .error("'pick' should be a whole number, not a decimal number", nil)),
    LintFixture(
        "text-instead-of-list", replacing: "    say:\n      - \"Hello {candidate}, welcome to {company}.\"",
        with: "    say: ‸\"Hello {candidate}.\"",
        .error("'say' should be a list (items starting with '- '), not text", nil)),
    LintFixture(
        "list-instead-of-text", replacing: "hint: \"Say what happened.\"", with: "hint: ‸[a, b]",
        .error("'hint' should be text, not a list", nil)),
    LintFixture(
        "null-text", replacing: "hint: \"Say what happened.\"", with: "hint: ‸~",
        .error("'hint' should be text, not nothing (null)", nil)),
    LintFixture(
        "empty-text", replacing: "hint: \"Say what happened.\"", with: "hint: ‸\"  \"",
        .error("'hint' is empty", nil)),
    LintFixture(
        "stage-that-is-text", replacing: "stages:\n", with: "stages:\n  - ‸just talk\n",
        .error("a stage should be a mapping of keys and values, not text", nil)),
    LintFixture(
        "scenario-that-is-a-list", source: "‸- version: 1\n",
        .error("the scenario should be a mapping of keys and values, not a list", nil)),
    LintFixture(
        "id-not-a-slug", replacing: "id: lint-base", with: "id: ‸Lint Base",
        .error("'id' must be lowercase letters, digits and '-', not 'Lint Base'", "try 'lint-base'")),
    LintFixture(
        "unknown-kind", replacing: "kind: second", with: "kind: ‸secnd",
        .error("'secnd' is not a valid kind", "did you mean 'second'?")),
    LintFixture(
        "unknown-style", replacing: "style: direct", with: "style: ‸grumpy",
        .error("'grumpy' is not a valid style", "use one of: warm, direct, skeptical, analytical, formal")),
    LintFixture(
        "unsupported-version", replacing: "version: 1", with: "version: ‸2",
        .error("format version 2 is not supported", "this version of rehearse reads version 1")),
    LintFixture(
        "repeats-without-slash", replacing: "        text: \"Why {company}?\"",
        with: "        text: \"Why {company}?\"\n        repeats: ‸first-interview",
        .error(
            "'repeats' should be SCENARIO-ID/QUESTION-ID, not 'first-interview'",
            "e.g. customer-service-first/why-support")),

    // Missing required keys
    LintFixture(
        "missing-company", source: "‸" + lintBase.replacingOccurrences(of: "company: Acme\n", with: ""),
        .error("the scenario is missing the required key 'company'", nil)),
    LintFixture(
        "missing-question-text", replacing: "      - id: q2\n        text: \"Why {company}?\"\n",
        with: "      - ‸id: q2\n",
        .error("a question is missing the required key 'text'", nil)),
    LintFixture(
        "missing-probe-ask", replacing: "        point: 2\n            ask: \"What was the outcome?\"\n",
        with: "        point: 2\n",
        .error("a probe is missing the required key 'ask'", nil)
    ).marking(line: 39, column: 13),
    LintFixture(
        "missing-fallback", replacing: "    fallback: \"Good question.\"\n", with: "",
        .error("a candidate_questions stage is missing the required key 'fallback'", nil)
    ).marking(line: 46, column: 5),

    // Duplicate ids within a scenario
    LintFixture(
        "duplicate-question-id", replacing: "      - id: q3", with: "      - ‸id: q2",
        .error("duplicate question id 'q2' (first used at line 42)", "give each question its own id")),
    LintFixture(
        "duplicate-stage-id", replacing: "  - id: ask-us", with: "  - ‸id: main",
        .error("duplicate stage id 'main'", "give each stage its own id")),
    LintFixture(
        "duplicate-interviewer-id", replacing: "  - id: bo\n", with: "  - ‸id: ana\n",
        .error("duplicate interviewer id 'ana'", "give each interviewer its own id"),
        .error("interviewer 'bo' does not exist", "known interviewers: ana")
    ).marking(line: 48, column: 18),

    // References
    LintFixture(
        "unknown-interviewer", replacing: "    interviewer: ana\n    say:", with: "    interviewer: ‸anna\n    say:",
        .error("interviewer 'anna' does not exist", "did you mean 'ana'?")),
    LintFixture(
        "unknown-reply-interviewer", replacing: "        interviewer: ana\n        reply:",
        with: "        interviewer: ‸zed\n        reply:",
        .error("interviewer 'zed' does not exist", "known interviewers: ana, bo")),
    LintFixture(
        "unknown-variable", replacing: "Why {company}?", with: "Why {compnay}?",
        .error("unknown variable '{compnay}' in 'text'", "did you mean '{company}'?")
    ).marking(line: 43, column: 15),
    LintFixture(
        "unclosed-variable", replacing: "welcome to {company}.", with: "welcome to {company.",
        .error("'say' has a '{' that is never closed", "write '{{' for a literal brace")
    ).marking(line: 22, column: 9),
    LintFixture(
        "revisit-variable-outside-revisit", replacing: "What is your strength?", with: "You said {previous_answer}.",
        .error("'{previous_answer}' in 'text' is only available in a revisit stage's 'ask'", nil)
    ).marking(line: 45, column: 15),

    // pick, probes, empty stages, limits
    LintFixture(
        "pick-larger-than-questions", replacing: "    pick: 2", with: "    pick: ‸5",
        .error("'pick' is 5 but the stage has only 3 questions", "lower 'pick' to at most 3")),
    LintFixture(
        "pick-zero", replacing: "    pick: 2", with: "    pick: ‸0",
        .error("'pick' is 0; it must be between 1 and 1000", nil)),
    LintFixture(
        "unknown-probe-condition", replacing: "- when: too_few_words", with: "- when: ‸too_few_word",
        .error("unknown probe condition 'too_few_word'", "did you mean 'too_few_words'?")),
    LintFixture(
        "min-words-on-other-condition", replacing: "- when: too_few_words", with: "- when: hedging",
        .error("'min_words' only applies to 'too_few_words'", "remove it")
    ).marking(line: 37, column: 24),
    LintFixture(
        "missing-point-out-of-range", replacing: "        point: 2\n", with: "        point: ‸3\n",
        .error("'point' is 3 but the question has 2 talking points", "use a number from 1 to 2")),
    LintFixture(
        "stage-without-questions", replacing: "    pick: 2\n    questions:\n",
        with: "    questions: ‸[]\n    old_questions:\n",
        .error("the stage 'main' has no questions", "add questions or remove the stage"),
        .error("unknown key 'old_questions' in a stage", "did you mean 'questions'?")
    ).marking(line: 24, column: 5),
    LintFixture(
        "stage-without-replies", replacing: "    replies:\n", with: "    replies: ‸[]\n    old_replies:\n",
        .error("the stage 'ask-us' has no replies", "add replies with keywords"),
        .error(
            "unknown key 'old_replies' in a stage",
            "known keys: id, title, type, interviewer, say, replies, fallback, max_questions")
    )
    .marking(line: 50, column: 5),
    LintFixture(
        "no-stages", source: String(lintBase[..<lintBase.range(of: "stages:")!.lowerBound]) + "stages: ‸[]\n",
        .error("'stages' is empty", "add at least one stage")),
    LintFixture(
        "empty-keywords", replacing: "keywords: [team]", with: "keywords: ‸[]",
        .error("'keywords' is empty", "list words that would appear in the candidate's question")),
    LintFixture(
        "time-limit-too-short", replacing: "time_limit: 60", with: "time_limit: ‸5",
        .error("'time_limit' is 5; it must be between 10 and 1800", nil)),
    LintFixture(
        "time-limit-too-long", replacing: "    time_limit: 90", with: "    time_limit: ‸4000",
        .error("'time_limit' is 4000; it must be between 10 and 1800", nil)),
    LintFixture(
        "max-questions-out-of-range", replacing: "max_questions: 3", with: "max_questions: ‸25",
        .error("'max_questions' is 25; it must be between 1 and 20", nil)),
    LintFixture(
        "max-probes-out-of-range", replacing: "max_probes: 2", with: "max_probes: ‸9",
        .error("'max_probes' is 9; it must be between 0 and 5", nil)),

    // Control characters
    LintFixture(
        "escaped-control-character", replacing: "hint: \"Say what happened.\"",
        with: "hint: ‸\"Say\\a what happened.\"",
        .error("'hint' contains the control character U+0007", "remove it; only tab and newline are allowed")),
    LintFixture(
        "escaped-c1-control-character", replacing: "reply: \"We train everyone.\"",
        with: "reply: ‸\"We train\\x9B everyone.\"",
        .error("'reply' contains the control character U+009B", "remove it; only tab and newline are allowed")),
    LintFixture(
        "raw-control-character", replacing: "hint: \"Say what happened.\"",
        with: "hint: \"Say‸\u{1B}[31m what happened.\"",
        .error("the file contains the control character U+001B", "remove it; only tab and newline are allowed")),

    // Kind rules
    LintFixture(
        "second-without-candidate-questions",
        source: String(lintBase[..<lintBase.range(of: "  - id: ask-us")!.lowerBound])
            .replacingOccurrences(of: "kind: second", with: "kind: ‸second"),
        .warning(
            "a second interview should end with the candidate's questions",
            "add a stage with 'type: candidate_questions'")),
    LintFixture(
        "second-with-one-interviewer",
        replacing: "  - id: bo\n    name: Bo Chen\n    title: Director\n    style: direct\n", with: "",
        .warning(
            "a second interview usually has a panel; this one has one interviewer",
            "add interviewers with different styles"),
        .error("interviewer 'bo' does not exist", "known interviewers: ana")
    ).marking(line: 6, column: 7).marking(line: 44, column: 18),
    LintFixture(
        "first-with-a-panel", replacing: "kind: second", with: "kind: ‸first",
        .warning("a first interview usually has one interviewer; this one has 2", "use kind 'second' for a panel")),
    LintFixture(
        "same-person-without-revisit", in: lintSamePersonBase,
        replacing:
            "    type: revisit\n    interviewer: ana\n    pick: 2\n    ask: \"You said {previous_answer}. Could you say more?\"\n",
        with: "    interviewer: ana\n",
        .error("a same-person interview never revisits earlier answers", "add a stage with 'type: revisit'")
    ).marking(line: 6, column: 7),
    LintFixture(
        "same-person-without-candidate-questions", in: lintSamePersonBase,
        replacing:
            "  - id: ask-us\n    type: candidate_questions\n    interviewer: ana\n    replies:\n      - keywords: [team]\n        reply: \"Six people.\"\n    fallback: \"Good question.\"\n",
        with: "",
        .warning(
            "a same-person interview should end with the candidate's questions",
            "add a stage with 'type: candidate_questions'")
    ).marking(line: 6, column: 7),
    LintFixture(
        "revisit-ask-without-earlier-answer", in: lintSamePersonBase,
        replacing: "ask: \"You said {previous_answer}. Could you say more?\"", with: "ask: ‸\"Could you say more?\"",
        .error(
            "a revisit stage's 'ask' never mentions the earlier answer", "use {previous_question} or {previous_answer}")
    ),
    LintFixture(
        "revisit-missing-ask", in: lintSamePersonBase,
        replacing: "    ask: \"You said {previous_answer}. Could you say more?\"\n", with: "",
        .error("a revisit stage is missing the required key 'ask'", nil)
    ).marking(line: 14, column: 5),
]

extension LintFixture {
    /// Inserts the `‸` mark at a line and column of the fixture, for places an edit cannot show
    /// (a mapping's first key after a deletion, or a kind rule reported on an unchanged line).
    func marking(line: Int, column: Int) -> LintFixture {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var scalars = Array(lines[line - 1].unicodeScalars)
        // Columns count unmarked scalars, so skip marks already on the line.
        var index = 0
        var seen = 0
        while index < scalars.count, seen < column - 1 {
            if scalars[index] != MarkedSource.mark { seen += 1 }
            index += 1
        }
        scalars.insert(MarkedSource.mark, at: index)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        lines[line - 1] = String(view)
        var copy = self
        copy.source = lines.joined(separator: "\n")
        return copy
    }
}
