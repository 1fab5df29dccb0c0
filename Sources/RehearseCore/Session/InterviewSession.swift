import Foundation

/// The interview as a state machine: it says what to show, takes the person's lines, and writes
/// the transcript as it goes. It does no terminal I/O; a front end shows `SessionOutput`s and
/// reads a line for each `prompt`.
public final class InterviewSession {
    public let scenario: Scenario
    public let options: SessionOptions
    private let clock: MonotonicClock
    private let recorder: TranscriptRecorder
    private var random: SeededGenerator
    private let plan: [Step]
    private let totalQuestions: Int
    private var stepIndex = -1
    private var state: State = .notStarted
    private var startedAt: UInt64 = 0
    private var answeredIDs: Set<String> = []
    private var skippedIDs: Set<String> = []
    private var askedIDs: Set<String> = []
    private var probeCounts: [String: Int] = [:]
    private var thinkTimes: [(question: String, thinkMilliseconds: Int)] = []
    private var overLimit = 0
    private var candidateQuestionsAsked = 0
    private var hasWarnedAboutWriting = false
    public private(set) var status: TranscriptEvent.End.Status?

    /// One thing in the session's plan, fixed at the start by the seed.
    enum Step {
        case stage(Int)
        case ask(AskItem)
        case candidateQuestions(Int)
    }

    struct AskItem {
        var stageIndex: Int
        var question: Question
        var number: Int
        var limitSeconds: Int
    }

    struct OpenQuestion {
        var item: AskItem
        var stepIndex: Int
        var probe: Probe?
        var text: String
        var shownAt: UInt64
        var pausedNanoseconds: UInt64 = 0
        var partialLines: [String] = []
        var partialKeys: [TypingRecord.Key] = []
        var usedProbes: [Int] = []
        var answersSoFar: [String] = []
        var isRedo = false
    }

    struct CandidateStage {
        var stageIndex: Int
        var usedReplies: Set<Int> = []
        var count = 0
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
        var steps: [Step] = []
        var number = 0
        for (index, stage) in scenario.stages.enumerated() {
            steps.append(.stage(index))
            let stageLimit = stage.timeLimitSeconds ?? scenario.timeLimitSeconds
            func add(_ question: Question) {
                number += 1
                steps.append(.ask(AskItem(stageIndex: index, question: question, number: number, limitSeconds: question.timeLimitSeconds ?? stageLimit)))
            }
            switch stage.type {
            case .questions:
                var chosen = Array(stage.questions.indices)
                if let pick = stage.pick, pick < chosen.count {
                    chosen.shuffle(using: &random)
                    chosen = Array(chosen.prefix(pick)).sorted()
                }
                chosen.forEach { add(stage.questions[$0]) }
            case .revisit:
                let earlier = Self.revisitChoices(options.earlierAnswers, count: stage.pick ?? 2)
                if earlier.isEmpty {
                    stage.questions.forEach(add)
                } else {
                    for answer in earlier {
                        let excerpt = Self.excerpt(answer.answer, words: 30)
                        let text = TextTemplate.render(stage.revisitPrompt ?? "", ["previous_question": answer.question, "previous_answer": excerpt])
                        add(Question(id: "revisit-" + answer.questionID, text: text, timeLimitSeconds: stage.timeLimitSeconds, talkingPoints: [],
                                     hint: "Go further than last time: what happened, what you did, and what came of it.",
                                     repeats: nil, maxProbes: 0, probes: [], place: stage.place))
                    }
                }
            case .candidateQuestions:
                steps.append(.candidateQuestions(index))
            }
        }
        self.plan = steps
        self.totalQuestions = number
        self.random = random
    }

    /// The earlier answers to revisit: the thinnest ones, in the order they were first given.
    static func revisitChoices(_ answers: [EarlierAnswer], count: Int) -> [EarlierAnswer] {
        let thinnest = answers.enumerated().sorted {
            let left = AnswerText($0.element.answer).wordCount, right = AnswerText($1.element.answer).wordCount
            return left == right ? $0.offset < $1.offset : left < right
        }.prefix(count)
        return thinnest.sorted { $0.offset < $1.offset }.map(\.element)
    }

