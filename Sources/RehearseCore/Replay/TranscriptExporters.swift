/// asciicast v2 (https://docs.asciinema.org/manual/asciicast/v2/): a header line, then one
/// `[seconds, "o", text]` line per replay frame, paced like the replay (idle limit and speed
/// applied). The frames already hold transcript text made inert, and every string is
/// JSON-escaped, so the file plays safely in `asciinema play` and `asciinema cat`.
public enum AsciicastExporter {
    /// The cast: `width` columns (speech is wrapped to it), `height` rows, paced by `pacing`, styled by `style`;
    /// `hints` as for `ReplayOptions`.
    public static func render(
        transcript: Transcript, width: Int, height: Int = 30, pacing: ReplayPacing = ReplayPacing(),
        style: TextStyle = .plain, hints: [String: String] = [:]
    ) -> String {
        let options = ReplayOptions(width: width, style: style, animatesTyping: true, hints: hints)
        let frames = ReplayScript(transcript: transcript, options: options).frames()
        let delays = pacing.delays(for: frames)
        let title = TerminalSafeText.inert(
            "Rehearse: \(transcript.header.scenario.title) (\(transcript.header.session))", keepNewlines: false)
        let timestamp = Int(transcript.header.started.timeIntervalSince1970)
        var lines = [
            "{\"version\": 2, \"width\": \(max(20, width)), \"height\": \(max(5, height)), \"timestamp\": \(timestamp), \"title\": \(DocumentText.jsonString(title)), \"env\": {\"TERM\": \"xterm-256color\"}}"
        ]
        var elapsed = 0.0
        for (frame, delay) in zip(frames, delays) {
            elapsed += delay
            lines.append(
                "[\(NumberText.fixed(elapsed / 1000, places: 6)), \"o\", \(DocumentText.jsonString(frame.text))]")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
