import Foundation
import Yams

/// Reads scenario files: every problem is collected as a `Diagnostic` with its line and column,
/// so the loader and `scenarios lint` report the same things in one pass.
public enum ScenarioLoader {
    /// Files larger than this are refused before parsing.
    public static let maximumFileSize = 1 << 20
    /// Deeper nesting than this is refused before parsing.
    public static let maximumNesting = 32
    /// More alias expansions than this are refused ("billion laughs").
    public static let maximumAliasExpansions = 64
    public static let timeLimitRange = 10...1800

    /// The outcome of reading one file: the scenario when it has no errors, and every diagnostic.
    public struct Result: Sendable {
        public var scenario: Scenario?
        public var diagnostics: [Diagnostic]
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
        var status = stat()
        guard stat(path, &status) == 0 else {
            return failure(path, "cannot read the file: \(String(cString: strerror(errno)))", "check the path")
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return failure(path, "is a directory, not a scenario file", "pass a .yaml file, or use --scenarios DIR for a folder")
        default: return failure(path, "is not a regular file", "pass a .yaml file")
        }
        if Int(status.st_size) > maximumFileSize {
            return failure(path, "file is \(status.st_size) bytes; scenario files are limited to \(maximumFileSize) bytes", "split it into several scenarios")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return failure(path, "cannot read the file", "check its permissions")
        }
        return parse(data: data, path: path)
    }

