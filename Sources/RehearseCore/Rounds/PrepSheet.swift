/// A prep sheet for the coming round, built from the last one: the questions likely to come
/// again with what was answered and the numbers to keep, the concerns with an angle, the
/// weakest answers, what the person meant to say, and questions to ask the employer, each once.
public struct PrepSheet: Equatable, Sendable, Codable {
    public struct Repeat: Equatable, Sendable, Codable {
        public var question: String
        public var earlierAnswer: String?
        /// Numbers in the earlier answer: say the same ones again.
        public var numbers: [String]
    }

    public struct ConcernAngle: Equatable, Sendable, Codable {
        public var concern: String
        /// Who raised it, when known.
        public var raisedBy: String?
        public var angle: String
    }

    public struct WeakAnswer: Equatable, Sendable, Codable {
        public var question: String
        /// What the review noticed, in its words.
        public var findings: [String]
    }

    public var session: String
    public var company: String
    public var roleTitle: String
    /// `real` or `practice`, and the kind and date of that round.
    public var source: String
    public var kind: String
    public var date: String
    public var repeats: [Repeat]
    public var concerns: [ConcernAngle]
    public var weakest: [WeakAnswer]
    public var wishes: [String]
    public var questionsToAsk: [String]

    /// The questions every candidate can ask, one per theme of a good second interview: the
    /// team, the first months, how success is measured, and the next steps.
    public static let themedQuestions: [(keywords: [String], question: String)] = [
        (
            ["team", "colleagues", "work with"],
            "Who would I work with most closely, and how does the team share its work?"
        ),
        (
            ["first months", "first 90 days", "expectations", "first three months", "onboarding"],
            "What would you expect me to have achieved in the first three months?"
        ),
        (["success", "measure", "measured", "targets", "kpi"], "How will you measure success in this role?"),
        (
            ["next steps", "timeline", "decision", "hear back"],
            "What are the next steps, and when can I expect to hear from you?"
        ),
    ]

    /// Questions taken from the scenario's replies, after the themed ones.
    public static let scenarioQuestionLimit = 2

