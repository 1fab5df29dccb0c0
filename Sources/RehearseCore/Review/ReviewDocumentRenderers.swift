/// The review as JSON: the `TranscriptReview` model, keys sorted, safe to print.
public enum ReviewJSONRenderer {
    /// The review as pretty JSON with a final newline.
    public static func render(_ review: TranscriptReview) throws -> String {
        try DocumentText.json(review) + "\n"
    }
}

/// The review as Markdown. All transcript text is escaped.
public enum ReviewMarkdownRenderer {
    /// The review as a Markdown document; the time chart is a text block `chartWidth` columns wide.
    public static func render(_ review: TranscriptReview, chartWidth: Int = 78) -> String {
        let md = DocumentText.markdown
        let session = review.session
        var out: [String] = []
        out.append("# Review: \(md(session.scenarioTitle))")
        out.append("")
        out.append("- **Session:** \(md(session.id))")
        out.append(
            "- **Role:** \(md(session.roleTitle)) (\(md(session.role))), \(md(session.kind)) interview at \(md(session.company))"
        )
        out.append("- **Started:** \(md(DateText.minutesUTC(session.started)))")
        out.append(
            "- **Status:** \(md(session.statusText))")
        if let rating = review.selfRatingLine { out.append("- **Self-rating:** \(md(rating))") }
        out.append(
            "- **Answered:** \(session.answered) of \(session.asked) questions asked"
                + (session.skipped > 0 ? ", \(session.skipped) skipped" : ""))
        for warning in session.warnings { out.append("- **Note:** \(md(warning))") }
        out.append("")
        out.append("## Three questions to ask yourself")
        for check in review.selfCheck {
            out.append("")
            out.append("### \(md(check.question)) — \(md(check.answer))")
            out.append("")
            for evidence in check.evidence { out.append("- \(md(evidence))") }
        }
        out.append("")
        out.append("## Your questions for the panel")
        out.append("")
        out.append(md(review.candidateQuestions.summary))
        let listed = review.candidateQuestions.questions + (review.candidateQuestions.suggestions ?? [])
        if !listed.isEmpty {
            out.append("")
            for question in listed { out.append("- \(md(question))") }
        }
        out.append("")
        out.append("## Strongest answers")
        out.append("")
        out += list(review.strongest, review, empty: "None reached \(ReviewThresholds.strongPercent)%.")
        out.append("")
        out.append("## To work on")
        out.append("")
        out += list(review.toWorkOn, review, empty: "No answer scored under \(ReviewThresholds.workOnPercent)%.")
        if let job = review.jobTerms {
            out.append("")
            out.append("## Job description terms (\(md(job.file)))")
            out.append("")
            out.append("- **Used:** \(job.used.isEmpty ? "none" : job.used.map(md).joined(separator: ", "))")
            out.append("- **Not used:** \(job.unused.isEmpty ? "none" : job.unused.map(md).joined(separator: ", "))")
        }
        let chart = TimingChart(questions: review.questions)
        if !chart.rows.isEmpty && !session.isRealInterview {
            out.append("")
            out.append("## Time per question")
            out.append("")
            out.append("```text")
            out.append(TimingChart.legend)
            out += chart.textLines(width: chartWidth)
            out.append("```")
        }
        out.append("")
        out.append("## Answers")
        for question in review.questions {
            out.append("")
            out.append(
                "### \(QuestionLabel.text(question)) · \(md(question.speaker))"
                    + (question.limitText(isRealInterview: session.isRealInterview).map { " · " + $0 } ?? "")
                    + " · score \(question.score.points)/\(question.score.maximum)"
            )
            out.append("")
            out.append("**\(md(question.text))**")
            if question.responses.isEmpty {
                out.append("")
                out.append(question.isSkipped ? "*Skipped.*" : "*Not answered.*")
            }
            for response in question.responses {
                out.append("")
                if let followUp = response.followUpQuestion {
                    out.append("Follow-up: **\(md(followUp))**")
                    out.append("")
                }
                out.append(
                    "*" + response.factParts(isRealInterview: session.isRealInterview).joined(separator: " · ")
                        + (response.isOverLimit ? " · past the limit" : "") + "*")
                out.append("")
                for line in response.text.split(separator: "\n", omittingEmptySubsequences: false) {
                    out.append("> \(md(String(line)))")
                }
            }
            for followUp in question.unansweredFollowUps {
                out += ["", "Follow-up: **\(md(followUp))** — *not answered*"]
            }
            out.append("")
            if !question.responses.isEmpty {
                let story = question.evidence.story
                out.append(
                    "- Numbers: \(question.evidence.numbers.isEmpty ? "none" : question.evidence.numbers.map(md).joined(separator: ", "))"
                )
                out.append("- Example: \(question.evidence.example.map { "“\(md($0))”" } ?? "none")")
                out.append(
                    "- Situation \(story.hasSituation ? "✓" : "✗") · action \(story.hasAction ? "✓" : "✗") · result \(story.hasResult ? "✓" : "✗")"
                )
                if let points = question.talkingPoints {
                    out.append(
                        "- Talking points covered: \(points.covered.isEmpty ? "none" : points.covered.map(md).joined(separator: "; "))"
                    )
                    out.append(
                        "- Talking points missed: \(points.missed.isEmpty ? "none" : points.missed.map(md).joined(separator: "; "))"
                    )
                }
                out.append("- “I” \(question.singularFirstPerson) · “we” \(question.pluralFirstPerson)")
                if let terms = question.jobTermsUsed {
                    out.append("- Job terms used: \(terms.isEmpty ? "none" : terms.map(md).joined(separator: ", "))")
                }
            }
            if let earlier = question.earlier {
                out.append(
                    "- Asked before (\(md(earlier.earlierSession)), \(md(DateText.minutesUTC(earlier.earlierStarted)))): \(earlier.sharedKeyWords) of \(earlier.earlierKeyWords) key words used again; earlier answer: “\(md(earlier.earlierText))”"
                )
            }
            if let nothing = question.nothingToCompare { out.append("- \(md(nothing))") }
            for note in question.notes { out.append("- Your note: \(md(note))") }
            for finding in question.findings {
                out.append("- **\(md(finding.rule.rawValue)):** \(md(finding.message))")
            }
            for finding in question.dismissed {
                out.append("- ~~\(md(finding.rule.rawValue))~~ dismissed by you: \(md(finding.message))")
            }
            out.append(
                "- Score \(question.score.points)/\(question.score.maximum): "
                    + question.score.parts.map { "\(md($0.name)) \($0.points)/\($0.maximum) (\(md($0.reason)))" }
                    .joined(separator: "; "))
        }
        out.append("")
        out.append("Every rule and threshold is explained in \(md(review.rules)).")
        return out.joined(separator: "\n") + "\n"
    }

