/// The interview as a state machine: it says what to show, takes the person's lines, and writes
/// the transcript as it goes. It does no terminal I/O; a front end shows `SessionOutput`s and
/// reads a line for each `prompt`. The questions are fixed at the start (`SessionPlan`), commands
/// are parsed once (`SlashCommand`), and the candidate's questions run in a `CandidateStage`.
public final class InterviewSession {
    public let scenario: Scenario
    public let options: SessionOptions
    private let clock: MonotonicClock
    private let recorder: TranscriptRecorder
    private var random: SeededGenerator
    private let plan: SessionPlan
    private var stepIndex = -1
    private var state: State = .notStarted
    private var startedAt: UInt64 = 0
    /// Asked, answered and skipped, counted from the events written (the review counts the same way).
    private var tally = QuestionTally()
    private var probeCounts: [String: Int] = [:]
    /// Think time of each question's latest answer (an answer given again with /redo replaces the first).
    private var thinkTimes: [(id: String, question: String, thinkMilliseconds: Int)] = []
    private var overLimit = 0
    private var candidateQuestionsAsked = 0
    private var hasWarnedAboutWriting = false
    public private(set) var status: TranscriptEvent.End.Status?

    /// A question (or one of its probes) on screen, waiting for an answer.
    struct OpenQuestion {
        var item: SessionPlan.PlannedQuestion
        var stepIndex: Int
        var probe: Probe?
        var text: String
        var shownAt: UInt64
        var pausedNanoseconds: UInt64 = 0
        var draft = AnswerDraft()
        var usedProbes: [Int] = []
        var answersSoFar: [String] = []
        var isRedo = false
        /// Whether the time-limit notice was recorded; it is then not shown again for this question.
        var hasNotice = false
    }

    enum State {
        case notStarted
        case asking(OpenQuestion)
        case paused(OpenQuestion, since: UInt64)
        case candidate(CandidateStage)
        case finished
    }

    /// Prepares a session; questions are chosen here, from the seed.
    public init(scenario: Scenario, options: SessionOptions, clock: MonotonicClock, recorder: TranscriptRecorder) {
        self.scenario = scenario
        self.options = options
        self.clock = clock
        self.recorder = recorder
        var random = SeededGenerator(seed: options.seed)
        plan = SessionPlan(scenario: scenario, earlierAnswers: options.earlierAnswers, random: &random)
        self.random = random
    }

    // MARK: Public interface

    /// How many questions the session plans to ask (probes and the candidate's questions aside).
    public var plannedQuestions: Int { plan.questionCount }

    /// Asks the person to rate the session 1–5 before the end line is written (nil skips), when a
    /// session with answers ends by completing or quitting. It gets the output not yet shown, to show first.
    public var selfRatingQuestion: ((_ pending: [SessionOutput], _ status: TranscriptEvent.End.Status) -> Int?)?

    public var isFinished: Bool { if case .finished = state { true } else { false } }

    /// What to read next; nil once the session has ended.
    public var prompt: PromptRequest? {
        switch state {
        case .notStarted, .finished: return nil
        case .asking(let open):
            let deadline = open.hasNotice ? nil : deadline(open)
            let notice = open.hasNotice ? nil : limitNotice(open)
            if !open.draft.isEmpty {
                return PromptRequest(
                    kind: .continuation, label: PromptLabel.continuation, deadline: deadline, deadlineNotice: notice)
            }
            let label = PromptLabel.question(
                number: open.item.number, of: plan.questionCount,
                askedBy: interviewer(forStage: open.item.stageIndex).name)
            return PromptRequest(kind: .answer, label: label, deadline: deadline, deadlineNotice: notice)
        case .paused:
            return PromptRequest(kind: .paused, label: PromptLabel.paused, deadline: nil, deadlineNotice: nil)
        case .candidate(let stage):
            if !stage.draft.isEmpty {
                return PromptRequest(
                    kind: .continuation, label: PromptLabel.continuation, deadline: nil, deadlineNotice: nil)
            }
            let interviewer = interviewer(forStage: stage.stageIndex)
            return PromptRequest(
                kind: .candidateQuestion, label: PromptLabel.candidateQuestion(for: interviewer.name), deadline: nil,
                deadlineNotice: nil)
        }
    }

