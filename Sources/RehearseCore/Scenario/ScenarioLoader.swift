/// Reads scenario files: every problem is collected as a `Diagnostic` with its line and column,
/// so the loader and `scenarios lint` report the same things in one pass.
///
/// Hostile files are refused before they can cost much: a directory, FIFO, device or socket is
/// never read, files over `maximumFileSize` are not read, invalid UTF-8 is reported before
/// parsing, and the parser counts alias expansions and nesting as it goes, stopping at the
/// first one over its limit (see `YAMLEventReader`).
public enum ScenarioLoader {
    /// Files larger than this are refused before parsing.
    public static let maximumFileSize = 1 << 20
    /// Deeper nesting than this is refused before decoding.
    public static let maximumNesting = 32
    /// More alias expansions than this are refused ("billion laughs").
    public static let maximumAliasExpansions = 64
    /// Aliases may copy at most this many values (scalars, lists and mappings) in all.
    public static let maximumAliasedValues = 10_000
    /// Allowed time limits, in seconds, for scenarios, stages and questions.
    public static let timeLimitRange = 10...1800

    /// The outcome of reading one file: the scenario when it has no errors, and every diagnostic.
    public struct Result: Sendable {
        public var scenario: Scenario?
        public var diagnostics: [Diagnostic]
        /// The scenario id the file declares, even when the file has other errors, for checks across files.
        public var declaredID: String?
        /// Where the file declares its id.
        public var declaredIDPlace: SourcePlace?

        init(
            scenario: Scenario?, diagnostics: [Diagnostic], declaredID: String? = nil,
            declaredIDPlace: SourcePlace? = nil
        ) {
            self.scenario = scenario
            self.diagnostics = diagnostics
            self.declaredID = declaredID
            self.declaredIDPlace = declaredIDPlace
        }

        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    }

    /// Loads a scenario, throwing `DiagnosticsError` when the file has errors.
    public static func load(path: String) throws -> Scenario {
        let result = read(path: path)
        if let scenario = result.scenario { return scenario }
        throw DiagnosticsError(result.errors)
    }

    /// Reads and checks a file without throwing.
    public static func read(path: String) -> Result {
        switch readBytes(path: path) {
        case .success(let data): return parse(data: data, path: path)
        case .failure(let diagnostic): return Result(scenario: nil, diagnostics: [diagnostic])
        }
    }

