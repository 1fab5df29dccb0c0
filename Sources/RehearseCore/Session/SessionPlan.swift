/// What a session will do, fixed at its start from the scenario, the seed and any earlier
/// answers: the stages in order, the questions each asks, and where the candidate's questions come.
struct SessionPlan {
    /// One thing in the plan.
    enum Step {
        case stage(Int)
        case ask(PlannedQuestion)
        case candidateQuestions(Int)
    }

    /// A question the plan asks, with its place in the session and its time limit.
    struct PlannedQuestion {
        var stageIndex: Int
        var question: Question
        /// 1-based, among the questions asked (probes aside).
        var number: Int
        var limitSeconds: Int
        /// For a revisit: the earlier question it goes back to.
        var revisitOf: String?
    }

    let steps: [Step]
    /// How many questions the plan asks (probes and the candidate's questions aside).
    let questionCount: Int

    /// Chooses the questions: `pick` draws from `random` in stage order, so the same seed gives the same plan.
    init(scenario: Scenario, earlierAnswers: [EarlierAnswer], random: inout SeededGenerator) {
        var steps: [Step] = []
        var number = 0
        for (index, stage) in scenario.stages.enumerated() {
            steps.append(.stage(index))
            func add(_ question: Question, limit stageLimit: Int?, revisitOf: String? = nil) {
                number += 1
                let limit = question.timeLimitSeconds ?? stageLimit ?? scenario.timeLimitSeconds
                steps.append(
                    .ask(
                        PlannedQuestion(
                            stageIndex: index, question: question, number: number, limitSeconds: limit,
                            revisitOf: revisitOf)))
            }
            switch stage.content {
            case .questions(let questions):
                var chosen = Array(questions.questions.indices)
                if let pick = questions.pick, pick < chosen.count {
                    chosen.shuffle(using: &random)
                    chosen = Array(chosen.prefix(pick)).sorted()
                }
                chosen.forEach { add(questions.questions[$0], limit: nil) }
            case .revisit(let revisit):
                let earlier = Self.revisitChoices(earlierAnswers, count: revisit.pick)
                if earlier.isEmpty {
                    revisit.fallbackQuestions.forEach { add($0, limit: revisit.timeLimitSeconds) }
                }
                for answer in earlier {
                    let excerpt =
                        answer.answer.isEmpty
                        ? RevisitOrder.skippedAnswer : Self.excerpt(answer.answer, words: RevisitStage.excerptWords)
                    let text =
                        TextTemplate.render(
                            revisit.prompt, ["previous_question": answer.question, "previous_answer": excerpt])
                        + RevisitOrder.reminder(for: answer)
                    // The id stays distinct from this scenario's own questions; `revisitOf` names the earlier one.
                    let question = Question(
                        id: TranscriptEvent.Ask.revisitIDPrefix + answer.questionID, text: text,
                        timeLimitSeconds: revisit.timeLimitSeconds, talkingPoints: [], hint: RevisitStage.hint,
                        repeats: nil, maxProbes: 0, probes: [], place: stage.place)
                    add(question, limit: revisit.timeLimitSeconds, revisitOf: answer.questionID)
                }
            case .candidateQuestions:
                steps.append(.candidateQuestions(index))
            }
        }
        self.steps = steps
        questionCount = number
    }

    /// The earlier answers to revisit, in the order a returning interviewer would take them (`RevisitOrder`).
    static func revisitChoices(_ answers: [EarlierAnswer], count: Int) -> [EarlierAnswer] {
        RevisitOrder.choose(answers, count: count)
    }

    /// The first `limit` words of `text`, with an ellipsis when there were more.
    static func excerpt(_ text: String, words limit: Int) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        if words.count <= limit { return words.joined(separator: " ") }
        return words.prefix(limit).joined(separator: " ") + " …"
    }

    /// The plan's ask step before `index`, for /redo.
    func previousAsk(before index: Int) -> (index: Int, question: PlannedQuestion)? {
        for candidate in stride(from: index - 1, through: 0, by: -1) {
            if case .ask(let question) = steps[candidate] { return (candidate, question) }
        }
        return nil
    }

    /// Whether any question comes after step `index` (the candidate's questions aside).
    func hasQuestion(after index: Int) -> Bool {
        steps[(index + 1)...].contains { if case .ask = $0 { true } else { false } }
    }
}
