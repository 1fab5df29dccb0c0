/// Every session of a data folder as `SessionRecord`s, oldest first, with a one-line warning per
/// file that could not be read (it is skipped; the others still count).
///
/// Building a record parses and reviews the whole transcript, so records are kept in a cache
/// beside the transcripts (`transcripts/.progress-cache`), keyed like the summary index by
/// file name, size and modification time: a changed, new or removed file updates its entry, and
/// a missing or damaged cache is rebuilt. The cache is a plain line format rather than JSON
/// because it is read whole on every `progress` and `drill`, 10,000 sessions in well under a second.
public struct PracticeHistory: Sendable {
    public var records: [SessionRecord]
    /// One line per transcript that was skipped, naming the file and why.
    public var warnings: [String]

    public init(records: [SessionRecord], warnings: [String] = []) {
        self.records = records.sorted { $0.started != $1.started ? $0.started < $1.started : $0.file < $1.file }
        self.warnings = warnings
    }

    /// The sessions of one role (all roles when nil), oldest first.
    public func records(role: String?) -> [SessionRecord] {
        guard let role else { return records }
        return records.filter { $0.role == role }
    }

    /// The roles that have sessions, sorted.
    public var roles: [String] { Array(Set(records.map(\.role))).sorted() }

    /// Reads the history of a data folder, from the cache where it is current.
    public static func load(from folder: DataFolder) -> PracticeHistory {
        let paths = TranscriptIndex(folder: folder).files()
        return ProgressCache(folder: folder.transcripts).history(of: paths)
    }

    /// The history of one role only: the transcript list's index picks the files (a `stat` each),
    /// so only that role's sessions are reviewed when the cache is behind, and the other roles'
    /// cache entries are kept as they are.
    public static func load(from folder: DataFolder, role: String) -> PracticeHistory {
        let index = TranscriptIndex(folder: folder)
        let paths = index.summaries().filter { $0.role == role }.map { folder.transcripts + "/" + $0.file }
        return ProgressCache(folder: folder.transcripts).history(of: paths, keepingOthers: true)
    }
}

/// The cache behind `PracticeHistory`: one entry per transcript file.
public struct ProgressCache {
    public static let fileName = ".progress-cache"
    static let firstLine = "rehearse-progress-cache 1"

    public let folder: String
    public init(folder: String) { self.folder = folder }
    public var path: String { folder + "/" + Self.fileName }

    enum Content: Equatable {
        case record(SessionRecord)
        case unreadable(String)
    }

    struct Entry: Equatable {
        var size: Int64
        var modified: Int64
        var content: Content
    }

    /// What a call did, for tests and the benchmark.
    public struct Statistics: Equatable, Sendable {
        public var reused = 0
        public var rebuilt = 0
        public var wroteCache = false
    }

    /// The records of the given transcript files, reading only files that are new or changed.
    /// With `keepingOthers`, the cache keeps its entries for files not among `paths` (a partial read).
    public func history(of paths: [String], keepingOthers: Bool = false) -> PracticeHistory {
        historyWithStatistics(of: paths, keepingOthers: keepingOthers).history
    }

