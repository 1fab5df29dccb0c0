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

    /// Reads a transcript a chunk at a time (the file is never in memory whole), keeping what
    /// damaged lines still hold and saying in `warnings` what was damaged. With `keepsTyping`
    /// false, answers come without their typing timeline, which is most of a transcript's bytes.
    public static func read(path: String, keepsTyping: Bool = true) throws -> Transcript {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason =
                errno == ENOENT
                ? "no such file" : errno == EACCES ? "permission denied" : String(cString: strerror(errno))
            throw TranscriptError.cannotRead(path: path, reason: reason)
        }
        defer { close(descriptor) }
        var reader = LineReader(descriptor: descriptor)
        var parser = TranscriptParser(path: path, keepsTyping: keepsTyping)
        while let line = try reader.nextLine(path: path) {
            try parser.consume(line.bytes, endsWithNewline: line.endsWithNewline)
        }
        return try parser.finish()
    }

    /// Parses transcript bytes already in memory, the same way `read(path:)` reads a file.
    public static func parse(_ data: Data, path: String, keepsTyping: Bool = true) throws -> Transcript {
        var parser = TranscriptParser(path: path, keepsTyping: keepsTyping)
        var start = data.startIndex
        while start < data.endIndex {
            if let newline = data[start...].firstIndex(of: UInt8(ascii: "\n")) {
                try parser.consume(Data(data[start..<newline]), endsWithNewline: true)
                start = data.index(after: newline)
            } else {
                try parser.consume(Data(data[start...]), endsWithNewline: false)
                break
            }
        }
        return try parser.finish()
    }
}

/// Turns transcript lines, one at a time, into a `Transcript`: the header from line 1, then
/// events. A damaged line keeps what it still holds (see `TranscriptLineRepair`) and gets one
/// warning naming the file, the line and the fields that were damaged.
struct TranscriptParser {
    /// Warnings beyond this many are counted in one last line, so a badly damaged file cannot flood the terminal.
    static let warningLimit = 20

    let path: String
    private let decoder: JSONDecoder
    private var lineNumber = 0
    private var header: TranscriptHeader?
    /// Whether line 1 was a readable header that said it is a transcript (else events must say so).
    private var headerIsConvincing = false
    private var events: [TranscriptEvent] = []
    private var warnings: [String] = []
    private var unreportedWarnings = 0
    private var sawCutOffLine = false
    private var firstLineIsEmpty = false
    /// The format line 1 names, when it is not ours.
    private var foreignFormat: String?

    init(path: String, keepsTyping: Bool) {
        self.path = path
        decoder = TranscriptCoding.decoder(keepsTyping: keepsTyping)
    }

    private var fileName: String { lastPathComponent(path) }

    mutating func consume(_ line: Data, endsWithNewline: Bool) throws {
        lineNumber += 1
        if lineNumber == 1 {
            try readHeader(line)
            return
        }
        if line.isEmpty
            || line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") })
        {
            return
        }
        if let event = try? decoder.decode(TranscriptEvent.self, from: line) {
            events.append(event)
            return
        }
        if !endsWithNewline {
            // The session was cut off while writing this line; its start may still be readable,
            // but a cut answer's text is not what was submitted, so it is not guessed at.
            sawCutOffLine = true
            warn(
                "\(path):\(lineNumber): the last line was cut off (the session probably crashed); everything before it was read"
            )
            return
        }
        let previousTime = events.last?.time ?? 0
        guard let repaired = TranscriptLineRepair.event(from: line, decoder: decoder, previousTime: previousTime) else {
            warn("\(path):\(lineNumber): skipped a line that could not be read" + Self.eventTypeNote(line))
            return
        }
        events.append(repaired.value)
        warn(
            "\(path):\(lineNumber): damaged \(repaired.value.typeName) line: could not read \(repaired.damagedFields.joined(separator: ", ")); "
                + (repaired.value.typeName == "answer" ? "the answer's text was kept" : "the rest was read"))
    }