    /// The bytes of a scenario file, or why they cannot be read: missing, unreadable, a directory,
    /// a FIFO, device or socket, or larger than `maximumFileSize`.
    ///
    /// The file is opened without blocking and checked again after opening, so a FIFO swapped in
    /// after the first check cannot make the reader wait forever.
    public static func readBytes(path: String) -> Swift.Result<Data, Diagnostic> {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let reason = errno
            return .failure(
                fileProblem(
                    path, "cannot read the file: \(String(cString: strerror(reason)))",
                    reason == ENOENT ? "check the path" : "check its permissions"))
        }
        if let problem = fileTypeProblem(status, path: path) { return .failure(problem) }

        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(
                fileProblem(path, "cannot read the file: \(String(cString: strerror(errno)))", "check its permissions"))
        }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0 else {
            return .failure(fileProblem(path, "cannot read the file: \(String(cString: strerror(errno)))", nil))
        }
        if let problem = fileTypeProblem(status, path: path) { return .failure(problem) }

        // Read at most one byte past the cap, whatever the size said: files can grow while read.
        let capacity = maximumFileSize + 1
        var data = Data(count: min(capacity, max(Int(status.st_size), 0) + 1))
        var filled = 0
        while true {
            if filled == data.count {
                if data.count >= capacity { break }
                data.count = min(capacity, data.count * 2)
            }
            let count = data.withUnsafeMutableBytes { buffer in
                readSome(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count > 0 {
                filled += count
            } else if count == 0 {
                break
            } else if errno != EINTR {
                return .failure(fileProblem(path, "cannot read the file: \(String(cString: strerror(errno)))", nil))
            }
        }
        if filled > maximumFileSize { return .failure(tooLarge(path, size: max(filled, Int(status.st_size)))) }
        data.count = filled
        return .success(data)
    }

    private static func fileTypeProblem(_ status: stat, path: String) -> Diagnostic? {
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            return Int(status.st_size) > maximumFileSize ? tooLarge(path, size: Int(status.st_size)) : nil
        case S_IFDIR:
            return fileProblem(
                path, "is a directory, not a scenario file", "pass a .yaml file, or use --scenarios DIR for a folder")
        case S_IFIFO:
            return fileProblem(path, "is a FIFO (named pipe), not a regular file", "pass a .yaml file")
        case S_IFCHR, S_IFBLK:
            return fileProblem(path, "is a device, not a regular file", "pass a .yaml file")
        case S_IFSOCK:
            return fileProblem(path, "is a socket, not a regular file", "pass a .yaml file")
        default:
            return fileProblem(path, "is not a regular file", "pass a .yaml file")
        }
    }

    private static func tooLarge(_ path: String, size: Int) -> Diagnostic {
        fileProblem(
            path, "file is \(size) bytes; scenario files are limited to \(maximumFileSize) bytes",
            "split it into several scenarios")
    }

    private static func fileProblem(_ path: String, _ message: String, _ suggestion: String?) -> Diagnostic {
        Diagnostic(file: path, line: 1, column: 1, message: message, suggestion: suggestion)
    }

    /// Parses scenario bytes that came from `path` (used in messages).
    public static func parse(data: Data, path: String) -> Result {
        if data.count > maximumFileSize {
            return Result(scenario: nil, diagnostics: [tooLarge(path, size: data.count)])
        }
        let bytes = [UInt8](data)
        if let (line, column) = firstInvalidUTF8(bytes) {
            return single(path, line, column, "the file is not valid UTF-8", "save it as UTF-8")
        }
        let limits = YAMLEventReader.Limits(
            maximumDepth: maximumNesting, maximumAliasExpansions: maximumAliasExpansions,
            maximumAliasedNodes: maximumAliasedValues)
        let parsed: ParsedYAML
        switch YAMLEventReader.parse(bytes, limits: limits) {
        case .success(let value): parsed = value
        case .failure(let failure):
            return single(path, failure.place.line, failure.place.column, failure.message, failure.suggestion)
        }
        guard let root = parsed.root else {
            return single(path, 1, 1, "the file is empty", "start from `rehearse scenarios new`")
        }
        var decoder = ScenarioDecoder(path: path)
        parsed.duplicateKeys.forEach { decoder.duplicateKey($0) }
        let scenario = decoder.decode(root, checksum: fingerprint(bytes))
        let hasErrors = decoder.diagnostics.contains { $0.severity == .error }
        return Result(
            scenario: hasErrors ? nil : scenario,
            diagnostics: decoder.diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) },
            declaredID: decoder.declaredID, declaredIDPlace: decoder.declaredIDPlace)
    }

    private static func single(_ path: String, _ line: Int, _ column: Int, _ message: String, _ suggestion: String?)
        -> Result
    {
        Result(
            scenario: nil,
            diagnostics: [Diagnostic(file: path, line: line, column: column, message: message, suggestion: suggestion)])
    }

    /// Line and column (1-based, in characters) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int)? {
        var line = 1
        var column = 1
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
                continue
            }
            let length: Int
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            if index + length > count { return (line, column) }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return (line, column)
            }
            let second = bytes[index + 1]
            if length == 3, (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F) { return (line, column) }
            if length == 4, (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second > 0x8F) { return (line, column) }
            column += 1
            index += length
        }
        return nil
    }
}

/// `read(2)`, named apart from `ScenarioLoader.read(path:)`.
private func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
