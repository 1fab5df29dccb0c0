/// Observable facts about an answer's words, shared by the probe rules and the review.
/// Every list here is documented, with its reason, in docs/review-rules.md.
public struct AnswerText: Sendable {
    public let text: String
    /// Lowercased words, apostrophes kept ("i'm"), punctuation dropped.
    public let words: [String]
    /// The Snowball stem of each word, in the same order (`WordStems`).
    public let stems: [String]

    public init(_ text: String) {
        self.text = text
        self.words = Words.tokenize(text)
        self.stems = WordStems.stems(of: words)
    }

    public var wordCount: Int { words.count }

    /// Whether a word or phrase occurs, compared on word stems ("escalate" matches "escalated"),
    /// its words side by side.
    public func contains(phrase: String) -> Bool { match(phrase, gaps: false) != nil }

    /// Whether a keyword occurs, compared on word stems, its words in order with up to
    /// `StemPhrase.maximumGap` words between them ("call back" matches "call her back").
    public func mentions(_ keyword: String) -> Bool { match(keyword, gaps: true) != nil }

    /// The words of the answer that matched a phrase, as written, or nil.
    public func match(_ phrase: String, gaps: Bool, from start: Int = 0) -> String? {
        match(StemPhrase(phrase), gaps: gaps, from: start)
    }

    /// The words of the answer that matched a phrase stemmed beforehand (`StemPhrase.list`), or nil.
    public func match(_ pattern: StemPhrase, gaps: Bool, from start: Int = 0) -> String? {
        matchRange(pattern, gaps: gaps, from: start).map { words[$0].joined(separator: " ") }
    }

    /// The first of the phrases that occurs, as the answer words it, or nil.
    public func firstMatch(of patterns: [StemPhrase], gaps: Bool) -> String? {
        for pattern in patterns { if let found = match(pattern, gaps: gaps) { return found } }
        return nil
    }

    /// Where a phrase first occurs at or after `start`, on stems (exact words as a fallback, for
    /// words the stemmer changes differently in a phrase and an answer).
    public func matchRange(_ phrase: String, gaps: Bool, from start: Int = 0) -> ClosedRange<Int>? {
        matchRange(StemPhrase(phrase), gaps: gaps, from: start)
    }

    /// `matchRange(_:gaps:from:)` for a phrase stemmed beforehand.
    public func matchRange(_ pattern: StemPhrase, gaps: Bool, from start: Int = 0) -> ClosedRange<Int>? {
        guard !pattern.stems.isEmpty else { return nil }
        if gaps { return pattern.firstMatch(in: stems, from: start) }
        let count = pattern.stems.count
        guard stems.count >= count, start <= stems.count - count else { return nil }
        for index in start...(stems.count - count)
        where stems[index..<(index + count)].elementsEqual(pattern.stems)
            || words[index..<(index + count)].elementsEqual(pattern.words)
        {
            return index...(index + count - 1)
        }
        return nil
    }

    /// Occurrences of each phrase from the list that appears, in list order.
    public func occurrences(of phrases: [String]) -> [(phrase: String, count: Int)] {
        phrases.compactMap { phrase in
            let parts = Words.tokenize(phrase)
            guard !parts.isEmpty, words.count >= parts.count else { return nil }
            var count = 0
            for start in 0...(words.count - parts.count) where Array(words[start..<(start + parts.count)]) == parts {
                count += 1
            }
            return count > 0 ? (phrase, count) : nil
        }
    }

    // MARK: Rules

    public static let hedges = [
        "i think", "i guess", "maybe", "sort of", "kind of", "probably", "i suppose", "perhaps", "i feel like",
        "hopefully", "i'm not sure",
    ]
    public var hedgeCount: Int { hedgeOccurrences.reduce(0) { $0 + $1.count } }

    /// Words after which "kind of" / "sort of" names a kind ("the kind of team", "what sort of
    /// tools"), so it is not a hedge there.
    public static let kindAsNounAfter: Set<String> = [
        "the", "a", "an", "what", "which", "whatever", "this", "that", "these", "those",
        "any", "every", "each", "some", "no", "one", "my", "your", "our", "their", "his", "her", "its",
    ]
    /// Adjectives that keep "kind of" a noun when a word of `kindAsNounAfter` comes before them
    /// ("the same kind of", "a different sort of").
    public static let kindAdjectives: Set<String> = [
        "same", "right", "wrong", "different", "other", "similar", "certain",
        "particular", "whole", "new", "only", "usual", "best", "worst", "exact",
    ]

    /// Hedges with their counts, in list order. "kind of" and "sort of" count only where they
    /// soften what follows, not where they name a kind (`kindAsNounAfter`, `kindAdjectives`).
    public var hedgeOccurrences: [(phrase: String, count: Int)] {
        AnswerText.hedges.compactMap { phrase in
            let parts = Words.tokenize(phrase)
            guard !parts.isEmpty, words.count >= parts.count else { return nil }
            var count = 0
            for start in 0...(words.count - parts.count) where Array(words[start..<(start + parts.count)]) == parts {
                if parts.count == 2, parts[1] == "of", parts[0] == "kind" || parts[0] == "sort", namesAKind(at: start) {
                    continue
                }
                count += 1
            }
            return count > 0 ? (phrase, count) : nil
        }
    }

    /// Whether "kind"/"sort" at `index` is the noun: right after a determiner, or after a
    /// determiner and one of `kindAdjectives`.
    private func namesAKind(at index: Int) -> Bool {
        guard index > 0 else { return false }
        let previous = words[index - 1]
        if AnswerText.kindAsNounAfter.contains(previous) { return true }
        return index > 1 && AnswerText.kindAdjectives.contains(previous)
            && AnswerText.kindAsNounAfter.contains(words[index - 2])
    }

    func firstIndex(ofAny phrases: [String], from start: Int = 0) -> Int? {
        var best: Int? = nil
        for phrase in phrases {
            let parts = Words.tokenize(phrase)
            guard !parts.isEmpty, words.count >= parts.count, start <= words.count - parts.count else { continue }
            for index in start...(words.count - parts.count) where Array(words[index..<(index + parts.count)]) == parts
            {
                if best.map({ index < $0 }) ?? true { best = index }
                break
            }
        }
        return best
    }

    /// Whether the answer mentions any keyword of the point (stems, in order, small gaps).
    public func covers(_ point: TalkingPoint) -> Bool { coveringKeyword(point) != nil }

    /// The keyword of the point the answer mentions, with the words that matched it.
    public func coveringKeyword(_ point: TalkingPoint) -> (keyword: String, words: String)? {
        for keyword in point.keywords { if let found = match(keyword, gaps: true) { return (keyword, found) } }
        return nil
    }
}
