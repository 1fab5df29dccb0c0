/// What a coach listens for in an answer, by question type: numbers and quantities, a past
/// example, the situation → action → result story (behavioural), a plan (situational),
/// specifics about the company and role (motivational) and reasons (technical). Every list is
/// matched on word stems (`WordStems`) and documented, with its reason, in docs/review-rules.md.
extension AnswerText {
    // MARK: Numbers and quantities

    /// Number words that always give a quantity.
    public static let numberWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
        "forty",
        "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million",
        "millions",
        "dozen", "dozens", "half", "halved", "double", "doubled", "triple", "tripled", "percent", "twice", "quarter",
        "third",
        "thirds", "couple",
    ]

    /// Quantity phrases and approximations: "a couple of", "half the team", "twice a week", "a handful".
    public static let quantityPhrases = [
        "a couple of", "a handful", "a few hundred", "a few thousand", "half the", "half of",
        "a third of", "a quarter of", "twice a", "three times", "once a week", "once a day", "once a month",
        "every week",
        "every day", "every month", "every year", "each month", "each week", "per cent", "per day", "per week",
        "per hour",
        "per month", "one in", "out of",
    ]
    static let quantityPatterns = StemPhrase.list(quantityPhrases)

    /// The quantity the answer gives (a number, a number word or a quantity phrase), as written; nil when none.
    public var quantityEvidence: String? {
        if let number = numbers.first { return number }
        if let word = words.first(where: AnswerText.numberWords.contains) { return word }
        return firstMatch(of: AnswerText.quantityPatterns, gaps: false)
    }

    /// Digits, a number word, or a quantity phrase ("a dozen", "half the team", "twice a week").
    public var hasNumber: Bool { quantityEvidence != nil }

    // MARK: Actions

    /// Past actions that count after "I"/"we" even where the "-ed" rule would miss them.
    public static let pastActionVerbs: Set<String> = [
        "handled", "led", "built", "managed", "fixed", "solved", "created", "worked",
        "helped", "called", "wrote", "ran", "set", "started", "changed", "resolved", "designed", "launched", "trained",
        "noticed",
        "decided", "asked", "took", "made", "found", "spoke", "talked", "moved", "organised", "organized", "delivered",
        "shipped",
        "reduced", "improved", "increased", "negotiated", "closed", "cared", "escalated", "analysed", "analyzed",
        "presented",
        "explained", "told", "gave", "sent", "met", "kept", "got", "went", "brought", "taught", "sat", "paid", "won",
        "lost",
        "chose", "drew", "drove", "read", "rang", "began", "cut", "put", "split", "sold", "bought", "caught", "thought",
        "rebuilt",
        "rewrote", "flew", "held", "left", "stood", "spent", "did", "saw", "heard", "felt", "came", "ate", "rose",
        "fell",
    ]

    /// Words ending in "-ed" that are not past actions.
    static let notPastTense: Set<String> = [
        "need", "needed", "feed", "speed", "seed", "bed", "red", "shed", "indeed", "hundred",
        "exceed", "proceed", "succeed", "tired", "bored", "scared", "worried", "excited", "interested", "used",
        "supposed",
        "based", "related", "limited", "detailed", "experienced", "qualified", "skilled", "advanced", "varied", "aged",
        "sacred",
    ]

    /// Verbs of doing, as stems: "I call", "I'd check", "we'll escalate" are steps of a plan.
    static let actionStems: Set<String> = Set(
        WordStems.stems(of: [
            "call", "check", "ask", "read", "review", "tell", "talk",
            "listen", "write", "look", "escalate", "prioritise", "prioritize", "triage", "confirm", "apologise",
            "apologize", "explain",
            "offer", "set", "schedule", "meet", "contact", "find", "fix", "test", "measure", "track", "send", "email",
            "update",
            "document", "plan", "map", "book", "involve", "bring", "loop", "flag", "raise", "reproduce", "roll", "page",
            "start",
            "begin", "speak", "agree", "sit", "go", "make", "get", "give", "take", "put", "open", "pull", "run", "walk",
            "introduce",
            "learn", "shadow", "meet", "build", "ship", "design", "split", "compare", "gather", "collect", "interview",
            "prepare",
            "note", "record", "report", "assess", "monitor", "reassure", "acknowledge", "summarise", "summarize",
            "follow", "stop",
            "pause", "move", "handle", "manage", "lead", "own", "share", "present", "propose", "suggest", "validate",
            "verify",
            "deploy", "revert", "restore", "investigate", "analyse", "analyze", "query", "segment", "chart", "draft",
            "phone", "ring",
            "visit", "assign", "delegate", "hand", "inform", "warn", "alert", "refund", "credit", "replace", "arrange",
            "promise",
            "commit", "text", "message", "reach", "say", "tell", "put", "greet", "observe", "measure", "calm",
            "support", "help", "teach", "train", "coach",
        ]))

    /// Words that may stand between "I"/"we" and the verb: "I quickly called", "I'd then check".
    static let subjectFillers: Set<String> = [
        "would", "'d", "will", "'ll", "then", "also", "first", "quickly", "immediately",
        "personally", "actually", "just", "can", "could", "should", "might", "going", "to", "want", "try", "always",
        "still",
        "never", "later", "finally", "eventually", "maybe", "probably", "really", "myself", "together", "instead",
        "soon",
    ]

    /// Where "I"/"we" is followed, within two words, by a past action ("I called", "we quickly rolled back"): the verb's index.
    public var pastActionIndex: Int? { firstPersonVerb(past: true)?.verb }

    /// "I"/"we" + a past action as written ("I called"), for showing why an example was found.
    public var pastActionEvidence: String? {
        firstPersonVerb(past: true).map { "\(words[$0.subject] == "i" ? "I" : words[$0.subject]) \(words[$0.verb])" }
    }

    static func isPastTense(_ word: String) -> Bool {
        if pastActionVerbs.contains(word) { return true }
        return word.count >= 5 && word.hasSuffix("ed") && !notPastTense.contains(word) && word.allSatisfy(\.isLetter)
    }

    func firstPersonVerb(past: Bool, from start: Int = 0) -> (subject: Int, verb: Int)? {
        let subjects: Set<String> = past ? ["i", "we"] : ["i", "we", "i'd", "we'd", "i'll", "we'll", "i'm", "we're"]
        guard start < words.count else { return nil }
        for index in start..<words.count where subjects.contains(words[index]) {
            var next = index + 1
            var skipped = 0
            while next < words.count, skipped < 3 {
                let word = words[next]
                if past ? AnswerText.isPastTense(word) : AnswerText.actionStems.contains(stems[next]) {
                    return (index, next)
                }
                guard
                    AnswerText.subjectFillers.contains(word)
                        || (!past && ["would", "will", "going", "to", "want", "need", "can"].contains(word))
                else { break }
                next += 1
                skipped += 1
            }
        }
        return nil
    }

    // MARK: A past example (behavioural)

    public static let examplePhrases = [
        "for example", "for instance", "one time", "last year", "last month", "last week",
        "i remember", "when i was", "at my last", "in my last", "in my previous", "in my current", "there was a time",
        "once",
        "recently", "years ago", "months ago", "a while ago", "in my first job", "back when",
    ]
    static let examplePatterns = StemPhrase.list(examplePhrases)

    /// A concrete story: an example phrase, or "I"/"we" followed by a past-tense action.
    public var hasExample: Bool { exampleEvidence != nil }

    /// The phrase that made `hasExample` true: an example phrase, or "I/we + action".
    public var exampleEvidence: String? {
        firstMatch(of: AnswerText.examplePatterns, gaps: false) ?? pastActionEvidence
    }

    // MARK: Situation → action → result (behavioural)

    /// Phrases that set a scene.
    public static let situationPhrases = [
        "when", "there was", "we had", "i had", "at my", "in my", "last year", "one time",
        "the problem", "the situation", "a customer", "a client", "a patient", "ago", "during", "while", "i was",
        "we were",
        "our team", "my team", "at the time", "back in",
    ]
    static let situationPatterns = StemPhrase.list(situationPhrases)
    /// Words before the first action that count as a scene even without a situation phrase.
    public static let sceneWords = 8

    /// Phrases that report an outcome.
    public static let resultPhrases = [
        "result", "so that", "which meant", "in the end", "outcome", "led to", "as a result",
        "went from", "no longer", "from then on", "since then", "ever since", "by the end", "afterwards", "it worked",
        "thanks to",
        "went down", "went up", "came down", "came back", "was back", "were back", "back up", "back to", "the next day",
        "the following", "feedback", "thanked", "never again", "still", "down to", "up to", "down from", "up from",
        "fewer",
        "less", "faster", "again", "from the next", "the next week", "the next month", "by the next",
    ]
    static let resultPatterns = StemPhrase.list(resultPhrases)
    /// Verbs that report an outcome whoever did it ("she stayed", "we renewed", "churn dropped"), as stems.
    public static let outcomeStems: Set<String> = Set(
        WordStems.stems(of: [
            "stayed", "renewed", "resolved", "recovered",
            "returned", "signed", "won", "passed", "improved", "reduced", "increased", "dropped", "fell", "rose",
            "grew", "halved",
            "doubled", "tripled", "saved", "stopped", "ended", "succeeded", "hit", "exceeded", "beat", "adopted",
            "praised",
            "retained", "agreed", "accepted", "calmed", "settled", "cleared", "shortened", "lowered", "raised",
            "avoided", "prevented",
            "promoted", "launched", "shipped", "closed", "converted", "upgraded", "thanked", "kept", "met", "delivered",
            "finished",
            "completed", "solved", "fixed", "reached", "earned", "gained", "cut", "apologised", "complimented",
            "discharged",
            "matched", "recovered", "settled", "stabilised", "stabilized", "improved", "rose", "lifted", "sped",
        ]))

    /// Words before a number that make it an outcome: "to 4", "by 30%", "from 52% to 45%".
    public static let changePrepositions: Set<String> = [
        "to", "by", "from", "at", "under", "over", "within", "only", "below", "above",
    ]

    /// The index after which a result counts: the past action if there is one.
    private var resultSearchStart: Int { pastActionIndex.map { $0 + 1 } ?? 0 }

    /// The words that report a result after the action ("churn dropped", "she stayed", "down to 4"), or nil.
    public var resultEvidence: String? {
        let start = resultSearchStart
        guard start < words.count else { return nil }
        var best: (index: Int, text: String)? = nil
        func consider(_ index: Int, _ text: String) {
            if best.map({ index < $0.index }) ?? true { best = (index, text) }
        }
        for phrase in AnswerText.resultPatterns {
            if let range = matchRange(phrase, gaps: false, from: start) {
                consider(range.lowerBound, words[range].joined(separator: " "))
            }
        }
        if let index = (start..<words.count).first(where: { AnswerText.outcomeStems.contains(stems[$0]) }) {
            let previous = index > 0 ? words[index - 1] + " " : ""
            consider(index, previous + words[index])
        }
        // A number after the action, led by a word of change, is what came of it ("down to 4",
        // "by 30%", "at 98% by March"); "for 40 managers" is not.
        if pastActionIndex != nil,
            let index = (start..<words.count).first(where: { index in
                (words[index].contains(where: \.isNumber) || AnswerText.numberWords.contains(words[index]))
                    && index > 0 && AnswerText.changePrepositions.contains(words[index - 1])
            })
        {
            consider(index, words[max(start, index - 1)...index].joined(separator: " "))
        }
        return best?.text
    }

    /// An outcome after the action, in any wording (`resultEvidence`).
    public var hasResult: Bool { resultEvidence != nil }

    /// Words that place a story in time: "in March", "one Tuesday", "on a night shift".
    public static let timeWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday",
        "sunday", "spring", "summer", "autumn", "fall", "winter", "q1", "q2", "q3", "q4", "quarter", "night", "morning",
        "evening", "shift", "year", "month", "week", "placement", "job", "role", "project",
    ]

    /// Indices (into `words`) of words that start a sentence (after . ! ? or a new line).
    static func sentenceStartIndices(_ text: String) -> Set<Int> {
        var starts: Set<Int> = [0]
        var index = 0
        var inWord = false
        var sawBreak = false
        for character in text {
            if character.isLetter || character.isNumber || ((character == "'" || character == "’") && inWord) {
                if !inWord && sawBreak {
                    starts.insert(index)
                    sawBreak = false
                }
                inWord = true
            } else {
                if inWord {
                    index += 1
                    inWord = false
                }
                if ".!?\n".contains(character) { sawBreak = true }
            }
        }
        return starts
    }

    /// The scene-setting words, or nil: a situation phrase, a time word, a number or a name in
    /// the answer's first part (up to the first action, or in the same sentence as it: "I lost a
    /// deal after the owner went quiet"), or enough words before the first action.
    public var situationEvidence: String? {
        let action = pastActionIndex
        let sentenceEnd =
            action.flatMap { index in AnswerText.sentenceStartIndices(text).sorted().first { $0 > index } }
            ?? words.count
        let end = action.map { max(min(words.count, $0 + AnswerText.sceneWords + 1), sentenceEnd) } ?? words.count
        for phrase in AnswerText.situationPatterns {
            if let range = matchRange(phrase, gaps: false), range.upperBound < end {
                return words[range].joined(separator: " ")
            }
        }
        let names = Set(WordStems.stems(of: properNouns.map { $0.lowercased() }))
        if let index = (0..<min(end, words.count)).first(where: {
            AnswerText.timeWords.contains(words[$0]) || words[$0].contains(where: \.isNumber)
                || names.contains(stems[$0])
        }) {
            return words[index]
        }
        if let action, action >= AnswerText.sceneWords {
            return words[0..<min(4, action)].joined(separator: " ") + " …"
        }
        return nil
    }

    /// The parts of a situation → action → result shape: a scene before the first past action by
    /// "I"/"we", then an outcome after it.
    public var storyShape: StoryShape {
        StoryShape(hasSituation: situationEvidence != nil, hasAction: pastActionIndex != nil, hasResult: hasResult)
    }

    /// A situation → action → result shape, all three parts in order.
    public var hasSituationActionResult: Bool { storyShape.isComplete }

    // MARK: A plan (situational)

    /// Which parts of a plan an answer to "what would you do?" gives.
    public struct PlanShape: Equatable, Sendable, Codable {
        /// Concrete first steps: "I'd call", "first I check", or what they did last time.
        public var steps: String?
        /// An order: two or more of "first", "then", "next", "after that", "before", "finally", …
        public var order: String?
        /// Who they would involve: a person or a team.
        public var involves: String?
        /// How they would know it worked: "check", "confirm", "follow up", "measure", a target.
        public var check: String?

        public var partsFound: Int { [steps, order, involves, check].filter { $0 != nil }.count }
        /// Concrete steps and at least two of the other three parts.
        public var isComplete: Bool { steps != nil && partsFound >= 3 }
        /// The names of the parts not found, for messages.
        public var missing: [String] {
            [
                steps == nil ? "concrete first steps" : nil, order == nil ? "an order" : nil,
                involves == nil ? "who you would involve" : nil, check == nil ? "how you would know it worked" : nil,
            ].compactMap { $0 }
        }
    }

    public static let orderWords = [
        "first", "firstly", "then", "next", "after that", "afterwards", "second", "secondly",
        "third", "finally", "lastly", "before", "once", "straight away", "immediately", "to start", "start by",
        "begin by",
        "by the end", "within", "step",
    ]
    static let orderPatterns = StemPhrase.list(orderWords)
    public static let peopleWords: Set<String> = Set(
        WordStems.stems(of: [
            "manager", "lead", "team", "colleague", "supervisor",
            "engineer", "developer", "stakeholder", "doctor", "nurse", "family", "owner", "designer",
            "support", "sales", "boss", "peer", "partner", "vendor", "finance", "legal", "security", "mentor",
            "analyst",
            "director", "head", "everyone", "ops", "operations", "physician", "consultant", "pharmacist", "relative",
            "buyer",
            "champion", "sponsor", "leadership", "qa", "tester", "oncall", "staff", "registrar", "scheduler",
            "dispatcher",
            "specialist", "technician", "outreach", "cfo", "ceo", "founder", "marketing", "product", "engineering",
            "secondary",
            "pm", "colleagues", "help",
        ]))
    /// Verbs (and prepositions) that bring someone in, as stems.
    static let involvingStems: Set<String> = Set(
        WordStems.stems(of: [
            "ask", "call", "tell", "get", "involve", "loop", "escalate",
            "bring", "page", "inform", "alert", "update", "email", "text", "with", "to", "pull", "wake", "walk",
            "brief", "contact",
            "ring", "phone", "message", "show", "share", "raise", "flag", "warn", "consult", "meet", "agree", "work",
            "grab", "fetch",
            "let", "find",
        ]))
    public static let checkPhrases = [
        "check", "confirm", "measure", "track", "monitor", "follow up", "make sure", "success",
        "metric", "see if", "see whether", "feedback", "verify", "test", "watch", "know it worked",
        "know that it worked",
        "compare", "dashboard", "target", "goal", "by the end", "outcome", "result", "signal", "sign that", "reassess",
        "observations", "callback", "call back",
    ]
    static let checkPatterns = StemPhrase.list(checkPhrases)

    /// The parts of a plan found in the answer.
    public var planShape: PlanShape {
        var shape = PlanShape()
        if let (subject, verb) = firstPersonVerb(past: false) ?? firstPersonVerb(past: true) {
            shape.steps = words[subject...verb].joined(separator: " ")
        } else if let index = words.firstIndex(where: { ["first", "firstly"].contains($0) }), index + 1 < words.count,
            AnswerText.actionStems.contains(stems[index + 1])
        {
            shape.steps = words[index...(index + 1)].joined(separator: " ")
        } else if let index = AnswerText.clauseStartIndices(text).sorted().first(where: {
            $0 < words.count && AnswerText.actionStems.contains(stems[$0])
        }) {
            // An instruction: "Call the champion first, then …".
            shape.steps = words[index...min(words.count - 1, index + 2)].joined(separator: " ")
        }
        var markers: [String] = []
        for phrase in AnswerText.orderPatterns {
            var start = 0
            while let range = matchRange(phrase, gaps: false, from: start) {
                markers.append(words[range].joined(separator: " "))
                start = range.upperBound + 1
            }
        }
        if markers.count >= 2 { shape.order = markers.prefix(3).joined(separator: ", ") }
        // Someone brought in: a person or team within four words after a verb of involving ("ask my
        // team lead", "loop in support", "share it with marketing"); "most nurses would" is nobody.
        if let index = stems.indices.first(where: { index in
            AnswerText.peopleWords.contains(stems[index])
                && (max(0, index - 4)..<index).contains { AnswerText.involvingStems.contains(stems[$0]) }
        }) {
            shape.involves = words[index]
        }
        shape.check = firstMatch(of: AnswerText.checkPatterns, gaps: true)
        return shape
    }

    // MARK: Specifics (motivational)

    /// Nouns that say nothing specific after "your": "your company", "your team".
    public static let genericNouns: Set<String> = [
        "company", "team", "organisation", "organization", "business", "culture",
        "values", "mission", "people", "role", "job", "position", "opportunity", "brand", "reputation", "environment",
        "place",
        "work", "industry", "growth", "success", "vision",
    ]

    /// Words of company names that say nothing on their own: "General Hospital", "Home Energy".
    public static let genericCompanyWords: Set<String> = [
        "the", "and", "general", "hospital", "home", "energy", "systems", "pay",
        "kitchens", "freight", "group", "ltd", "inc", "company", "services", "solutions", "bank", "health", "care",
        "trust",
        "university", "software", "technologies", "labs", "partners", "international", "global", "national", "city",
        "valley",
    ]

    /// Specific things the answer says about the company and role: the company's name, a named
    /// product or place (a capitalised word inside a sentence), "your" + a specific noun, a number.
    public func specifics(company: String) -> [String] {
        var found: [String] = []
        func add(_ item: String) { if !found.contains(item) { found.append(item) } }
        let companyWords = Set(
            WordStems.stems(
                of: Words.tokenize(company).filter { $0.count >= 3 && !AnswerText.genericCompanyWords.contains($0) }))
        if let index = stems.indices.first(where: { companyWords.contains(stems[$0]) }) { add(words[index]) }
        // "Quayside's same-day settlement": something of the company's, named.
        for index in stems.indices
        where companyWords.contains(stems[index]) && words[index].hasSuffix("'s") && index + 1 < words.count {
            let next = words[index + 1]
            if !AnswerText.genericNouns.contains(next), !AnswerText.comparisonStopWords.contains(next) {
                add("\(words[index]) \(next)")
            }
        }
        for (index, word) in words.enumerated() where (word == "your" || word == "you're") && index + 1 < words.count {
            let next = words[index + 1]
            if next.count >= 4, !AnswerText.genericNouns.contains(next), !AnswerText.comparisonStopWords.contains(next)
            {
                add("your \(next)")
            }
        }
        for name in properNouns where !companyWords.contains(WordStems.stem(name.lowercased())) { add(name) }
        if let number = numbers.first { add(number) }
        return found
    }

    /// Capitalised words that do not start a sentence (names, products, places), each once.
    public var properNouns: [String] {
        var found: [String] = []
        var atStart = true
        var current = ""
        func finish() {
            if !current.isEmpty, !atStart, current.first?.isUppercase == true, current != "I", !current.hasPrefix("I'"),
                !found.contains(current)
            {
                found.append(current)
            }
            if !current.isEmpty { atStart = false }
            current = ""
        }
        for character in text {
            if character.isLetter || character.isNumber || (character == "'" && !current.isEmpty) {
                current.append(character)
            } else {
                finish()
                if ".!?\n:;\"".contains(character) { atStart = true }
            }
        }
        finish()
        return found
    }

    // MARK: Reasons (technical)

    public static let reasonPhrases = [
        "because", "so that", "since", "which means", "trade-off", "trade off", "tradeoff",
        "instead of", "rather than", "the reason", "why", "otherwise", "to avoid", "in order to", "so we", "so i",
        "so it",
        "the downside", "the cost", "at the cost", "which is why", "that way", "to keep", "to stop", "to prevent",
    ]
    static let reasonPatterns = StemPhrase.list(reasonPhrases)

    /// The words that give a reason ("because", "instead of", "so that"), or nil.
    public var reasonEvidence: String? {
        firstMatch(of: AnswerText.reasonPatterns, gaps: false)
    }
}