    /// Parses scenario bytes that came from `path` (used in messages).
    public static func parse(data: Data, path: String) -> Result {
        if data.count > maximumFileSize {
            return failure(path, "file is \(data.count) bytes; scenario files are limited to \(maximumFileSize) bytes", "split it into several scenarios")
        }
        let bytes = [UInt8](data)
        if let (line, column) = firstInvalidUTF8(bytes) {
            return Result(scenario: nil, diagnostics: [Diagnostic(file: path, line: line, column: column, message: "the file is not valid UTF-8", suggestion: "save it as UTF-8")])
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if let (line, column) = excessiveNesting(text) {
            return Result(scenario: nil, diagnostics: [Diagnostic(file: path, line: line, column: column, message: "nesting is deeper than \(maximumNesting) levels", suggestion: "flatten the structure")])
        }
        if let (line, column) = excessiveAliasExpansion(text) {
            return Result(scenario: nil, diagnostics: [Diagnostic(file: path, line: line, column: column, message: "more than \(maximumAliasExpansions) alias expansions", suggestion: "write the text out instead of using YAML aliases")])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return Result(scenario: nil, diagnostics: [diagnostic(for: error, path: path)])
        } catch {
            return failure(path, "cannot parse YAML: \(error)", nil)
        }
        guard let root else {
            return failure(path, "the file is empty", "start from `rehearse scenarios new`")
        }
        var decoder = ScenarioDecoder(path: path)
        let scenario = decoder.decode(root, checksum: fingerprint(bytes))
        let hasErrors = decoder.diagnostics.contains { $0.severity == .error }
        return Result(scenario: hasErrors ? nil : scenario, diagnostics: decoder.diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }

    private static func failure(_ path: String, _ message: String, _ suggestion: String?) -> Result {
        Result(scenario: nil, diagnostics: [Diagnostic(file: path, line: 1, column: 1, message: message, suggestion: suggestion)])
    }

    static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return Diagnostic(file: path, line: mark.line, column: mark.column, message: "YAML syntax error: \(detail)", suggestion: yamlSuggestion(problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(file: path, line: context.mark.line, column: context.mark.column, message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping", suggestion: "keep one of them")
        case let .reader(problem, offset, _, yaml):
            let (line, column) = offset.map { lineAndColumn(ofUTF8Offset: $0, in: yaml) } ?? (1, 1)
            return Diagnostic(file: path, line: line, column: column, message: "cannot read YAML: \(problem)", suggestion: nil)
        default:
            return Diagnostic(file: path, line: 1, column: 1, message: "cannot parse YAML: \(error)", suggestion: nil)
        }
    }

    private static func yamlSuggestion(_ problem: String) -> String? {
        if problem.contains("tab") { return "indent with spaces, not tabs" }
        if problem.contains("mapping values are not allowed") { return "put text containing ': ' in double quotes" }
        if problem.contains("could not find expected ':'") { return "check the indentation of this key" }
        return nil
    }

    static func lineAndColumn(ofUTF8Offset offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for byte in text.utf8.prefix(offset) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    /// Line and column (1-based, in characters) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int)? {
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            if index + length > bytes.count { return (line, column) }
            for continuation in bytes[(index + 1)..<(index + length)] where continuation & 0xC0 != 0x80 {
                return (line, column)
            }
            if length == 3 {
                let second = bytes[index + 1]
                if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F) { return (line, column) }
            } else if length == 4 {
                let second = bytes[index + 1]
                if (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second > 0x8F) { return (line, column) }
            }
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return nil
    }

    /// A cheap look at the raw text for nesting that would make the parser recurse too deeply:
    /// flow brackets outside quotes, and block indentation.
    static func excessiveNesting(_ text: String) -> (Int, Int)? {
        var depth = 0, line = 1, column = 0
        var quote: Character? = nil
        var atLineStart = true, indent = 0, inComment = false
        var indentLevels: [Int] = []
        for character in text {
            column += 1
            if character == "\n" {
                line += 1; column = 0; atLineStart = true; indent = 0; inComment = false
                continue
            }
            if inComment { continue }
            if atLineStart {
                if character == " " || character == "-" { indent += 1; continue }
                atLineStart = false
                if character != "#" {
                    while let last = indentLevels.last, last >= indent { indentLevels.removeLast() }
                    indentLevels.append(indent)
                    if indentLevels.count > maximumNesting { return (line, column) }
                }
            }
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": if depth > 0 { quote = character }
            case "#": inComment = true
            case "[", "{":
                depth += 1
                if depth > maximumNesting { return (line, column) }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    /// Estimates, from the raw text, how many nodes YAML aliases would copy: an anchor weighs 1
    /// plus the weight of every alias between its definition and the next anchor's. Returns the
    /// place of the alias that takes the total past the cap. Done before parsing, because the
    /// parser would otherwise build (and hash) the expanded tree.
    static func excessiveAliasExpansion(_ text: String) -> (Int, Int)? {
        guard text.contains("*") else { return nil }
        var weights: [Substring: Int] = [:]
        var currentAnchor: Substring? = nil
        var currentWeight = 0
        var total = 0
        var line = 1, column = 0
        var quote: Character? = nil
        var inComment = false
        var previous: Character = "\n"
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            column += 1
            defer { previous = character }
            if character == "\n" { line += 1; column = 0; inComment = false; quote = quote == "'" || quote == "\"" ? quote : nil }
            if inComment { index = text.index(after: index); continue }
            if let open = quote {
                if character == open { quote = nil }
                index = text.index(after: index)
                continue
            }
            let atTokenStart = previous == " " || previous == "\n" || previous == "[" || previous == "{" || previous == "," || previous == "-"
            switch character {
            case "#" where previous == " " || previous == "\n": inComment = true
            case "\"", "'" where atTokenStart: quote = character
            case "&", "*" where atTokenStart:
                var end = text.index(after: index)
                while end < text.endIndex, !" \n\t,[]{}".contains(text[end]) { end = text.index(after: end) }
                let name = text[text.index(after: index)..<end]
                if character == "&" {
                    if let anchor = currentAnchor { weights[anchor] = currentWeight }
                    currentAnchor = name
                    currentWeight = 1
                } else {
                    let weight = weights[name] ?? (name == currentAnchor ? maximumAliasExpansions + 1 : 1)
                    currentWeight += weight
                    total += weight
                    if total > maximumAliasExpansions { return (line, column) }
                }
            default: break
            }
            index = text.index(after: index)
        }
        return nil
    }
}

extension Node {
    var place: SourcePlace {
        guard let mark else { return .unknown }
        return SourcePlace(line: mark.line, column: mark.column)
    }
}
