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

            --explain shows, for each rule of each question's type, the words that matched or why nothing \
            matched (add Qn for one question). --dismiss Qn:RULE overrules a flag you judge wrong: it is kept \
            beside the transcript (TRANSCRIPT.dismissed.json), shown as dismissed and left out of the score; the \
            transcript itself never changes.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json, html }

    @Argument(help: TranscriptReference.help)
    var transcript: String = "last"

    @Argument(help: ArgumentHelp("With --explain: one question to explain, e.g. Q2.", valueName: "Qn"))
    var question: String?

    @Flag(help: "For every rule: the words that matched, or why nothing matched.")
    var explain = false

    @Option(
        help: ArgumentHelp("Overrule a flag you judge wrong, e.g. Q2:no_number (repeatable).", valueName: "Qn:RULE"))
    var dismiss: [String] = []

    @Option(help: ArgumentHelp("text, markdown, json or html.", valueName: "FORMAT"))
    var format: Format = .text

    @Option(
        help: ArgumentHelp(
            "A plain-text job description: the review shows which of its key terms your answers used.",
            valueName: "FILE"))
    var job: String?

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Write the review to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Columns to fit the text report to. Default: the terminal's width.", valueName: "N"))
    var width: Int?

    /// "Q2" or "q2" as a review number.
    static func questionNumber(_ text: String) -> Int? {
        guard text.count >= 2, text.first == "Q" || text.first == "q" else { return nil }
        return Int(text.dropFirst())
    }

    /// The transcript reference and the question to explain: `review --explain Q2` names no
    /// transcript, so Q2 is the question and the transcript is the last one.
    var references: (transcript: String, question: String?) {
        if question == nil, explain, Self.questionNumber(transcript) != nil { return ("last", transcript) }
        return (transcript, question)
    }

    func validate() throws {
        try TextWidthOption.validate(width)
        if let question = references.question {
            guard explain else {
                throw ValidationError(
                    "'\(question)': a question goes with --explain, e.g. rehearse review last --explain Q2")
            }
            guard Self.questionNumber(question) != nil else {
                throw ValidationError("--explain \(question): name a question as Qn, e.g. Q2")
            }
        }
    }

    func run() throws {
        let index = TranscriptIndex(folder: AppContext.dataFolder)
        let transcript = try TranscriptReference.load(references.transcript, index: index, keepsTyping: false)  // the review never replays typing
        var builder = ReviewBuilder(
            earlierTranscripts: index.earlierTranscripts(
                than: transcript, limit: ReviewThresholds.earlierTranscriptLimit,
                questionIDs: ReviewBuilder.questionIDsToCompare(in: transcript)))
        builder.earlierTranscriptsFolder = index.folder.transcripts
        if let job {
            guard let data = FileManager.default.contents(atPath: job) else {
                let reason =
                    FileManager.default.fileExists(atPath: job)
                    ? "cannot be read; check its permissions" : "no such file"
                throw UserError("--job \(job): \(reason); pass a plain-text job description")
            }
            // The company's own name is no key term of the job (see docs/review-rules.md).
            let description = JobDescription(
                text: String(decoding: data, as: UTF8.self), companyName: transcript.header.company)
            builder.jobDescription = (lastPathComponent(job), description)
        }
        do {
            builder.dismissals = try ReviewDismissals.load(forTranscript: transcript.path)
        } catch let error as ReviewDismissalError {
            throw UserError("\(error)")
        }
        var review = builder.review(transcript)
        if !dismiss.isEmpty {
            var dismissals = builder.dismissals
            for text in dismiss {
                let entry: ReviewDismissals.Entry
                do {
                    entry = try ReviewDismissals.parse(text, in: review)
                } catch let error as ReviewDismissalError {
                    throw UserError("\(error)")
                }
                if !dismissals.dismissed.contains(entry) { dismissals.dismissed.append(entry) }
            }
            do {
                try dismissals.save(forTranscript: transcript.path)
            } catch {
                throw UserError(
                    "--dismiss: cannot write \(ReviewDismissals.path(forTranscript: transcript.path)) (\(error)); check the folder's permissions"
                )
            }
            StandardStreams.error(
                "Dismissed \(dismiss.joined(separator: ", ")); kept in \(ReviewDismissals.path(forTranscript: transcript.path)).\n"
            )
            builder.dismissals = dismissals
            review = builder.review(transcript)
        }
        if explain {
            let number = references.question.flatMap(Self.questionNumber)
            if let number, review.question(number) == nil {
                throw UserError(
                    "--explain Q\(number): this review has no such question; its questions: \(review.questions.map { "Q\($0.index)" }.joined(separator: ", "))"
                )
            }
            try OutputTarget.write(
                ReviewExplanationRenderer(width: OutputTarget.width(width)).render(review, question: number), to: output
            )
            return
        }
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