    static func list(_ indices: [Int], _ review: TranscriptReview, empty: String) -> [String] {
        guard !indices.isEmpty else { return [empty] }
        return indices.compactMap(review.question).enumerated().map { offset, question in
            "\(offset + 1). \(QuestionLabel.text(question)) — \(question.score.points)/\(question.score.maximum) — \(DocumentText.markdown(question.text))"
        }
    }
}

/// The review as one self-contained HTML page: inline CSS, an inline SVG chart, no scripts and
/// nothing fetched from the network. All text is HTML-escaped.
public enum ReviewHTMLRenderer {
    /// The review as a complete HTML page.
    public static func render(_ review: TranscriptReview) -> String {
        let h = DocumentText.html
        let session = review.session
        var body = ""
        body += "<header><h1>Review: \(h(session.scenarioTitle))</h1>\n"
        body +=
            "<p class=\"meta\">\(h(session.roleTitle)) · \(h(session.kind)) interview · \(h(session.company)) · \(h(DateText.minutesUTC(session.started))) · \(h(session.statusText)) · session \(h(session.id))</p>\n"
        if let rating = review.selfRatingLine { body += "<p class=\"meta\">\(h(rating))</p>\n" }
        body +=
            "<p>Answered \(session.answered) of \(session.asked) questions asked"
            + (session.skipped > 0 ? ", \(session.skipped) skipped" : "") + ".</p>\n"
        for warning in session.warnings { body += "<p class=\"warning\">\(h(warning))</p>\n" }
        body += "</header>\n"

        body += "<section><h2>Three questions to ask yourself</h2>\n"
        for check in review.selfCheck {
            body +=
                "<div class=\"check\"><h3>\(h(check.question)) <span class=\"answer\">\(h(check.answer))</span></h3><ul>"
            for evidence in check.evidence { body += "<li>\(h(evidence))</li>" }
            body += "</ul></div>\n"
        }
        body += "</section>\n"

        body += "<section><h2>Your questions for the panel</h2><p>\(h(review.candidateQuestions.summary))</p>"
        let listed = review.candidateQuestions.questions + (review.candidateQuestions.suggestions ?? [])
        if !listed.isEmpty {
            body += "<ul>" + listed.map { "<li>\(h($0))</li>" }.joined() + "</ul>"
        }
        body += "</section>\n"

        body +=
            "<section class=\"ranks\"><div><h2>Strongest answers</h2>\(list(review.strongest, review, empty: "None reached \(ReviewThresholds.strongPercent)%."))</div>"
        body +=
            "<div><h2>To work on</h2>\(list(review.toWorkOn, review, empty: "No answer scored under \(ReviewThresholds.workOnPercent)%."))</div></section>\n"

        if let job = review.jobTerms {
            body += "<section><h2>Job description terms <small>\(h(job.file))</small></h2>"
            body += "<p><b>Used:</b> \(job.used.isEmpty ? "none" : job.used.map(h).joined(separator: ", "))</p>"
            body +=
                "<p><b>Not used:</b> \(job.unused.isEmpty ? "none" : job.unused.map(h).joined(separator: ", "))</p></section>\n"
        }

        let chart = TimingChart(questions: review.questions)
        if !chart.rows.isEmpty && !session.isRealInterview {
            body += "<section><h2>Time per question</h2>\n\(chart.svg())\n</section>\n"
        }

        body += "<section><h2>Answers</h2>\n"
        for question in review.questions {
            body += "<article class=\"question\" id=\"q\(question.index)\">"
            body +=
                "<h3>\(h(QuestionLabel.text(question))) · \(h(question.speaker))"
                + (question.limitText(isRealInterview: session.isRealInterview).map { " · " + h($0) } ?? "")
                + " <span class=\"score\">\(question.score.points)/\(question.score.maximum)</span></h3>"
            body += "<p class=\"asked\">\(h(question.text))</p>"
            if question.responses.isEmpty {
                body += "<p class=\"warning\">\(question.isSkipped ? "Skipped." : "Not answered.")</p>"
            }
            for response in question.responses {
                if let followUp = response.followUpQuestion {
                    body += "<p class=\"asked followup\">Follow-up: \(h(followUp))</p>"
                }
                body +=
                    "<p class=\"facts\">"
                    + h(response.factParts(isRealInterview: session.isRealInterview).joined(separator: " · "))
                    + (response.isOverLimit ? " · <b>past the limit</b>" : "") + "</p>"
                body += "<blockquote>\(h(response.text))</blockquote>"
            }
            for followUp in question.unansweredFollowUps {
                body += "<p class=\"asked followup\">Follow-up: \(h(followUp)) <i>— not answered</i></p>"
            }
            body += "<ul class=\"evidence\">"
            if !question.responses.isEmpty {
                let story = question.evidence.story
                body +=
                    "<li>Numbers: \(question.evidence.numbers.isEmpty ? "none" : question.evidence.numbers.map(h).joined(separator: ", "))</li>"
                body += "<li>Example: \(question.evidence.example.map { "“\(h($0))”" } ?? "none")</li>"
                body +=
                    "<li>Situation \(story.hasSituation ? "✓" : "✗") · action \(story.hasAction ? "✓" : "✗") · result \(story.hasResult ? "✓" : "✗")</li>"
                if let points = question.talkingPoints {
                    body +=
                        "<li>Talking points covered: \(points.covered.isEmpty ? "none" : points.covered.map(h).joined(separator: "; "))</li>"
                    body +=
                        "<li>Talking points missed: \(points.missed.isEmpty ? "none" : points.missed.map(h).joined(separator: "; "))</li>"
                }
                body += "<li>“I” \(question.singularFirstPerson) · “we” \(question.pluralFirstPerson)</li>"
                if let terms = question.jobTermsUsed {
                    body += "<li>Job terms used: \(terms.isEmpty ? "none" : terms.map(h).joined(separator: ", "))</li>"
                }
            }
            if let earlier = question.earlier {
                body +=
                    "<li>Asked before (\(h(earlier.earlierSession)), \(h(DateText.minutesUTC(earlier.earlierStarted)))): \(earlier.sharedKeyWords) of \(earlier.earlierKeyWords) key words used again<blockquote class=\"earlier\">\(h(earlier.earlierText))</blockquote></li>"
            }
            if let nothing = question.nothingToCompare { body += "<li>\(h(nothing))</li>" }
            for note in question.notes { body += "<li>Your note: \(h(note))</li>" }
            body += "</ul>"
            if !question.findings.isEmpty {
                body +=
                    "<ul class=\"findings\">"
                    + question.findings.map { "<li><code>\(h($0.rule.rawValue))</code> \(h($0.message))</li>" }.joined()
                    + "</ul>"
            }
            if !question.dismissed.isEmpty {
                body +=
                    "<ul class=\"dismissed\">"
                    + question.dismissed.map {
                        "<li><code>\(h($0.rule.rawValue))</code> dismissed by you: \(h($0.message))</li>"
                    }.joined() + "</ul>"
            }
            body += "<table class=\"score\"><tr><th>part</th><th>points</th><th>why</th></tr>"
            for part in question.score.parts {
                body +=
                    "<tr><td>\(h(part.name))</td><td>\(part.points)/\(part.maximum)</td><td>\(h(part.reason))</td></tr>"
            }
            body += "</table></article>\n"
        }
        body += "</section>\n<footer>Every rule and threshold is explained in \(h(review.rules)).</footer>\n"
        return HTMLPage.wrap(title: "Review: " + session.scenarioTitle, body: body)
    }

