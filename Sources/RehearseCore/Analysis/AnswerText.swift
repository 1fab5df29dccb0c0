/// Observable facts about an answer's words, shared by the probe rules and the review.
/// Every list here is documented, with its reason, in docs/review-rules.md.
public struct AnswerText: Sendable {
    public let text: String
    /// Lowercased words, apostrophes kept ("i'm"), punctuation dropped.
    public let words: [String]

    public init(_ text: String) {
        self.text = text
        self.words = Words.tokenize(text)
    }

    public var wordCount: Int { words.count }

    /// Whether a word or phrase occurs as whole words.
    public func contains(phrase: String) -> Bool {
        let parts = Words.tokenize(phrase)
        guard let first = parts.first else { return false }
        if parts.count == 1 {
            return words.contains { $0 == first || ($0.hasPrefix(first) && $0.count - first.count <= 3 && first.count >= 4) }
        }
        guard words.count >= parts.count else { return false }
        for start in 0...(words.count - parts.count) where words[start] == first {
            if Array(words[start..<(start + parts.count)]) == parts { return true }
        }
        return false
    }

    /// Occurrences of each phrase from the list that appears, in list order.
    public func occurrences(of phrases: [String]) -> [(phrase: String, count: Int)] {
        phrases.compactMap { phrase in
            let parts = Words.tokenize(phrase)
            guard !parts.isEmpty, words.count >= parts.count else { return nil }
            var count = 0
            for start in 0...(words.count - parts.count) where Array(words[start..<(start + parts.count)]) == parts { count += 1 }
            return count > 0 ? (phrase, count) : nil
        }
    }

    // MARK: Rules

    public static let numberWords: Set<String> = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "dozen", "dozens",
        "half", "double", "doubled", "tripled", "percent", "twice", "once"]

    /// Digits, or a number word.
    public var hasNumber: Bool {
        text.contains { $0.isNumber } || words.contains { AnswerText.numberWords.contains($0) && $0 != "once" && $0 != "one" } || words.contains("percent")
    }

    public static let examplePhrases = ["for example", "for instance", "one time", "last year", "last month", "last week", "i remember",
        "when i was", "at my last", "in my last", "in my previous", "in my current", "there was a time", "once", "recently"]
    public static let pastActionVerbs: Set<String> = ["handled", "led", "built", "managed", "fixed", "solved", "created", "worked", "helped",
        "called", "wrote", "ran", "set", "started", "changed", "resolved", "designed", "launched", "trained", "noticed", "decided",
        "asked", "took", "made", "found", "spoke", "talked", "moved", "organised", "organized", "delivered", "shipped", "reduced",
        "improved", "increased", "negotiated", "closed", "cared", "escalated", "analysed", "analyzed", "presented", "explained"]

    /// A concrete story: an example phrase, or "I"/"we" followed within two words by a past-tense action.
    public var hasExample: Bool {
        if AnswerText.examplePhrases.contains(where: contains(phrase:)) { return true }
        for (index, word) in words.enumerated() where word == "i" || word == "we" {
            for next in words[(index + 1)..<min(words.count, index + 3)] where AnswerText.pastActionVerbs.contains(next) { return true }
        }
        return false
    }

    public static let hedges = ["i think", "i guess", "maybe", "sort of", "kind of", "probably", "i suppose", "perhaps", "i feel like", "hopefully", "i'm not sure"]
    public var hedgeCount: Int { hedgeOccurrences.reduce(0) { $0 + $1.count } }

    /// Words after which "kind of" / "sort of" names a kind ("the kind of team", "what sort of
    /// tools"), so it is not a hedge there.
    public static let kindAsNounAfter: Set<String> = ["the", "a", "an", "what", "which", "whatever", "this", "that", "these", "those",
        "any", "every", "each", "some", "no", "one", "my", "your", "our", "their", "his", "her", "its"]
    /// Adjectives that keep "kind of" a noun when a word of `kindAsNounAfter` comes before them
    /// ("the same kind of", "a different sort of").
    public static let kindAdjectives: Set<String> = ["same", "right", "wrong", "different", "other", "similar", "certain",
        "particular", "whole", "new", "only", "usual", "best", "worst", "exact"]

    /// Hedges with their counts, in list order. "kind of" and "sort of" count only where they
    /// soften what follows, not where they name a kind (`kindAsNounAfter`, `kindAdjectives`).
    public var hedgeOccurrences: [(phrase: String, count: Int)] {
        AnswerText.hedges.compactMap { phrase in
            let parts = Words.tokenize(phrase)
            guard !parts.isEmpty, words.count >= parts.count else { return nil }
            var count = 0
            for start in 0...(words.count - parts.count) where Array(words[start..<(start + parts.count)]) == parts {
                if parts.count == 2, parts[1] == "of", parts[0] == "kind" || parts[0] == "sort", namesAKind(at: start) { continue }
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
        return index > 1 && AnswerText.kindAdjectives.contains(previous) && AnswerText.kindAsNounAfter.contains(words[index - 2])
    }

    public static let resultPhrases = ["result", "results", "so that", "which meant", "in the end", "outcome", "improved", "reduced",
        "increased", "saved", "led to", "as a result", "went from", "dropped", "grew", "cut"]
    public var hasResult: Bool { AnswerText.resultPhrases.contains(where: contains(phrase:)) }

    public static let situationPhrases = ["when", "there was", "we had", "i had", "at my", "in my", "last year", "one time", "the problem", "the situation", "a customer", "a client"]
    /// A situation → action → result shape: a situation phrase, an action by I/we, and a result phrase, in that order.
    public var hasSituationActionResult: Bool {
        guard let situation = firstIndex(ofAny: AnswerText.situationPhrases) else { return false }
        var action: Int? = nil
        for (index, word) in words.enumerated() where index >= situation && (word == "i" || word == "we") {
            if words[(index + 1)..<min(words.count, index + 3)].contains(where: AnswerText.pastActionVerbs.contains) { action = index; break }
        }
        guard let action else { return false }
        guard let result = firstIndex(ofAny: AnswerText.resultPhrases, from: action) else { return false }
        return result > action
    }

    func firstIndex(ofAny phrases: [String], from start: Int = 0) -> Int? {
        var best: Int? = nil
        for phrase in phrases {
            let parts = Words.tokenize(phrase)
            guard !parts.isEmpty, words.count >= parts.count, start <= words.count - parts.count else { continue }
            for index in start...(words.count - parts.count) where Array(words[index..<(index + parts.count)]) == parts {
                if best.map({ index < $0 }) ?? true { best = index }
                break
            }
        }
        return best
    }

    /// Whether the answer mentions any keyword of the point.
    public func covers(_ point: TalkingPoint) -> Bool { point.keywords.contains(where: contains(phrase:)) }
}
