/// More observable facts about an answer, used by the review: filler words, the numbers it
/// gives, "I" versus "we", which parts of a situation → action → result story are there, and
/// the longer words used to compare two answers. Every list and rule is documented, with its
/// reason, in docs/review-rules.md.
extension AnswerText {
    // MARK: Filler words

    /// Filler words and phrases counted wherever they occur. "like" has its own rule (`fillerLikeCount`).
    public static let fillerPhrases = [
        "um", "umm", "uh", "erm", "er", "you know", "basically", "actually", "literally",
    ]

    /// Words after which "like" is a verb or a comparison ("I like", "would like", "looks like",
    /// "things like"), so it is never counted as a filler there.
    public static let likeAsWordAfter: Set<String> = [
        "i", "you", "we", "they", "he", "she", "people", "customers", "would", "i'd",
        "we'd", "you'd", "they'd", "to", "not", "don't", "didn't", "doesn't", "really", "also", "feel", "feels", "felt",
        "look",
        "looks", "looked", "seem", "seems", "seemed", "sound", "sounds", "sounded", "something", "anything", "nothing",
        "things",
        "stuff", "just", "more", "much", "exactly", "most", "what", "whatever", "might", "may", "will", "i'll", "we'll",
    ]

    /// Words after which "like" is a filler ("it was like", "and like", "um like").
    public static let likeAsFillerAfter: Set<String> = [
        "was", "is", "were", "it's", "that's", "and", "but", "so", "um", "uh",
        "erm", "like", "basically", "actually", "literally",
    ]

    /// How often "like" is used as a filler: at the start of the answer or of a clause (after
    /// , . ; : ! ? or a dash), or after a word in `likeAsFillerAfter` — but never after a word in
    /// `likeAsWordAfter`.
    public var fillerLikeCount: Int {
        let starts = AnswerText.clauseStartIndices(text)
        var count = 0
        for (index, word) in words.enumerated() where word == "like" {
            let previous = index > 0 ? words[index - 1] : nil
            if let previous, AnswerText.likeAsWordAfter.contains(previous), !starts.contains(index) { continue }
            if starts.contains(index) || previous.map(AnswerText.likeAsFillerAfter.contains) == true { count += 1 }
        }
        return count
    }

    /// Filler words with their counts, in list order, "like" last.
    public var fillers: [(phrase: String, count: Int)] {
        var found = occurrences(of: AnswerText.fillerPhrases)
        let likes = fillerLikeCount
        if likes > 0 { found.append(("like", likes)) }
        return found
    }

    public var fillerCount: Int { fillers.reduce(0) { $0 + $1.count } }

    /// Indices (into `words`) of words that start the text or follow a clause break.
    static func clauseStartIndices(_ text: String) -> Set<Int> {
        var starts: Set<Int> = [0]
        var index = 0
        var current = ""
        var sawBreak = false
        var previous: Character = " "
        func finishWord() {
            guard !current.isEmpty else { return }
            index += 1
            current = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || ((character == "'" || character == "’") && !current.isEmpty)
            {
                if current.isEmpty && sawBreak {
                    starts.insert(index)
                    sawBreak = false
                }
                current.append(character)
            } else {
                finishWord()
                if ",.;:!?—–()\"\n".contains(character) || (character == "-" && previous == " ") { sawBreak = true }
            }
            previous = character
        }
        return starts
    }

    // MARK: Numbers

