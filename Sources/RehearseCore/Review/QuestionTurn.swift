/// One question as it went in a session: the question, its answer, and the follow-ups asked
/// after it. A question answered again with /redo makes a second turn; a showing that got no
/// answer and was superseded (left with /redo and asked again, or answered in another turn) makes none.
public struct QuestionTurn: Equatable, Sendable {
    /// A follow-up question (a probe) and the answer to it, if one was given.
    public struct FollowUp: Equatable, Sendable {
        public var ask: TranscriptEvent.Ask
        public var answer: TranscriptEvent.Answer?
    }

    public var ask: TranscriptEvent.Ask
    public var answer: TranscriptEvent.Answer?
    public var followUps: [FollowUp] = []
    /// Whether /skip moved on before the question itself was answered.
    public var isSkipped = false
    /// Private notes written with /note while this question was open.
    public var notes: [String] = []

    public init(ask: TranscriptEvent.Ask) { self.ask = ask }

    /// Whether this turn answers the question again after /redo.
    public var isRedo: Bool { answer?.isRedo ?? false }

    /// Every answer in order: the question's own, then the follow-ups'.
    public var answers: [TranscriptEvent.Answer] { [answer].compactMap { $0 } + followUps.compactMap(\.answer) }

    /// The answer and follow-up answers as one text, as the probe rules saw them.
    public var combinedText: String { answers.map(\.text).joined(separator: "\n") }

    /// Splits a transcript's events into question turns, in the order the questions were asked.
    public static func turns(in events: [TranscriptEvent]) -> [QuestionTurn] {
        var turns: [QuestionTurn] = []
        for event in events {
            switch event {
            case .ask(let ask) where ask.probe == nil:
                var turn = QuestionTurn(ask: ask)
                if let earlier = turns.lastIndex(where: { $0.ask.question == ask.question }),
                    turns[earlier].answers.isEmpty
                {
                    turn.notes = turns.remove(at: earlier).notes
                }
                turns.append(turn)
            case .ask(let ask):
                if let last = turns.indices.last, turns[last].ask.question == ask.question {
                    turns[last].followUps.append(FollowUp(ask: ask, answer: nil))
                } else {
                    turns.append(QuestionTurn(ask: ask))
                }
            case .answer(let answer):
                guard let last = turns.indices.last, turns[last].ask.question == answer.question else { continue }
                if answer.probe == nil, turns[last].answer == nil, turns[last].followUps.isEmpty {
                    turns[last].answer = answer
                } else if let index = turns[last].followUps.lastIndex(where: {
                    $0.answer == nil && $0.ask.probe == answer.probe
                }) {
                    turns[last].followUps[index].answer = answer
                } else if turns[last].answer == nil {
                    turns[last].answer = answer
                }
            case .command(let command) where command.name == "skip":
                if let last = turns.indices.last, turns[last].ask.question == command.question,
                    turns[last].answer == nil
                {
                    turns[last].isSkipped = true
                }
            case .note(let note) where note.about == nil:  // A debrief's concerns and wishes belong to no question.
                if let last = turns.indices.last, note.question == nil || turns[last].ask.question == note.question {
                    turns[last].notes.append(note.text)
                }
            default:
                break
            }
        }
        // A showing with no answer says nothing once the question was answered in another one.
        let answered = Set(turns.filter { !$0.answers.isEmpty }.map(\.ask.question))
        for index in turns.indices.reversed()
        where turns[index].answers.isEmpty && answered.contains(turns[index].ask.question) {
            let dropped = turns.remove(at: index)
            if let kept = turns.firstIndex(where: { $0.ask.question == dropped.ask.question && !$0.answers.isEmpty }) {
                turns[kept].notes += dropped.notes
            }
        }
        return turns
    }
}
