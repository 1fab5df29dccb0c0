/// A YAML syntax error said in our words: what is wrong, the likely fix, and the best place to
/// point at (for an unclosed quote or bracket, where it was opened rather than where the
/// parser gave up).
///
/// libyaml reports a problem ("mapping values are not allowed in this context"), the place it
/// noticed it, and sometimes a context with its own place ("while parsing a flow sequence").
/// Those words describe the parser, not the file; the rules below turn the common ones into
/// the mistakes people make when editing a scenario by hand: wrong indentation, a missing `- `,
/// an unquoted `: ` inside a value, a tab, an unclosed quote or bracket. Anything else keeps
/// libyaml's words, with a general suggestion.
struct YAMLSyntaxExplanation: Equatable, Sendable {
    var message: String
    var suggestion: String
    var place: SourcePlace

    /// One libyaml error with its places (1-based lines, columns in Unicode scalars).
    struct ParserError: Sendable {
        var problem: String
        var context: String?
        var problemPlace: SourcePlace
        var contextPlace: SourcePlace?
    }

    /// Explains `error`, looking at the file's `source` text around it.
    static func explain(_ error: ParserError, source: String) -> YAMLSyntaxExplanation {
        let problem = error.problem
        let place = error.problemPlace
        let lines = SourceLines(source)
        let line = lines[place.line]
        let character = line.character(atColumn: place.column)

        if problem.contains("tab") || character == "\t"
            || line.hasTab(beforeColumn: place.column, inIndentationOnly: true)
        {
            return .init(
                message: "a tab is used for indentation",
                suggestion: "YAML indents with spaces only: replace the tab with spaces",
                place: line.firstTabPlace(line: place.line) ?? place)
        }
        if problem.contains("end of stream"), error.context?.contains("quoted scalar") == true,
            let start = error.contextPlace
        {
            let quote = lines[start.line].character(atColumn: start.column) == "'" ? "'" : "\""
            return .init(
                message: "this quote is never closed", suggestion: "end the text with a closing \(quote)", place: start)
        }
        if let bracket = unclosedBracket(problem) {
            let start = error.contextPlace ?? place
            let what = bracket == "]" ? "list" : "mapping"
            let opening = bracket == "]" ? "[" : "{"
            return .init(
                message: "the \(what) opened with '\(opening)' here is never closed",
                suggestion: "end it with '\(bracket)', and separate its items with ', '", place: start)
        }
        if problem.contains("mapping values are not allowed") {
            if let key = line.keyBefore(column: place.column) {
                let value =
                    line.value.map { $0.count <= 40 && !$0.contains("\"") && !$0.contains(" #") ? $0 : "…" } ?? "…"
                return .init(
                    message: "the value of '\(key)' contains ': ', which YAML reads as the start of another key",
                    suggestion: "put the whole value in double quotes: \(key): \"\(value)\"", place: place)
            }
            let key = line.key ?? "this key"
            return .init(
                message: "'\(key)' is indented more than the key above it, so YAML reads it as part of that value",
                suggestion: "line '\(key)' up with the keys above it, using spaces", place: place)
        }
        if problem.contains("did not find expected '-' indicator") {
            return .init(
                message: "this line is inside a list but is not a list item",
                suggestion: "start a new item with '- ', or indent the line like the keys of the item above it",
                place: place)
        }
        if problem.contains("did not find expected key") {
            let quotesBefore = line.count(of: "\"", beforeColumn: place.column)
            if quotesBefore % 2 == 1, let opened = lines.lineOfUnclosedQuote(before: place.line) {
                return .init(
                    message: "this quote is never closed: YAML reads on to line \(place.line) as part of the text",
                    suggestion: "end the text with a closing \"", place: opened)
            }
            if quotesBefore >= 2, line.previousNonSpace(beforeColumn: place.column) == "\"" {
                return .init(
                    message: "text after the closing quote of a value",
                    suggestion: "put the whole value inside the quotes", place: place)
            }
            return .init(
                message: "this line is not indented like the keys around it",
                suggestion: "line it up with the keys of its block (spaces only); a list item starts with '- '",
                place: place)
        }
        if problem.contains("could not find expected ':'") {
            let start = error.contextPlace ?? place
            return .init(
                message: "this line has text but no 'key: ' and is not a list item",
                suggestion:
                    "add ': ' after the key, start a list item with '- ', or put text that spans lines in double quotes",
                place: start)
        }
        if problem.contains("block sequence entries are not allowed") {
            return .init(
                message: "a list item ('- ') cannot start on the same line as its key",
                suggestion: "start the list on the next line, indented, or put the text in double quotes", place: place)
        }
        if problem.contains("cannot start any token"), let character {
            return .init(
                message: "a value cannot start with '\(character)' unless it is quoted",
                suggestion: "put the text in double quotes", place: place)
        }
        return .init(
            message: "the file is not valid YAML here (\(problem)\(error.context.map { " " + $0 } ?? ""))",
            suggestion: "check the indentation and quoting of this line", place: place)
    }

