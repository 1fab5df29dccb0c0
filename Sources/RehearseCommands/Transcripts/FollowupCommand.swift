import ArgumentParser
import RehearseCore

/// `rehearse followup`: a thank-you email drafted from what happened in the interview, or a
/// reply to a rejection. The drafting is `FollowupBuilder` in the core; this only reads options.
struct FollowupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Draft the thank-you email after an interview, or a reply to a rejection.",
        discussion: """
            The thank-you names each interviewer, the role and the company, recalls a topic each \
            interviewer asked about, comes back to the answer the review found weakest (or a concern \
            given with --concern), and mentions your /note lines and missed talking points. It says \
            when the 24 hours after the interview run out. With --rejected: thanks, a request for \
            feedback on the weakest areas, interest in future roles, and a private plan of questions to \
            drill. Nothing is invented: what only you know is left as a [bracketed] placeholder. How \
            each part is chosen: docs/followup.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, eml }
    enum Tone: String, ExpressibleByArgument, CaseIterable { case warm, formal }

    @Argument(help: TranscriptReference.help)
    var transcript: String = "last"

    @Flag(help: "Draft a reply to a rejection: thanks, a request for feedback, and a plan to keep practising.")
    var rejected = false

    @Flag(help: "One email per interviewer instead of one to the lead naming the others.")
    var each = false

    @Option(help: ArgumentHelp("text, markdown or eml (a message a mail client opens).", valueName: "FORMAT"))
    var format: Format = .text

    @Option(help: ArgumentHelp("warm or formal.", valueName: "TONE"))
    var tone: Tone = .warm

    @Flag(name: .customLong("short"), help: "A shorter email.")
    var isShort = false

    @Option(
        help: ArgumentHelp("The name to sign with. Default: the candidate's name in the transcript.", valueName: "NAME")
    )
    var sign: String?

    @Option(
        help: ArgumentHelp(
            "The lead interviewer's email address. Default: a placeholder to fill in.", valueName: "ADDRESS"))
    var to: String?

    @Option(
        help: ArgumentHelp(
            "A concern the interviewers raised, to address instead of the weakest answer; "
                + "start it with an interviewer's id and a colon to say who raised it. Repeatable.", valueName: "TEXT"))
    var concern: [String] = []

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp(
            "Write to FILE instead of standard output (a folder with --each --format eml).", valueName: "PATH"))
    var output: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Columns to fit the text to. Default: the terminal's width.", valueName: "N"))
    var width: Int?

    func validate() throws {
        try TextWidthOption.validate(width)
        if let to {
            if each {
                throw ValidationError(
                    "--to gives one address, but --each drafts one email per interviewer; leave out --to and fill in each To: yourself"
                )
            }
            let parts = to.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count != 2 || parts.contains(where: \.isEmpty)
                || to.contains(where: {
                    $0.isWhitespace || "<>,;:\"()[]\\".contains($0)
                        || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false
                })
            {
                throw ValidationError(
                    "--to '\(TerminalSafeText.inert(to, keepNewlines: false))' is not an email address; write it as name@example.com"
                )
            }
        }
        if each && format == .eml && output == nil {
            throw ValidationError(
                "--each --format eml makes one message per interviewer; add -o FOLDER to write them as files")
        }
        for text in concern where text.trimmingBlanks().isEmpty {
            throw ValidationError("--concern is empty; write the concern the interviewer raised")
        }
    }

    func run() throws {
        let index = TranscriptIndex(folder: AppContext.dataFolder)
        let transcript = try TranscriptReference.load(self.transcript, index: index)
        var reviewer = ReviewBuilder(
            earlierTranscripts: index.earlierTranscripts(
                than: transcript, limit: ReviewThresholds.earlierTranscriptLimit,
                questionIDs: ReviewBuilder.questionIDsToCompare(in: transcript)))
        reviewer.earlierTranscriptsFolder = index.folder.transcripts
        let review = reviewer.review(transcript)

        var options = FollowupOptions(now: Date())
        options.purpose = rejected ? .rejected : .thankYou
        options.tone = tone == .warm ? .warm : .formal
        options.isShort = isShort
        options.isOnePerInterviewer = each
        options.signature = sign
        options.address = to
        options.concerns = concern.map { Self.concern($0, interviewers: transcript.header.interviewers) }
        let draft: FollowupDraft
        do {
            draft = try FollowupBuilder(options: options).draft(transcript, review: review)
        } catch let error as FollowupError {
            throw UserError(TerminalSafeText.inert(error.description, keepNewlines: false))
        }

        switch format {
        case .text:
            try OutputTarget.write(FollowupTextRenderer(width: OutputTarget.width(width)).render(draft), to: output)
        case .markdown:
            try OutputTarget.write(FollowupMarkdownRenderer.render(draft), to: output)
        case .eml:
            let date = try ZonedTime.moment(options.now, in: .system)
            let messages = draft.emails.map { FollowupMessageRenderer.render($0, date: date) }
            if each, let folder = output {
                for (number, (email, message)) in zip(draft.emails, messages).enumerated() {
                    let id = email.recipient.id.filter {
                        $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")
                    }
                    let path = folder + "/followup-\(draft.sessionID)-\(id.isEmpty ? String(number + 1) : id).eml"
                    try OutputTarget.write(message, to: path)
                    StandardStreams.output("Wrote \(TerminalSafeText.inert(path, keepNewlines: false))\n")
                }
            } else {
                try OutputTarget.write(messages[0], to: output)
            }
            if let deadline = draft.deadline { StandardStreams.error(deadline.summary + "\n") }
        }
    }

    /// "bo: not enough on-call experience" → a concern raised by the interviewer `bo`; text
    /// without a known id before its colon is the concern as a whole.
    static func concern(_ text: String, interviewers: [Interviewer]) -> RecordedConcern {
        if let colon = text.firstIndex(of: ":") {
            let who = text[..<colon].trimmingBlanks()
            if interviewers.contains(where: { $0.id == who }) {
                return RecordedConcern(text: String(text[text.index(after: colon)...]).trimmingBlanks(), raisedBy: who)
            }
        }
        return RecordedConcern(text: text.trimmingBlanks())
    }
}
