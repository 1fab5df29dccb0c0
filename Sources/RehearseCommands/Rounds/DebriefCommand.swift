import ArgumentParser
import LineEditor
import RehearseCore

/// `rehearse debrief`: record a real interview right after it, saved entry by entry.
struct DebriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debrief",
        abstract:
            "Record a real interview: who asked what, what you answered, their concerns, what you wish you had said.",
        discussion: """
            At the prompt: company, role (Tab completes known roles; any job title works), kind, date, the \
            interviewers (Name, Title; Enter on an empty line ends the list), then each question you were asked \
            followed by the gist of your answer (end a line with \\ to continue it; start a question with (Name) \
            to say who asked), then concerns, then what you wish you had said. Every entry is saved as you go; \
            Ctrl-D ends early and keeps everything entered.

            Piped input uses this layout, one entry per tag; untagged lines continue the entry before them and \
            blank lines are ignored:
              Q: (Dana) Tell me about a time you led a team.
              A: At Brightmoor I ran a rota of 6 people
              for the winter peak.
              CONCERN: asked twice about my lack of team-lead experience
              WISH: mention the 30% drop in callbacks
            Piped debriefs need --company and --role. Then: `rehearse practice --after last-real`, `rehearse prep last-real`.
            """
    )

    @Option(help: ArgumentHelp("The company's name.", valueName: "NAME")) var company: String?
    @Option(help: ArgumentHelp("A known role id (see `rehearse roles`) or the job title.", valueName: "ROLE")) var role:
        String?
    @Option(help: ArgumentHelp("The kind of round it was. Default: first.", valueName: "KIND")) var kind: InterviewKind?
    @Option(help: ArgumentHelp("The day of the interview, YYYY-MM-DD. Default: today.", valueName: "DATE")) var date:
        String?
    @Option(help: ArgumentHelp("An interviewer as \"Name, Title\"; repeat for a panel.", valueName: "NAME, TITLE"))
    var interviewer: [String] = []
    @Option(help: ArgumentHelp("Your name. Default: $USER, capitalised.", valueName: "NAME")) var candidate: String?
    @OptionGroup var sources: ScenarioSourceOptions

    func validate() throws {
        if let date, DebriefDetails.date(parsing: date) == nil {
            throw ValidationError("--date '\(date)': use YYYY-MM-DD, e.g. \(DebriefDetails.today())")
        }
        for value in interviewer where DebriefDetails.interviewer(parsing: value, taken: []) == nil {
            throw ValidationError("--interviewer '\(value)': use \"Name, Title\", e.g. \"Dana Reyes, Support Lead\"")
        }
        if let company, company.trimmingBlanks().isEmpty { throw ValidationError("--company: give the company's name") }
        if let role, role.trimmingBlanks().isEmpty { throw ValidationError("--role: give a role id or the job title") }
    }

    func run() throws {
        let knownRoles = try sources.catalog().roles.map { (id: $0.id, title: $0.title) }
        var interviewers: [Interviewer] = []
        for value in interviewer {
            if let parsed = DebriefDetails.interviewer(parsing: value, taken: interviewers) {
                interviewers.append(parsed)
            }
        }
        let folder = try AppContext.preparedDataFolder()
        let started = Date()
        let sessionID = PracticeRunner.newSessionID()
        let path = folder.transcriptPath(sessionID: sessionID, started: started)
        let clock = SystemClock()
        let startTime = clock.now()
        var recorder: FileTranscriptRecorder?
        let makeWriter: (DebriefDetails) throws -> DebriefWriter = { details in
            let file: FileTranscriptRecorder
            do {
                file = try FileTranscriptRecorder(path: path, spareFolders: PracticeRunner.spareFolders)
            } catch {
                throw UserError("\(error); set REHEARSE_HOME to a folder you can write")
            }
            recorder = file
            return DebriefWriter(
                details: details, sessionID: sessionID, started: started, appVersion: Rehearse.version, recorder: file,
                elapsed: { Int((clock.now() - startTime) / 1_000_000) })
        }
        let form = DebriefForm(
            company: company, role: role, kind: kind, date: date.flatMap(DebriefDetails.date(parsing:)),
            interviewers: interviewers, candidate: candidate ?? PracticeRunner.defaultCandidate,
            knownRoles: knownRoles, today: DebriefDetails.today(started), makeWriter: makeWriter)
        var saved = false
        var pipedWriter: DebriefWriter? = nil
        var interruptedBy: Int32? = nil
        do {
            if isatty(STDIN_FILENO) == 1 {
                (saved, interruptedBy) = try typed(form)
            } else {
                pipedWriter = try piped(form, makeWriter: makeWriter)
                saved = true
            }
        } catch let failure as TranscriptWriteFailure {
            // Kept in memory; `finish` below makes a last try and says where it went.
            StandardStreams.error("warning: \(TerminalSafeText.inert(failure.description))\n")
            saved = true
        } catch let error as DebriefError {
            if case .badLine = error { throw ValidationError("\(error)") }
            throw UserError("\(error)")
        }
        guard saved, let recorder else {
            throw UserError(DebriefError.noQuestions.description)
        }
        let report = recorder.finish()
        if let problem = report.problem {
            if !report.unsavedLines.isEmpty {
                StandardStreams.output(report.unsavedLines.joined(separator: "\n") + "\n")
            }
            throw UserError(problem)
        }
        let writer = pipedWriter ?? form.writer
        StandardStreams.output(
            """
            Saved the debrief (\(writer?.questionCount ?? 0) question\(writer?.questionCount == 1 ? "" : "s")) as \(sessionID): \(path)
            Next: rehearse prep \(sessionID) · rehearse practice --after \(sessionID) · rehearse review \(sessionID)

            """)
        if let interruptedBy { exitProcess(128 + interruptedBy) }
    }

    /// Reads the form at the line editor; returns whether anything was saved, and the signal that ended it.
    private func typed(_ form: DebriefForm) throws -> (Bool, Int32?) {
        let editor = try LineEditor()
        let output = StyledOutput(width: editor.terminalWidth)
        let history = try History(capacity: 100)
        var lastGuidance: String? = nil
        while form.field != .done {
            if let guidance = form.guidance, guidance != lastGuidance {
                output.width = editor.terminalWidth
                output.wrapped(guidance, style: output.dim)
                lastGuidance = guidance
            }
            let prompt = form.prompt
            let completion = prompt.completions.isEmpty ? nil : WordCompletion(words: prompt.completions)
            switch editor.readLine(
                prompt: output.prompt(prompt.label), history: history, completion: completion, notice: nil)
            {
            case .line(let text, _):
                if !text.trimmingBlanks().isEmpty { history.add(text) }
                do {
                    if let message = try form.accept(text) { output.wrapped(message, style: output.alert) }
                } catch let failure as TranscriptWriteFailure {
                    // The entry is kept in memory and written with the next one that can be: carry on.
                    StandardStreams.error("warning: \(TerminalSafeText.inert(failure.description))\n")
                }
            case .endOfInput:
                output.line("")
                return (try form.endOfInput(), nil)
            case .interruptOnEmptyLine:
                output.line("")
                return (try form.endOfInput(), SIGINT)
            case .terminated(let signal):
                return (try form.endOfInput(), signal)
            }
        }
        return (true, nil)
    }

    /// Reads the whole piped layout first, so a bad line saves nothing, then writes every entry.
    private func piped(_ form: DebriefForm, makeWriter: (DebriefDetails) throws -> DebriefWriter) throws
        -> DebriefWriter
    {
        guard let company = form.company, form.role != nil else {
            throw ValidationError(
                "a piped debrief needs --company and --role (and may give --kind, --date and --interviewer); "
                    + "type `rehearse debrief` at a terminal to be asked instead")
        }
        var lines: [String] = []
        while let line = readLine(strippingNewline: true) { lines.append(line) }
        var details = form.details
        details.company = company
        let entries = try DebriefLayout.parse(lines.joined(separator: "\n"), details: details)
        let writer = try makeWriter(details)
        for entry in entries + [nil] {
            do {
                if let entry { try writer.add(entry) } else { try writer.finish(completed: true) }
            } catch let failure as TranscriptWriteFailure {
                // Kept in memory and written with the next entry that can be; `finish` says where it all went.
                StandardStreams.error("warning: \(TerminalSafeText.inert(failure.description))\n")
            }
        }
        return writer
    }
}

/// Tab completion from a fixed list of words.
final class WordCompletion: CompletionProvider {
    let words: [String]
    init(words: [String]) { self.words = words }
    func completions(forTextBeforeCursor text: String) -> [String] {
        let current = String(text.split(separator: " ", omittingEmptySubsequences: false).last ?? "")
        return words.filter { $0.hasPrefix(current.lowercased()) }
    }
}
