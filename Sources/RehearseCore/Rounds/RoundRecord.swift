/// What one round held, read back from its transcript: a real interview (a debrief) or a
/// practice session. The next round, the revisit order and the prep sheet are built from it.
public struct RoundRecord: Equatable, Sendable {
    /// A question asked in the round, who asked it, and the answer given (nil when none).
    public struct AskedQuestion: Equatable, Sendable {
        public var id: String
        public var text: String
        /// The interviewer id; empty when unknown.
        public var speaker: String
        public var answer: String?
    }

    /// A concern raised in the round, and by whom when known.
    public struct Concern: Equatable, Sendable {
        public var text: String
        public var speaker: String?
    }

    public var header: TranscriptHeader
    public var questions: [AskedQuestion]
    public var concerns: [Concern]
    public var wishes: [String]

    /// The scenario id that `repeats` uses to point at this round's questions.
    public var scenarioID: String { header.scenario.id }

    /// Reads the round's main questions (probes aside; the last answer to each), concerns and wishes.
    public init(_ transcript: Transcript) {
        header = transcript.header
        var questions: [AskedQuestion] = []
        for turn in QuestionTurn.turns(in: transcript.events) {
            let answer = turn.answers.isEmpty ? nil : turn.combinedText
            if let index = questions.firstIndex(where: { $0.id == turn.ask.question }) {
                if let answer { questions[index].answer = answer }
            } else {
                questions.append(
                    AskedQuestion(id: turn.ask.question, text: turn.ask.text, speaker: turn.ask.speaker, answer: answer)
                )
            }
        }
        self.questions = questions
        var concerns: [Concern] = []
        var wishes: [String] = []
        for event in transcript.events {
            guard case .note(let note) = event else { continue }
            switch note.about {
            case .concern?: concerns.append(Concern(text: note.text, speaker: note.speaker))
            case .wish?: wishes.append(note.text)
            case nil: break
            }
        }
        self.concerns = concerns
        self.wishes = wishes
    }

    /// The interviewer who asked the most questions (the first of them on a tie), else the first one.
    public var leadInterviewer: Interviewer? {
        let counts = Dictionary(questions.map { ($0.speaker, 1) }, uniquingKeysWith: +)
        return header.interviewers.max { left, right in
            let a = counts[left.id] ?? 0
            let b = counts[right.id] ?? 0
            if a != b { return a < b }
            // Equal counts: the earlier in the list wins, so it must compare as the larger.
            return (header.interviewers.firstIndex(of: left) ?? 0) > (header.interviewers.firstIndex(of: right) ?? 0)
        }
    }

    /// What a concern is about, as an interviewer would say it: the words after "about" when
    /// there are any, with "my" turned into "your" ("asked twice about my lack of team-lead
    /// experience" → "your lack of team-lead experience").
    public static func topic(of concern: String) -> String {
        var text = concern.trimmingBlanks()
        let lowered = text.lowercased()
        for marker in [" about ", " whether ", " if "] {
            if let range = lowered.firstRange(of: marker) {
                let offset = lowered.distance(from: lowered.startIndex, to: range.upperBound)
                let rest = String(text.dropFirst(offset))
                if !rest.trimmingBlanks().isEmpty {
                    text = marker == " about " ? rest : String(marker.dropFirst()) + rest
                }
                break
            }
        }
        while let last = text.last, ".!?;:".contains(last) { text.removeLast() }
        let swaps = [
            "my": "your", "i": "you", "me": "you", "i'm": "you're", "myself": "yourself", "mine": "yours",
            "i've": "you've",
        ]
        return text.split(separator: " ", omittingEmptySubsequences: true).map { word in
            swaps[word.lowercased()] ?? String(word)
        }.joined(separator: " ")
    }

    /// The words a concern's answer should use: its longer words, lowercased, each once.
    public static func keyWords(of concern: String) -> [String] {
        let skipped: Set<String> = [
            "asked", "twice", "seemed", "worried", "concern", "concerned", "about", "whether", "really", "think",
            "thought", "maybe", "their", "there", "which", "would", "could", "should", "being", "lack", "little",
            "your", "with", "that", "have", "they", "them", "were", "some", "much", "many", "more", "enough",
        ]
        var seen: Set<String> = []
        var words: [String] = []
        for word in AnswerText(topic(of: concern)).words
        where word.count >= 4 && !skipped.contains(word) && !seen.contains(word) {
            seen.insert(word)
            words.append(word)
        }
        return words
    }
}