    public func historyWithStatistics(of paths: [String], keepingOthers: Bool = false)
        -> (history: PracticeHistory, statistics: Statistics)
    {
        var statistics = Statistics()
        let stored = load() ?? [:]
        var entries: [String: Entry] = [:]
        var stale: [(name: String, path: String, size: Int64, modified: Int64)] = []
        var warnings: [String] = []
        for path in paths {
            let name = lastPathComponent(path)
            var status = stat()
            guard stat(path, &status) == 0 else {
                warnings.append("skipped \(name): \(String(cString: strerror(errno)))")
                continue
            }
            let size = Int64(status.st_size)
            let modified = status.modifiedNanoseconds
            if let entry = stored[name], entry.size == size, entry.modified == modified {
                entries[name] = entry
                statistics.reused += 1
            } else {
                stale.append((name, path, size, modified))
            }
        }
        if !stale.isEmpty {
            let fresh = stale.map(\.path).concurrentMap { path -> Content in
                do {
                    guard let data = FileManager.default.contents(atPath: path) else {
                        return .unreadable(
                            "\(path): cannot be read (\(FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"))"
                        )
                    }
                    // The review never looks at keystrokes, and they are most of a transcript's bytes.
                    return .record(
                        SessionRecord(transcript: try Transcript.parse(Self.withoutTyping(data), path: path)))
                } catch {
                    return .unreadable("\(error)")
                }
            }
            for (item, content) in zip(stale, fresh) {
                entries[item.name] = Entry(size: item.size, modified: item.modified, content: content)
            }
            statistics.rebuilt = stale.count
        }
        let requested = Set(entries.keys)
        var kept = entries
        if keepingOthers {
            for (name, entry) in stored where kept[name] == nil { kept[name] = entry }
        }
        if !stale.isEmpty || kept.count != stored.count {
            statistics.wroteCache = save(kept)
        }
        var records: [SessionRecord] = []
        records.reserveCapacity(entries.count)
        for name in requested.sorted() {
            switch entries[name]!.content {
            case .record(let record): records.append(record)
            case .unreadable(let problem): warnings.append("skipped \(name): \(Self.oneLine(problem))")
            }
        }
        return (PracticeHistory(records: records, warnings: warnings), statistics)
    }

    /// Transcript bytes with every answer's `"typing":[…]` emptied (strings inside are skipped
    /// whole, so a bracket typed in an answer cannot end the list early). An unterminated list (a
    /// line cut off) is left as it was, so the reader still reports it.
    static func withoutTyping(_ data: Data) -> Data {
        let key = Array("\"typing\":[".utf8)
        return data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Data in
            let bytes = buffer.bindMemory(to: UInt8.self)
            guard let base = buffer.baseAddress else { return data }
            var output = Data()
            output.reserveCapacity(bytes.count / 3)
            var copied = 0
            var searchFrom = 0
            while searchFrom + key.count <= bytes.count,
                let quote = memchr(base + searchFrom, Int32(UInt8(ascii: "\"")), bytes.count - searchFrom)
            {
                let position = base.distance(to: UnsafeRawPointer(quote))
                guard position + key.count <= bytes.count, memcmp(base + position, key, key.count) == 0 else {
                    searchFrom = position + 1
                    continue
                }
                let listStart = position + key.count
                var index = listStart
                var depth = 1
                var inString = false
                var escaped = false
                while index < bytes.count && depth > 0 {
                    let byte = bytes[index]
                    if inString {
                        if escaped {
                            escaped = false
                        } else if byte == 0x5C {
                            escaped = true
                        } else if byte == 0x22 {
                            inString = false
                        }
                    } else if byte == 0x22 {
                        inString = true
                    } else if byte == 0x5B {
                        depth += 1
                    } else if byte == 0x5D {
                        depth -= 1
                    } else if byte == 0x0A {
                        break
                    }
                    index += 1
                }
                guard depth == 0 else {
                    searchFrom = listStart
                    continue
                }
                output.append(contentsOf: bytes[copied..<listStart])
                output.append(0x5D)
                copied = index
                searchFrom = index
            }
            output.append(contentsOf: bytes[copied...])
            return output
        }
    }

    static func oneLine(_ text: String) -> String {
        TerminalSafeText.inert(
            text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text, keepNewlines: false)
    }

    // MARK: The file format
    //
    // Line 1: `rehearse-progress-cache 1`. Then per file a line
    //   F <tab> name <tab> size <tab> mtime_ns <tab> session <tab> started (ms since 1970) <tab> role <tab> scenario
    //     <tab> scenario title <tab> source <tab> asked <tab> answered <tab> over limit <tab> words <tab> fillers
    //     <tab> hedges <tab> median think ms <tab> score <tab> self-rating or empty
    // followed by one line per question
    //   Q <tab> scenario <tab> question <tab> text <tab> skipped 0/1 <tab> over limit 0/1 <tab> score <tab> words
    //     <tab> fillers <tab> hedges <tab> think ms <tab> limit s
    // or, for a file that could not be read, `U <tab> name <tab> size <tab> mtime_ns <tab> problem`.
    // Tabs, newlines and backslashes inside fields are escaped as \t, \n and \\.

    func load() -> [String: Entry]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var entries: [String: Entry] = [:]
        var current: (name: String, entry: Entry, record: SessionRecord)?
        func flush() {
            if let done = current {
                var entry = done.entry
                entry.content = .record(done.record)
                entries[done.name] = entry
            }
            current = nil
        }
        var isFirst = true
        var valid = true
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count && valid {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                let line = bytes[start..<end]
                start = end + 1
                if isFirst {
                    isFirst = false
                    valid = String(decoding: line, as: UTF8.self) == Self.firstLine
                    continue
                }
                let fields = Self.fields(line)
                switch fields.first {
                case "F"?:
                    flush()
                    guard fields.count == 19, let size = Int64(fields[2]), let modified = Int64(fields[3]),
                        let started = Int64(fields[5]),
                        let source = SessionRecord.Source(rawValue: fields[9])
                    else {
                        valid = false
                        return
                    }
                    let numbers = fields[10...17].compactMap { Int($0) }
                    guard numbers.count == 8 else {
                        valid = false
                        return
                    }
                    let record = SessionRecord(
                        file: fields[1], session: fields[4],
                        started: Date(timeIntervalSince1970: Double(started) / 1000), role: fields[6],
                        scenarioID: fields[7], scenarioTitle: fields[8], source: source, asked: numbers[0],
                        answered: numbers[1],
                        overLimit: numbers[2], words: numbers[3], fillers: numbers[4], hedges: numbers[5],
                        medianThinkMilliseconds: numbers[6],
                        scorePercent: numbers[7], selfRating: Int(fields[18]), questions: [])
                    current = (fields[1], Entry(size: size, modified: modified, content: .unreadable("")), record)
                case "Q"?:
                    guard current != nil, fields.count == 12 else {
                        valid = false
                        return
                    }
                    let numbers = fields[4...11].compactMap { Int($0) }
                    guard numbers.count == 8 else {
                        valid = false
                        return
                    }
                    current!.record.questions.append(
                        QuestionAttempt(
                            key: QuestionKey(scenario: fields[1], question: fields[2]), text: fields[3],
                            isSkipped: numbers[0] == 1,
                            isOverLimit: numbers[1] == 1, scorePercent: numbers[2], words: numbers[3],
                            fillers: numbers[4], hedges: numbers[5],
                            thinkMilliseconds: numbers[6], limitSeconds: numbers[7]))
                case "U"?:
                    flush()
                    guard fields.count == 5, let size = Int64(fields[2]), let modified = Int64(fields[3]) else {
                        valid = false
                        return
                    }
                    entries[fields[1]] = Entry(size: size, modified: modified, content: .unreadable(fields[4]))
                default:
                    if !line.isEmpty { valid = false }
                }
            }
        }
        guard valid, !isFirst else { return nil }
        flush()
        return entries
    }

    @discardableResult
    func save(_ entries: [String: Entry]) -> Bool {
        var text = Self.firstLine + "\n"
        for name in entries.keys.sorted() {
            let entry = entries[name]!
            switch entry.content {
            case .unreadable(let problem):
                text += Self.line(["U", name, String(entry.size), String(entry.modified), problem])
            case .record(let r):
                text += Self.line([
                    "F", name, String(entry.size), String(entry.modified), r.session,
                    String(Int64((r.started.timeIntervalSince1970 * 1000).rounded())), r.role, r.scenarioID,
                    r.scenarioTitle,
                    r.source.rawValue, String(r.asked), String(r.answered), String(r.overLimit), String(r.words),
                    String(r.fillers), String(r.hedges), String(r.medianThinkMilliseconds), String(r.scorePercent),
                    r.selfRating.map(String.init) ?? "",
                ])
                for q in r.questions {
                    text += Self.line([
                        "Q", q.key.scenario, q.key.question, q.text, q.isSkipped ? "1" : "0", q.isOverLimit ? "1" : "0",
                        String(q.scorePercent), String(q.words), String(q.fillers), String(q.hedges),
                        String(q.thinkMilliseconds), String(q.limitSeconds),
                    ])
                }
            }
        }
        do {
            try AtomicFile.write(Array(text.utf8), to: path, mode: 0o600, sync: false)
            return true
        } catch {
            return false
        }
    }

    static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: "\t") + "\n"
    }

    static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x5C || $0 == 0x0D }) else { return field }
        var output = ""
        for character in field.unicodeScalars {
            switch character {
            case "\t": output += "\\t"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\\": output += "\\\\"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }

    static func fields(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> [String] {
        var fields: [String] = []
        var start = line.startIndex
        var index = line.startIndex
        while index <= line.endIndex {
            if index == line.endIndex || line[index] == 0x09 {
                let raw = line[start..<index]
                fields.append(
                    raw.contains(0x5C)
                        ? unescape(String(decoding: raw, as: UTF8.self)) : String(decoding: raw, as: UTF8.self))
                start = index + 1
            }
            index += 1
        }
        return fields
    }

    static func unescape(_ field: String) -> String {
        var output = ""
        var escaped = false
        for character in field.unicodeScalars {
            if escaped {
                switch character {
                case "t": output += "\t"
                case "n": output += "\n"
                case "r": output += "\r"
                default: output.unicodeScalars.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                output.unicodeScalars.append(character)
            }
        }
        return output
    }
}
