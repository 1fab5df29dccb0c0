/// Words of a text, as the scenario loader, the probe rules and the review count them.
/// The lists here are documented, with their reasons, in docs/review-rules.md.
public enum Words {
    /// Lowercased words, apostrophes kept ("i'm"), punctuation dropped.
    public static func tokenize(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || ((character == "'" || character == "’") && !current.isEmpty)
            {
                current.append(character == "’" ? "'" : character)
            } else if !current.isEmpty {
                words.append(current.hasSuffix("'") ? String(current.dropLast()) : current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current.hasSuffix("'") ? String(current.dropLast()) : current) }
        return words
    }

    /// Longer words of a phrase, used as keywords when a talking point gives none.
    public static func contentWords(of text: String) -> [String] {
        tokenize(text).filter { $0.count >= 5 && !stopWords.contains($0) }
    }

    static let stopWords: Set<String> = [
        "about", "their", "there", "which", "would", "could", "should", "these", "those", "where", "other", "being",
        "every",
    ]
}
