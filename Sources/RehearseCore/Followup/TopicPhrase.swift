/// What a question was about, short enough to recall in a sentence of an email: the asking
/// sentence's first clause with its lead-in ("Tell me about", "Walk me through") dropped and
/// the pronouns turned round ("how do you decide" → "how I decide"). Questions whose shape has
/// no such rewrite keep their first clause, quoted. Never the whole question when it had more
/// than one clause or sentence. The rules are in docs/followup.md.
public struct TopicPhrase: Equatable, Sendable {
    public enum Form: String, Equatable, Sendable {
        /// Reads after "about": "a hard bug I tracked down", "how I decide what to test".
        case phrase
        /// A question of its own, to quote: "What does a healthy team look like to you?"
        case quotation
    }

    public var text: String
    public var form: Form

    /// The longest topic kept, in words; longer clauses are cut at a natural break.
    static let maximumWords = 14

    /// The topic of a question asked by an interviewer (pronouns are turned round for a phrase).
    public init(question: String) {
        let sentences = Self.sentences(of: TerminalSafeText.inert(question, keepNewlines: false))
        let asking = sentences.filter { Self.isAsking($0) }.flatMap(Self.askingParts)
        // 1. An asking sentence that rewrites into a phrase: "a hard bug I tracked down".
        var rewritten = false
        for sentence in asking {
            guard let phrase = Self.rewrite(sentence) else { continue }
            rewritten = true
            if Self.contentWordCount(phrase) >= 2 {
                self.init(text: phrase, form: .phrase)
                return
            }
        }
        // 2. A specific asking sentence with no rewrite, quoted: "What does a healthy team look like to you?"
        if !rewritten, let sentence = asking.first(where: { Self.contentWordCount(Self.firstClause($0)) >= 3 }) {
            self.init(
                text: Self.limited(Self.firstClause(Self.strippingEndPunctuation(sentence)))
                    + (sentence.hasSuffix("?") ? "?" : ""), form: .quotation)
            return
        }
        // 3. A vague ask ("What do you do?", "Talk us through your actions.") after a scene: the scene is the topic.
        let scenes = sentences.filter { !Self.isAsking($0) }
        if let scene = scenes.max(by: { Self.contentWordCount($0) < Self.contentWordCount($1) }),
            Self.contentWordCount(scene) >= 3
        {
            let clause = Self.limited(Self.firstClause(Self.strippingEndPunctuation(scene)))
            let first = clause.prefix { $0 != " " }.lowercased()
            if Self.sceneSubjects.contains(first) {
                let shorter = Self.limited(clause, words: Self.maximumWords - 3)
                self.init(
                    text: "the situation where " + Self.swappingPronouns(Self.lowercasingFirst(shorter)), form: .phrase)
            } else {
                self.init(text: clause, form: .quotation)
            }
            return
        }
        if let sentence = asking.first(where: { Self.contentWordCount(Self.firstClause($0)) >= 3 }) {
            self.init(
                text: Self.limited(Self.firstClause(Self.strippingEndPunctuation(sentence)))
                    + (sentence.hasSuffix("?") ? "?" : ""), form: .quotation)
            return
        }
        let chosen = asking.first ?? sentences.first ?? question
        self.init(
            text: Self.limited(Self.firstClause(Self.strippingEndPunctuation(chosen)))
                + (chosen.hasSuffix("?") ? "?" : ""), form: .quotation)
    }

    /// First words of a scene sentence that read after "the situation where".
    static let sceneSubjects: Set<String> = [
        "a", "an", "the", "you", "you're", "your", "we", "we're", "our", "it's", "one",
        "marketing", "engineering", "overall", "checkout", "trucks", "payments",
    ]

    /// An asking sentence, and the ask inside it: after a colon ("Let's begin with one you've
    /// heard: what made you apply?") or after a leading clause ("If you joined next month, what…").
    static func askingParts(_ sentence: String) -> [String] {
        var parts: [String] = []
        if let colon = sentence.lastIndex(of: ":"), sentence.index(after: colon) < sentence.endIndex {
            let after = sentence[sentence.index(after: colon)...].trimmingBlanks()
            if after.split(separator: " ").count >= 3 { parts.append(after.prefix(1).uppercased() + after.dropFirst()) }
        }
        let openers: Set<String> = [
            "what", "what's", "how", "why", "which", "where", "who", "could", "can", "would", "will", "do", "does",
            "is", "are", "please", "tell", "walk", "take",
        ]
        var searchStart = sentence.startIndex
        while let comma = sentence[searchStart...].firstRange(of: ", ") {
            let after = sentence[comma.upperBound...]
            if let first = after.split(separator: " ").first, openers.contains(first.lowercased()),
                after.split(separator: " ").count >= 3
            {
                parts.append(after.prefix(1).uppercased() + after.dropFirst())
                break
            }
            searchStart = comma.upperBound
        }
        return parts + [sentence]
    }

    public init(text: String, form: Form) {
        self.text = text
        self.form = form
    }

    // MARK: Rules

