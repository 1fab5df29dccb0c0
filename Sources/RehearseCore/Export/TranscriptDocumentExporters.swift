// Documents of a whole transcript. They sit outside Replay/ because their time chart is the
// review's (`TimingChart(transcript:)`), so they depend on Review/, which Replay/ does not.

/// The transcript as Markdown: who said what, each answer with its timing, and the time chart.
public enum TranscriptMarkdownExporter {
    /// The transcript as a Markdown document.
    public static func render(_ transcript: Transcript) -> String {
        let md = DocumentText.markdown
        let header = transcript.header
        let names = Dictionary(header.interviewers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func who(_ id: String) -> String {
            guard let person = names[id] else { return "**\(md(id))**" }
            return "**\(md(person.name))** (\(md(person.title)))"
        }
        var out = ["# \(md(header.scenario.title))", ""]
        out.append("- **Session:** \(md(header.session))")
        out.append(
            "- **Role:** \(md(header.roleTitle)), \(md(header.kind.rawValue)) interview at \(md(header.company))")
        out.append("- **Candidate:** \(md(header.candidate))")
        out.append("- **Started:** \(md(DateText.minutesUTC(header.started)))")
        out.append("- **Status:** \(md(transcript.end?.status.rawValue ?? "cut off"))")
        for warning in transcript.warnings { out.append("- **Note:** \(md(warning))") }
        for event in transcript.events {
            switch event {
            case .stage(let stage):
                out += ["", "## \(md(stage.title ?? stage.stage))"]
            case .say(let say):
                out += ["", "\(who(say.speaker)): \(md(say.text))"]
            case .ask(let ask):
                let label = ask.probe == nil ? "Question \(ask.number) of \(ask.total)" : "Follow-up"
                out += [
                    "", "### \(label) · \(DurationText.seconds(ask.limitSeconds)) limit", "",
                    "\(who(ask.speaker)): \(md(ask.text))",
                ]
            case .answer(let answer):
                out.append("")
                for line in answer.text.split(separator: "\n", omittingEmptySubsequences: false) {
                    out.append("> \(md(String(line)))")
                }
                let timing = answer.timing
                out += [
                    "",
                    "*Think \(DurationText.milliseconds(timing.thinkMilliseconds)) · answer \(DurationText.milliseconds(timing.answerMilliseconds)) · \(timing.keystrokes) keystroke\(timing.keystrokes == 1 ? "" : "s"), \(timing.corrections) correction\(timing.corrections == 1 ? "" : "s")"
                        + (timing.isOverLimit ? " · past the limit" : "") + "*",
                ]
            case .command(let command):
                out += ["", "*/\(md(command.name))*" + (command.text.map { ": " + md($0) } ?? "")]
            case .note(let note):
                out += ["", "*Your note:* \(md(note.text))"]
            case .notice(let notice):
                out += ["", "*\(md(notice.text))*"]
            case .candidateQuestion(let question):
                out += ["", "**You:** \(md(question.text))", "", "\(who(question.speaker)): \(md(question.reply))"]
            case .end(let end):
                out += [
                    "", "---", "",
                    "Session \(md(end.status.rawValue)) · answered \(end.answered) of \(end.asked) · \(DurationText.milliseconds(end.t))",
                ]
            }
        }
        let chart = TimingChart(transcript: transcript)
        if !chart.rows.isEmpty {
            out +=
                ["", "## Time per question", "", "```text", TimingChart.legend] + chart.textLines(width: 78) + ["```"]
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// The transcript as one self-contained HTML page (inline CSS, inline SVG, no scripts, nothing
/// fetched): the conversation with each answer's timing, and the chart of think and answer
/// time per question with the limits marked.
public enum TranscriptHTMLExporter {
    /// The transcript as a complete HTML page.
    public static func render(_ transcript: Transcript) -> String {
        let h = DocumentText.html
        let header = transcript.header
        let names = Dictionary(header.interviewers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func who(_ id: String) -> String {
            guard let person = names[id] else { return "<span class=\"speaker\">\(h(id))</span>" }
            return "<span class=\"speaker\">\(h(person.name)) <small>\(h(person.title))</small></span>"
        }
        var body = "<header><h1>\(h(header.scenario.title))</h1>"
        body +=
            "<p class=\"meta\">\(h(header.roleTitle)) · \(h(header.kind.rawValue)) interview · \(h(header.company)) · \(h(DateText.minutesUTC(header.started))) · \(h(transcript.end?.status.rawValue ?? "cut off")) · session \(h(header.session))</p>"
        for warning in transcript.warnings { body += "<p class=\"warning\">\(h(warning))</p>" }
        body += "</header>\n"
        let chart = TimingChart(transcript: transcript)
        if !chart.rows.isEmpty { body += "<section><h2>Time per question</h2>\n\(chart.svg())\n</section>\n" }
        body += "<section><h2>Transcript</h2>\n"
        for event in transcript.events {
            switch event {
            case .stage(let stage):
                body += "<p class=\"stage\">\(h(stage.title ?? stage.stage))</p>\n"
            case .say(let say):
                body += "<p class=\"turn\">\(who(say.speaker)): \(h(say.text))</p>\n"
            case .ask(let ask):
                let label =
                    ask.probe == nil
                    ? "Question \(ask.number) of \(ask.total) · \(DurationText.seconds(ask.limitSeconds)) limit"
                    : "Follow-up"
                body +=
                    "<p class=\"turn asked\"><small>\(h(label))</small><br>\(who(ask.speaker)): \(h(ask.text))</p>\n"
            case .answer(let answer):
                let timing = answer.timing
                body +=
                    "<div class=\"answerturn\"><blockquote>\(h(answer.text))</blockquote><p class=\"timing\">think \(h(DurationText.milliseconds(timing.thinkMilliseconds))) · answer \(h(DurationText.milliseconds(timing.answerMilliseconds))) · \(timing.keystrokes) keystroke\(timing.keystrokes == 1 ? "" : "s"), \(timing.corrections) correction\(timing.corrections == 1 ? "" : "s")"
                    + (timing.isOverLimit ? " · <b>past the limit</b>" : "") + "</p></div>\n"
            case .command(let command):
                body += "<p class=\"timing\">/\(h(command.name))\(command.text.map { ": " + h($0) } ?? "")</p>\n"
            case .note(let note):
                body += "<p class=\"timing\">Your note: \(h(note.text))</p>\n"
            case .notice(let notice):
                body += "<p class=\"timing\">\(h(notice.text))</p>\n"
            case .candidateQuestion(let question):
                body +=
                    "<div class=\"answerturn\"><blockquote>\(h(question.text))</blockquote></div><p class=\"turn\">\(who(question.speaker)): \(h(question.reply))</p>\n"
            case .end(let end):
                body +=
                    "<p class=\"stage\">Session \(h(end.status.rawValue)) · answered \(end.answered) of \(end.asked) · \(h(DurationText.milliseconds(end.t)))</p>\n"
            }
        }
        body += "</section>\n"
        return HTMLPage.wrap(title: header.scenario.title, body: body)
    }
}
