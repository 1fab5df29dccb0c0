/// One row of the transcript list: what a transcript file holds, without its events.
/// Built from the header and the end line (or, for a transcript cut off, from every line).
public struct TranscriptSummary: Codable, Equatable, Sendable {
    /// How a session ended, as the list shows it.
    public enum Status: String, Codable, Sendable, CaseIterable {
        case completed, quit, interrupted
        /// No end line: the session crashed or is still running.
        case cutOff = "cut off"
        /// The file is not a transcript this version can read.
        case unreadable
    }

    /// The file name inside the transcripts folder.
    public var file: String
    public var session: String
    public var started: Date?
    public var role: String
    public var kind: String
    public var scenarioID: String
    public var scenarioTitle: String
    /// Main questions answered (follow-ups not counted).
    public var answered: Int
    /// Main questions asked.
    public var asked: Int
    /// From the start to the last line, in milliseconds.
    public var durationMilliseconds: Int
    public var status: Status
    /// Why an unreadable file could not be read.
    public var problem: String?
    /// `real` for a debrief of a real interview; nil for practice (and in indexes written before it existed).
    public var source: String? = nil
    /// The company, for a real interview (the list shows it in place of a scenario).
    public var company: String? = nil

    /// Whether this row is a real interview recorded with `rehearse debrief`.
    public var isRealInterview: Bool { source == TranscriptSource.real.rawValue }

    public init(
        file: String, session: String, started: Date?, role: String, kind: String, scenarioID: String,
        scenarioTitle: String,
        answered: Int, asked: Int, durationMilliseconds: Int, status: Status, problem: String? = nil
    ) {
        self.file = file
        self.session = session
        self.started = started
        self.role = role
        self.kind = kind
        self.scenarioID = scenarioID
        self.scenarioTitle = scenarioTitle
        self.answered = answered
        self.asked = asked
        self.durationMilliseconds = durationMilliseconds
        self.status = status
        self.problem = problem
    }

    enum CodingKeys: String, CodingKey {
        case file, session, started, role, kind, answered, asked, status, problem, source, company
        case scenarioID = "scenario"
        case scenarioTitle = "scenario_title"
        case durationMilliseconds = "duration_ms"
    }

    /// The summary of a transcript already read.
    public init(transcript: Transcript) {
        let header = transcript.header
        let answered = Set(transcript.answers.filter { $0.probe == nil }.map(\.question)).count
        let asked = Set(transcript.asks.filter { $0.probe == nil }.map(\.question)).count
        let status: Status
        switch transcript.end?.status {
        case .completed?: status = .completed
        case .quit?: status = .quit
        case .interrupted?: status = .interrupted
        case nil: status = .cutOff
        }
        self.init(
            file: lastPathComponent(transcript.path), session: header.session, started: header.started,
            role: header.role, kind: header.kind.rawValue, scenarioID: header.scenario.id,
            scenarioTitle: header.scenario.title,
            answered: answered, asked: asked, durationMilliseconds: transcript.events.last?.time ?? 0, status: status)
        markReal(header)
    }

    /// Fills the real-interview fields from a header.
    private mutating func markReal(_ header: TranscriptHeader) {
        guard header.isRealInterview else { return }
        source = TranscriptSource.real.rawValue
        company = header.company
    }

    /// A row for a file that could not be read.
    public static func unreadable(file: String, problem: String) -> TranscriptSummary {
        TranscriptSummary(
            file: file, session: TranscriptIndex.sessionID(ofFile: file), started: nil, role: "?", kind: "?",
            scenarioID: "?", scenarioTitle: "?", answered: 0, asked: 0, durationMilliseconds: 0,
            status: .unreadable, problem: problem)
    }

    /// Summarises a transcript file, reading only its first and last lines when the last one is
    /// the end line (which carries the counts), and every line otherwise.
    public static func read(path: String) -> TranscriptSummary {
        let file = lastPathComponent(path)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable(file: file, problem: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return .unreadable(file: file, problem: String(cString: strerror(errno)))
        }
        let size = Int(status.st_size)
        let decoder = TranscriptCoding.decoder()
        guard let headLine = firstLine(descriptor: descriptor, size: size),
            let header = try? decoder.decode(TranscriptHeader.self, from: headLine),
            header.format == TranscriptHeader.formatName, header.version <= TranscriptHeader.currentVersion
        else {
            return fullRead(path: path, file: file)
        }
        if let tail = lastLine(descriptor: descriptor, size: size),
            case .end(let end)? = try? decoder.decode(TranscriptEvent.self, from: tail)
        {
            let status: Status =
                switch end.status {
                case .completed: .completed
                case .quit: .quit
                case .interrupted: .interrupted
                }
            var summary = TranscriptSummary(
                file: file, session: header.session, started: header.started, role: header.role,
                kind: header.kind.rawValue, scenarioID: header.scenario.id, scenarioTitle: header.scenario.title,
                answered: end.answered, asked: end.asked, durationMilliseconds: end.t, status: status)
            summary.markReal(header)
            return summary
        }
        return fullRead(path: path, file: file)
    }

    private static func fullRead(path: String, file: String) -> TranscriptSummary {
        do {
            return TranscriptSummary(transcript: try Transcript.read(path: path, keepsTyping: false))
        } catch {
            return .unreadable(file: file, problem: "\(error)")
        }
    }

    /// The bytes before the first newline (at most 1 MiB).
    private static func firstLine(descriptor: Int32, size: Int) -> Data? {
        var collected = Data()
        var offset = 0
        let chunkSize = 16_384
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while offset < min(size, 1 << 20) {
            let count = pread(descriptor, &buffer, chunkSize, off_t(offset))
            guard count > 0 else { break }
            if let newline = buffer[0..<count].firstIndex(of: UInt8(ascii: "\n")) {
                collected.append(contentsOf: buffer[0..<newline])
                return collected
            }
            collected.append(contentsOf: buffer[0..<count])
            offset += count
        }
        return collected.isEmpty ? nil : collected
    }

    /// The last complete line, when the file ends with a newline (an end line is small).
    private static func lastLine(descriptor: Int32, size: Int) -> Data? {
        let window = min(size, 4096)
        guard window > 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: window)
        guard pread(descriptor, &buffer, window, off_t(size - window)) == window, buffer.last == UInt8(ascii: "\n")
        else { return nil }
        let body = buffer[0..<(window - 1)]
        guard let newline = body.lastIndex(of: UInt8(ascii: "\n")) else { return nil }
        return Data(body[(newline + 1)...])
    }
}
