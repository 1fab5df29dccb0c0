/// Text, Markdown, JSON and HTML for `compare`. Untrusted text (answers, questions) is made
/// inert for terminals and escaped for each format, as the review does.
public enum ComparisonRenderer {
    static func seconds(_ milliseconds: Int) -> String {
        NumberText.fixed(Double(milliseconds) / 1000, places: 1) + " s"
    }
    static func list(_ items: [String]) -> String { items.isEmpty ? "–" : items.joined(separator: ", ") }
    static func inert(_ text: String) -> String { TerminalSafeText.inert(text, keepNewlines: false) }

    /// The rows shown per question: label, before, after.
    static func rows(_ change: AttemptComparison.QuestionChange) -> [(String, String, String)] {
        [
            ("score", "\(change.scorePercent.before)%", "\(change.scorePercent.after)%"),
            ("words", "\(change.words.before)", "\(change.words.after)"),
            ("think", seconds(change.thinkMilliseconds.before), seconds(change.thinkMilliseconds.after)),
            ("answer", seconds(change.answerMilliseconds.before), seconds(change.answerMilliseconds.after)),
            ("fillers", "\(change.fillers.before)", "\(change.fillers.after)"),
            ("hedges", "\(change.hedges.before)", "\(change.hedges.after)"),
            ("findings", list(change.findings.before), list(change.findings.after)),
        ]
    }

    static func sideLine(_ label: String, _ side: AttemptComparison.Side) -> String {
        "\(label) \(side.session)  \(LocalTime.dayAndTime(side.started))  score \(side.scorePercent)%  answered \(side.answered) of \(side.asked)"
    }