    /// Writes the header and returns what to show before the first prompt.
    public func start() throws -> [SessionOutput] {
        startedAt = clock.now()
        try recorder.begin(header)
        var output: [SessionOutput] = []
        advance(&output)
        return output
    }

    /// The transcript header for this session.
    public var header: TranscriptHeader {
        TranscriptHeader(
            session: options.sessionID,
            scenario: .init(
                id: scenario.id, title: scenario.title, checksum: scenario.checksum, path: scenario.sourcePath),
            kind: scenario.kind, role: scenario.role, roleTitle: scenario.roleTitle, company: company,
            candidate: options.candidate, interviewers: scenario.interviewers, seed: options.seed,
            started: options.startedAt, appVersion: options.appVersion, previousTranscript: options.earlierTranscriptID)
    }

    /// Takes one line the person submitted (without its newline) and how it was typed.
    /// `noticeShownAt` is when the time-limit notice appeared while the line was typed, if it did.
    public func submit(_ line: String, typing: TypingRecord, noticeShownAt: UInt64? = nil) -> [SessionOutput] {
        var output: [SessionOutput] = []
        switch state {
        case .notStarted, .finished:
            break
        case .asking(var open):
            if let noticeShownAt, !open.hasNotice {
                recordNotice(for: &open, shownAt: noticeShownAt, typing: typing, &output)
                state = .asking(open)
            }
            handleAnswerLine(line, typing: typing, open: open, &output)
        case .paused(let open, let since):
            handlePausedLine(line, open: open, since: since, &output)
        case .candidate(let stage):
            handleCandidateLine(line, typing: typing, stage: stage, &output)
        }
        return output
    }

    /// Input ended (Ctrl-D, or the end of piped input): the session ends as quit.
    public func endOfInput() -> [SessionOutput] {
        var output: [SessionOutput] = []
        finish(.quit, reason: "end of input", &output)
        return output
    }

    /// The process is being stopped (a signal, or Ctrl-C confirmed): writes the end line as interrupted.
    public func interrupt(reason: String) -> [SessionOutput] {
        var output: [SessionOutput] = []
        finish(.interrupted, reason: reason, &output)
        return output
    }

    // MARK: Flow

    private var company: String { options.company ?? scenario.company }

    private func variables(stageIndex: Int) -> [String: String] {
        TextTemplate.commonValues(
            candidate: options.candidate, company: company, roleTitle: scenario.roleTitle,
            interviewer: interviewer(forStage: stageIndex), panel: scenario.interviewers)
    }

    private func render(_ text: String, stageIndex: Int) -> String {
        TextTemplate.render(text, variables(stageIndex: stageIndex))
    }

    private func interviewer(forStage index: Int) -> Interviewer {
        scenario.interviewer(id: scenario.stages[index].interviewerID) ?? scenario.interviewers[0]
    }

    private func elapsed() -> Int { milliseconds(since: clock.now()) }

    /// Milliseconds from the session's start to a monotonic time.
    private func milliseconds(since time: UInt64) -> Int { AnswerDraft.milliseconds(time &- startedAt) }

    private func deadline(_ open: OpenQuestion) -> UInt64 {
        open.shownAt + UInt64(open.item.limitSeconds) * 1_000_000_000
    }

    private func limitNotice(_ open: OpenQuestion) -> String {
        "⏱ \(open.item.limitSeconds) s have passed for this question. Finish your thought; your text is kept."
    }