    /// Builds the sheet from a round's transcript, its review, and the scenario of the coming
    /// round's role (for its candidate-questions replies), when there is one.
    public init(transcript: Transcript, review: TranscriptReview, template: Scenario?) {
        let round = RoundRecord(transcript)
        let header = transcript.header
        let names = Dictionary(header.interviewers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        session = header.session
        company = header.company
        roleTitle = header.roleTitle
        source = header.isRealInterview ? "real" : "practice"
        kind = header.kind.rawValue
        date = header.interviewDate ?? String(DateText.iso(header.started).prefix(10))
        repeats = round.questions.map { asked in
            Repeat(
                question: asked.text, earlierAnswer: asked.answer,
                numbers: asked.answer.map { AnswerText($0).numbers } ?? [])
        }
        concerns = round.concerns.map { concern in
            let words = RoundRecord.keyWords(of: concern.text)
            let about = RoundRecord.topic(of: concern.text)
            let related = round.questions.first { asked in
                !Set(words).intersection(AnswerText(asked.text + " " + (asked.answer ?? "")).words).isEmpty
            }
            var angle =
                "Raise it yourself before they do: name \(about) plainly, give one specific example from your work "
                + "that answers it, and say what you have done about it since."
            if let related { angle += " Build on your answer to \u{201C}\(related.text)\u{201D}." }
            return ConcernAngle(concern: concern.text, raisedBy: concern.speaker.flatMap { names[$0] }, angle: angle)
        }
        weakest = review.toWorkOn.compactMap { index in
            guard let question = review.questions.first(where: { $0.index == index }) else { return nil }
            return WeakAnswer(question: question.text, findings: question.findings.prefix(3).map(\.message))
        }
        wishes = round.wishes
        // Each question once: the themes first, then the scenario's replies on other subjects, leaving
        // out what the person already asked.
        var asked: [String] = transcript.events.compactMap {
            if case .candidateQuestion(let question) = $0 { question.text.lowercased() } else { nil }
        }
        var questions: [String] = []
        var coveredKeywords: [String] = []
        for theme in Self.themedQuestions {
            coveredKeywords += theme.keywords
            guard !asked.contains(where: { text in theme.keywords.contains { AnswerText(text).contains(phrase: $0) } })
            else { continue }
            questions.append(theme.question)
        }
        for reply in template?.candidateQuestions ?? [] {
            for choice in reply.replies where questions.count < Self.themedQuestions.count + Self.scenarioQuestionLimit
            {
                guard let keyword = choice.keywords.first,
                    !choice.keywords.contains(where: { word in
                        coveredKeywords.contains { $0 == word || AnswerText($0).contains(phrase: word) }
                    }),
                    !asked.contains(where: { AnswerText($0).contains(phrase: keyword) })
                else { continue }
                coveredKeywords += choice.keywords
                asked.append(keyword)
                questions.append("What can you tell me about the \(keyword) side of the role?")
            }
        }
        questionsToAsk = questions
    }

    /// The heading, e.g. "Prep for your next interview at Acme (Support Specialist)".
    public var title: String {
        "Prep for your next interview at \(company)" + (roleTitle.isEmpty ? "" : " (\(roleTitle))")
    }
    var subtitle: String { "From the \(source) \(kind) interview \(session) on \(date)." }
}

extension Scenario {
    /// The candidate-questions stages' fields.
    var candidateQuestions: [CandidateQuestionsStage] { stages.compactMap(\.candidateQuestions) }
}

/// The prep sheet as text, Markdown or HTML. Every text from the transcript is made inert
/// (text) or escaped (Markdown, HTML).
public enum PrepSheetRenderer {
    public enum Format: String, CaseIterable, Sendable { case text, markdown, html }

    public static func render(_ sheet: PrepSheet, format: Format, width: Int = 80) -> String {
        switch format {
        case .text: text(sheet, width: width)
        case .markdown: markdown(sheet)
        case .html: html(sheet)
        }
    }