    /// Lead-ins dropped from the start of an asking sentence, longest first, with what replaces them.
    static let leadIns: [(String, String)] = [
        ("tell me about a time when you ", "the time you "), ("tell me about a time you ", "the time you "),
        ("tell us about a time when you ", "the time you "), ("tell us about a time you ", "the time you "),
        ("describe a time when you ", "the time you "), ("describe a time you ", "the time you "),
        ("tell me about a specific occasion when ", "the occasion when "),
        ("tell me again about ", ""), ("tell me again, ", ""), ("could you give me ", ""), ("tell me about ", ""),
        ("tell us about ", ""), ("tell the panel about ", ""),
        ("tell the panel ", ""), ("tell me exactly ", ""), ("tell me ", ""),
        ("could you walk me through ", ""), ("could you take me through ", ""), ("could you give ", ""),
        ("please walk me through ", ""), ("please take me through ", ""), ("please summarise ", ""),
        ("please remind me ", ""),
        ("walk me through ", ""), ("take me through ", ""), ("take us through ", ""), ("talk me through ", ""),
        ("talk us through ", ""), ("walk us through ", ""),
        ("describe ", ""), ("explain ", ""), ("summarise for me, ", ""), ("summarise ", ""),
        ("how do you ", "how you "), ("how would you ", "how you would "), ("how will you ", "how you will "),
        ("how should you ", "how you should "), ("how can you ", "how you can "),
        ("what would you ", "what you would "), ("what do you ", "what you "), ("what are you ", "what you are "),
        ("what have you ", "what you have "), ("what will you ", "what you will "),
        ("why would you ", "why you would "), ("why wouldn't you", "why you wouldn't"), ("why do you ", "why you "),
        ("why should i ", "why I should "), ("where are you ", "where you are "),
        ("where would you ", "where you would "),
        ("which would you ", "which you would "),
    ]

    /// Sentence openings that start no rewrite but still read after "about" once pronouns turn.
    static let phraseOpenings: Set<String> = ["what", "why", "how", "which", "where", "when", "who"]

    /// The sentence as a phrase to read after "about", or nil when its shape has no rewrite.
    static func rewrite(_ sentence: String) -> String? {
        let bare = strippingEndPunctuation(sentence)
        let lower = bare.lowercased()
        for (lead, replacement) in leadIns where lower.hasPrefix(lead) {
            let rest = String(bare.dropFirst(lead.count))
            let clause = limited(firstClause(replacement + rest))
            return swappingPronouns(lowercasingFirst(clause))
        }
        // "What first pulled you into product management" reads as it is once turned round;
        // "What does a team look like" (an inverted auxiliary) does not.
        let words = lower.split(separator: " ").map(String.init)
        if let first = words.first, phraseOpenings.contains(first), words.count > 2,
            ![
                "do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "can", "could", "should",
                "would", "will",
            ].contains(words[1])
        {
            return swappingPronouns(lowercasingFirst(limited(firstClause(bare))))
        }
        return nil
    }

    /// Whether a sentence asks: it ends with "?" or opens with an instruction.
    static func isAsking(_ sentence: String) -> Bool {
        if sentence.hasSuffix("?") { return true }
        // "For the benefit of the panel, please summarise …" asks after its leading clause.
        if let comma = sentence.firstRange(of: ", "), isInstruction(String(sentence[comma.upperBound...])) {
            return true
        }
        return isInstruction(sentence)
    }

    static func isInstruction(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        return [
            "tell ", "describe ", "walk ", "take ", "talk ", "explain ", "summarise ", "pick ", "choose ", "design ",
            "sketch ", "pitch ", "please ", "give ",
        ]
        .contains { lower.hasPrefix($0) }
    }

