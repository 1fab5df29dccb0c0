import Foundation
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

    func run(scenario: Scenario, seed: UInt64?, candidate: String?, company: String?) throws -> Outcome {
        let folder = AppContext.dataFolder
        do {
            try folder.prepare()
        } catch {
            throw UserError("\(error)")
        }
        let started = Date()
        let sessionID = Self.newSessionID()
        let seed = seed ?? UInt64.random(in: 0...999_999)
        var earlier: [EarlierAnswer] = []
        var earlierID: String? = nil
        if scenario.stages.contains(where: { $0.type == .revisit }),
           let previous = TranscriptIndex(folder: folder).latest(role: scenario.role, kind: .first,
                                                                 scenarioID: scenario.stages.first { $0.type == .revisit }?.revisitFromScenario) {
            earlier = EarlierAnswer.from(previous)
            earlierID = previous.header.session
        }
        let options = SessionOptions(seed: seed, candidate: candidate ?? Self.defaultCandidate, company: company,
                                     sessionID: sessionID, startedAt: started, appVersion: Rehearse.version,
                                     earlierAnswers: earlier, earlierTranscriptID: earlierID)
        // Before the transcript file exists, so a history that cannot be used leaves nothing behind.
        let answerHistory = try History(file: folder.historyFolder + "/answers")
        let path = folder.transcriptPath(sessionID: sessionID, started: started)
        let recorder: FileTranscriptRecorder
        do {
            recorder = try FileTranscriptRecorder(path: path)
        } catch {
            throw UserError("\(error); set REHEARSE_HOME to a folder you can write")
        }
        let clock = SystemClock()
        let session = InterviewSession(scenario: scenario, options: options, clock: clock, recorder: recorder)
        let console = TerminalConsole(editor: editor, clock: clock, answerHistory: answerHistory)
        console.showIntroduction(scenario: scenario, session: session, seed: seed)
        let status = try SessionDriver.run(session, console: console)
        console.saveHistory()
        switch status {
        case .completed: return .completed
        case .quit: return .quit
        case .interrupted: return .interrupted(signal: SignalFlags.pendingTermination)
        }
    }

    static var defaultCandidate: String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? ""
        return user.isEmpty || user == "root" ? "Candidate" : user.prefix(1).uppercased() + user.dropFirst()
    }

    /// Eight hex digits: short enough to type, random enough not to collide in one person's folder.
    static func newSessionID() -> String {
        String(format: "%08x", UInt32.random(in: 0...UInt32.max))
    }
}

/// The system's monotonic clock, the same one the line editor stamps keystrokes with.
final class SystemClock: MonotonicClock {
    func now() -> UInt64 { monotonicNow() }
}