    /// The closing bracket libyaml was looking for, when the problem is an unclosed flow collection.
    private static func unclosedBracket(_ problem: String) -> Character? {
        if problem.contains("expected ',' or ']'") { return "]" }
        if problem.contains("expected ',' or '}'") { return "}" }
        return nil
    }
}

/// The lines of a file, 1-based, for looking around a parser's mark.
private struct SourceLines {
    let lines: [SourceLine]

    init(_ source: String) {
        lines = source.split(separator: "\n", omittingEmptySubsequences: false).map {
            SourceLine(text: Array($0.unicodeScalars))
        }
    }

    subscript(number: Int) -> SourceLine {
        number >= 1 && number <= lines.count ? lines[number - 1] : SourceLine(text: [])
    }

    /// Where the nearest earlier line opens a double quote it does not close (an odd number of
    /// `"` on the line): the place of its last `"`.
    func lineOfUnclosedQuote(before number: Int) -> SourcePlace? {
        var current = number - 1
        while current >= 1 {
            let line = self[current]
            let quotes = line.columns(of: "\"")
            if quotes.count % 2 == 1, let last = quotes.last { return SourcePlace(line: current, column: last) }
            current -= 1
        }
        return nil
    }
}

/// One line as Unicode scalars, since libyaml counts columns in scalars.
private struct SourceLine {
    let text: [Unicode.Scalar]

    func character(atColumn column: Int) -> Character? {
        column >= 1 && column <= text.count ? Character(text[column - 1]) : nil
    }

    /// 1-based columns of a character on the line.
    func columns(of character: Unicode.Scalar) -> [Int] {
        text.enumerated().filter { $0.element == character }.map { $0.offset + 1 }
    }

    func count(of character: Unicode.Scalar, beforeColumn column: Int) -> Int {
        columns(of: character).filter { $0 < column }.count
    }

    func previousNonSpace(beforeColumn column: Int) -> Character? {
        var index = min(column - 1, text.count) - 1
        while index >= 0, text[index] == " " { index -= 1 }
        return index >= 0 ? Character(text[index]) : nil
    }

    func hasTab(beforeColumn column: Int, inIndentationOnly: Bool) -> Bool {
        for scalar in text.prefix(max(0, column - 1)) {
            if scalar == "\t" { return true }
            if inIndentationOnly, scalar != " " { return false }
        }
        return false
    }

    func firstTabPlace(line: Int) -> SourcePlace? {
        text.firstIndex(of: "\t").map { SourcePlace(line: line, column: $0 + 1) }
    }

    /// The key the line starts with (after an optional `- `), when it has one.
    var key: String? {
        keyRange.map { String(String.UnicodeScalarView(text[$0])) }
    }

    /// The text after the leading `key: `, trimmed, when the line has a key.
    var value: String? {
        guard let range = keyRange else { return nil }
        let rest = String(String.UnicodeScalarView(text[min(range.upperBound + 1, text.count)...]))
        let trimmed = rest.trimmingBlanks()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The key of the line when its first `key: ` ends before `column`: the value then holds the `: ` at `column`.
    func keyBefore(column: Int) -> String? {
        guard let range = keyRange, range.upperBound + 1 < column else { return nil }
        return key
    }

    /// The scalars of the leading key: after indentation and `- `, up to the first `:` followed by a space or the end.
    private var keyRange: Range<Int>? {
        var start = 0
        while start < text.count, text[start] == " " { start += 1 }
        if start + 1 < text.count, text[start] == "-", text[start + 1] == " " {
            start += 2
            while start < text.count, text[start] == " " { start += 1 }
        }
        guard start < text.count, text[start] != "\"", text[start] != "'" else { return nil }
        var end = start
        while end < text.count {
            if text[end] == ":", end + 1 == text.count || text[end + 1] == " " {
                return start < end ? start..<end : nil
            }
            if text[end] == "#" || text[end] == "\"" { return nil }
            end += 1
        }
        return nil
    }
}
