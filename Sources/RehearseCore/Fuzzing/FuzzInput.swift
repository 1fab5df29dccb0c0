/// What each fuzz target (Fuzz/) does with one input, kept here so that the regression tests
/// (Tests/RehearseCoreTests/FuzzRegressionTests.swift) replay saved inputs through the same code.
/// Nothing in the tool calls these.
public enum FuzzInput {
    /// Loads scenario YAML, renders its diagnostics, and reads its headline.
    public static func loadScenario(_ data: Data) {
        let result = ScenarioLoader.parse(data: data, path: "fuzz.yaml")
        _ = result.diagnostics.map(\.description)
        _ = ScenarioCatalog.Headline(yaml: data)
    }

    /// Reads a transcript and summarises it.
    public static func readTranscript(_ data: Data) {
        guard let transcript = try? Transcript.parse(data, path: "fuzz.jsonl") else { return }
        _ = TranscriptSummary(transcript: transcript)
    }

    /// Reviews, renders, replays and exports a transcript that reads.
    public static func reviewTranscript(_ data: Data) {
        guard let transcript = try? Transcript.parse(data, path: "fuzz.jsonl") else { return }
        let review = ReviewBuilder().review(transcript)
        _ = ReviewTextRenderer(width: 60).render(review)
        _ = ReviewMarkdownRenderer.render(review)
        _ = ReviewHTMLRenderer.render(review)
        _ = try? ReviewJSONRenderer.render(review)
        _ = ReplayScript(transcript: transcript, options: ReplayOptions(width: 40, animatesTyping: true)).frames()
        _ = TranscriptMarkdownExporter.render(transcript)
        _ = TranscriptHTMLExporter.render(transcript)
        _ = AsciicastExporter.render(transcript: transcript, width: 50)
    }
}