    static func list(_ indices: [Int], _ review: TranscriptReview, empty: String) -> String {
        guard !indices.isEmpty else { return "<p>\(DocumentText.html(empty))</p>" }
        return "<ol>"
            + indices.compactMap(review.question).map {
                "<li><a href=\"#q\($0.index)\">\(DocumentText.html(QuestionLabel.text($0)))</a> <span class=\"score\">\($0.score.points)/\($0.score.maximum)</span> \(DocumentText.html($0.text))</li>"
            }.joined() + "</ol>"
    }
}

/// The shell of rehearse's HTML pages: one file, inline styles, nothing to fetch.
public enum HTMLPage {
    /// A complete page around `body` (already HTML); `title` is escaped here.
    public static func wrap(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <title>\(DocumentText.html(title))</title>
        <style>
        \(css)
        \(TimingChart.css)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    static let css = """
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
        h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
        .meta, .facts, footer, small { color: #666; }
        .warning { color: #8a4b00; background: #fff4e0; padding: .3rem .6rem; border-radius: 4px; }
        .check .answer { font-weight: normal; background: #eef3f9; border-radius: 4px; padding: 0 .4rem; }
        .ranks { display: flex; gap: 2rem; flex-wrap: wrap; } .ranks > div { flex: 1 1 20rem; }
        .score { font-variant-numeric: tabular-nums; color: #2f5d8a; }
        article.question { border-top: 1px solid #eee; padding-top: .4rem; }
        .asked { font-weight: 600; } .asked.followup { font-weight: 500; color: #444; }
        blockquote { white-space: pre-wrap; margin: .3rem 0 .6rem; padding: .4rem .8rem; background: #f6f6f4; border-left: 3px solid #2f5d8a; overflow-wrap: anywhere; }
        blockquote.earlier { border-left-color: #aaa; color: #555; }
        ul.findings li { color: #8a3a2e; } code { font-size: .85em; background: #f0f0f0; padding: 0 .25rem; border-radius: 3px; }
        table.score { border-collapse: collapse; font-size: .9rem; margin: .4rem 0; } table.score td, table.score th { border: 1px solid #e2e2e2; padding: .1rem .5rem; text-align: left; }
        .turn { margin: .4rem 0; } .speaker { font-weight: 600; } .speaker small { font-weight: normal; }
        .answerturn { margin-left: 1.5rem; } .timing { color: #666; font-size: .9rem; }
        .stage { color: #666; text-transform: uppercase; letter-spacing: .05em; font-size: .85rem; margin-top: 1.5rem; }
        """
}
