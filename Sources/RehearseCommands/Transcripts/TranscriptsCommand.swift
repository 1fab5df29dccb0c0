import ArgumentParser
import RehearseCore

/// `rehearse transcripts`: the saved sessions.
struct TranscriptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcripts",
        abstract: "List saved interview transcripts, oldest first.",
        usage: """
            rehearse transcripts [--role <ROLE>] [--kind <KIND>] [--since <DATE>] [--format <FORMAT>]
            rehearse transcripts rm <ID> ... [--yes]
            rehearse transcripts prune [--role, --kind, --since as above] [--yes]
            """,
        discussion: """
            Columns: date (local time), session id, role, kind, scenario (REAL at the company for a real interview \
            recorded with `rehearse debrief`), main questions answered of asked, \
            duration and how the session ended (completed, quit, interrupted, or cut off when it has no end \
            line). Any command that takes a transcript accepts `last`, a unique prefix of an id, or a path. \
            A summary cache (transcripts/.index.json) keeps this fast; it is rebuilt from the files whenever \
            they change, and can be deleted at any time.
            """,
        subcommands: [Remove.self, Prune.self]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var filters: TranscriptFilterOptions

    @Option(help: ArgumentHelp("table or json.", valueName: "FORMAT"))
    var format: Format = .table

    func run() throws {
        print(
            try TranscriptList.render(
                index: TranscriptIndex(folder: AppContext.dataFolder), filter: filters.filter, format: format),
            terminator: "")
    }

    /// `rehearse transcripts rm`: delete the sessions named.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Delete saved transcripts.",
            discussion: """
                Lists the transcripts and asks before deleting them; --yes deletes without asking, and is \
                needed when standard input is not a terminal (in scripts). The summary cache is updated too.
                """)

        @Argument(
            help: ArgumentHelp(
                "Session ids or unique prefixes of them, `last`, or transcript files in the transcripts folder.",
                valueName: "ID"))
        var transcripts: [String]

        @Flag(name: [.short, .long], help: "Delete without asking.")
        var yes = false

        func run() throws {
            let index = TranscriptIndex(folder: AppContext.dataFolder)
            let chosen: [TranscriptSummary]
            do {
                chosen = try index.summaries(named: transcripts)
            } catch let error as TranscriptLookupError {
                throw UserError(TranscriptReference.message(for: error, index: index))
            } catch let error as TranscriptRemovalError {
                throw UserError("\(error)")
            }
            try TranscriptDeletion.confirmAndRemove(chosen, from: index, command: "transcripts rm", skipsQuestion: yes)
        }
    }

    /// `rehearse transcripts prune`: delete the sessions in which nothing was answered.
    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete transcripts of sessions in which no question was answered.",
            discussion: """
                A session still being written (no end line, changed in the last hour) is kept, and so is a file \
                that cannot be read (remove it with `transcripts rm ID`). The filters narrow what is pruned. Lists the transcripts and asks first; --yes deletes without asking, \
                and is needed when standard input is not a terminal.
                """)

        @OptionGroup var filters: TranscriptFilterOptions

        @Flag(name: [.short, .long], help: "Delete without asking.")
        var yes = false

        func run() throws {
            let index = TranscriptIndex(folder: AppContext.dataFolder)
            let chosen = index.unansweredSessions(matching: filters.filter)
            guard !chosen.isEmpty else {
                print("Nothing to prune: every saved session matching these filters has an answer.")
                return
            }
            try TranscriptDeletion.confirmAndRemove(
                chosen, from: index, command: "transcripts prune", skipsQuestion: yes)
        }
    }
}

