import RehearseCore

/// Writes wrapped, optionally coloured text to standard output. Colour only on a terminal and
/// never with NO_COLOR; every piece of untrusted text is made inert by the caller or here.
final class StyledOutput {
    var width: Int
    let colour: Bool

    init(width: Int, colour: Bool = AppContext.usesColour(fileDescriptor: 1)) {
        self.width = width
        self.colour = colour
    }

    func line(_ text: String) {
        StandardStreams.output(text + "\n")
    }

    func style(_ code: String, _ text: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { style("1", text) }
    /// A prompt for the line editor: escape codes are fenced with \u{01} so they take no width.
    func prompt(_ text: String) -> String { colour ? "\u{01}\u{1B}[1;36m\u{01}\(text)\u{01}\u{1B}[0m\u{01}" : text }
    func dim(_ text: String) -> String { style("2", text) }
    func accent(_ text: String) -> String { style("1;36", text) }
    func alert(_ text: String) -> String { style("33", text) }

    /// `Name (Title): text`, wrapped with a hanging indent.
    func speech(speaker: Interviewer, text: String) {
        let name = TerminalSafeText.inert(speaker.name, keepNewlines: false)
        let title = TerminalSafeText.inert(speaker.title, keepNewlines: false)
        let indent = "   "
        let lead = "\(name) (\(title)): "
        let lines = TextWrapper.wrap(lead + TerminalSafeText.inert(text), width: width - 1, indent: indent)
        for (index, wrappedLine) in lines.enumerated() {
            let content = wrappedLine.dropFirst(indent.count)
            if index == 0, content.hasPrefix(lead) {
                line(accent(name) + dim(" (\(title))") + ": " + content.dropFirst(lead.count))
            } else {
                line(index == 0 ? String(content) : wrappedLine)
            }
        }
    }

    func wrapped(_ text: String, style: (String) -> String = { $0 }) {
        for wrappedLine in TextWrapper.wrap(text, width: width - 1) { line(style(wrappedLine)) }
    }
}
