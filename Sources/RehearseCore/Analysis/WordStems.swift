import CLibStemmer

/// English word stems from the Snowball stemmer (the system libstemmer): "escalated",
/// "escalating" and "escalation" all give "escal", so a talking point written with one form
/// matches an answer written with another. See docs/review-rules.md, "Matching".
public enum WordStems {
    /// The stems of some lowercased words, in order. Words without a letter ("8000", "k6" keeps its
    /// letters) and short function words are returned as they are.
    public static func stems(of words: [String]) -> [String] {
        guard let stemmer = sb_stemmer_new("english", "UTF_8") else { return words }
        defer { sb_stemmer_delete(stemmer) }
        return words.map { stem($0, with: stemmer) }
    }

    /// The stem of one lowercased word.
    public static func stem(_ word: String) -> String { stems(of: [word])[0] }

    /// Endings after an apostrophe that are dropped before stemming: "I'd" → "i", "customer's" →
    /// "customer", so "now I" matches "now I'd" and "the customer" matches "the customer's".
    static let droppedEndings: Set<String> = ["d", "ll", "ve", "m", "s", "re"]

    private static func stem(_ word: String, with stemmer: OpaquePointer) -> String {
        var word = word
        if let apostrophe = word.firstIndex(of: "'"),
            droppedEndings.contains(String(word[word.index(after: apostrophe)...]))
        {
            word = String(word[..<apostrophe])
        }
        // Other words with an apostrophe ("don't", "can't") are matched whole.
        guard word.count > 2, word.contains(where: \.isLetter), !word.contains("'") else { return word }
        let bytes = Array(word.utf8)
        guard
            let result = bytes.withUnsafeBufferPointer({ buffer in
                sb_stemmer_stem(stemmer, buffer.baseAddress, Int32(buffer.count))
            })
        else { return word }
        let length = Int(sb_stemmer_length(stemmer))
        return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
    }
}

/// A keyword or phrase matched against an answer on word stems, its words in order with small
/// gaps: "call back" matches "I'll call her back", "follow up" matches "followed it up".
public struct StemPhrase: Sendable, Equatable {
    /// Words that may stand between two words of a phrase ("call her back", "by 5 pm tomorrow").
    public static let maximumGap = 2

    /// The phrase as written.
    public let text: String
    /// Its words (`Words.tokenize`), and the stem of each.
    public let words: [String]
    public let stems: [String]

    public init(_ text: String) {
        self.init(text, words: Words.tokenize(text), stems: nil)
    }

    private init(_ text: String, words: [String], stems: [String]?) {
        self.text = text
        self.words = words
        self.stems = stems ?? WordStems.stems(of: words)
    }

    /// Each phrase of a list, tokenized and stemmed once (one stemmer for the whole list): the
    /// review matches its fixed lists against every answer.
    public static func list(_ phrases: [String]) -> [StemPhrase] {
        let words = phrases.map(Words.tokenize)
        let stems = WordStems.stems(of: words.flatMap { $0 })
        var offset = 0
        return zip(phrases, words).map { phrase, phraseWords in
            defer { offset += phraseWords.count }
            return StemPhrase(phrase, words: phraseWords, stems: Array(stems[offset..<(offset + phraseWords.count)]))
        }
    }

    /// The word range of the first match in `stems` at or after `start`, gaps of up to
    /// `maximumGap` words allowed between the phrase's words; nil when it does not occur.
    public func firstMatch(in answerStems: [String], from start: Int = 0) -> ClosedRange<Int>? {
        guard let first = stems.first, start < answerStems.count else { return nil }
        for begin in start..<answerStems.count where answerStems[begin] == first {
            var position = begin
            var matched = true
            for stem in stems.dropFirst() {
                let window = (position + 1)..<min(answerStems.count, position + 2 + Self.maximumGap)
                guard let next = window.first(where: { answerStems[$0] == stem }) else {
                    matched = false
                    break
                }
                position = next
            }
            if matched { return begin...position }
        }
        return nil
    }
}
