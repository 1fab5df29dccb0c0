/// What happened to each question of a session, counted from its transcript events: asked,
/// answered, skipped. The live session's summary and the review both count here, so they agree.
///
/// A question is skipped when `/skip` left its last showing unanswered and it was never answered.
/// Leaving it with `/redo` is no skip (it comes back), nor is a question still open at the end.
public struct QuestionTally: Equatable, Sendable {
    public private(set) var asked: Set<String> = []
    public private(set) var answered: Set<String> = []
    public private(set) var skipped: Set<String> = []

    public init() {}

    /// Counts every event of a transcript.
    public init(events: some Sequence<TranscriptEvent>) {
        for event in events { count(event) }
    }

    /// Takes one more event into account; events other than asks, answers and /skip change nothing.
    public mutating func count(_ event: TranscriptEvent) {
        switch event {
        case .ask(let ask) where ask.probe == nil:
            asked.insert(ask.question)
            skipped.remove(ask.question)
        case .answer(let answer) where answer.probe == nil:
            answered.insert(answer.question)
            skipped.remove(answer.question)
        case .command(let command) where command.name == SlashCommand.skip.name:
            if let question = command.question, asked.contains(question), !answered.contains(question) {
                skipped.insert(question)
            }
        default:
            break
        }
    }
}