    /// The header, strictly when it decodes, else mended field by field.
    private mutating func readHeader(_ line: Data) throws {
        if line.isEmpty {
            firstLineIsEmpty = true
            warn("\(path):1: the header line is empty; the session's details come from the file name")
            return
        }
        // A header that names the transcript format is one even when other fields are damaged;
        // a mended header's format is a stand-in, so the line itself decides.
        var format: String?
        if let decoded = try? decoder.decode(TranscriptHeader.self, from: line) {
            header = decoded
            format = decoded.format
        } else if let repaired = TranscriptLineRepair.header(from: line, decoder: decoder, fileName: fileName) {
            header = repaired.value
            format = JSONValue.object(from: line)?["format"]?.stringValue
            warn(
                "\(path):1: damaged header: could not read \(repaired.damagedFields.joined(separator: ", ")); the rest was read"
            )
        } else {
            warn("\(path):1: the header could not be read; the session's details come from the file name")
        }
        headerIsConvincing = format == TranscriptHeader.formatName
        if let format, !headerIsConvincing {
            foreignFormat = format
            warn(
                "\(path):1: the header's format is '\(format)', not \(TranscriptHeader.formatName); read the file as a transcript"
            )
        }
        if let header, header.version > TranscriptHeader.currentVersion {
            throw TranscriptError.notATranscript(
                path: path,
                reason:
                    "format version \(header.version) is newer than this rehearse reads (\(TranscriptHeader.currentVersion)); update rehearse"
            )
        }
    }

    mutating func finish() throws -> Transcript {
        if lineNumber == 0 || (lineNumber == 1 && firstLineIsEmpty) {
            throw TranscriptError.notATranscript(path: path, reason: "the file is empty")
        }
        // Damaged files are read as far as they go, but a file that neither says it is a
        // transcript nor holds one transcript event is something else.
        guard headerIsConvincing || !events.isEmpty,
            let header = header ?? TranscriptLineRepair.headerFromFileName(fileName, decoder: decoder)
        else {
            throw TranscriptError.notATranscript(
                path: path, reason: foreignFormat.map { "format is '\($0)'" } ?? "line 1 is not a transcript header")
        }
        if case .end? = events.last {
        } else if !sawCutOffLine {
            warn("\(path): the session has no end line (it was cut off); everything written was read")
        }
        var all = warnings
        if unreportedWarnings > 0 {
            all.append("\(path): \(unreportedWarnings) more damaged lines; everything readable was read")
        }
        return Transcript(header: header, events: events, warnings: all, path: path)
    }

    private mutating func warn(_ warning: String) {
        if warnings.count < Self.warningLimit { warnings.append(warning) } else { unreportedWarnings += 1 }
    }

    /// " (an event of unknown type 'x')" when the line names a type this version does not know.
    private static func eventTypeNote(_ line: Data) -> String {
        guard let type = JSONValue.object(from: line)?["type"]?.stringValue else { return "" }
        let known = ["stage", "say", "ask", "answer", "command", "note", "notice", "candidate_question", "end"]
        return known.contains(type)
            ? " (an event of type '\(type)' without the text or question it needs)"
            : " (an event of unknown type '\(type)')"
    }
}

/// Hands out a file's lines a chunk at a time, so memory stays at about one chunk plus the longest line.
struct LineReader {
    static let chunkSize = 1 << 20

    let descriptor: Int32
    private var pending: [UInt8] = []
    private var start = 0
    private var isAtEnd = false

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// The next line without its newline, and whether it had one; nil at the end of the file.
    mutating func nextLine(path: String) throws -> (bytes: Data, endsWithNewline: Bool)? {
        var searchFrom = start
        while true {
            let found: Int? = pending.withUnsafeBufferPointer { buffer in
                guard searchFrom < buffer.count, let base = buffer.baseAddress,
                    let hit = memchr(base + searchFrom, Int32(UInt8(ascii: "\n")), buffer.count - searchFrom)
                else { return nil }
                return UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            }
            if let newline = found {
                let line = Data(pending[start..<newline])
                start = newline + 1
                return (line, true)
            }
            if isAtEnd {
                guard start < pending.count else { return nil }
                let line = Data(pending[start...])
                start = pending.count
                return (line, false)
            }
            // Keep only the unfinished line, then read more after it.
            if start > 0 {
                pending.removeFirst(start)
                start = 0
            }
            searchFrom = pending.count
            let oldCount = pending.count
            pending.append(contentsOf: repeatElement(0, count: Self.chunkSize))
            var count: Int
            repeat {
                count = pending.withUnsafeMutableBufferPointer {
                    Glibc.read(descriptor, $0.baseAddress! + oldCount, Self.chunkSize)
                }
            } while count < 0 && errno == EINTR
            if count < 0 {
                throw TranscriptError.cannotRead(path: path, reason: String(cString: strerror(errno)))
            }
            pending.removeLast(Self.chunkSize - count)
            if count == 0 { isAtEnd = true }
        }
    }
}
