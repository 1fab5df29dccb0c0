/// Shows a diagnostic the way compilers do: `file:line:column: error: message (suggestion)`, then
/// the offending line and a caret under the column. Everything from the file is made inert for
/// the terminal, and very long lines are cut to a window around the caret.
public enum DiagnosticExcerpt {
    /// The widest excerpt shown, in columns; longer lines are cut around the caret.
    public static let maximumWidth = 100

    public static func render(_ diagnostic: Diagnostic, source: String) -> String {
        var text = TerminalSafeText.inert(diagnostic.description, keepNewlines: false)
        if let (line, caret) = excerpt(source: source, line: diagnostic.line, column: diagnostic.column) {
            text += "\n    " + line + "\n    " + caret
        }
        return text
    }

    /// The line (inert, tabs shown as spaces, cut to `maximumWidth`) and a caret line under `column`
    /// (1-based, in Unicode scalars, as the parser counts). Nil when the file has no such line or
    /// the line is blank, as for problems with the file as a whole.
    public static func excerpt(source: String, line lineNumber: Int, column: Int) -> (line: String, caret: String)? {
        guard lineNumber >= 1, let line = line(lineNumber, of: source),
            line.unicodeScalars.contains(where: { !$0.properties.isWhitespace })
        else { return nil }
        let scalars = Array(line.unicodeScalars.map { $0 == "\t" ? " " : $0 })
        let caretIndex = min(max(column - 1, 0), scalars.count)
        var start = 0
        var end = scalars.count
        func width(_ range: Range<Int>) -> Int { display(scalars[range]).width }
        if width(0..<end) > maximumWidth {
            // Keep about a third of the window before the caret.
            start = caretIndex
            while start > 0, width(start - 1..<caretIndex) <= maximumWidth / 3 { start -= 1 }
            end = caretIndex
            while end < scalars.count, width(start..<end + 1) <= maximumWidth { end += 1 }
        }
        let prefix = start > 0 ? "…" : ""
        let suffix = end < scalars.count ? "…" : ""
        let shown = prefix + display(scalars[start..<end]).text + suffix
        let caretOffset = (start > 0 ? 1 : 0) + display(scalars[start..<max(start, min(caretIndex, end))]).width
        return (shown, String(repeating: " ", count: caretOffset) + "^")
    }

    /// The text of line `number` (1-based), without its line break.
    static func line(_ number: Int, of source: String) -> Substring? {
        var current = 1
        var start = source.startIndex
        let utf8 = source.utf8
        while current < number {
            guard let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            start = utf8.index(after: newline)
            current += 1
        }
        let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        var text = source[start..<end]
        if text.hasSuffix("\r") { text = text.dropLast() }
        return text
    }

    private static func display(_ scalars: ArraySlice<Unicode.Scalar>) -> (text: String, width: Int) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let text = TerminalSafeText.inert(String(view), keepNewlines: false)
        return (text, DisplayWidth.of(text))
    }
}
