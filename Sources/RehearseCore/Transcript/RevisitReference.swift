extension TranscriptEvent.Ask {
    /// The prefix of a revisit's question id, which keeps it apart from the scenario's own ids.
    /// Transcripts written before `revisit_of` existed carry only this.
    static let revisitIDPrefix = "revisit-"

    /// The earlier question this ask revisits: `revisit_of`, or for older transcripts the id after
    /// the `revisit-` prefix. Nil for every other question.
    public var revisitedQuestion: String? {
        if let revisitOf { return revisitOf }
        guard probe == nil, question.hasPrefix(Self.revisitIDPrefix) else { return nil }
        return String(question.dropFirst(Self.revisitIDPrefix.count))
    }
}
