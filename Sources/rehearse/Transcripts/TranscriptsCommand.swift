import ArgumentParser
import RehearseCore

/// `rehearse transcripts`: the saved sessions.
struct TranscriptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcripts",
        abstract: "List saved interview transcripts, oldest first.",
        discussion: """
            Columns: date (local time), session id, role, kind, scenario, main questions answered of asked, \
            duration and how the session ended (completed, quit, interrupted, or cut off when it has no end \
            line). Any command that takes a transcript accepts `last`, a unique prefix of an id, or a path. \
            A summary cache (transcripts/.index.json) keeps this fast; it is rebuilt from the files whenever \
            they change, and can be deleted at any time.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(help: ArgumentHelp("Only transcripts of this role, e.g. customer-service.", valueName: "ROLE"))
    var role: String?

    @Option(help: ArgumentHelp("Only this kind: first, second or same-person.", valueName: "KIND"))
    var kind: String?

    @Option(help: ArgumentHelp("Only sessions started on or after DATE: 2026-05-01, 2026-05-01T14:30 (local time), a full ISO 8601 time, or 7d for the last seven days.", valueName: "DATE"))
    var since: String?

    @Option(help: ArgumentHelp("table or json.", valueName: "FORMAT"))
    var format: Format = .table

    func validate() throws {
        if let kind, InterviewKind(rawValue: kind.lowercased()) == nil, !["same", "sameperson"].contains(kind.lowercased()) {
            throw ValidationError("--kind '\(kind)': use first, second or same-person")
        }
        if let since, SinceDate.parse(since) == nil {
            throw ValidationError("--since '\(since)': use a date such as 2026-05-01, 2026-05-01T14:30, or 7d for the last seven days")
        }
    }

    func run() throws {
        print(try TranscriptList.render(index: TranscriptIndex(folder: AppContext.dataFolder), role: role,
                                        kind: kind, since: since.flatMap { SinceDate.parse($0) }, format: format), terminator: "")
    }
}

/// Parses `--since`.
enum SinceDate {
    static func parse(_ text: String, now: Date = Date()) -> Date? {
        let trimmed = text.trimmingBlanks()
        if trimmed.hasSuffix("d"), let days = Int(trimmed.dropLast()), days >= 0 {
            return now.addingTimeInterval(-Double(days) * 86_400)
        }
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        return LocalTime.parse(trimmed)
    }
}

/// The transcript list as a table or JSON.
enum TranscriptList {
    static func render(index: TranscriptIndex, role: String? = nil, kind: String? = nil, since: Date? = nil,
                       format: TranscriptsCommand.Format = .table) throws -> String {
        let all = index.summaries()
        let kindName = kind.map { ["same", "sameperson"].contains($0.lowercased()) ? "same-person" : $0.lowercased() }
        let rows = all.filter { summary in
            (role.map { $0 == summary.role } ?? true) && (kindName.map { $0 == summary.kind } ?? true)
                && (since.map { limit in summary.started.map { $0 >= limit } ?? false } ?? true)
        }
        if format == .json { return try DocumentText.json(rows) + "\n" }
        if all.isEmpty { return "No transcripts yet in \(index.folder.transcripts). Start one with `rehearse practice`.\n" }
        if rows.isEmpty {
            let roles = Set(all.map(\.role)).sorted().joined(separator: ", ")
            return "No transcripts match these filters (\(all.count) saved; roles: \(TerminalSafeText.inert(roles, keepNewlines: false))).\n"
        }
        let table = Table(headers: ["DATE", "ID", "ROLE", "KIND", "SCENARIO", "ANSWERED", "DURATION", "STATUS"], rows: rows.map { summary in
            let seconds = summary.durationMilliseconds / 1000
            return [summary.started.map(LocalTime.minutes) ?? "?", summary.session, summary.role, summary.kind, summary.scenarioID,
                    summary.status == .unreadable ? "-" : "\(summary.answered)/\(summary.asked)",
                    summary.status == .unreadable ? "-" : "\(seconds / 60)m\(seconds % 60 < 10 ? "0" : "")\(seconds % 60)s",
                    summary.status == .unreadable ? "unreadable: \(summary.problem ?? "?")" : summary.status.rawValue]
        })
        return table.render() + "\n"
    }
}
