/// Lays out text to a width, the one wrapper of the live session, replays and reviews: wraps at
/// spaces, breaks words longer than a line, and keeps a hanging indent. Widths are
/// `DisplayWidth` columns. Text is made inert here, so callers may pass untrusted text.
public struct TextLayout: Sendable {
    public var width: Int

    public init(width: Int) { self.width = max(20, width) }

    /// `lead` then `text`, continuation lines indented by `indent`; every line fits the width.
    public func paragraph(_ text: String, lead: String = "", indent: String = "") -> [String] {
        let safe = TerminalSafeText.inert(text, keepNewlines: true)
        var lines: [String] = []
        for (index, part) in safe.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = index == 0 ? TerminalSafeText.inert(lead, keepNewlines: false) : indent
            var lineWidth = DisplayWidth.of(line)
            var isEmpty = true
            for word in part.split(separator: " ") {
                let wordWidth = DisplayWidth.of(word)
                if !isEmpty && lineWidth + 1 + wordWidth > width {
                    lines.append(contentsOf: hardBreak(line, indent: indent))
                    line = indent
                    lineWidth = DisplayWidth.of(indent)
                    isEmpty = true
                }
                if !isEmpty {
                    line += " "
                    lineWidth += 1
                }
                line += word
                lineWidth += wordWidth
                isEmpty = false
            }
            lines.append(contentsOf: hardBreak(line, indent: indent))
        }
        return lines.map(Self.trimTrailingSpaces)
    }

    /// Splits a line wider than the width (a very long word) into pieces that fit.
    func hardBreak(_ line: String, indent: String) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        var pieces: [String] = []
        var current = ""
        var currentWidth = 0
        for character in line {
            let characterWidth = DisplayWidth.of(character: character)
            if currentWidth + characterWidth > width {
                pieces.append(current)
                current = indent
                currentWidth = DisplayWidth.of(indent)
            }
            current.append(character)
            currentWidth += characterWidth
        }
        pieces.append(current)
        return pieces
    }

    static func trimTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }

    /// A line cut to the width with "…" when it is longer.
    public func truncated(_ text: String) -> String { Self.truncate(text, to: width) }

    /// `text` made inert and cut to `width` columns, ending in "…" when it was longer.
    public static func truncate(_ text: String, to width: Int) -> String {
        let safe = TerminalSafeText.inert(text, keepNewlines: false)
        guard DisplayWidth.of(safe) > width else { return safe }
        var output = ""
        var used = 0
        for character in safe {
            let characterWidth = DisplayWidth.of(character: character)
            if used + characterWidth > width - 1 { break }
            output.append(character)
            used += characterWidth
        }
        return output + "…"
    }
}

extension TextLayout {
    /// `Name (Title): text` as the interviewers speak, in the live session and its replay: a
    /// hanging indent of three spaces, the name in the accent colour and the title dim.
    public func speech(name: String, title: String?, text: String, style: TextStyle) -> [String] {
        let name = TerminalSafeText.inert(name, keepNewlines: false)
        let lead = title.map { "\(name) (\(TerminalSafeText.inert($0, keepNewlines: false))): " } ?? "\(name): "
        var lines = paragraph(text, lead: lead, indent: "   ")
        if let first = lines.first, first.hasPrefix(lead), style.colour {
            lines[0] =
                style.accent(name) + style.dim(String(lead.dropFirst(name.count).dropLast(2))) + ": "
                + first.dropFirst(lead.count)
        }
        return lines
    }

    /// The first line of `text` laid out, ending in "…" when there was more.
    public func firstLine(_ text: String) -> String {
        let lines = paragraph(text)
        return (lines.first ?? "") + (lines.count > 1 ? "…" : "")
    }
}