    /// Records the time-limit notice at the moment it was shown, with what had been typed by then.
    private func recordNotice(
        for open: inout OpenQuestion, shownAt: UInt64, typing: TypingRecord, _ output: inout [SessionOutput]
    ) {
        open.hasNotice = true
        let typed = open.draft.typedText(currentLine: typing, at: shownAt)
        record(
            .notice(
                .init(
                    t: milliseconds(since: min(shownAt, clock.now())), text: limitNotice(open),
                    question: open.item.question.id,
                    typed: typed)), durable: false, &output)
    }

    /// Moves to the next step of the plan and shows it, until something needs the person's input.
    private func advance(_ output: inout [SessionOutput]) {
        while true {
            stepIndex += 1
            guard stepIndex < plan.steps.count else {
                finish(.completed, reason: nil, &output)
                return
            }
            switch plan.steps[stepIndex] {
            case .stage(let index):
                let stage = scenario.stages[index]
                let interviewer = interviewer(forStage: index)
                let title = stage.title.map { render($0, stageIndex: index) }
                output.append(.stage(title: title, interviewer: interviewer))
                record(
                    .stage(.init(t: elapsed(), stage: stage.id, title: title, interviewer: interviewer.id)),
                    durable: false, &output)
                for line in stage.lines {
                    say(interviewer, render(line, stageIndex: index), &output)
                }
            case .ask(let item):
                ask(item, stepIndex: stepIndex, isRedo: false, &output)
                return
            case .candidateQuestions(let index):
                guard let content = scenario.stages[index].candidateQuestions else { continue }
                state = .candidate(
                    CandidateStage(
                        stageIndex: index, content: content,
                        suggestions: CandidateQuestionSuggestions.suggestions(
                            roleTitle: scenario.roleTitle, company: company, kind: scenario.kind)))
                return
            }
        }
    }

    private func say(_ interviewer: Interviewer, _ text: String, _ output: inout [SessionOutput]) {
        output.append(.say(interviewer, text))
        record(.say(.init(t: elapsed(), speaker: interviewer.id, text: text)), durable: false, &output)
    }

    private func ask(_ item: SessionPlan.PlannedQuestion, stepIndex: Int, isRedo: Bool, _ output: inout [SessionOutput])
    {
        let text = render(item.question.text, stageIndex: item.stageIndex)
        var open = OpenQuestion(item: item, stepIndex: stepIndex, probe: nil, text: text, shownAt: clock.now())
        open.isRedo = isRedo
        show(open, &output)
        let question = item.question
        record(
            .ask(
                .init(
                    t: elapsed(), question: question.id, speaker: interviewer(forStage: item.stageIndex).id, text: text,
                    number: item.number, total: plan.questionCount, limitSeconds: item.limitSeconds, probe: nil,
                    repeats: question.repeats,
                    talkingPoints: question.talkingPoints.isEmpty ? nil : question.talkingPoints,
                    revisitOf: item.revisitOf, questionType: question.type)),
            durable: false, &output)
        state = .asking(open)
    }

    private func show(_ open: OpenQuestion, _ output: inout [SessionOutput]) {
        output.append(
            .question(
                QuestionPrompt(
                    interviewer: interviewer(forStage: open.item.stageIndex), text: open.text,
                    number: open.item.number, total: plan.questionCount,
                    limitSeconds: open.item.limitSeconds, isProbe: open.probe != nil)))
    }

    // MARK: Answers and commands