    /// Number words and their values, for reading numbers written out ("forty", "two hundred").
    static let numberWordValues: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    ]
    static let numberMultipliers: [String: Int] = ["hundred": 100, "thousand": 1000, "million": 1_000_000]

    /// The numbers the answer gives, in order, each once: digits as written without thousands
    /// separators ("1,200" → "1200", "4.5" stays), and written-out numbers as digits
    /// ("forty" → "40", "two hundred" → "200"). A lone "one" is not counted: it is usually a pronoun.
    public var numbers: [String] {
        var found: [String] = []
        func add(_ value: String) { if !found.contains(value) { found.append(value) } }
        // Digits from the raw text, so "4.5" and "1,200" keep their shape.
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber else {
                index += 1
                continue
            }
            var value = ""
            while index < characters.count {
                let character = characters[index]
                if character.isASCII && character.isNumber {
                    value.append(character)
                    index += 1
                } else if character == "," || character == ".", index + 1 < characters.count,
                    characters[index + 1].isASCII, characters[index + 1].isNumber, !value.isEmpty
                {
                    if character == "." { value.append(".") }
                    index += 1
                } else {
                    break
                }
            }
            add(value)
        }
        // Written-out numbers: runs of number words.
        var runValue = 0
        var current = 0
        var runLength = 0
        var runHasOnlyOne = true
        var followsMultiplier = false
        func finishRun() {
            if runLength > 0 && !(runLength == 1 && runHasOnlyOne) { add(String(runValue + current)) }
            runValue = 0
            current = 0
            runLength = 0
            runHasOnlyOne = true
            followsMultiplier = false
        }
        for word in words {
            if let value = AnswerText.numberWordValues[word] {
                current += value
                runLength += 1
                followsMultiplier = false
                if word != "one" { runHasOnlyOne = false }
            } else if let multiplier = AnswerText.numberMultipliers[word] {
                followsMultiplier = true
                if multiplier == 100 {
                    current = max(current, 1) * 100
                } else {
                    runValue += max(current, 1) * multiplier
                    current = 0
                }
                runLength += 1
                runHasOnlyOne = false
            } else if word == "and" && followsMultiplier {
                continue
            } else {
                finishRun()
            }
        }
        finishRun()
        return found
    }

    // MARK: I and we

    public static let singularFirstPerson: Set<String> = [
        "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself",
    ]
    public static let pluralFirstPerson: Set<String> = [
        "we", "we're", "we've", "we'd", "we'll", "us", "our", "ours", "ourselves",
    ]

    /// Words that speak of the candidate alone: "I", "me", "my", …
    public var singularFirstPersonCount: Int { words.filter(AnswerText.singularFirstPerson.contains).count }
    /// Words that speak of a group: "we", "us", "our", …
    public var pluralFirstPersonCount: Int { words.filter(AnswerText.pluralFirstPerson.contains).count }

    // MARK: Situation → action → result

    /// Which parts of a situation → action → result story were found, each after the one before
    /// (`AnswerShapes.swift`).
    public struct StoryShape: Equatable, Sendable, Codable {
        public var hasSituation: Bool
        public var hasAction: Bool
        public var hasResult: Bool
        public var isComplete: Bool { hasSituation && hasAction && hasResult }
        public var partsFound: Int { [hasSituation, hasAction, hasResult].filter { $0 }.count }

        enum CodingKeys: String, CodingKey {
            case hasSituation = "situation"
            case hasAction = "action"
            case hasResult = "result"
        }
    }

    // MARK: Comparing answers

    /// Common short words left out when comparing two answers.
    public static let comparisonStopWords: Set<String> = [
        "about", "after", "again", "also", "because", "been", "before", "being",
        "could", "did", "does", "doing", "each", "even", "from", "have", "having", "here", "into", "just", "like",
        "made", "make",
        "many", "more", "most", "much", "only", "other", "over", "really", "same", "should", "some", "such", "than",
        "that", "their",
        "them", "then", "there", "these", "they", "thing", "things", "this", "those", "very", "want", "were", "what",
        "when",
        "where", "which", "while", "will", "with", "would", "your", "yours", "i'm", "i've", "i'd", "i'll", "we're",
        "we've",
        "it's", "that's", "don't", "didn't", "wasn't", "know", "think", "basically", "actually", "literally", "maybe",
        "probably",
    ]

    /// Words of four letters or more that carry content, each once, in a simple singular form
    /// ("customers" → "customer"), for comparing an answer with an earlier one.
    public var keyWords: Set<String> {
        Set(
            words.filter { $0.count >= 4 && !AnswerText.comparisonStopWords.contains($0) && !$0.allSatisfy(\.isNumber) }
                .map(AnswerText.singular))
    }

    /// A simple singular form: "policies" → "policy", "customers" → "customer"; "process", "status" stay.
    public static func singular(_ word: String) -> String {
        if word.count > 4 && word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us")
            && !word.hasSuffix("is")
        {
            return String(word.dropLast())
        }
        return word
    }
}
