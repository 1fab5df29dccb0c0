import ArgumentParser
import RehearseCore

/// The next round after a saved one (`--after ID`), shared by `practice` and `scenarios new`.
enum NextRound {
    static let help = ArgumentHelp(
        "Generate the next round after this transcript: `last-real` (the latest debrief), `last`, an id or a path.",
        valueName: "ID")

    /// The round an `--after` value names, with the candidates listed when it names none or several.
    static func round(after reference: String) throws -> RoundRecord { try transcript(after: reference).round }

    /// The transcript an `--after` value names and its round.
    static func transcript(after reference: String) throws -> (transcript: Transcript, round: RoundRecord) {
        let index = TranscriptIndex(folder: AppContext.dataFolder)
        do {
            _ = try index.resolve(reference)
        } catch let error as TranscriptLookupError {
            if case .ambiguous = error {
                throw ValidationError("--after: " + TranscriptReference.message(for: error, index: index))
            }
            let recent = index.summaries().suffix(8).reversed()
            guard !recent.isEmpty else { throw ValidationError("--after '\(safe(reference))': \(error)") }
            let table = Table(
                headers: ["ID", "DATE", "ROLE", "KIND", "ROUND"],
                rows: recent.map { summary in
                    [
                        summary.session, summary.started.map(LocalTime.minutes) ?? "?", summary.role, summary.kind,
                        summary.isRealInterview ? "REAL at \(summary.company ?? "?")" : summary.scenarioID,
                    ]
                }
            ).render()
            throw ValidationError(
                "--after '\(safe(reference))': \(error). Recent rounds:\n"
                    + table.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        }
        let transcript = try TranscriptReference.load(reference, index: index)
        let round = RoundRecord(transcript)
        guard !round.questions.isEmpty else {
            throw UserError(
                "transcript \(transcript.header.session) asked no questions, so there is nothing to build the next round on; "
                    + "choose another with --after (see `rehearse transcripts`)")
        }
        return (transcript, round)
    }

    /// The generated interview: the round's questions and concerns, the rest from the template of the
    /// nearest role (`role` overrides it) and kind.
    static func scenario(after round: RoundRecord, kind: InterviewKind?, role: String?, sources: ScenarioSourceOptions)
        throws -> Scenario
    {
        let catalog = try sources.catalog()
        let roles = catalog.roles.map { (id: $0.id, title: $0.title) }
        let kind = kind ?? NextRoundBuilder.defaultKind(after: round)
        let templateRole =
            try role.map { try ScenarioChoice.resolveRole($0, catalog: catalog) }
            ?? NextRoundBuilder.nearestRole(to: round, roles: roles)
        let template = templateRole.flatMap {
            catalog.scenario(role: $0, kind: kind) ?? catalog.scenario(role: $0, kind: .second)
        }
        return NextRoundBuilder(round: round, kind: kind, template: template).build()
    }

    static func safe(_ text: String) -> String { TerminalSafeText.inert(text, keepNewlines: false) }
}
