import ArgumentParser
import RehearseCore

/// Turns what the user typed (`last`, an id prefix, a path) into a transcript, with errors that
/// say what to type instead, and prints the reader's warnings (e.g. a cut-off last line) on stderr.
enum TranscriptReference {
    static let help = ArgumentHelp(
        "`last` (the default), a session id or a unique prefix of one, or a transcript file path.",
        valueName: "ID")

    static func load(
        _ reference: String, index: TranscriptIndex = TranscriptIndex(folder: AppContext.dataFolder),
        keepsTyping: Bool = true
    ) throws -> Transcript {
        let path: String
        do {
            path = try index.resolve(reference)
        } catch let error as TranscriptLookupError {
            throw UserError(message(for: error, index: index))
        }
        let transcript: Transcript
        do {
            transcript = try Transcript.read(path: path, keepsTyping: keepsTyping)
        } catch let error as TranscriptError {
            throw UserError("\(error)")
        }
        for warning in transcript.warnings {
            StandardStreams.error("warning: \(TerminalSafeText.inert(warning, keepNewlines: false))\n")
        }
        return transcript
    }

    /// The lookup error, with the matching transcripts listed when a prefix is ambiguous.
    static func message(for error: TranscriptLookupError, index: TranscriptIndex) -> String {
        guard case .ambiguous(let prefix, let ids) = error else { return "\(error)" }
        let rows = index.summaries().filter { ids.contains($0.session) }
        let table = Table(
            headers: ["ID", "DATE", "ROLE", "KIND", "SCENARIO"],
            rows: rows.map { summary in
                [
                    summary.session, summary.started.map(LocalTime.minutes) ?? "?", summary.role, summary.kind,
                    summary.scenarioID,
                ]
            }
        ).render()
        return
            "'\(TerminalSafeText.inert(prefix, keepNewlines: false))' matches \(ids.count) transcripts; type more of the id:\n"
            + table.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    }
}

/// Output settings shared by replay and review.
enum OutputTarget {
    /// Columns: `--width`, else the terminal's, else $COLUMNS, else 80.
    static func width(_ option: Int?) -> Int {
        if let option { return min(1000, max(20, option)) }
        var size = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return min(1000, Int(size.ws_col))
        }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return min(1000, max(20, columns))
        }
        return 80
    }

    /// Writes text to a file (owner-only, replaced if it exists) or to standard output.
    static func write(_ text: String, to path: String?, option: String = "-o") throws {
        guard let path else {
            StandardStreams.output(text)
            return
        }
        let file: FileDescriptor
        do {
            file = try FileDescriptor(opening: path, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: 0o600)
        } catch let error as SystemCallError {
            throw UserError(
                "\(option) \(path): cannot write (\(error.reason)); choose a file in a folder you can write")
        }
        // An existing file keeps its mode when truncated: make a regular file of ours owner-only
        // too, as exports hold the answers, and say so when that took access away from others.
        if let status = try? file.status(), status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid(),
            status.st_mode & 0o077 != 0, (try? file.setMode(0o600)) != nil
        {
            StandardStreams.error(
                "note: \(TerminalSafeText.inert(path, keepNewlines: false)) was readable by others (mode \(String(status.st_mode & 0o777, radix: 8))); it is now 0600 (owner only)\n"
            )
        }
        do {
            try file.writeAll(text)
            try file.close()
        } catch let error as SystemCallError {
            throw UserError(
                "\(option) \(path): writing failed (\(error.reason)); free some space or choose another file")
        }
    }
}
