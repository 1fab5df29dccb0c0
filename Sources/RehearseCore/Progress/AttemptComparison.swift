/// Two attempts side by side: per question asked in both (matched by `QuestionKey`, so a
/// question a later scenario `repeats`, a drill, or a revisit is matched with the original), what
/// changed from the earlier attempt to the later one.
public struct AttemptComparison: Codable, Equatable, Sendable {
    /// One side's facts about a session.
    public struct Side: Codable, Equatable, Sendable {
        public var session: String
        public var started: Date
        public var scenarioID: String
        public var scenarioTitle: String
        public var scorePercent: Int
        public var asked: Int
        public var answered: Int

        enum CodingKeys: String, CodingKey {
            case session, started, asked, answered
            case scenarioID = "scenario"
            case scenarioTitle = "scenario_title"
            case scorePercent = "score"
        }
    }

    /// A value before and after.
    public struct Change<Value: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
        public var before: Value
        public var after: Value
    }

    /// One question's two answers.
    public struct QuestionChange: Codable, Equatable, Sendable {
        public var key: QuestionKey
        public var text: String
        public var skipped: Change<Bool>
        public var words: Change<Int>
        public var thinkMilliseconds: Change<Int>
        public var answerMilliseconds: Change<Int>
        public var fillers: Change<Int>
        public var hedges: Change<Int>
        public var scorePercent: Change<Int>
        /// Rule names of the review's findings.
        public var findings: Change<[String]>
        public var numbersKept: [String]
        public var numbersDropped: [String]
        public var numbersNew: [String]
        /// The earlier answer turned into the later one, word by word.
        public var diff: [WordDiff.Piece]
        public var textBefore: String
        public var textAfter: String

        enum CodingKeys: String, CodingKey {
            case key, text, skipped, words, fillers, hedges, findings, diff
            case thinkMilliseconds = "think_ms"
            case answerMilliseconds = "answer_ms"
            case scorePercent = "score"
            case numbersKept = "numbers_kept"
            case numbersDropped = "numbers_dropped"
            case numbersNew = "numbers_new"
            case textBefore = "text_before"
            case textAfter = "text_after"
        }

        /// Findings that fired before and not after, and the other way round.
        public var findingsGone: [String] { findings.before.filter { !findings.after.contains($0) } }
        public var findingsNew: [String] { findings.after.filter { !findings.before.contains($0) } }
    }

    public var before: Side
    public var after: Side
    public var questions: [QuestionChange]
    /// Questions asked in only one of the two.
    public var onlyBefore: [String]
    public var onlyAfter: [String]
    /// What got better and what got worse, in words.
    public var better: [String]
    public var worse: [String]

    enum CodingKeys: String, CodingKey {
        case before, after, questions, better, worse
        case onlyBefore = "only_before"
        case onlyAfter = "only_after"
    }

    /// Compares an earlier transcript with a later one.
    public init(before earlier: Transcript, after later: Transcript) {
        let builder = ReviewBuilder()
        let reviewBefore = builder.review(earlier)
        let reviewAfter = builder.review(later)
        let turnsBefore = Self.turns(earlier, reviewBefore)
        let turnsAfter = Self.turns(later, reviewAfter)
        before = Self.side(earlier, reviewBefore)
        after = Self.side(later, reviewAfter)
        var changes: [QuestionChange] = []
        for turn in turnsAfter {
            guard let old = turnsBefore.first(where: { $0.key == turn.key }) else { continue }
            changes.append(Self.change(old, turn))
        }
        questions = changes
        let matched = Set(changes.map(\.key))
        onlyBefore = turnsBefore.filter { !matched.contains($0.key) }.map(\.key.description)
        onlyAfter = turnsAfter.filter { !matched.contains($0.key) }.map(\.key.description)
        (better, worse) = Self.verdict(changes)
    }

    /// A reviewed question with its key and answer text.
    struct Turn {
        var key: QuestionKey
        var review: QuestionReview
    }

    static func turns(_ transcript: Transcript, _ review: TranscriptReview) -> [Turn] {
        var asks: [String: TranscriptEvent.Ask] = [:]
        for ask in transcript.asks where ask.probe == nil && asks[ask.question] == nil { asks[ask.question] = ask }
        var turns: [Turn] = []
        for question in review.questions {
            let key =
                asks[question.questionID].map { QuestionKey(ask: $0, scenarioID: transcript.header.scenario.id) }
                ?? QuestionKey(scenario: transcript.header.scenario.id, question: question.questionID)
            // A redo replaces the earlier showing: the last answered one counts.
            if let index = turns.firstIndex(where: { $0.key == key }) {
                if !question.responses.isEmpty { turns[index].review = question }
            } else {
                turns.append(Turn(key: key, review: question))
            }
        }
        return turns
    }

    static func side(_ transcript: Transcript, _ review: TranscriptReview) -> Side {
        let record = SessionRecord(transcript: transcript, review: review)
        return Side(
            session: record.session, started: record.started, scenarioID: record.scenarioID,
            scenarioTitle: record.scenarioTitle,
            scorePercent: record.scorePercent, asked: record.asked, answered: record.answered)
    }

    static func change(_ old: Turn, _ new: Turn) -> QuestionChange {
        func total(_ review: QuestionReview, _ counts: (ResponseReview) -> [PhraseCount]) -> Int {
            review.responses.reduce(0) { $0 + counts($1).reduce(0) { $0 + $1.count } }
        }
        func text(_ review: QuestionReview) -> String { review.responses.map(\.text).joined(separator: "\n") }
        let a = old.review
        let b = new.review
        let numbersBefore = a.evidence.numbers
        let numbersAfter = b.evidence.numbers
        return QuestionChange(
            key: new.key, text: b.text,
            skipped: Change(before: a.responses.isEmpty, after: b.responses.isEmpty),
            words: Change(before: a.words, after: b.words),
            thinkMilliseconds: Change(
                before: a.mainResponse?.thinkMilliseconds ?? 0, after: b.mainResponse?.thinkMilliseconds ?? 0),
            answerMilliseconds: Change(
                before: a.mainResponse?.answerMilliseconds ?? 0, after: b.mainResponse?.answerMilliseconds ?? 0),
            fillers: Change(before: total(a, \.fillers), after: total(b, \.fillers)),
            hedges: Change(before: total(a, \.hedges), after: total(b, \.hedges)),
            scorePercent: Change(
                before: a.responses.isEmpty ? 0 : a.score.percent, after: b.responses.isEmpty ? 0 : b.score.percent),
            findings: Change(before: a.findings.map(\.rule.rawValue), after: b.findings.map(\.rule.rawValue)),
            numbersKept: numbersAfter.filter(numbersBefore.contains),
            numbersDropped: numbersBefore.filter { !numbersAfter.contains($0) },
            numbersNew: numbersAfter.filter { !numbersBefore.contains($0) },
            diff: WordDiff.diff(text(a), text(b)), textBefore: text(a), textAfter: text(b))
    }

    /// The summary: better and worse, counted over the matched questions.
    static func verdict(_ changes: [QuestionChange]) -> (better: [String], worse: [String]) {
        var better: [String] = []
        var worse: [String] = []
        func count(_ items: Int, _ noun: String) -> String { "\(items) question\(items == 1 ? "" : "s") \(noun)" }
        let up = changes.filter { $0.scorePercent.after > $0.scorePercent.before }.count
        let down = changes.filter { $0.scorePercent.after < $0.scorePercent.before }.count
        if up > 0 { better.append(count(up, "scored higher")) }
        if down > 0 { worse.append(count(down, "scored lower")) }
        let answeredNow = changes.filter { $0.skipped.before && !$0.skipped.after }.count
        let skippedNow = changes.filter { !$0.skipped.before && $0.skipped.after }.count
        if answeredNow > 0 { better.append("answered " + count(answeredNow, "skipped before")) }
        if skippedNow > 0 { worse.append("skipped " + count(skippedNow, "answered before")) }
        let fillersBefore = changes.reduce(0) { $0 + $1.fillers.before + $1.hedges.before }
        let fillersAfter = changes.reduce(0) { $0 + $1.fillers.after + $1.hedges.after }
        if fillersAfter < fillersBefore { better.append("fillers and hedges \(fillersBefore) → \(fillersAfter)") }
        if fillersAfter > fillersBefore { worse.append("fillers and hedges \(fillersBefore) → \(fillersAfter)") }
        let dropped = changes.reduce(0) { $0 + $1.numbersDropped.count }
        let added = changes.reduce(0) { $0 + $1.numbersNew.count }
        if added > 0 { better.append("\(added) new number\(added == 1 ? "" : "s")") }
        if dropped > 0 { worse.append("\(dropped) number\(dropped == 1 ? "" : "s") dropped") }
        let thinkBefore = changes.reduce(0) { $0 + $1.thinkMilliseconds.before }
        let thinkAfter = changes.reduce(0) { $0 + $1.thinkMilliseconds.after }
        if !changes.isEmpty && abs(thinkAfter - thinkBefore) >= 1000 * changes.count {
            let text =
                "think time \(NumberText.fixed(Double(thinkBefore) / 1000, places: 1)) s → \(NumberText.fixed(Double(thinkAfter) / 1000, places: 1)) s"
            if thinkAfter < thinkBefore { better.append(text) } else { worse.append(text) }
        }
        return (better, worse)
    }
}

