import LineEditor
import RehearseCore

/// Runs one session on the terminal (or piped input): prepares the data folder, the transcript
/// file and the console, then hands over to the core's `SessionDriver`.
struct PracticeRunner {
    let editor: LineEditor
    let catalog: ScenarioCatalog

    enum Outcome: Equatable {
        case completed, quit
        case interrupted(signal: Int32?)
    }

    /// - Parameter after: the round a generated round follows (`practice --after`): its answers are the
    ///   ones revisited, and it is recorded as the previous transcript.
    func run(
        scenario: Scenario, seed: UInt64?, candidate: String?, company: String?, after: Transcript? = nil,
        selfRating: Int? = nil
    ) throws -> Outcome {
        let folder = try AppContext.preparedDataFolder()
        let started = Date()
        let sessionID = Self.newSessionID()
        let seed = seed ?? UInt64.random(in: 0...999_999)
        var earlier: [EarlierAnswer] = []
        var earlierID: String? = nil
        if let previous = TranscriptIndex(folder: folder).revisitSource(for: scenario) {
            earlier = EarlierAnswer.from(previous)
            earlierID = previous.header.session
        }
        if let after {
            earlier = EarlierAnswer.from(after)
            earlierID = after.header.session
        }
        let options = SessionOptions(
            seed: seed, candidate: candidate ?? Self.defaultCandidate, company: company,
            sessionID: sessionID, startedAt: started, appVersion: Rehearse.version,
            earlierAnswers: earlier, earlierTranscriptID: earlierID)
        // Before the transcript file exists, so a history that cannot be used leaves nothing behind.
        let answerHistory = try History(file: folder.historyFolder + "/answers")
        let path = folder.transcriptPath(sessionID: sessionID, started: started)
        let recorder: FileTranscriptRecorder
        do {
            recorder = try FileTranscriptRecorder(path: path, spareFolders: Self.spareFolders)
        } catch {
            throw UserError("\(error); set REHEARSE_HOME to a folder you can write")
        }
        let clock = SystemClock()
        let session = InterviewSession(scenario: scenario, options: options, clock: clock, recorder: recorder)
        let terminal = TerminalConsole(editor: editor, clock: clock, answerHistory: answerHistory)
        let console = FinishingConsole(terminal: terminal, recorder: recorder)
        session.selfRatingQuestion = { pending, status in
            pending.forEach(console.show)
            return SelfRatingPrompt.ask(terminal: terminal, status: status, given: selfRating)
        }
        terminal.showIntroduction(scenario: scenario, session: session, seed: seed)
        let ending: SessionEnding
        do {
            ending = try SessionDriver.run(session, console: console)
        } catch let error as TranscriptError {
            // Only the header is written before the first question; the recorder removed the file.
            throw UserError(
                "\(error); free some space on the disk that holds \(folder.transcripts) "
                    + "(`df -h \(folder.transcripts)`) or set REHEARSE_HOME to a folder you can write")
        }
        terminal.saveHistory()
        let outcome: Outcome
        switch ending {
        case .completed: outcome = .completed
        case .quit: outcome = .quit
        // Ended on purpose with Ctrl-C: the status a shell expects after SIGINT (130), as replay gives.
        case .endedWithCtrlC: outcome = .interrupted(signal: SIGINT)
        case .terminated: outcome = .interrupted(signal: SignalFlags.pendingTermination)
        }
        // Whatever could not be written is never lost silently: it is saved elsewhere or printed, and the exit status says so.
        let report = console.report ?? recorder.finish()
        if ending == .completed || ending == .quit {
            SelfRatingPrompt.showNextDue(role: scenario.role, folder: folder, output: terminal.output)
        }
        guard let problem = report.problem else { return outcome }
        if !report.unsavedLines.isEmpty { StandardStreams.output(report.unsavedLines.joined(separator: "\n") + "\n") }
        if case .interrupted(let signal?) = outcome, signal != SIGINT {
            StandardStreams.error("error: \(problem)\n")
            return outcome
        }
        throw UserError(problem)
    }

    /// Where a session that cannot be written to the data folder is kept instead: the home
    /// folder (kept across restarts), then the temporary folders.
    static var spareFolders: [String] {
        let environment = ProcessInfo.processInfo.environment
        var folders: [String] = []
        for folder in [environment["HOME"], environment["TMPDIR"], "/var/tmp", "/tmp"] {
            guard var folder, !folder.isEmpty else { continue }
            while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
            if !folders.contains(folder) { folders.append(folder) }
        }
        return folders
    }

    static var defaultCandidate: String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? ""
        return user.isEmpty || user == "root" ? "Candidate" : user.prefix(1).uppercased() + user.dropFirst()
    }

    /// Eight hex digits: short enough to type, random enough not to collide in one person's folder.
    static func newSessionID() -> String {
        NumberText.padded(Int(UInt32.random(in: 0...UInt32.max)), width: 8, radix: 16)
    }
}

/// The system's monotonic clock, the same one the line editor stamps keystrokes with.
final class SystemClock: MonotonicClock {
    func now() -> UInt64 { monotonicNow() }
}

/// The terminal console, except that before the summary it finishes the transcript (a last
/// try to write what is kept in memory, else a copy elsewhere), so the summary says where it is.
private final class FinishingConsole: SessionConsole {
    let terminal: TerminalConsole
    let recorder: FileTranscriptRecorder
    private(set) var report: TranscriptSaveReport?

    init(terminal: TerminalConsole, recorder: FileTranscriptRecorder) {
        self.terminal = terminal
        self.recorder = recorder
    }

    func show(_ item: SessionOutput) {
        guard case .summary(let summary) = item else { return terminal.show(item) }
        let report = recorder.finish()
        self.report = report
        terminal.output.width = terminal.editor.terminalWidth
        SummaryView(summary: summary, output: terminal.output, saveReport: report).render()
    }

    func read(_ request: PromptRequest) -> ConsoleInput { terminal.read(request) }
    func confirmEnd() -> EndDecision { terminal.confirmEnd() }
}