    static func text(_ sheet: PrepSheet, width: Int) -> String {
        func safe(_ text: String) -> String { TerminalSafeText.inert(text, keepNewlines: false) }
        var lines: [String] = [safe(sheet.title), safe(sheet.subtitle), ""]
        let layout = TextLayout(width: width - 1)
        func item(_ text: String) { lines += layout.paragraph(safe(text), lead: "  • ", indent: "    ") }
        func detail(_ text: String) { lines += layout.paragraph(safe(text), lead: "      ", indent: "      ") }
        lines.append("Likely to be asked again: keep your answers consistent")
        if sheet.repeats.isEmpty { lines.append("  (no questions recorded)") }
        for repeated in sheet.repeats {
            item(repeated.question)
            detail("Last time: " + (repeated.earlierAnswer.map { SessionPlan.excerpt($0, words: 40) } ?? "no answer"))
            if !repeated.numbers.isEmpty { detail("Numbers to keep: " + repeated.numbers.joined(separator: ", ")) }
        }
        lines += ["", "Concerns to address"]
        if sheet.concerns.isEmpty { lines.append("  (none recorded)") }
        for concern in sheet.concerns {
            item(concern.concern + (concern.raisedBy.map { " (raised by \($0))" } ?? ""))
            detail("Angle: " + concern.angle)
        }
        lines += ["", "Weakest answers to work on"]
        if sheet.weakest.isEmpty { lines.append("  (none under the review's threshold)") }
        for weak in sheet.weakest {
            item(weak.question)
            for finding in weak.findings { detail("- " + finding) }
        }
        if !sheet.wishes.isEmpty {
            lines += ["", "What you meant to say: say it this time"]
            for wish in sheet.wishes { item(wish) }
        }
        lines += ["", "Questions to ask them"]
        for question in sheet.questionsToAsk { item(question) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func markdown(_ sheet: PrepSheet) -> String {
        let m = DocumentText.markdown
        var out = [
            "# \(m(sheet.title))", "", m(sheet.subtitle), "",
            "## Likely to be asked again: keep your answers consistent", "",
        ]
        if sheet.repeats.isEmpty { out.append("_No questions recorded._") }
        for repeated in sheet.repeats {
            out.append("- **\(m(repeated.question))**")
            out.append(
                "  - Last time: \(m(repeated.earlierAnswer.map { SessionPlan.excerpt($0, words: 40) } ?? "no answer"))")
            if !repeated.numbers.isEmpty {
                out.append("  - Numbers to keep: \(m(repeated.numbers.joined(separator: ", ")))")
            }
        }
        out += ["", "## Concerns to address", ""]
        if sheet.concerns.isEmpty { out.append("_None recorded._") }
        for concern in sheet.concerns {
            out.append("- **\(m(concern.concern))**" + (concern.raisedBy.map { " (raised by \(m($0)))" } ?? ""))
            out.append("  - Angle: \(m(concern.angle))")
        }
        out += ["", "## Weakest answers to work on", ""]
        if sheet.weakest.isEmpty { out.append("_None under the review's threshold._") }
        for weak in sheet.weakest {
            out.append("- **\(m(weak.question))**")
            for finding in weak.findings { out.append("  - \(m(finding))") }
        }
        if !sheet.wishes.isEmpty {
            out += ["", "## What you meant to say: say it this time", ""]
            for wish in sheet.wishes { out.append("- \(m(wish))") }
        }
        out += ["", "## Questions to ask them", ""]
        for question in sheet.questionsToAsk { out.append("- \(m(question))") }
        return out.joined(separator: "\n") + "\n"
    }

    static func html(_ sheet: PrepSheet) -> String {
        let h = DocumentText.html
        var body = "<header><h1>\(h(sheet.title))</h1>\n<p class=\"meta\">\(h(sheet.subtitle))</p></header>\n"
        body += "<section><h2>Likely to be asked again: keep your answers consistent</h2>\n<ul>\n"
        for repeated in sheet.repeats {
            body += "<li><p class=\"asked\">\(h(repeated.question))</p>"
            body += "<blockquote class=\"earlier\">\(h(repeated.earlierAnswer ?? "no answer"))</blockquote>"
            if !repeated.numbers.isEmpty {
                body += "<p>Numbers to keep: \(h(repeated.numbers.joined(separator: ", ")))</p>"
            }
            body += "</li>\n"
        }
        body += "</ul></section>\n<section><h2>Concerns to address</h2>\n<ul>\n"
        for concern in sheet.concerns {
            body +=
                "<li><p class=\"asked\">\(h(concern.concern))"
                + (concern.raisedBy.map { " <small>raised by \(h($0))</small>" } ?? "")
                + "</p><p>\(h(concern.angle))</p></li>\n"
        }
        body += "</ul></section>\n<section><h2>Weakest answers to work on</h2>\n<ul>\n"
        for weak in sheet.weakest {
            body +=
                "<li><p class=\"asked\">\(h(weak.question))</p><ul class=\"findings\">"
                + weak.findings.map { "<li>\(h($0))</li>" }.joined() + "</ul></li>\n"
        }
        body += "</ul></section>\n"
        if !sheet.wishes.isEmpty {
            body +=
                "<section><h2>What you meant to say: say it this time</h2>\n<ul>\n"
                + sheet.wishes.map { "<li>\(h($0))</li>\n" }.joined()
                + "</ul></section>\n"
        }
        body +=
            "<section><h2>Questions to ask them</h2>\n<ul>\n"
            + sheet.questionsToAsk.map { "<li>\(h($0))</li>\n" }.joined() + "</ul></section>\n"
        return HTMLPage.wrap(title: sheet.title, body: body)
    }
}