/// A word-level diff of two texts, by longest common subsequence of their words.
public enum WordDiff {
    /// A run of words that both texts share, or that only the earlier (removed) or the later (added) has.
    public struct Piece: Codable, Equatable, Sendable {
        public enum Kind: String, Codable, Sendable { case same, removed, added }
        public var kind: Kind
        public var text: String
    }

    /// The pieces that turn `before` into `after`. Words are split at white space and compared
    /// case-insensitively; each piece joins its words with single spaces.
    public static func diff(_ before: String, _ after: String) -> [Piece] {
        let a = before.split(whereSeparator: \.isWhitespace).map(String.init)
        let b = after.split(whereSeparator: \.isWhitespace).map(String.init)
        let la = a.map { $0.lowercased() }
        let lb = b.map { $0.lowercased() }
        var lengths = [[Int32]](repeating: [Int32](repeating: 0, count: lb.count + 1), count: la.count + 1)
        if !la.isEmpty && !lb.isEmpty {
            for i in stride(from: la.count - 1, through: 0, by: -1) {
                for j in stride(from: lb.count - 1, through: 0, by: -1) {
                    lengths[i][j] =
                        la[i] == lb[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
                }
            }
        }
        var pieces: [Piece] = []
        func add(_ kind: Piece.Kind, _ word: String) {
            if let last = pieces.last, last.kind == kind {
                pieces[pieces.count - 1].text += " " + word
            } else {
                pieces.append(Piece(kind: kind, text: word))
            }
        }
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && la[i] == lb[j] {
                add(.same, b[j])
                i += 1
                j += 1
            } else if i < a.count && (j == b.count || lengths[i + 1][j] >= lengths[i][j + 1]) {
                add(.removed, a[i])
                i += 1
            } else {
                add(.added, b[j])
                j += 1
            }
        }
        return pieces
    }

    /// Plain text with the changes marked without colour: `[-removed-]` and `{+added+}`.
    public static func marked(_ pieces: [Piece]) -> String {
        pieces.map { piece in
            switch piece.kind {
            case .same: piece.text
            case .removed: "[-" + piece.text + "-]"
            case .added: "{+" + piece.text + "+}"
            }
        }.joined(separator: " ")
    }
}
