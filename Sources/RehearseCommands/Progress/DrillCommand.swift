import ArgumentParser
import LineEditor
import RehearseCore

/// `rehearse drill`: practise the questions that are due again.
struct DrillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract:
            "Practise the questions that are due again: skipped, over the time limit, or scored low, on a spaced schedule.",
        discussion: """
            A question joins the schedule when an attempt at it is weak (docs/review-rules.md, "Drill"), due at \
            once. After each later attempt it comes back after 1, 3, 7, then 14 days while the answers are good, \
            and after 1 day again when one is weak. With an interview date (--until, remembered per role) the \
            gap is at most 20% (after a weak answer) or 40% (after a good one) of the time left. A drill runs \
            in the normal session and is saved as a transcript whose questions name the originals, so compare, \
            progress and review count them as further attempts.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: ArgumentHelp("The role to drill. Default: the role of your newest session.", valueName: "ROLE"))
    var role: String?

    @Option(
        help: ArgumentHelp(
            "The interview date, YYYY-MM-DD (remembered for the role; `none` forgets it).", valueName: "DATE"))
    var until: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Ask at most N of the due questions.", valueName: "N"))
    var count: Int = DrillThresholds.defaultCount

    @Flag(help: "Show what is due now and when each other question is due, with the reason; ask nothing.")
    var list = false

    @Option(help: ArgumentHelp("With --list: text or json.", valueName: "FORMAT"))
    var format: Format = .text

    @Option(
        name: .customLong("self-rating"), parsing: .unconditional,
        help: ArgumentHelp("Your rating of the drill, 1–5, recorded without asking (for piped input).", valueName: "N"))
    var selfRating: Int?

    @OptionGroup var sources: ScenarioSourceOptions

    func validate() throws {
        if count < 1 { throw ValidationError("--count \(count): ask at least 1 question") }
        if let until, until != "none", LocalTime.parse(until) == nil {
            throw ValidationError(
                "--until '\(TerminalSafeText.inert(until, keepNewlines: false))': use the interview date as YYYY-MM-DD, e.g. 2026-12-20 (or `none` to forget it)"
            )
        }
        if let selfRating, !SelfRating.range.contains(selfRating) {
            throw ValidationError("--self-rating \(selfRating): use 1 to 5")
        }
    }

    func run() throws {
        if case .interrupted(let signal?) = try perform(editor: LineEditor()) { exitProcess(128 + signal) }
    }

    /// Lists or runs the drill; the session (if any) reads through `editor`.
    func perform(editor: LineEditor) throws -> PracticeRunner.Outcome {
        let folder = AppContext.dataFolder
        // With --role only that role's sessions are read; without it the newest session names the role.
        let history = role.map { PracticeHistory.load(from: folder, role: $0) } ?? PracticeHistory.load(from: folder)
        ProgressWarnings.print(history.warnings)
        let now = Date()
        let roleID = role ?? history.records.last?.role ?? AppContext.defaultRole
        let dates = InterviewDates(folder: folder)
        var dateText = dates.date(role: roleID)
        if let until {
            dateText = until == "none" ? nil : until
            do {
                try folder.prepare()
                try dates.remember(dateText, role: roleID)
            } catch {
                StandardStreams.error("warning: could not remember the interview date in \(dates.path) (\(error))\n")
            }
        }
        // The interview is at the end of its day: a drill that morning still counts as before it.
        let interviewDate = dateText.flatMap(LocalTime.parse).map { $0.addingTimeInterval(86_399) }
        if let interviewDate, let dateText, interviewDate < now {
            StandardStreams.error(
                "note: the interview date for \(roleID), \(dateText), has passed; the usual gaps apply "
                    + "(`rehearse drill --until YYYY-MM-DD` sets a new one, `--until none` forgets it)\n")
        }
        let schedule = DrillSchedule(records: history.records(role: roleID), now: now, interviewDate: interviewDate)
        if list {
            switch format {
            case .text: StandardStreams.output(DrillListRenderer.text(schedule, role: roleID, interviewDate: dateText))
            case .json: StandardStreams.output(try DocumentText.json(schedule.items) + "\n")
            }
            return .completed
        }
        let due = Array(schedule.dueNow.prefix(count))
        if due.isEmpty {
            StandardStreams.output(DrillListRenderer.text(schedule, role: roleID, interviewDate: dateText))
            if history.records(role: roleID).isEmpty {
                throw UserError(
                    "no sessions of role '\(TerminalSafeText.inert(roleID, keepNewlines: false))' yet; run `rehearse practice --role \(roleID)` first"
                )
            }
            return .completed
        }
        let wanted = Set(due.map(\.key.scenario))
        let catalog = try sources.catalog(only: { wanted.contains($0.id) })
        guard let scenario = DrillScenario.scenario(role: roleID, items: due, lookup: { catalog.scenario(id: $0) })
        else { return .completed }
        return try PracticeRunner(editor: editor, catalog: catalog).run(
            scenario: scenario, seed: 0, candidate: nil, company: nil, selfRating: selfRating)
    }
}