    static func excerpt(_ text: String, words limit: Int) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        if words.count <= limit { return words.joined(separator: " ") }
        return words.prefix(limit).joined(separator: " ") + " …"
    }

    // MARK: Public interface

    /// How many questions the session plans to ask (probes and the candidate's questions aside).
    public var plannedQuestions: Int { totalQuestions }

    public var isFinished: Bool { if case .finished = state { true } else { false } }

    /// What to read next; nil once the session has ended.
    public var prompt: PromptRequest? {
        switch state {
        case .notStarted, .finished: return nil
        case .asking(let open):
            let interviewer = interviewer(forStage: open.item.stageIndex)
            if !open.partialLines.isEmpty {
                return PromptRequest(kind: .continuation, label: "… › ", deadline: deadline(open), deadlineNotice: limitNotice(open))
            }
            let label = "[\(open.item.number)/\(totalQuestions) \(firstName(interviewer.name))] › "
            return PromptRequest(kind: .answer, label: label, deadline: deadline(open), deadlineNotice: limitNotice(open))
        case .paused:
            return PromptRequest(kind: .paused, label: "[paused] › ", deadline: nil, deadlineNotice: nil)
        case .candidate(let stage):
            let interviewer = interviewer(forStage: stage.stageIndex)
            return PromptRequest(kind: .candidateQuestion, label: "[your question for \(firstName(interviewer.name))] › ", deadline: nil, deadlineNotice: nil)
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
        TranscriptHeader(session: options.sessionID,
                         scenario: .init(id: scenario.id, title: scenario.title, checksum: scenario.checksum, path: scenario.sourcePath),
                         kind: scenario.kind, role: scenario.role, roleTitle: scenario.roleTitle, company: company,
                         candidate: options.candidate, interviewers: scenario.interviewers, seed: options.seed,
                         started: options.startedAt, appVersion: options.appVersion, previousTranscript: options.earlierTranscriptID)
    }

    /// Takes one line the person submitted (without its newline) and how it was typed.
    public func submit(_ line: String, typing: TypingRecord) -> [SessionOutput] {
        var output: [SessionOutput] = []
        switch state {
        case .notStarted, .finished:
            break
        case .asking(let open):
            handleAnswerLine(line, typing: typing, open: open, &output)
        case .paused(let open, let since):
            handlePausedLine(line, open: open, since: since, &output)
        case .candidate(let stage):
            handleCandidateLine(line, stage: stage, &output)
        }
        return output
    }

    /// Records that the time-limit notice was shown while the person was typing.
    @discardableResult
    public func noticeShown(_ text: String) -> [SessionOutput] {
        guard case .asking(let open) = state else { return [] }
        var output: [SessionOutput] = []
        record(.notice(.init(t: elapsed(), text: text, question: open.item.question.id)), durable: false, &output)
        return output
    }

    /// Input ended (Ctrl-D, or the end of piped input): the session ends as quit.
    public func endOfInput() -> [SessionOutput] {
        var output: [SessionOutput] = []
        finish(.quit, reason: "end of input", &output)
        return output
    }

    /// The process is being stopped (a signal): writes the end line as interrupted.
    public func interrupt(reason: String) -> [SessionOutput] {
        var output: [SessionOutput] = []
        finish(.interrupted, reason: reason, &output)
        return output
    }

    // MARK: Flow

    private var company: String { options.company ?? scenario.company }

    private func variables(stageIndex: Int) -> [String: String] {
        let interviewer = interviewer(forStage: stageIndex)
        let names = scenario.interviewers.map { firstName($0.name) }
        let panel = names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
        return ["candidate": options.candidate, "company": company, "role_title": scenario.roleTitle,
                "interviewer": interviewer.name, "interviewer_title": interviewer.title, "panel": panel]
    }

    private func render(_ text: String, stageIndex: Int) -> String { TextTemplate.render(text, variables(stageIndex: stageIndex)) }

    private func interviewer(forStage index: Int) -> Interviewer {
        scenario.interviewer(id: scenario.stages[index].interviewerID) ?? scenario.interviewers[0]
    }

    private func firstName(_ name: String) -> String { String(name.split(separator: " ").first ?? Substring(name)) }

    private func elapsed() -> Int { milliseconds(clock.now() &- startedAt) }

    private func milliseconds(_ nanoseconds: UInt64) -> Int { Int(nanoseconds / 1_000_000) }

    private func deadline(_ open: OpenQuestion) -> UInt64 { open.shownAt + UInt64(open.item.limitSeconds) * 1_000_000_000 }

    private func limitNotice(_ open: OpenQuestion) -> String {
        "⏱ \(open.item.limitSeconds) s have passed for this question. Finish your thought; your text is kept."
    }

    /// Moves to the next step of the plan and shows it, until something needs the person's input.
    private func advance(_ output: inout [SessionOutput]) {
        while true {
            stepIndex += 1
            guard stepIndex < plan.count else {
                finish(.completed, reason: nil, &output)
                return
            }
            switch plan[stepIndex] {
            case .stage(let index):
                let stage = scenario.stages[index]
                let interviewer = interviewer(forStage: index)
                let title = stage.title.map { render($0, stageIndex: index) }
                output.append(.stage(title: title, interviewer: interviewer))
                record(.stage(.init(t: elapsed(), stage: stage.id, title: title, interviewer: interviewer.id)), durable: false, &output)
                for line in stage.lines {
                    say(interviewer, render(line, stageIndex: index), &output)
                }
            case .ask(let item):
                ask(item, stepIndex: stepIndex, isRedo: false, &output)
                return
            case .candidateQuestions(let index):
                state = .candidate(CandidateStage(stageIndex: index))
                return
            }
        }
    }

    private func say(_ interviewer: Interviewer, _ text: String, _ output: inout [SessionOutput]) {
        output.append(.say(interviewer, text))
        record(.say(.init(t: elapsed(), speaker: interviewer.id, text: text)), durable: false, &output)
    }

    private func ask(_ item: AskItem, stepIndex: Int, isRedo: Bool, _ output: inout [SessionOutput]) {
        let text = render(item.question.text, stageIndex: item.stageIndex)
        var open = OpenQuestion(item: item, stepIndex: stepIndex, probe: nil, text: text, shownAt: clock.now())
        open.isRedo = isRedo
        askedIDs.insert(item.question.id)
        show(open, &output)
        let question = item.question
        record(.ask(.init(t: elapsed(), question: question.id, speaker: interviewer(forStage: item.stageIndex).id, text: text,
                          number: item.number, total: totalQuestions, limitSeconds: item.limitSeconds, probe: nil,
                          repeats: question.repeats, talkingPoints: question.talkingPoints.isEmpty ? nil : question.talkingPoints)),
               durable: false, &output)
        state = .asking(open)
    }

    private func show(_ open: OpenQuestion, _ output: inout [SessionOutput]) {
        output.append(.question(QuestionPrompt(interviewer: interviewer(forStage: open.item.stageIndex), text: open.text,
                                               number: open.item.number, total: totalQuestions,
                                               limitSeconds: open.item.limitSeconds, isProbe: open.probe != nil)))
    }

    // MARK: Answers and commands

    private func handleAnswerLine(_ line: String, typing: TypingRecord, open: OpenQuestion, _ output: inout [SessionOutput]) {
        var open = open
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if open.partialLines.isEmpty, trimmed.hasPrefix("/"), !trimmed.hasPrefix("//") {
            handleCommand(trimmed, open: open, &output)
            return
        }
        if trimmed.isEmpty && open.partialLines.isEmpty {
            show(open, &output)
            return
        }
        var text = trimmed.hasPrefix("//") && open.partialLines.isEmpty ? String(line.drop { $0 == " " }.dropFirst()) : line
        let lineOffset = open.partialLines.reduce(0) { $0 + $1.count + 1 }
        if text.hasSuffix("\\") {
            text.removeLast()
            open.partialLines.append(text)
            open.partialKeys += Self.shift(typing.keys, by: lineOffset)
            // Replace the typed backslash by a newline in the timeline.
            open.partialKeys.append(.init(time: typing.submittedAt, position: lineOffset + text.count, deleted: 1, inserted: "\n"))
            state = .asking(open)
            return
        }
        let lines = open.partialLines + [text]
        let fullText = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if fullText.isEmpty {
            open.partialLines = []
            open.partialKeys = []
            state = .asking(open)
            show(open, &output)
            return
        }
        let keys = open.partialKeys + Self.shift(typing.keys, by: lineOffset)
        let timing = timing(open: open, keys: keys, submittedAt: typing.submittedAt)
        let steps = typingSteps(keys, shownAt: open.shownAt)
        record(.answer(.init(t: elapsed(), question: open.item.question.id, probe: open.probe?.condition.name, text: fullText,
                             isRedo: open.isRedo ? true : nil, timing: timing, typing: steps)), durable: true, &output)
        if open.probe == nil {
            answeredIDs.insert(open.item.question.id)
            skippedIDs.remove(open.item.question.id)
            thinkTimes.append((open.text, timing.thinkMilliseconds))
            if timing.isOverLimit { overLimit += 1 }
        }
        open.answersSoFar.append(fullText)
        open.partialLines = []
        open.partialKeys = []
        if let (index, probe) = nextProbe(for: open) {
            askProbe(probe, index: index, open: open, &output)
        } else {
            acknowledge(open, &output)
            continueAfter(open, &output)
        }
    }

    /// Keys of a continuation line, with positions moved to where the line sits in the whole answer.
    static func shift(_ keys: [TypingRecord.Key], by offset: Int) -> [TypingRecord.Key] {
        guard offset > 0 else { return keys }
        return keys.map { key in
            var moved = key
            moved.position += offset
            return moved
        }
    }

    private func timing(open: OpenQuestion, keys: [TypingRecord.Key], submittedAt: UInt64) -> AnswerTiming {
        let firstKey = keys.first?.time ?? submittedAt
        let think = firstKey > open.shownAt ? firstKey - open.shownAt : 0
        let answer = submittedAt > firstKey ? submittedAt - firstKey : 0
        var longest: UInt64 = 0
        for (previous, next) in zip(keys, keys.dropFirst()) where next.time > previous.time {
            longest = max(longest, next.time - previous.time)
        }
        let total = think + answer
        return AnswerTiming(thinkMilliseconds: milliseconds(think), answerMilliseconds: milliseconds(answer),
                            pausedMilliseconds: milliseconds(open.pausedNanoseconds), keystrokes: keys.count,
                            corrections: keys.filter { $0.deleted > 0 && $0.inserted != "\n" }.count,
                            longestPauseMilliseconds: milliseconds(longest), limitSeconds: open.item.limitSeconds,
                            isOverLimit: total > UInt64(open.item.limitSeconds) * 1_000_000_000)
    }

    private func typingSteps(_ keys: [TypingRecord.Key], shownAt: UInt64) -> [TypingStep] {
        var previous = shownAt
        var steps: [TypingStep] = []
        var lastInsertedCount = 0  // Characters in steps.last's insertion, kept so a paste costs linear time.
        for key in keys {
            let delay = key.time > previous ? milliseconds(key.time - previous) : 0
            previous = max(previous, key.time)
            // Keys within the same millisecond that extend the previous insertion (a paste, piped
            // input) become one step: the replay looks the same and the file stays small.
            if delay == 0, key.deleted == 0, !key.inserted.isEmpty, let last = steps.last, last.deleted == 0,
               !last.inserted.isEmpty, last.position + lastInsertedCount == key.position {
                steps[steps.count - 1].inserted += key.inserted
                lastInsertedCount += key.inserted.count
                continue
            }
            steps.append(TypingStep(delayMilliseconds: delay, position: key.position, deleted: key.deleted, inserted: key.inserted))
            lastInsertedCount = key.inserted.count
        }
        return steps
    }

    private func nextProbe(for open: OpenQuestion) -> (Int, Probe)? {
        let question = open.item.question
        guard open.usedProbes.count < question.maxProbes else { return nil }
        let answer = AnswerText(open.answersSoFar.joined(separator: "\n"))
        for (index, probe) in question.probes.enumerated() where !open.usedProbes.contains(index) {
            if ProbeRules.holds(probe.condition, for: answer, talkingPoints: question.talkingPoints) { return (index, probe) }
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
        probeCounts[probe.condition.name, default: 0] += 1
        show(next, &output)
        record(.ask(.init(t: elapsed(), question: open.item.question.id, speaker: interviewer(forStage: open.item.stageIndex).id,
                          text: next.text, number: open.item.number, total: totalQuestions, limitSeconds: open.item.limitSeconds,
                          probe: probe.condition.name, repeats: nil, talkingPoints: nil)), durable: false, &output)
        state = .asking(next)
    }

    private func acknowledge(_ open: OpenQuestion, _ output: inout [SessionOutput]) {
        let interviewer = interviewer(forStage: open.item.stageIndex)
        let lines = Acknowledgement.lines(for: interviewer.style)
        say(interviewer, lines[Int(random.next() % UInt64(lines.count))], &output)
    }

    /// After a question is done (answered, skipped, probed out): on to the next step.
    private func continueAfter(_ open: OpenQuestion, _ output: inout [SessionOutput]) {
        stepIndex = open.stepIndex
        advance(&output)
    }

    private func handleCommand(_ line: String, open: OpenQuestion, _ output: inout [SessionOutput]) {
        let parts = line.dropFirst().split(separator: " ", maxSplits: 1)
        let name = parts.first.map { $0.lowercased() } ?? ""
        let argument = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : ""
        let questionID = open.item.question.id
        func command() { record(.command(.init(t: elapsed(), name: name, question: questionID)), durable: false, &output) }
        switch name {
        case "help":
            output.append(.info(Self.answerHelp))
        case "repeat":
            command()
            show(open, &output)
        case "hint":
            command()
            let hint = open.item.question.hint.map { render($0, stageIndex: open.item.stageIndex) }
            output.append(.info(hint.map { "Hint: \($0)" } ?? "There is no hint for this question. Try: what happened, what you did, and what came of it."))
        case "time":
            let spent = milliseconds(clock.now() &- open.shownAt) / 1000
            let total = elapsed() / 1000
            output.append(.info("\(spent) s on this question of \(open.item.limitSeconds) s; \(total / 60) min \(total % 60) s in the session."))
        case "skip":
            command()
            if open.probe == nil, !answeredIDs.contains(questionID) { skippedIDs.insert(questionID) }
            output.append(.info("Skipped."))
            continueAfter(open, &output)
        case "pause":
            command()
            output.append(.info("Paused. The clock is stopped; type /resume to carry on."))
            state = .paused(open, since: clock.now())
        case "resume":
            output.append(.info("The session is not paused."))
        case "note":
            guard !argument.isEmpty else {
                output.append(.info("Usage: /note TEXT — a private note for your review and follow-up email."))
                return
            }
            record(.note(.init(t: elapsed(), text: argument, question: questionID)), durable: true, &output)
            output.append(.info("Noted."))
        case "redo":
            guard let previous = previousAskStep(before: open.stepIndex), case .ask(let item) = plan[previous] else {
                output.append(.info("There is no earlier question to answer again."))
                return
            }
            command()
            // Ask the earlier question again; the plan then carries on from it, reaching this one again.
            ask(item, stepIndex: previous, isRedo: true, &output)
        case "quit":
            command()
            finish(.quit, reason: "quit", &output)
        case "done":
            output.append(.info("/done ends the stage where you ask the questions. To move on from this question, use /skip."))
        default:
            let suggestion = closestMatch(to: name, in: Self.commandNames).map { " Did you mean /\($0)?" } ?? ""
            output.append(.info("Unknown command /\(name).\(suggestion) Type /help for the list; start an answer with // to begin it with a slash."))
        }
    }

    private func previousAskStep(before index: Int) -> Int? {
        var candidate = index - 1
        while candidate >= 0 {
            if case .ask = plan[candidate] { return candidate }
            candidate -= 1
        }
        return nil
    }

    static let commandNames = ["help", "repeat", "skip", "hint", "time", "pause", "resume", "note", "redo", "quit", "done"]

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
        let command = line.trimmingCharacters(in: .whitespaces).lowercased()
        switch command {
        case "/resume", "":
            if command.isEmpty {
                output.append(.info("Paused. Type /resume to carry on, or /quit to end."))
                return
            }
            var resumed = open
            let pausedFor = clock.now() &- since
            resumed.pausedNanoseconds += pausedFor
            resumed.shownAt += pausedFor
            record(.command(.init(t: elapsed(), name: "resume", question: open.item.question.id)), durable: false, &output)
            state = .asking(resumed)
            show(resumed, &output)
        case "/quit":
            record(.command(.init(t: elapsed(), name: "quit", question: open.item.question.id)), durable: false, &output)
            finish(.quit, reason: "quit", &output)
        case "/help":
            output.append(.info("Paused. Type /resume to carry on, or /quit to end."))
        case _ where command.hasPrefix("/note "):
            let note = String(line.trimmingCharacters(in: .whitespaces).dropFirst(6)).trimmingCharacters(in: .whitespaces)
            record(.note(.init(t: elapsed(), text: note, question: open.item.question.id)), durable: true, &output)
            output.append(.info("Noted."))
        default:
            output.append(.info("Paused: nothing is recorded until you type /resume."))
        }
    }

    private func handleCandidateLine(_ line: String, stage: CandidateStage, _ output: inout [SessionOutput]) {
        var stage = stage
        let text = line.trimmingCharacters(in: .whitespaces)
        let lowered = text.lowercased()
        if text.isEmpty || lowered == "/done" {
            record(.command(.init(t: elapsed(), name: "done", question: nil)), durable: false, &output)
            endCandidateStage(stage, &output)
            return
        }
        if lowered == "/quit" {
            record(.command(.init(t: elapsed(), name: "quit", question: nil)), durable: false, &output)
            finish(.quit, reason: "quit", &output)
            return
        }
        if lowered.hasPrefix("/note ") {
            record(.note(.init(t: elapsed(), text: String(text.dropFirst(6)), question: nil)), durable: true, &output)
            output.append(.info("Noted."))
            return
        }
        if lowered.hasPrefix("/") && !lowered.hasPrefix("//") {
            output.append(.info("Ask the panel anything. An empty line or /done ends this part; /note TEXT and /quit work here too."))
            return
        }
        let question = lowered.hasPrefix("//") ? String(text.dropFirst()) : text
        let scenarioStage = scenario.stages[stage.stageIndex]
        let analysed = AnswerText(question)
        var reply = scenarioStage.fallbackReply ?? "That's a good question; I'll make sure you get an answer after today."
        var speaker = interviewer(forStage: stage.stageIndex)
        var matched: String? = nil
        search: for (index, candidateReply) in scenarioStage.replies.enumerated() where !stage.usedReplies.contains(index) {
            for keyword in candidateReply.keywords where analysed.contains(phrase: keyword) {
                reply = candidateReply.text
                matched = keyword
                stage.usedReplies.insert(index)
                if let id = candidateReply.interviewerID, let other = scenario.interviewer(id: id) { speaker = other }
                break search
            }
        }
        reply = render(reply, stageIndex: stage.stageIndex)
        stage.count += 1
        candidateQuestionsAsked += 1
        output.append(.say(speaker, reply))
        record(.candidateQuestion(.init(t: elapsed(), text: question, speaker: speaker.id, reply: reply, matched: matched)), durable: true, &output)
        if stage.count >= scenarioStage.maxCandidateQuestions {
            endCandidateStage(stage, &output)
        } else {
            state = .candidate(stage)
        }
    }

    private func endCandidateStage(_ stage: CandidateStage, _ output: inout [SessionOutput]) {
        let interviewer = interviewer(forStage: stage.stageIndex)
        if stage.count == 0 {
            say(interviewer, "No questions? That's all right. Thank you for your time today, \(options.candidate).", &output)
        } else {
            say(interviewer, "Thank you for those questions, \(options.candidate). We'll be in touch.", &output)
        }
        advance(&output)
    }

    // MARK: Ending

    private func finish(_ status: TranscriptEvent.End.Status, reason: String?, _ output: inout [SessionOutput]) {
        if isFinished { return }
        state = .finished
        self.status = status
        record(.end(.init(t: elapsed(), status: status, reason: reason, answered: answeredIDs.count, asked: askedIDs.count)), durable: true, &output)
        let slowest = thinkTimes.sorted { $0.thinkMilliseconds > $1.thinkMilliseconds }.prefix(3)
        output.append(.summary(SessionSummary(
            status: status, answered: answeredIDs.count, skipped: skippedIDs.count, asked: askedIDs.count, totalMilliseconds: elapsed(),
            slowestStarts: Array(slowest), overLimit: overLimit, probes: probeCounts,
            candidateQuestions: candidateQuestionsAsked,
            hasCandidateStage: scenario.stages.contains { $0.type == .candidateQuestions },
            transcriptPath: recorder.location, sessionID: options.sessionID,
            thankYouBy: options.startedAt.addingTimeInterval(Double(elapsed()) / 1000 + 24 * 3600))))
    }

    /// Appends an event to the transcript; the first failure to write becomes a warning for the person.
    private func record(_ event: TranscriptEvent, durable: Bool, _ output: inout [SessionOutput]) {
        do {
            try recorder.record(event, durable: durable)
        } catch {
            if !hasWarnedAboutWriting {
                hasWarnedAboutWriting = true
                output.append(.warning("\(error). Your answers are not being saved; free some space or fix the folder, then /quit."))
            }
        }
    }
}
