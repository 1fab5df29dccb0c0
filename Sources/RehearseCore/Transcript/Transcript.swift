
/// A transcript read back from disk: the header, its events, and warnings about damaged lines.
public struct Transcript: Equatable, Sendable {
    public var header: TranscriptHeader
    public var events: [TranscriptEvent]
    /// Problems found while reading, e.g. a last line cut off by a crash.
    public var warnings: [String]
    public var path: String

    public init(header: TranscriptHeader, events: [TranscriptEvent], warnings: [String], path: String) {
        self.header = header
        self.events = events
        self.warnings = warnings
        self.path = path
    }

    /// The end line, when the session got to write one.
    public var end: TranscriptEvent.End? {
        if case .end(let end)? = events.last { return end }
        return nil
    }

    public var answers: [TranscriptEvent.Answer] {
        events.compactMap { if case .answer(let answer) = $0 { answer } else { nil } }
    }

    public var asks: [TranscriptEvent.Ask] {
        events.compactMap { if case .ask(let ask) = $0 { ask } else { nil } }
    }

    /// Reads a transcript, accepting a last line that was cut off (with a warning).
    public static func read(path: String) throws -> Transcript {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TranscriptError.cannotRead(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        return try parse(data, path: path)
    }

    /// Parses transcript bytes.
    public static func parse(_ data: Data, path: String) throws -> Transcript {
        let decoder = TranscriptCoding.decoder()
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let endsWithNewline = data.last == UInt8(ascii: "\n")
        if endsWithNewline { lines.removeLast() }
        guard let first = lines.first, !first.isEmpty else {
            throw TranscriptError.notATranscript(path: path, reason: "the file is empty")
        }
        let header: TranscriptHeader
        do {
            header = try decoder.decode(TranscriptHeader.self, from: Data(first))
        } catch {
            throw TranscriptError.notATranscript(path: path, reason: "line 1 is not a transcript header")
        }
        guard header.format == TranscriptHeader.formatName else {
            throw TranscriptError.notATranscript(path: path, reason: "format is '\(header.format)'")
        }
        if header.version > TranscriptHeader.currentVersion {
            throw TranscriptError.notATranscript(path: path, reason: "format version \(header.version) is newer than this rehearse reads (\(TranscriptHeader.currentVersion)); update rehearse")
        }
        var events: [TranscriptEvent] = []
        var warnings: [String] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            do {
                events.append(try decoder.decode(TranscriptEvent.self, from: Data(line)))
            } catch {
                let isLast = index == lines.count - 1
                if isLast && !endsWithNewline {
                    warnings.append("\(path):\(index + 1): the last line was cut off (the session probably crashed); everything before it was read")
                } else {
                    warnings.append("\(path):\(index + 1): skipped a line that could not be read")
                }
            }
        }
        if case .end? = events.last {} else if warnings.isEmpty {
            warnings.append("\(path): the session has no end line (it was cut off); everything written was read")
        }
        return Transcript(header: header, events: events, warnings: warnings, path: path)
    }
}
