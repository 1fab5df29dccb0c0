/// A term taken from a job description, and why it was taken.
public struct JobTerm: Codable, Equatable, Sendable {
    public enum Reason: String, Codable, Sendable {
        /// A content word that appears two or more times.
        case repeatedWord = "repeated_word"
        /// Two content words side by side, together two or more times.
        case repeatedPhrase = "repeated_phrase"
        /// A capitalised word inside a sentence: usually a product, tool or name.
        case name
    }

    /// Lowercase, singular form ("customer service", "zendesk").
    public var term: String
    public var count: Int
    public var reason: Reason
}

/// The key terms of a plain-text job description, found by a simple, documented rule
/// (docs/review-rules.md, "Job description terms"):
/// 1. words of four letters or more, not in `stopWords`, that appear two or more times
///    (counted in singular form, so "customers" and "customer" count together);
/// 2. two such words side by side, in the same clause, appearing two or more times, as a phrase;
///    a word whose every occurrence is inside a repeated phrase is listed only in the phrase;
/// 3. capitalised words that do not start a sentence or a line ("Zendesk", "SQL"), even once.
/// Words of the company's name are never terms: an advert names its company often, and an
/// answer that says it shows nothing about the job.
/// At most `maximumTerms` terms are kept: the most frequent first, then alphabetical.
public struct JobDescription: Sendable {
    public let terms: [JobTerm]
    public static let maximumTerms = 40

    /// - Parameters:
    ///   - text: the job description, as plain text.
    ///   - companyName: the company interviewing (the transcript's), whose words are left out.
    public init(text: String, companyName: String? = nil) {
        terms = Self.extract(text, excluding: Self.nameWords(companyName ?? ""))
    }

    /// The words of a name, lowercase and singular, as `extract` compares them.
    static func nameWords(_ name: String) -> Set<String> {
        let words = name.split { !($0.isLetter || $0.isNumber) }.map { $0.lowercased() }
        return Set(words + words.map(AnswerText.singular))
    }

    /// Function words and words every job advert uses, which say nothing about this job.
    public static let stopWords: Set<String> = [
        "about", "above", "across", "after", "also", "among", "and", "are", "be", "because", "been", "being", "both",
        "but",
        "can", "could", "does", "each", "either", "every", "for", "from", "have", "having", "here", "into", "its",
        "just",
        "least", "less", "like", "many", "more", "most", "much", "must", "need", "needs", "not", "once", "only",
        "other",
        "ours", "over", "own", "per", "plus", "same", "should", "some", "such", "than", "that", "the", "their", "them",
        "then",
        "there", "these", "they", "this", "those", "through", "under", "until", "upon", "very", "well", "were", "what",
        "when",
        "where", "which", "while", "whom", "will", "with", "within", "without", "would", "your", "yours", "you", "our",
        "we",
        "a", "an", "to", "of", "in", "on", "or", "as", "at", "by", "is", "it", "if", "so", "do", "all", "any", "how",
        "who",
        "why", "may", "might", "etc", "able", "ability", "abilities", "candidate", "company", "role", "roles",
        "position",
        "job", "jobs", "join", "joining", "looking", "seeking", "apply", "application", "applicant", "applicants",
        "opportunity", "opportunities", "including", "include", "includes", "required", "requirement", "requirements",
        "preferred", "responsibilities", "responsibility", "responsible", "strong", "excellent", "good", "great",
        "skill",
        "skills", "year", "years", "experience", "experienced", "work", "working", "team", "teams", "day", "days",
        "make",
        "help", "ensure", "using", "use", "new", "want", "bonus", "salary", "benefits", "full", "time", "part",
    ]

    static func extract(_ text: String, excluding excluded: Set<String> = []) -> [JobTerm] {
        struct Token {
            var word: String
            var startsClause: Bool
            var startsSentence: Bool
            var isCapitalised: Bool
        }
        var tokens: [Token] = []
        var current = ""
        var clauseBreak = true
        var sentenceBreak = true
        func finish() {
            guard !current.isEmpty else { return }
            let word = current.hasSuffix("'") ? String(current.dropLast()) : current
            tokens.append(
                Token(
                    word: word.lowercased(), startsClause: clauseBreak, startsSentence: sentenceBreak,
                    isCapitalised: word.first?.isUppercase ?? false))
            current = ""
            clauseBreak = false
            sentenceBreak = false
        }
        for character in text {
            if character.isLetter || character.isNumber || ((character == "'" || character == "’") && !current.isEmpty)
            {
                current.append(character == "’" ? "'" : character)
            } else {
                finish()
                if ".!?\n•*:".contains(character) {
                    sentenceBreak = true
                    clauseBreak = true
                }
                if ",;()/—–\"".contains(character) { clauseBreak = true }
            }
        }
        finish()

        func isContent(_ word: String) -> Bool {
            word.count >= 4 && !stopWords.contains(word) && !word.allSatisfy(\.isNumber) && !excluded.contains(word)
        }
        var wordCounts: [String: Int] = [:]
        var pairCounts: [String: Int] = [:]
        var names: [String: Int] = [:]
        for (index, token) in tokens.enumerated() {
            let singular = AnswerText.singular(token.word)
            if isContent(token.word) { wordCounts[singular, default: 0] += 1 }
            if index + 1 < tokens.count, !tokens[index + 1].startsClause, isContent(token.word),
                isContent(tokens[index + 1].word)
            {
                pairCounts[singular + " " + AnswerText.singular(tokens[index + 1].word), default: 0] += 1
            }
            if token.isCapitalised, !token.startsSentence, token.word.count >= 2, !stopWords.contains(token.word),
                !excluded.contains(token.word)
            {
                names[singular, default: 0] += 1
            }
        }
        var terms: [String: JobTerm] = [:]
        let repeatedPairs = pairCounts.filter { $0.value >= 2 }
        var wordsInPairs: [String: Int] = [:]
        for (pair, count) in repeatedPairs {
            terms[pair] = JobTerm(term: pair, count: count, reason: .repeatedPhrase)
            for word in pair.split(separator: " ") { wordsInPairs[String(word), default: 0] += count }
        }
        for (word, count) in wordCounts where count >= 2 && count > (wordsInPairs[word] ?? 0) {
            terms[word] = JobTerm(term: word, count: count, reason: .repeatedWord)
        }
        for (name, count) in names where terms[name] == nil && wordsInPairs[name] == nil {
            terms[name] = JobTerm(term: name, count: max(count, wordCounts[name] ?? 0), reason: .name)
        }
        return terms.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.term < $1.term }.prefix(
            maximumTerms
        ).map { $0 }
    }

    /// Whether an answer uses a term: the same words in singular form, side by side; a single
    /// word of five letters or more also matches words that extend it by up to three letters
    /// ("escalate" → "escalated").
    public static func uses(_ term: String, in answer: AnswerText) -> Bool {
        let parts = term.split(separator: " ").map(String.init)
        guard let first = parts.first else { return false }
        let words = answer.words.map(AnswerText.singular)
        if parts.count == 1 {
            return words.contains {
                $0 == first || (first.count >= 5 && $0.hasPrefix(first) && $0.count - first.count <= 3)
            }
        }
        guard words.count >= parts.count else { return false }
        for start in 0...(words.count - parts.count) where Array(words[start..<(start + parts.count)]) == parts {
            return true
        }
        return false
    }
}
