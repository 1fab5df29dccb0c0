/// Findings a person overruled with `rehearse review ID --dismiss Qn:RULE`. Kept in a small
/// file beside the transcript (`<transcript>.dismissed.json`), so the transcript itself never
/// changes; the review shows them as dismissed and leaves them out of the score.
public struct ReviewDismissals: Codable, Equatable, Sendable {
    /// One overruled finding: the question's review number (the n of Qn) and the rule.
    public struct Entry: Codable, Equatable, Sendable, Hashable {
        public var question: Int
        public var rule: ReviewRule
        public init(question: Int, rule: ReviewRule) {
            self.question = question
            self.rule = rule
        }
    }

    public var format = "rehearse-dismissals"
    public var version = 1
    public var dismissed: [Entry] = []

    public init(dismissed: [Entry] = []) { self.dismissed = dismissed }

    /// The rules dismissed for a question (its review number).
    public func rules(forQuestion index: Int) -> Set<ReviewRule> {
        Set(dismissed.filter { $0.question == index }.map(\.rule))
    }

    /// The file that holds a transcript's dismissals.
    public static func path(forTranscript transcriptPath: String) -> String { transcriptPath + ".dismissed.json" }

    /// The dismissals of a transcript; none when the file does not exist. A damaged file is an error
    /// naming it, so a person's overrulings are never silently dropped.
    public static func load(forTranscript transcriptPath: String) throws -> ReviewDismissals {
        let path = path(forTranscript: transcriptPath)
        guard let data = FileManager.default.contents(atPath: path) else { return ReviewDismissals() }
        do {
            return try JSONDecoder().decode(ReviewDismissals.self, from: data)
        } catch {
            throw ReviewDismissalError.damaged(path: path)
        }
    }

    /// Writes the dismissals beside the transcript, atomically and owner-only.
    public func save(forTranscript transcriptPath: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: Self.path(forTranscript: transcriptPath), mode: 0o600)
    }

    /// Reads `Qn:RULE` and checks it against a review: the question must exist and the rule must
    /// have fired for it. Errors list what exists.
    public static func parse(_ text: String, in review: TranscriptReview) throws -> Entry {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let labels = review.questions.map { "Q\($0.index)" }.joined(separator: ", ")
        guard parts.count == 2, parts[0].uppercased().hasPrefix("Q"), let number = Int(parts[0].dropFirst()) else {
            throw ReviewDismissalError.malformed(text)
        }
        guard let question = review.question(number) else {
            throw ReviewDismissalError.noSuchQuestion("Q\(number)", existing: labels)
        }
        let fired = (question.findings + question.dismissed).map(\.rule.rawValue)
        guard let rule = ReviewRule(rawValue: parts[1].lowercased().replacing("-", with: "_")),
            fired.contains(rule.rawValue)
        else {
            throw ReviewDismissalError.noSuchFinding(
                question: "Q\(number)", rule: parts[1], fired: fired,
                rules: ReviewRule.allCases.map(\.rawValue))
        }
        return Entry(question: number, rule: rule)
    }
}

/// What can go wrong with `--dismiss` and the dismissals file, worded with the fix.
public enum ReviewDismissalError: Error, CustomStringConvertible, Equatable {
    case malformed(String)
    case noSuchQuestion(String, existing: String)
    case noSuchFinding(question: String, rule: String, fired: [String], rules: [String])
    case damaged(path: String)

    public var description: String {
        switch self {
        case .malformed(let text):
            "--dismiss \(text): write it as Qn:RULE, e.g. --dismiss Q2:no_number"
        case .noSuchQuestion(let label, let existing):
            "--dismiss: this review has no question \(label); its questions: \(existing)"
        case .noSuchFinding(let question, let rule, let fired, let rules):
            fired.isEmpty
                ? "--dismiss: nothing was flagged on \(question), so there is nothing to dismiss"
                : "--dismiss: '\(rule)' was not flagged on \(question); flagged there: \(fired.joined(separator: ", "))"
                    + (rules.contains(rule) ? "" : " (rules: \(rules.joined(separator: ", ")))")
        case .damaged(let path):
            "\(path) is not a dismissals file rehearse can read; fix it or delete it to start again"
        }
    }
}