    /// Sentences, split after ".", "?" or "!" followed by a space.
    static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character)
            if ".?!".contains(character), index + 1 == characters.count || characters[index + 1] == " " {
                // "p.m." and "a.m." do not end a sentence.
                let lowerTail = current.lowercased()
                if lowerTail.hasSuffix("p.m.") || lowerTail.hasSuffix("a.m.") || lowerTail.hasSuffix("e.g.")
                    || lowerTail.hasSuffix("i.e.")
                {
                    if index + 1 < characters.count, index + 2 < characters.count,
                        characters[index + 2].isLowercase || characters[index + 2].isNumber
                    {
                        continue
                    }
                }
                let trimmed = current.trimmingBlanks()
                if !trimmed.isEmpty { sentences.append(trimmed) }
                current = ""
            }
        }
        let trimmed = current.trimmingBlanks()
        if !trimmed.isEmpty { sentences.append(trimmed) }
        return sentences
    }

    /// The text before the first break that leaves at least three words: ", and", ", or", " — ", ";", ":", "(".
    static func firstClause(_ text: String) -> String {
        let breaks = [", and ", ", or ", ", but ", " — ", " – ", "; ", ": ", " (", ", "]
        var best = text
        for separator in breaks {
            var searchStart = text.startIndex
            while let range = text[searchStart...].firstRange(of: separator) {
                let before = String(text[..<range.lowerBound])
                if before.split(separator: " ").count >= 3 {
                    if before.count < best.count { best = before }
                    break
                }
                searchStart = range.upperBound
            }
        }
        return best.trimmingBlanks()
    }

    /// At most `maximumWords` words, cut before a joining word where possible so no clause dangles.
    static func limited(_ text: String, words maximumWords: Int = maximumWords) -> String {
        let words = text.split(separator: " ").map(String.init)
        guard words.count > maximumWords else { return text }
        let joiners: Set<String> = [
            "and", "or", "but", "to", "for", "with", "that", "which", "when", "while", "in", "on", "at", "of", "from",
            "by", "so",
        ]
        var end = maximumWords
        while end > 4, joiners.contains(words[end].lowercased().filter(\.isLetter)) == false { end -= 1 }
        if end <= 4 { end = maximumWords }
        var kept = Array(words.prefix(end))
        while let last = kept.last,
            joiners.contains(last.lowercased()) || ["a", "an", "the", "my", "your", "our"].contains(last.lowercased())
        { kept.removeLast() }
        return kept.joined(separator: " ").trimmingCharacters(ofSet: ",;:")
    }

    /// Interviewer's words turned into the candidate's: you → I, your → my, I → you, our → your.
    static func swappingPronouns(_ text: String) -> String {
        let tokens = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var output: [String] = []
        var skipping = 0
        for (index, token) in tokens.enumerated() {
            let core = token.prefix { $0.isLetter || $0 == "'" || $0 == "’" }
            let tail = token.dropFirst(core.count)
            let lower = core.lowercased().replacing("’", with: "'")
            let next = index + 1 < tokens.count ? tokens[index + 1].lowercased().filter(\.isLetter) : ""
            if skipping > 0 {
                skipping -= 1
                continue
            }
            // "you and a colleague disagreed" → "a colleague and I disagreed".
            if lower == "you", tail.isEmpty, next == "and", index + 3 < tokens.count,
                ["a", "an", "the", "your", "another", "one"].contains(tokens[index + 2].lowercased())
            {
                let determiner = tokens[index + 2].lowercased() == "your" ? "my" : tokens[index + 2].lowercased()
                output.append("\(determiner) \(tokens[index + 3]) and I")
                skipping = 3
                continue
            }
            let swapped: String?
            switch lower {
            case "you" where next == "or":
                swapped = "me"
            case "you":
                // Object position ("to you", "for you", at the end of a clause) reads "me".
                let previous = index > 0 ? tokens[index - 1].lowercased().filter(\.isLetter) : ""
                let objectAfter: Set<String> = [
                    "to", "for", "with", "about", "at", "from", "by", "of", "on", "helped", "asked", "told", "gave",
                    "made", "let", "help", "ask", "tell", "give", "make",
                ]
                swapped = objectAfter.contains(previous) || next.isEmpty || !tail.isEmpty ? "me" : "I"
            case "you're": swapped = "I'm"
            case "you've": swapped = "I've"
            case "you'd": swapped = "I'd"
            case "you'll": swapped = "I'll"
            case "your": swapped = "my"
            case "yours": swapped = "mine"
            case "yourself": swapped = "myself"
            case "i": swapped = "you"
            case "i'm": swapped = "you're"
            case "i'd": swapped = "you'd"
            case "i've": swapped = "you've"
            case "me": swapped = "you"
            case "my": swapped = "your"
            case "our", "us": swapped = lower == "our" ? "your" : "you"
            case "we": swapped = "you"
            default: swapped = nil
            }
            output.append((swapped ?? String(core)) + tail)
        }
        // "are I" and "were I" after turning round: the verb follows the new subject.
        return output.joined(separator: " ").replacing(" I are ", with: " I am ").replacing("you are I ", with: "I am ")
            .replacing(" are I ", with: " am I ").replacing(" I were ", with: " I was ")
    }

    static func strippingEndPunctuation(_ text: String) -> String {
        var text = text.trimmingBlanks()
        while let last = text.last, ".?!,;:".contains(last) { text.removeLast() }
        return text
    }

    /// Lowercases the first letter unless the first word is an acronym or "I".
    static func lowercasingFirst(_ text: String) -> String {
        let firstWord = text.prefix { $0 != " " }
        guard let first = text.first, first.isUppercase, firstWord != "I", !firstWord.hasPrefix("I'"),
            firstWord.dropFirst().allSatisfy({ !$0.isUppercase })
        else { return text }
        return first.lowercased() + text.dropFirst()
    }

    static let minorWords: Set<String> = [
        "the", "a", "an", "and", "or", "to", "of", "in", "on", "at", "for", "with", "you", "your", "i", "me", "my",
        "what", "how", "why", "do", "does", "is", "are", "it", "that", "this", "we", "our", "us", "time", "would",
        "about",
        "did", "can", "could", "step", "by", "order", "respond", "so", "then", "put", "mind", "rest", "them", "say",
    ]

    static func contentWordCount(_ text: String) -> Int {
        Words.tokenize(text).filter { !minorWords.contains($0) }.count
    }
}

extension String {
    /// The text with the given characters removed from both ends.
    fileprivate func trimmingCharacters(ofSet set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