    private func handleAnswerLine(
        _ line: String, typing: TypingRecord, open: OpenQuestion, _ output: inout [SessionOutput]
    ) {
        var open = open
        if open.draft.isEmpty, let command = SlashCommand.parse(line) {
            handleCommand(command, open: open, &output)
            return
        }
        if open.draft.isEmpty && line.trimmingBlanks().isEmpty {
            show(open, &output)
            return
        }
        let text = open.draft.isEmpty ? SlashCommand.unescaped(line) : line
        if open.draft.continueIfMarked(text, typing: typing) {
            state = .asking(open)
            return
        }
        let (joined, keys) = open.draft.finished(with: text, typing: typing)
        let fullText = joined.trimmingWhitespace()
        open.draft = AnswerDraft()
        if fullText.isEmpty {
            state = .asking(open)
            show(open, &output)
            return
        }
        let timing = AnswerDraft.timing(
            keys: keys, shownAt: open.shownAt, submittedAt: typing.submittedAt,
            pausedNanoseconds: open.pausedNanoseconds, limitSeconds: open.item.limitSeconds)
        let steps = AnswerDraft.typingSteps(keys, shownAt: open.shownAt)
        record(
            .answer(
                .init(
                    t: elapsed(), question: open.item.question.id, probe: open.probe?.condition.name, text: fullText,
                    isRedo: open.isRedo ? true : nil, timing: timing, typing: steps)), durable: true, &output)
        if open.probe == nil {
            thinkTimes.removeAll { $0.id == open.item.question.id }
            thinkTimes.append((open.item.question.id, open.text, timing.thinkMilliseconds))
            if timing.isOverLimit { overLimit += 1 }
        }
        open.answersSoFar.append(fullText)
        if let (index, probe) = nextProbe(for: open) {
            askProbe(probe, index: index, open: open, &output)
        } else {
            acknowledge(open, &output)
            continueAfter(open, &output)
        }
    }

    private func nextProbe(for open: OpenQuestion) -> (Int, Probe)? {
        let question = open.item.question
        guard open.usedProbes.count < question.maxProbes else { return nil }
        let answer = AnswerText(open.answersSoFar.joined(separator: "\n"))
        for (index, probe) in question.probes.enumerated() where !open.usedProbes.contains(index) {
            if ProbeRules.holds(
                probe.condition, for: answer, talkingPoints: question.talkingPoints, type: question.type,
                company: company)
            {
                return (index, probe)
            }
        }
        return nil
    }

    private func askProbe(_ probe: Probe, index: Int, open: OpenQuestion, _ output: inout [SessionOutput]) {
        var next = open
        next.probe = probe
        next.usedProbes.append(index)
        next.text = render(probe.text, stageIndex: open.item.stageIndex)
        next.shownAt = clock.now()
        next.pausedNanoseconds = 0
        next.hasNotice = false
        probeCounts[probe.condition.name, default: 0] += 1
        show(next, &output)
        record(
            .ask(
                .init(
                    t: elapsed(), question: open.item.question.id,
                    speaker: interviewer(forStage: open.item.stageIndex).id,
                    text: next.text, number: open.item.number, total: plan.questionCount,
                    limitSeconds: open.item.limitSeconds,
                    probe: probe.condition.name, repeats: nil, talkingPoints: nil)), durable: false, &output)
        state = .asking(next)
    }

    /// A short line from the interviewer after an answer; after the last question, none that promises another.
    private func acknowledge(_ open: OpenQuestion, _ output: inout [SessionOutput]) {
        let interviewer = interviewer(forStage: open.item.stageIndex)
        let lines = Acknowledgement.lines(
            for: interviewer.style, isLastQuestion: !plan.hasQuestion(after: open.stepIndex))
        say(interviewer, lines[Int(random.next() % UInt64(lines.count))], &output)
    }

    /// After a question is done (answered, skipped, probed out): on to the next step.
    private func continueAfter(_ open: OpenQuestion, _ output: inout [SessionOutput]) {
        stepIndex = open.stepIndex
        advance(&output)
    }

