/// The review as terminal text, fitted to a width, with the time chart in block characters.
public struct ReviewTextRenderer {
    public var width: Int
    public var style: TextStyle

    public init(width: Int, style: TextStyle = .plain) {
        self.width = width
        self.style = style
    }

    /// The whole report, every line at most `width` columns.
    public func render(_ review: TranscriptReview) -> String {
        let layout = TextLayout(width: width)
        var lines: [String] = []
        let session = review.session
        lines += layout.paragraph("Review of \(session.id) · \(session.scenarioTitle)").map(style.bold)
        lines += layout.paragraph(
            "\(session.roleTitle) · \(session.kind) interview · \(session.company) · \(DateText.minutesUTC(session.started)) · \(session.statusText)"
        )
        lines += layout.paragraph(
            "Answered \(session.answered) of \(session.asked) questions asked"
                + (session.skipped > 0 ? " · skipped \(session.skipped)" : ""))
        if let rating = review.selfRatingLine { lines += layout.paragraph(rating) }

        lines.append("")
        lines += heading("Three questions to ask yourself", layout: layout)
        for check in review.selfCheck {
            lines += layout.paragraph("\(check.question) → \(check.answer)", lead: "  ", indent: "    ")
            for evidence in check.evidence {
                lines += layout.paragraph(evidence, lead: "    • ", indent: "      ").map(style.dim)
            }
        }

        lines.append("")
        lines += heading("Your questions for the panel", layout: layout)
        lines += layout.paragraph(review.candidateQuestions.summary, lead: "  ", indent: "  ")
        for question in review.candidateQuestions.questions + (review.candidateQuestions.suggestions ?? []) {
            lines += layout.paragraph("“\(question)”", lead: "    • ", indent: "      ")
        }

        lines.append("")
        lines += heading(
            "Strongest answers", note: "(score \(ReviewThresholds.strongPercent)% or more)", layout: layout)
        lines += ranked(
            review.strongest, review: review, layout: layout, empty: "none reached \(ReviewThresholds.strongPercent)%")
        lines += heading("To work on", note: "(skipped, or under \(ReviewThresholds.workOnPercent)%)", layout: layout)
        lines += ranked(
            review.toWorkOn, review: review, layout: layout,
            empty: "no answer scored under \(ReviewThresholds.workOnPercent)%")

        if let job = review.jobTerms {
            lines.append("")
            lines += heading("Job description terms", note: "(\(job.file))", layout: layout)
            lines += layout.paragraph(
                "Used: " + (job.used.isEmpty ? "none" : job.used.joined(separator: ", ")), lead: "  ", indent: "    ")
            lines += layout.paragraph(
                "Not used: " + (job.unused.isEmpty ? "none" : job.unused.joined(separator: ", ")), lead: "  ",
                indent: "    ")
        }

        let chart = TimingChart(questions: review.questions)
        if !chart.rows.isEmpty && !review.session.isRealInterview {
            lines.append("")
            lines += heading("Time per question", note: " " + TimingChart.legend, layout: layout)
            lines += chart.textLines(width: layout.width - 2).map { "  " + $0 }
        }

        for question in review.questions {
            lines.append("")
            lines += renderQuestion(question, layout: layout, isRealInterview: review.session.isRealInterview)
        }
        if !review.session.warnings.isEmpty {
            lines.append("")
            for warning in review.session.warnings { lines += layout.paragraph("Note: " + warning).map(style.alert) }
        }
        lines.append("")
        lines += layout.paragraph("Every rule and threshold is explained in \(review.rules).").map(style.dim)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A bold heading with a dim note after it, wrapped when the window is narrow.
    func heading(_ title: String, note: String = "", layout: TextLayout) -> [String] {
        let whole = note.isEmpty ? title : title + " " + note
        if DisplayWidth.of(whole) <= layout.width {
            return [
                style.bold(title)
                    + (note.isEmpty ? "" : style.dim(" " + TerminalSafeText.inert(note, keepNewlines: false)))
            ]
        }
        return layout.paragraph(whole).map(style.bold)
    }

    func ranked(_ indices: [Int], review: TranscriptReview, layout: TextLayout, empty: String) -> [String] {
        guard !indices.isEmpty else { return ["  " + style.dim(empty)] }
        return indices.compactMap(review.question).map { question in
            let lead = "  \(QuestionLabel.text(question)) \(question.score.points)/\(question.score.maximum)  "
            let room = layout.width - DisplayWidth.of(lead)
            return room >= 10
                ? lead + TextLayout.truncate(question.text, to: room) : TextLayout.truncate(lead, to: layout.width)
        }
    }

    func renderQuestion(_ question: QuestionReview, layout: TextLayout, isRealInterview: Bool = false) -> [String] {
        var lines: [String] = []
        let limit = question.limitText(isRealInterview: isRealInterview).map { " · " + $0 } ?? ""
        let heading =
            "\(QuestionLabel.text(question)) · \(question.questionType.rawValue) · \(question.speaker)\(limit) · score \(question.score.points)/\(question.score.maximum)"
        lines += layout.paragraph(heading).map(style.accent)
        lines += layout.paragraph(question.text, lead: "  ", indent: "  ")
        if question.responses.isEmpty {
            lines += layout.paragraph(question.isSkipped ? "Skipped." : "Not answered.", lead: "  ", indent: "  ").map(
                style.alert)
        }
        for response in question.responses {
            if let followUp = response.followUpQuestion {
                lines += layout.paragraph(followUp, lead: "  Follow-up: ", indent: "  ")
            }
            let facts =
                response.factParts(isRealInterview: isRealInterview).joined(separator: " · ")
                + (response.isOverLimit ? " · past the limit" : "")
            lines += layout.paragraph(facts, lead: "  ", indent: "  ").map(style.dim)
            lines += layout.paragraph(response.text, lead: "  │ ", indent: "  │ ")
        }
        for followUp in question.unansweredFollowUps {
            lines += layout.paragraph(followUp + " — not answered", lead: "  Follow-up: ", indent: "  ")
        }
        if !question.responses.isEmpty {
            let evidence = question.evidence
            let story = evidence.story
            let shape =
                "situation \(story.hasSituation ? "✓" : "✗") action \(story.hasAction ? "✓" : "✗") result \(story.hasResult ? "✓" : "✗")"
            lines += layout.paragraph(
                "Evidence: numbers \(evidence.numbers.isEmpty ? "none" : evidence.numbers.joined(separator: ", ")) · example \(evidence.example.map { "“\($0)”" } ?? "none") · \(shape)",
                lead: "  ", indent: "    ")
            if let points = question.talkingPoints {
                var text =
                    "Talking points: \(points.covered.count) of \(points.covered.count + points.missed.count) covered"
                if !points.covered.isEmpty { text += " (\(points.covered.joined(separator: "; ")))" }
                lines += layout.paragraph(text, lead: "  ", indent: "    ")
            }
            lines += layout.paragraph(
                "“I” \(question.singularFirstPerson) · “we” \(question.pluralFirstPerson)", lead: "  ", indent: "    ")
            if let terms = question.jobTermsUsed {
                lines += layout.paragraph(
                    "Job terms used: \(terms.isEmpty ? "none" : terms.joined(separator: ", "))", lead: "  ",
                    indent: "    ")
            }
        }
        if let earlier = question.earlier {
            var text =
                "Asked before (\(earlier.earlierSession), \(DateText.minutesUTC(earlier.earlierStarted))): \(earlier.sharedKeyWords) of \(earlier.earlierKeyWords) key words used again"
            text += earlier.missingNumbers.isEmpty && earlier.newNumbers.isEmpty ? "; the same numbers" : ""
            lines += layout.paragraph(text, lead: "  ", indent: "    ")
            lines += layout.paragraph(earlier.earlierText, lead: "  ┆ ", indent: "  ┆ ").map(style.dim)
        }
        if let nothing = question.nothingToCompare { lines += layout.paragraph(nothing, lead: "  ", indent: "    ") }
        for note in question.notes { lines += layout.paragraph(note, lead: "  Your note: ", indent: "    ") }
        for finding in question.findings {
            lines += layout.paragraph(finding.message, lead: "  • ", indent: "    ").map(style.alert)
        }
        for finding in question.dismissed {
            lines += layout.paragraph("dismissed by you: \(finding.message)", lead: "  ◦ ", indent: "    ").map(
                style.dim)
        }
        let parts = question.score.parts.map { "\($0.name) \($0.points)/\($0.maximum)" }.joined(separator: ", ")
        lines += layout.paragraph(
            "Score \(question.score.points)/\(question.score.maximum): \(parts)", lead: "  ", indent: "    "
        ).map(style.dim)
        return lines
    }
}