    public static func text(_ comparison: AttemptComparison, width: Int = 80, style: TextStyle = .plain) -> String {
        var lines: [String] = []
        let c = comparison
        lines.append(
            style.bold("Compare: \(inert(c.before.scenarioTitle))")
                + (c.before.scenarioID == c.after.scenarioID ? "" : " / \(inert(c.after.scenarioTitle))"))
        lines.append("  " + sideLine("before", c.before))
        lines.append("  " + sideLine("after ", c.after))
        let layout = TextLayout(width: max(20, width - 1))
        // Styled after layout: the layout makes escape sequences inert.
        for (label, items, colour) in [("Better:", c.better, style.good), ("Worse:", c.worse, style.alert)] {
            let wrapped = layout.paragraph(
                items.isEmpty ? "nothing measurable" : items.joined(separator: "; "), lead: "  \(label) ",
                indent: "    ")
            if let first = wrapped.first {
                lines.append(first.replacing("  \(label)", with: "  " + colour(label), maxReplacements: 1))
            }
            lines.append(contentsOf: wrapped.dropFirst())
        }
        if c.questions.isEmpty { lines.append("  No question was asked in both sessions.") }
        for change in c.questions {
            lines.append("")
            let heading = layout.paragraph("\(change.key): \(inert(change.text))")
            lines.append(style.bold(heading.first ?? ""))
            lines.append(contentsOf: heading.dropFirst())
            for (label, before, after) in rows(change) {
                lines.append(
                    contentsOf: layout.paragraph(
                        before + " → " + after, lead: "  " + leftAligned(label, width: 9), indent: "           "))
            }
            lines.append(
                contentsOf: layout.paragraph(
                    "kept \(list(change.numbersKept)); dropped \(list(change.numbersDropped)); new \(list(change.numbersNew))",
                    lead: "  numbers  ", indent: "           "))
            lines.append("  answer, [-removed-] {+added+}:")
            // Marked in plain text (the layout makes escape sequences inert), so no colour here.
            lines.append(contentsOf: layout.paragraph(WordDiff.marked(change.diff), lead: "    ", indent: "    "))
        }
        if !c.onlyBefore.isEmpty {
            lines.append("")
            lines.append("Only before: " + c.onlyBefore.joined(separator: ", "))
        }
        if !c.onlyAfter.isEmpty {
            lines.append("")
            lines.append("Only after: " + c.onlyAfter.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func markdown(_ comparison: AttemptComparison) -> String {
        let c = comparison
        var out = "# Compare: \(DocumentText.markdown(c.before.scenarioTitle))\n\n"
        out += "| | session | started | score | answered |\n|---|---|---|---|---|\n"
        for (label, side) in [("before", c.before), ("after", c.after)] {
            out +=
                "| \(label) | \(side.session) | \(LocalTime.minutes(side.started)) | \(side.scorePercent)% | \(side.answered) of \(side.asked) |\n"
        }
        out += "\n**Better:** \(c.better.isEmpty ? "nothing measurable" : c.better.joined(separator: "; "))  \n"
        out += "**Worse:** \(c.worse.isEmpty ? "nothing measurable" : c.worse.joined(separator: "; "))\n"
        for change in c.questions {
            out +=
                "\n## \(DocumentText.markdown(change.key.description)): \(DocumentText.markdown(change.text))\n\n| | before | after |\n|---|---|---|\n"
            for (label, before, after) in rows(change) { out += "| \(label) | \(before) | \(after) |\n" }
            out +=
                "\nNumbers kept: \(list(change.numbersKept)); dropped: \(list(change.numbersDropped)); new: \(list(change.numbersNew))\n\n"
            out +=
                "Answer (~~removed~~, **added**): "
                + change.diff.map { piece in
                    let text = DocumentText.markdown(piece.text)
                    switch piece.kind {
                    case .same: return text
                    case .removed: return "~~" + text + "~~"
                    case .added: return "**" + text + "**"
                    }
                }.joined(separator: " ") + "\n"
        }
        return out
    }

    public static func json(_ comparison: AttemptComparison) throws -> String {
        try DocumentText.json(comparison) + "\n"
    }

    public static func html(_ comparison: AttemptComparison) -> String {
        let c = comparison
        var body =
            "<h1>Compare: \(DocumentText.html(c.before.scenarioTitle))</h1>\n<table><tr><th></th><th>session</th><th>started</th><th>score</th><th>answered</th></tr>\n"
        for (label, side) in [("before", c.before), ("after", c.after)] {
            body +=
                "<tr><td>\(label)</td><td>\(DocumentText.html(side.session))</td><td>\(LocalTime.minutes(side.started))</td><td>\(side.scorePercent)%</td><td>\(side.answered) of \(side.asked)</td></tr>\n"
        }
        body +=
            "</table>\n<p><strong>Better:</strong> \(DocumentText.html(c.better.isEmpty ? "nothing measurable" : c.better.joined(separator: "; ")))<br>"
        body +=
            "<strong>Worse:</strong> \(DocumentText.html(c.worse.isEmpty ? "nothing measurable" : c.worse.joined(separator: "; ")))</p>\n"
        body += beforeAfterChart(c.questions)
        for change in c.questions {
            body +=
                "<section><h2>\(DocumentText.html(change.key.description)): \(DocumentText.html(change.text))</h2>\n<table><tr><th></th><th>before</th><th>after</th></tr>"
            for (label, before, after) in rows(change) {
                body +=
                    "<tr><td>\(label)</td><td>\(DocumentText.html(before))</td><td>\(DocumentText.html(after))</td></tr>"
            }
            body +=
                "</table>\n<p>Numbers kept: \(DocumentText.html(list(change.numbersKept))); dropped: \(DocumentText.html(list(change.numbersDropped))); new: \(DocumentText.html(list(change.numbersNew)))</p>\n"
            body +=
                "<p class=\"diff\">"
                + change.diff.map { piece in
                    let text = DocumentText.html(piece.text)
                    switch piece.kind {
                    case .same: return text
                    case .removed: return "<del>[-" + text + "-]</del>"
                    case .added: return "<ins>{+" + text + "+}</ins>"
                    }
                }.joined(separator: " ") + "</p></section>\n"
        }
        return ProgressHTML.page(title: "Compare: " + c.before.scenarioTitle, body: body)
    }

    /// Paired bars of each question's score, before (grey) and after (blue).
    static func beforeAfterChart(_ changes: [AttemptComparison.QuestionChange]) -> String {
        guard !changes.isEmpty else { return "" }
        let rowHeight = 26
        let width = 560
        let labelWidth = 200
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(rowHeight * changes.count + 24)\" role=\"img\"><title>Score before and after</title>"
        svg +=
            "<text x=\"\(labelWidth)\" y=\"12\" font-size=\"11\" fill=\"#555\">score: before (grey), after (blue), 0–100%</text>"
        for (index, change) in changes.enumerated() {
            let y = 20 + index * rowHeight
            let scale = Double(width - labelWidth - 10) / 100
            svg +=
                "<text x=\"0\" y=\"\(y + 14)\" font-size=\"11\">\(DocumentText.html(String(change.key.question.prefix(30))))</text>"
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(Int(Double(change.scorePercent.before) * scale))\" height=\"9\" fill=\"#aaa\"/>"
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(y + 12)\" width=\"\(Int(Double(change.scorePercent.after) * scale))\" height=\"9\" fill=\"#2a6fdb\"/>"
        }
        return "<figure>" + svg + "</svg></figure>\n"
    }
}

/// `text` followed by spaces up to `width` characters.
func leftAligned(_ text: String, width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

/// The HTML page every progress document is wrapped in: one file, styles inline, no scripts.
enum ProgressHTML {
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(DocumentText.html(title))</title>
        <style>body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
        table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left}
        del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}.diff{line-height:1.6}
        figure{margin:1em 0}</style></head><body>
        \(body)
        </body></html>

        """
    }
}

/// Text, JSON and HTML for `progress`.
public enum ProgressRenderer {
    static func seconds(_ milliseconds: Int) -> String {
        NumberText.fixed(Double(milliseconds) / 1000, places: 1) + " s"
    }

    /// The trends shown: label, values, how to print one value, and a fixed scale when there is one.
    static func trends(_ role: ProgressReport.RoleProgress) -> [(
        label: String, values: [Double], show: (Double) -> String, low: Double?, high: Double?
    )] {
        let s = role.sessions
        return [
            ("score", s.map { Double($0.scorePercent) }, { "\(Int($0))%" }, 0, 100),
            (
                "answered", s.map { $0.asked == 0 ? 0 : Double($0.answered) * 100 / Double($0.asked) },
                { "\(Int($0.rounded()))%" }, 0, 100
            ),
            ("fillers/100 words", s.map(\.fillersPer100Words), { NumberText.fixed($0, places: 1) }, 0, nil),
            (
                "median think", s.map { Double($0.medianThinkMilliseconds) / 1000 },
                { NumberText.fixed($0, places: 1) + " s" }, 0, nil
            ),
            ("over the limit", s.map { Double($0.overLimit) }, { "\(Int($0))" }, 0, nil),
        ]
    }

    public static func text(_ report: ProgressReport, unicode: Bool = true, style: TextStyle = .plain) -> String {
        var lines: [String] = []
        let arrow = unicode ? "→" : "->"
        for role in report.roles {
            if !lines.isEmpty { lines.append("") }
            let counts = Dictionary(grouping: role.sessions, by: \.source).mapValues(\.count)
            let kinds = SessionRecord.Source.allCases.compactMap { source in
                counts[source].map { "\($0) \(source.rawValue)" }
            }
            lines.append(
                style.bold("Progress: \(role.role)")
                    + " (\(role.sessions.count) session\(role.sessions.count == 1 ? "" : "s"): \(kinds.joined(separator: ", ")))"
            )
            if role.sessions.count < 2 {
                lines.append(
                    "  Only one session so far: practise again (`rehearse practice --role \(role.role)`) to see a trend."
                )
            }
            for trend in trends(role) {
                let line = TrendChart.sparkline(trend.values, low: trend.low, high: trend.high, unicode: unicode)
                let first = trend.values.first.map(trend.show) ?? ""
                let last = trend.values.last.map(trend.show) ?? ""
                lines.append(
                    "  " + leftAligned(trend.label, width: 18) + leftAligned(line, width: 12)
                        + "  \(first) \(arrow) \(last)")
            }
            lines.append("  Sessions:")
            for point in role.sessions.suffix(12) {
                let rating = point.selfRating.map { "  self-rated \($0)/5" } ?? ""
                lines.append(
                    "    \(LocalTime.minutes(point.started))  \(point.session)  \(leftAligned(point.source.rawValue, width: 9))"
                        + "score \(NumberText.rightAligned("\(point.scorePercent)", width: 3))%  answered \(point.answered)/\(point.asked)\(rating)"
                )
            }
            if role.sessions.count > 12 {
                lines.append("    … and \(role.sessions.count - 12) earlier (--format json lists all)")
            }
            let byKey = Dictionary(role.questions.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            if !role.needWork.isEmpty {
                lines.append("  Need most work (first / best / last score):")
                for key in role.needWork {
                    guard let question = byKey[key] else { continue }
                    let trend = TrendChart.sparkline(
                        question.scores.map(Double.init), low: 0, high: 100, unicode: unicode)
                    lines.append(
                        "    \(key)  \(question.attempts)×  \(question.firstScore)% / \(question.bestScore)% / \(question.lastScore)%  \(trend)"
                            + (question.skipped > 0 ? "  skipped \(question.skipped)×" : ""))
                }
            }
            if let calibration = role.calibration {
                let sign = calibration.meanDifference > 0 ? "+" : ""
                lines.append(
                    "  Self-rating vs review: \(calibration.rated) rated; above the review \(calibration.above), below \(calibration.below), "
                        + "mean \(sign)\(calibration.meanDifference) points "
                        + TrendChart.sparkline(
                            calibration.differences.map(Double.init), low: -100, high: 100, unicode: unicode))
            }
        }
        return TerminalSafeText.inert(lines.joined(separator: "\n"), keepNewlines: true) + "\n"
    }

    public static func json(_ report: ProgressReport) throws -> String { try DocumentText.json(report) + "\n" }

    public static func html(_ report: ProgressReport) -> String {
        var body = "<h1>Practice progress</h1>\n"
        for role in report.roles {
            body += "<section><h2>\(DocumentText.html(role.role))</h2>\n<p>\(role.sessions.count) sessions.</p>\n"
            for trend in trends(role) {
                body +=
                    "<figure>" + TrendChart.svg(trend.values, title: trend.label, low: trend.low, high: trend.high)
                    + "</figure>\n"
            }
            if let calibration = role.calibration {
                body +=
                    "<figure>"
                    + TrendChart.svg(
                        calibration.differences.map(Double.init), title: "self-rating minus review score (points)",
                        low: -100, high: 100) + "</figure>\n"
                body +=
                    "<p>Rated above the review \(calibration.above) times, below \(calibration.below), mean difference \(calibration.meanDifference) points.</p>\n"
            }
            body +=
                "<table><tr><th>started</th><th>session</th><th>source</th><th>scenario</th><th>score</th><th>answered</th><th>self-rating</th></tr>\n"
            for point in role.sessions {
                body +=
                    "<tr><td>\(LocalTime.minutes(point.started))</td><td>\(DocumentText.html(point.session))</td><td>\(point.source.rawValue)</td>"
                    + "<td>\(DocumentText.html(point.scenarioID))</td><td>\(point.scorePercent)%</td><td>\(point.answered) of \(point.asked)</td>"
                    + "<td>\(point.selfRating.map { "\($0)/5" } ?? "")</td></tr>\n"
            }
            body +=
                "</table>\n<h3>Questions</h3>\n<table><tr><th>question</th><th>attempts</th><th>first</th><th>best</th><th>last</th></tr>\n"
            for question in role.questions {
                let needs = role.needWork.contains(question.key) ? " style=\"background:#fff4e0\"" : ""
                body +=
                    "<tr\(needs)><td>\(DocumentText.html(question.key.description))<br><small>\(DocumentText.html(question.text))</small></td>"
                    + "<td>\(question.attempts)</td><td>\(question.firstScore)%</td><td>\(question.bestScore)%</td><td>\(question.lastScore)%</td></tr>\n"
            }
            body += "</table></section>\n"
        }
        return ProgressHTML.page(title: "Practice progress", body: body)
    }
}

/// Text for `drill --list`.
public enum DrillListRenderer {
    public static func text(_ schedule: DrillSchedule, role: String, interviewDate: String?) -> String {
        var lines: [String] = []
        let dateNote = interviewDate.map { " (interview on \($0))" } ?? ""
        if schedule.items.isEmpty {
            return
                "Nothing to drill for \(role)\(dateNote): no question was skipped, over the limit or scored under \(DrillThresholds.lowScorePercent)%.\n"
        }
        let due = schedule.dueNow
        let later = schedule.upcoming
        lines.append("Due now for \(role)\(dateNote): \(due.count)")
        for item in due { lines.append(contentsOf: describe(item)) }
        if !later.isEmpty {
            lines.append("Later:")
            for item in later { lines.append(contentsOf: describe(item)) }
        }
        if !due.isEmpty { lines.append("Run `rehearse drill --role \(role)` to practise the ones due now.") }
        return TerminalSafeText.inert(lines.joined(separator: "\n"), keepNewlines: true) + "\n"
    }

    static func describe(_ item: DrillItem) -> [String] {
        let when = item.isDue ? "due since \(LocalTime.dayAndTime(item.due))" : "due \(LocalTime.dayAndTime(item.due))"
        let history =
            item.goodStreak == 0
            ? "\(item.weakness) on \(LocalTime.dayAndTime(item.weakOn))"
            : "\(item.weakness) on \(LocalTime.dayAndTime(item.weakOn)), then \(item.goodStreak) good attempt\(item.goodStreak == 1 ? "" : "s")"
        let text = item.text.count > 70 ? String(item.text.prefix(69)) + "…" : item.text
        return ["  \(item.key)  \(when)", "    \(text)", "    why: \(history); gap: \(item.gapReason)"]
    }

    /// One line for the end of a session: what is due next.
    public static func nextDue(_ schedule: DrillSchedule, role: String) -> String? {
        if !schedule.dueNow.isEmpty {
            let count = schedule.dueNow.count
            return "Due to drill now: \(count) question\(count == 1 ? "" : "s") (`rehearse drill --role \(role)`)."
        }
        guard let next = schedule.upcoming.first else { return nil }
        return "Next drill: \(next.key.question) on \(LocalTime.dayAndTime(next.due)) (`rehearse drill --list`)."
    }
}