    private func handleCommand(_ command: SlashCommand, open: OpenQuestion, _ output: inout [SessionOutput]) {
        let questionID = open.item.question.id
        func recordCommand() {
            record(.command(.init(t: elapsed(), name: command.name, question: questionID)), durable: false, &output)
        }
        switch command {
        case .help:
            output.append(.info(Self.answerHelp))
        case .repeat:
            recordCommand()
            show(open, &output)
        case .hint:
            let hint = open.item.question.hint.map { render($0, stageIndex: open.item.stageIndex) }
            let shown = hint.map { "Hint: \($0)" } ?? Question.noHintAdvice
            record(
                .command(.init(t: elapsed(), name: command.name, question: questionID, text: shown)), durable: false,
                &output)  // replay shows it
            output.append(.info(shown))
        case .time:
            let spent = AnswerDraft.milliseconds(clock.now() &- open.shownAt) / 1000
            let total = elapsed() / 1000
            output.append(
                .info(
                    "\(DurationText.seconds(spent)) on this question of \(DurationText.seconds(open.item.limitSeconds)); \(DurationText.seconds(total)) in the session."
                ))
        case .skip:
            recordCommand()
            output.append(.info("Skipped."))
            continueAfter(open, &output)
        case .pause:
            recordCommand()
            output.append(.info("Paused. The clock is stopped; type /resume to carry on."))
            state = .paused(open, since: clock.now())
        case .resume:
            output.append(.info("The session is not paused."))
        case .note(let text):
            guard !text.isEmpty else {
                output.append(.info("Usage: /note TEXT — a private note for your review and follow-up email."))
                return
            }
            record(.note(.init(t: elapsed(), text: text, question: questionID)), durable: true, &output)
            output.append(.info("Noted."))
        case .redo:
            guard let (previous, item) = plan.previousAsk(before: open.stepIndex) else {
                output.append(.info("There is no earlier question to answer again."))
                return
            }
            recordCommand()
            // Ask the earlier question again; the plan then carries on from it, reaching this one again.
            ask(item, stepIndex: previous, isRedo: true, &output)
        case .quit:
            recordCommand()
            finish(.quit, reason: "quit", &output)
        case .done:
            output.append(
                .info("/done ends the stage where you ask the questions. To move on from this question, use /skip."))
        case .unknown(let name):
            let suggestion = closestMatch(to: name, in: SlashCommand.names).map { " Did you mean /\($0)?" } ?? ""
            output.append(
                .info(
                    "Unknown command /\(name).\(suggestion) Type /help for the list; start an answer with // to begin it with a slash."
                ))
        }
    }

    public static let answerHelp = """
        Commands at the answer prompt:
          /repeat      show the question again         /hint     a hint for this question
          /skip        move on without answering       /time     time spent so far
          /pause       stop the clock                  /resume   start it again
          /note TEXT   a private note for the review   /redo     answer the previous question again
          /quit        end the session (everything so far is saved)
        End a line with \\ to continue the answer on the next line. Enter submits.
        """

    private func handlePausedLine(_ line: String, open: OpenQuestion, since: UInt64, _ output: inout [SessionOutput]) {
        let questionID = open.item.question.id
        switch SlashCommand.parse(line) {
        case .resume?:
            var resumed = open
            let pausedFor = clock.now() &- since
            resumed.pausedNanoseconds += pausedFor
            resumed.shownAt += pausedFor
            record(
                .command(.init(t: elapsed(), name: SlashCommand.resume.name, question: questionID)), durable: false,
                &output)
            state = .asking(resumed)
            show(resumed, &output)
        case .quit?:
            record(
                .command(.init(t: elapsed(), name: SlashCommand.quit.name, question: questionID)), durable: false,
                &output)
            finish(.quit, reason: "quit", &output)
        case .note(let text)? where !text.isEmpty:
            record(.note(.init(t: elapsed(), text: text, question: questionID)), durable: true, &output)
            output.append(.info("Noted."))
        case .help?,
            nil where line.trimmingBlanks().isEmpty:
            output.append(.info("Paused. Type /resume to carry on, or /quit to end."))
        default:
            output.append(.info("Paused: nothing is recorded until you type /resume."))
        }
    }

