import ArgumentParser
import Foundation
import RehearseCore

/// Turns what the user typed (`last`, an id prefix, a path) into a transcript, with errors that
/// say what to type instead, and prints the reader's warnings (e.g. a cut-off last line) on stderr.
enum TranscriptReference {
    static let help = ArgumentHelp("`last` (the default), a session id or a unique prefix of one, or a transcript file path.",
                                   valueName: "ID")

    static func load(_ reference: String, index: TranscriptIndex = TranscriptIndex(folder: AppContext.dataFolder),
                     keepsTyping: Bool = true) throws -> Transcript {
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
        let table = Table(headers: ["ID", "DATE", "ROLE", "KIND", "SCENARIO"], rows: rows.map { summary in
            [summary.session, summary.started.map(LocalTime.minutes) ?? "?", summary.role, summary.kind, summary.scenarioID]
        }).render()
        return "'\(TerminalSafeText.inert(prefix, keepNewlines: false))' matches \(ids.count) transcripts; type more of the id:\n"
            + table.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    }
}

/// Output settings shared by replay and review.
enum OutputTarget {
    /// Columns: `--width`, else the terminal's, else $COLUMNS, else 80.
    static func width(_ option: Int?) -> Int {
        if let option { return min(1000, max(20, option)) }
        var size = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return min(1000, Int(size.ws_col)) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return min(1000, max(20, columns)) }
        return 80
    }

    /// Writes text to a file (owner-only, replaced if it exists) or to standard output.
    static func write(_ text: String, to path: String?, option: String = "-o") throws {
        guard let path else {
            StandardStreams.output(text)
            return
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw UserError("\(option) \(path): cannot write (\(String(cString: strerror(errno)))); choose a file in a folder you can write")
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw UserError("\(option) \(path): writing failed (\(String(cString: strerror(errno)))); free some space or choose another file")
            }
            offset += written
        }
    }
}

/// Dates in the local time zone for lists, without DateFormatter's cost per row.
enum LocalTime {
    nonisolated(unsafe) private static var isReady = false

    /// "2026-05-01 14:30".
    static func minutes(_ date: Date) -> String {
        if !isReady { tzset(); isReady = true }
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min))"
    }
}

