import ArgumentParser
import RehearseCore

/// `rehearse review`: what each answer shows, and the three questions to ask yourself.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a saved interview: evidence per answer, timing, and what to work on.",
        discussion: """
            Per answer: words, think and answer time, the time limit, filler words and hedges, numbers and a \
            situation → action → result shape, talking points covered and missed, "I" versus "we", and for \
            questions asked before, how the answer compares with the earlier one (numbers that changed \
            included). Then: clear and concise? concrete examples? caught off guard? — each with the \
            evidence behind it, and the strongest answers and those to work on, from a score whose parts are \
            shown.

            Every rule, threshold and word list is in docs/review-rules.md. The same transcript always gives \
            the same review.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, html }

    @Argument(help: TranscriptReference.help)
    var transcript: String = "last"

    @Option(help: ArgumentHelp("text, markdown, json or html.", valueName: "FORMAT"))
    var format: Format = .text

    @Option(help: ArgumentHelp("A plain-text job description: the review shows which of its key terms your answers used.", valueName: "FILE"))
    var job: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write the review to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Columns to fit the text report to. Default: the terminal's width.", valueName: "N"))
    var width: Int?

    func validate() throws {
        if let width, !(20...1000).contains(width) { throw ValidationError("--width \(width): use 20 to 1000 columns") }
    }

    func run() throws {
        let index = TranscriptIndex(folder: AppContext.dataFolder)
        let transcript = try TranscriptReference.load(self.transcript, index: index, keepsTyping: false)  // the review never replays typing
        var builder = ReviewBuilder(earlierTranscripts: index.earlierTranscripts(
            than: transcript, limit: ReviewThresholds.earlierTranscriptLimit, questionIDs: ReviewBuilder.questionIDsToCompare(in: transcript)))
        builder.earlierTranscriptsFolder = index.folder.transcripts
        if let job {
            guard let data = FileManager.default.contents(atPath: job) else {
                let reason = FileManager.default.fileExists(atPath: job) ? "cannot be read; check its permissions" : "no such file"
                throw UserError("--job \(job): \(reason); pass a plain-text job description")
            }
            // The company's own name is no key term of the job (see docs/review-rules.md).
            let description = JobDescription(text: String(decoding: data, as: UTF8.self), companyName: transcript.header.company)
            builder.jobDescription = (lastPathComponent(job), description)
        }
        let review = builder.review(transcript)
        let text: String
        switch format {
        case .text:
            let colour = output == nil && AppContext.usesColour(fileDescriptor: 1)
            text = ReviewTextRenderer(width: OutputTarget.width(width), style: TextStyle(colour: colour)).render(review)
        case .markdown: text = ReviewMarkdownRenderer.render(review)
        case .json: text = try ReviewJSONRenderer.render(review)
        case .html: text = ReviewHTMLRenderer.render(review)
        }
        try OutputTarget.write(text, to: output)
    }
}