    private func handleCandidateLine(
        _ line: String, typing: TypingRecord, stage: CandidateStage, _ output: inout [SessionOutput]
    ) {
        var stage = stage
        let step = stage.take(line, typing: typing)
        state = .candidate(stage)
        switch step {
        case .done:
            endCandidateStage(stage, &output)
        case .nudge(let text):
            say(interviewer(forStage: stage.stageIndex), text, &output)
        case .hint(let questions):
            let text = "Questions you could ask:\n" + questions.map { "  • " + $0 }.joined(separator: "\n")
            record(
                .command(.init(t: elapsed(), name: SlashCommand.hint.name, question: nil, text: text)), durable: false,
                &output)
            output.append(.info(text))
        case .quit:
            record(.command(.init(t: elapsed(), name: SlashCommand.quit.name, question: nil)), durable: false, &output)
            finish(.quit, reason: "quit", &output)
        case .note(let text):
            record(.note(.init(t: elapsed(), text: text, question: nil)), durable: true, &output)
            output.append(.info("Noted."))
        case .help:
            output.append(.info(CandidateStage.help))
        case .continued:
            break
        case .asked(let question, let reply, let interviewerID, let matched):
            var speaker = interviewer(forStage: stage.stageIndex)
            if let interviewerID, let other = scenario.interviewer(id: interviewerID) { speaker = other }
            let replyText = render(reply, stageIndex: stage.stageIndex)
            candidateQuestionsAsked += 1
            output.append(.say(speaker, replyText))
            record(
                .candidateQuestion(
                    .init(t: elapsed(), text: question, speaker: speaker.id, reply: replyText, matched: matched)),
                durable: true, &output)
            if stage.isFull { endCandidateStage(stage, &output) }
        }
    }

    /// Records /done (or the empty line that means it) and ends the stage when the candidate stops asking.
    private func endCandidateStage(_ stage: CandidateStage, _ output: inout [SessionOutput]) {
        if !stage.isFull {
            record(.command(.init(t: elapsed(), name: SlashCommand.done.name, question: nil)), durable: false, &output)
        }
        say(interviewer(forStage: stage.stageIndex), stage.closingLine(candidate: options.candidate), &output)
        advance(&output)
    }

    // MARK: Ending

    private func finish(_ status: TranscriptEvent.End.Status, reason: String?, _ output: inout [SessionOutput]) {
        if isFinished { return }
        state = .finished
        self.status = status
        var selfRating: Int? = nil
        if status != .interrupted, !tally.answered.isEmpty, let ask = selfRatingQuestion {
            let pending = output
            output.removeAll()
            selfRating = ask(pending, status).flatMap { SelfRating.range.contains($0) ? $0 : nil }
        }
        record(
            .end(
                .init(
                    t: elapsed(), status: status, reason: reason, answered: tally.answered.count,
                    asked: tally.asked.count,
                    selfRating: selfRating)),
            durable: true, &output)
        let slowest = thinkTimes.sorted { $0.thinkMilliseconds > $1.thinkMilliseconds }.prefix(3)
        output.append(
            .summary(
                SessionSummary(
                    status: status, answered: tally.answered.count, skipped: tally.skipped.count,
                    asked: tally.asked.count,
                    totalMilliseconds: elapsed(), slowestStarts: slowest.map { ($0.question, $0.thinkMilliseconds) },
                    overLimit: overLimit, probes: probeCounts,
                    candidateQuestions: candidateQuestionsAsked,
                    hasCandidateStage: scenario.stages.contains { $0.type == .candidateQuestions },
                    transcriptPath: recorder.location, sessionID: options.sessionID,
                    thankYouBy: options.startedAt.addingTimeInterval(Double(elapsed()) / 1000 + 24 * 3600))))
    }

    /// Appends an event to the transcript and counts it; a failure to write becomes a warning for the person, and the recovery a note.
    private func record(_ event: TranscriptEvent, durable: Bool, _ output: inout [SessionOutput]) {
        tally.count(event)
        do {
            try recorder.record(event, durable: durable)
            if hasWarnedAboutWriting {  // The recorder wrote what it had kept along with this event.
                hasWarnedAboutWriting = false
                output.append(.info("The transcript is being written again; nothing was lost."))
            }
        } catch {
            if !hasWarnedAboutWriting {
                hasWarnedAboutWriting = true
                output.append(.warning("\(error)"))
            }
        }
    }
}
