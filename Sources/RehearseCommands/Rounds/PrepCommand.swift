import ArgumentParser
import RehearseCore

/// `rehearse prep`: a sheet to prepare the next round from the last one.
struct PrepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prep",
        abstract:
            "A prep sheet for the next round: repeat questions and numbers to keep, concerns, weak answers, questions to ask.",
        discussion: """
            Built from a debrief (`last-real`) or a practice transcript: the questions likely to be asked again \
            with your earlier answer and the numbers in it to keep consistent, each concern with a suggested \
            angle, the answers the review ranks weakest, what you wished you had said, and questions to ask \
            the employer (the team, the first months, how success is measured, next steps), each once.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, html }

    @Argument(
        help: ArgumentHelp(
            "`last-real` (the default: the latest debrief), `last`, a session id or a path.", valueName: "ID"))
    var transcript: String = TranscriptIndex.lastRealReference

    @Option(help: ArgumentHelp("text, markdown or html.", valueName: "FORMAT"))
    var format: Format = .text

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Write the sheet to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Columns to fit the text sheet to. Default: the terminal's width.", valueName: "N"))
    var width: Int?

    @OptionGroup var sources: ScenarioSourceOptions

    func validate() throws {
        try TextWidthOption.validate(width)
    }

    func run() throws {
        let index = TranscriptIndex(folder: AppContext.dataFolder)
        let transcript = try TranscriptReference.load(self.transcript, index: index)
        let review = ReviewBuilder().review(transcript)
        let round = RoundRecord(transcript)
        let catalog = try sources.catalog()
        let role = NextRoundBuilder.nearestRole(to: round, roles: catalog.roles.map { (id: $0.id, title: $0.title) })
        let template = role.flatMap { catalog.scenario(role: $0, kind: .second) }
        let sheet = PrepSheet(transcript: transcript, review: review, template: template)
        let rendered = PrepSheetRenderer.render(
            sheet, format: PrepSheetRenderer.Format(rawValue: format.rawValue) ?? .text,
            width: OutputTarget.width(width))
        try OutputTarget.write(rendered, to: output)
    }
}
