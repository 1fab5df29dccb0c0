import ArgumentParser
import RehearseCore

/// `rehearse compare`: two attempts side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two attempts: per question, what changed from the earlier answer to the later one.",
        discussion: """
            With no ids: the newest session and the one before it of the same scenario. With one id: that \
            session and the attempt of the same scenario before it. With two: those two, earlier first. \
            Questions are matched by scenario and question id; a question a later scenario or a drill \
            repeats (`repeats:`) and a revisit count as the original. Per question: score, words, think and \
            answer time, fillers, hedges, the review's findings, numbers kept, dropped and new, and a word \
            diff of the answers ([-removed-] {+added+}).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, html }

    @Argument(
        help: ArgumentHelp(
            "Up to two sessions: `last`, a session id or a unique prefix, or a transcript path.", valueName: "ID"))
    var transcripts: [String] = []

    @Option(help: ArgumentHelp("text, markdown, json or html.", valueName: "FORMAT"))
    var format: Format = .text

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Columns to fit the text to. Default: the terminal's width.", valueName: "N"))
    var width: Int?

    func validate() throws {
        if transcripts.count > 2 {
            throw ValidationError("compare takes at most two sessions; got \(transcripts.count)")
        }
        try TextWidthOption.validate(width)
    }

    func run() throws {
        let index = TranscriptIndex(folder: AppContext.dataFolder)
        let (before, after) = try Self.pair(transcripts, index: index)
        let comparison = AttemptComparison(before: before, after: after)
        let text: String
        switch format {
        case .text:
            let colour = output == nil && AppContext.usesColour(fileDescriptor: 1)
            text = ComparisonRenderer.text(
                comparison, width: OutputTarget.width(width), style: TextStyle(colour: colour))
        case .markdown: text = ComparisonRenderer.markdown(comparison)
        case .json: text = try ComparisonRenderer.json(comparison)
        case .html: text = ComparisonRenderer.html(comparison)
        }
        try OutputTarget.write(text, to: output)
    }

    /// The two transcripts to compare, earlier first.
    static func pair(_ references: [String], index: TranscriptIndex) throws -> (Transcript, Transcript) {
        if references.count == 2 {
            let first = try TranscriptReference.load(references[0], index: index)
            let second = try TranscriptReference.load(references[1], index: index)
            return first.header.started <= second.header.started ? (first, second) : (second, first)
        }
        let summaries = index.summaries().filter { $0.status != .unreadable && $0.started != nil }
        let later: Transcript
        if let reference = references.first {
            later = try TranscriptReference.load(reference, index: index)
        } else {
            // The newest session that has an earlier attempt of the same scenario.
            guard
                let newest = summaries.reversed().first(where: { candidate in
                    summaries.contains {
                        $0.scenarioID == candidate.scenarioID && $0.started! < candidate.started!
                            && $0.file != candidate.file
                    }
                })
            else {
                throw UserError(
                    summaries.isEmpty
                        ? "there are no transcripts yet; run `rehearse practice` twice with the same scenario, then compare"
                        : "fewer than two attempts of any scenario: compare needs two sessions of the same scenario; "
                            + "run `rehearse practice --scenario \(summaries.last!.scenarioID)` again, or name two sessions: `rehearse compare ID1 ID2`"
                )
            }
            later = try TranscriptReference.load(
                newest.file.isEmpty ? "last" : index.folder.transcripts + "/" + newest.file, index: index)
        }
        let scenario = later.header.scenario.id
        guard
            let previous = summaries.last(where: {
                $0.scenarioID == scenario && $0.started! < later.header.started && $0.session != later.header.session
            })
        else {
            throw UserError(
                "fewer than two attempts: session \(later.header.session) is the first of scenario \(scenario); "
                    + "run `rehearse practice --scenario \(scenario)` again, or name two sessions: `rehearse compare ID1 ID2`"
            )
        }
        let before = try TranscriptReference.load(index.folder.transcripts + "/" + previous.file, index: index)
        return (before, later)
    }
}