/// `--role`, `--kind` and `--since`, for listing and pruning transcripts.
struct TranscriptFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only transcripts of this role, e.g. customer-service.", valueName: "ROLE"))
    var role: String?

    @Option(help: ArgumentHelp("Only this kind.", valueName: "KIND"))
    var kind: InterviewKind?

    @Option(
        help: ArgumentHelp(
            "Only sessions started on or after DATE: 2026-05-01, 2026-05-01T14:30 (local time), a full ISO 8601 time, or 7d for the last seven days.",
            valueName: "DATE"))
    var since: String?

    func validate() throws {
        if let since, TranscriptFilter.date(parsing: since) == nil {
            throw ValidationError(
                "--since '\(since)': use a date such as 2026-05-01, 2026-05-01T14:30, or 7d for the last seven days")
        }
    }

    var filter: TranscriptFilter {
        TranscriptFilter(role: role, kind: kind, since: since.flatMap { TranscriptFilter.date(parsing: $0) })
    }
}

/// Asks before deleting transcripts (on a terminal), then deletes them and says what went.
enum TranscriptDeletion {
    static func confirmAndRemove(
        _ chosen: [TranscriptSummary], from index: TranscriptIndex, command: String,
        skipsQuestion: Bool
    ) throws {
        let count = chosen.count == 1 ? "1 transcript" : "\(chosen.count) transcripts"
        if !skipsQuestion {
            guard isatty(STDIN_FILENO) == 1 else {
                throw ValidationError(
                    "\(command) would delete \(count), but standard input is not a terminal to ask on; "
                        + "add --yes to delete without asking")
            }
            let rows = chosen.map { summary in
                [
                    summary.session, summary.started.map(LocalTime.minutes) ?? "?", summary.role, summary.kind,
                    summary.status == .unreadable ? "-" : "\(summary.answered)/\(summary.asked)",
                    summary.status.rawValue,
                ]
            }
            let table = Table(headers: ["ID", "DATE", "ROLE", "KIND", "ANSWERED", "STATUS"], rows: rows).render()
            StandardStreams.output(
                table.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
                    + "\nDelete \(count)? [y/N] ")
            let answer = (readLine() ?? "").trimmingBlanks().lowercased()
            guard answer == "y" || answer == "yes" else {
                StandardStreams.output("Nothing deleted.\n")
                throw ExitCode.failure
            }
        }
        let deleted: [TranscriptSummary]
        do {
            deleted = try index.remove(chosen)
        } catch let error as TranscriptRemovalError {
            throw UserError("\(error)")
        }
        let ids = deleted.map { TerminalSafeText.inert($0.session, keepNewlines: false) }.joined(separator: ", ")
        StandardStreams.output(
            "Deleted \(deleted.count == 1 ? "1 transcript" : "\(deleted.count) transcripts"): \(ids)\n")
    }
}

/// The transcript list as a table or JSON.
enum TranscriptList {
    static func render(
        index: TranscriptIndex, filter: TranscriptFilter = TranscriptFilter(),
        format: TranscriptsCommand.Format = .table
    ) throws -> String {
        let all = index.summaries()
        let rows = all.filter(filter.matches)
        if format == .json { return try DocumentText.json(rows) + "\n" }
        if all.isEmpty {
            return "No transcripts yet in \(index.folder.transcripts). Start one with `rehearse practice`.\n"
        }
        if rows.isEmpty {
            let roles = Set(all.map(\.role)).sorted().joined(separator: ", ")
            return
                "No transcripts match these filters (\(all.count) saved; roles: \(TerminalSafeText.inert(roles, keepNewlines: false))).\n"
        }
        let table = Table(
            headers: ["DATE", "ID", "ROLE", "KIND", "SCENARIO", "ANSWERED", "DURATION", "STATUS"],
            rows: rows.map { summary in
                // A real round shows where it was instead of a scenario, and has no duration of its own.
                let isReal = summary.isRealInterview
                return [
                    summary.started.map(LocalTime.minutes) ?? "?", summary.session, summary.role, summary.kind,
                    isReal ? "REAL at \(summary.company ?? "?")" : summary.scenarioID,
                    summary.status == .unreadable ? "-" : "\(summary.answered)/\(summary.asked)",
                    summary.status == .unreadable || isReal
                        ? "-" : DurationText.compact(milliseconds: summary.durationMilliseconds),
                    summary.status == .unreadable ? "unreadable: \(summary.problem ?? "?")" : summary.status.rawValue,
                ]
            })
        return table.render() + "\n"
    }
}
