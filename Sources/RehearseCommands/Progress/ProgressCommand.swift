import ArgumentParser
import RehearseCore

/// `rehearse progress`: how practice went over time.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract:
            "Show progress over time: score, answered, fillers, think time and time limits per role, and the questions that need work.",
        discussion: """
            Per role, the sessions in order with the review's score (docs/review-rules.md), answered of asked, \
            fillers per 100 words, median think time and answers over the limit, as sparklines (ASCII when the \
            locale is not UTF-8); per question its attempts and first / best / last score, and the five that \
            most need work. Practice sessions and drills are marked apart. When you rate sessions yourself \
            (asked at the end of a session, or --self-rating), how far your ratings are from the review. \
            --format html writes one self-contained page with SVG charts; json is for scripts.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    @Option(help: ArgumentHelp("Only this role, e.g. customer-service.", valueName: "ROLE"))
    var role: String?

    @Option(
        help: ArgumentHelp(
            "Only sessions that asked this question: a question id, or SCENARIO/QUESTION.", valueName: "ID"))
    var question: String?

    @Option(
        help: ArgumentHelp(
            "Only sessions started on or after DATE: 2026-05-01, 2026-05-01T14:30 (local time), a full ISO 8601 time, or 7d for the last seven days.",
            valueName: "DATE"))
    var since: String?

    @Option(help: ArgumentHelp("text, json or html.", valueName: "FORMAT"))
    var format: Format = .text

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    func validate() throws {
        if let since, TranscriptFilter.date(parsing: since) == nil {
            throw ValidationError(
                "--since '\(since)': use a date such as 2026-05-01, 2026-05-01T14:30, or 7d for the last seven days")
        }
    }

    func run() throws {
        let history = PracticeHistory.load(from: AppContext.dataFolder)
        ProgressWarnings.print(history.warnings)
        if history.records.isEmpty {
            throw UserError(
                "there are no readable sessions yet in \(AppContext.dataFolder.transcripts); run `rehearse practice` first"
            )
        }
        if let role, !history.roles.contains(role) {
            throw UserError(
                "no sessions of role '\(TerminalSafeText.inert(role, keepNewlines: false))'; roles with sessions: \(history.roles.joined(separator: ", "))"
            )
        }
        let report = ProgressReport(
            history: history, role: role, question: question,
            since: since.flatMap { TranscriptFilter.date(parsing: $0) })
        if report.roles.isEmpty {
            throw UserError(
                "no sessions match" + (question.map { " --question \($0)" } ?? "")
                    + (since.map { " --since \($0)" } ?? "")
                    + "; try without the filter")
        }
        let text: String
        switch format {
        case .text:
            let colour = output == nil && AppContext.usesColour(fileDescriptor: 1)
            text = ProgressRenderer.text(
                report, unicode: ProgressWarnings.localeIsUTF8, style: TextStyle(colour: colour))
        case .json: text = try ProgressRenderer.json(report)
        case .html: text = ProgressRenderer.html(report)
        }
        try OutputTarget.write(text, to: output)
    }
}

/// Shared by progress and drill: the warnings about skipped files, and the locale's character set.
enum ProgressWarnings {
    static func print(_ warnings: [String]) {
        for warning in warnings {
            StandardStreams.error("warning: \(TerminalSafeText.inert(warning, keepNewlines: false))\n")
        }
    }

    /// Whether the locale (LC_CTYPE, set from the environment at start) uses UTF-8, so sparklines can use block characters.
    static var localeIsUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
