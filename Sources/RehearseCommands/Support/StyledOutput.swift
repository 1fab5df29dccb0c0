import RehearseCore

/// Writes wrapped, optionally coloured text to standard output, with the core's palette
/// (`TextStyle`) and wrapper (`TextLayout`), as replays and reviews are drawn. Colour only on a
/// terminal and never with NO_COLOR; `TextLayout` makes untrusted text inert.
final class StyledOutput {
    var width: Int
    let style: TextStyle

    init(width: Int, colour: Bool = AppContext.usesColour(fileDescriptor: 1)) {
        self.width = width
        self.style = TextStyle(colour: colour)
    }

    /// One column short of the terminal, so a full line never makes it wrap on its own.
    var layout: TextLayout { TextLayout(width: width - 1) }

    func line(_ text: String) {
        StandardStreams.output(text + "\n")
    }

    func bold(_ text: String) -> String { style.bold(text) }
    /// A prompt for the line editor: escape codes are fenced with \u{01} so they take no width.
    func prompt(_ text: String) -> String { style.prompt(text) }
    func dim(_ text: String) -> String { style.dim(text) }
    func accent(_ text: String) -> String { style.accent(text) }
    func alert(_ text: String) -> String { style.alert(text) }

    /// `Name (Title): text`, wrapped with a hanging indent.
    func speech(speaker: Interviewer, text: String) {
        for wrappedLine in layout.speech(name: speaker.name, title: speaker.title, text: text, style: style) {
            line(wrappedLine)
        }
    }

    func wrapped(_ text: String, style: (String) -> String = { $0 }) {
        for wrappedLine in layout.paragraph(text) { line(style(wrappedLine)) }
    }
}
