/// Builds a `TranscriptReview`. Nothing here reads the clock or draws random numbers: the
/// same transcript, earlier transcripts and job description always give the same review.
public struct ReviewBuilder {
    /// Earlier transcripts of the same role, newest first, for questions asked before.
    public var earlierTranscripts: [Transcript]
    /// A job description and the file it came from, for `--job`.
    public var jobDescription: (file: String, description: JobDescription)?
    /// The folder the earlier transcripts were looked for in, named when a repeated question has
    /// nothing to compare.
    public var earlierTranscriptsFolder: String?
    /// Findings a person overruled (`review --dismiss`), kept beside the transcript.
    public var dismissals = ReviewDismissals()

    public init(
        earlierTranscripts: [Transcript] = [], jobDescription: (file: String, description: JobDescription)? = nil
    ) {
        self.earlierTranscripts = earlierTranscripts
        self.jobDescription = jobDescription
    }

    /// Reviews a transcript: every question, the three self-checks, the candidate's questions and the ranking.
    public func review(_ transcript: Transcript) -> TranscriptReview {
        let header = transcript.header
        let names = Dictionary(header.interviewers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let earlier = EarlierAnswerFinder(transcripts: earlierTranscripts, current: header)
        var questions: [QuestionReview] = []
        for (offset, turn) in QuestionTurn.turns(in: transcript.events).enumerated() {
            questions.append(
                reviewQuestion(
                    turn, index: offset + 1, speaker: names[turn.ask.speaker] ?? turn.ask.speaker,
                    earlier: earlier.find(turn.ask), header: header))
        }
        let answered = questions.filter { !$0.responses.isEmpty }
        let ranked = answered.sorted {
            $0.score.percent != $1.score.percent ? $0.score.percent > $1.score.percent : $0.index < $1.index
        }
        let strongest = ranked.filter { $0.score.percent >= ReviewThresholds.strongPercent }.prefix(
            ReviewThresholds.listLength
        ).map(\.index)
        let weakest =
            (questions.filter { $0.responses.isEmpty }
            + ranked.reversed().filter { $0.score.percent < ReviewThresholds.workOnPercent })
            .prefix(ReviewThresholds.listLength).map(\.index)
        var jobReview: JobTermsReview? = nil
        if let job = jobDescription {
            let answers = transcript.answers.map { AnswerText($0.text) }
            let used = job.description.terms.map(\.term).filter { term in
                answers.contains { JobDescription.uses(term, in: $0) }
            }
            jobReview = JobTermsReview(
                file: job.file, terms: job.description.terms, used: used,
                unused: job.description.terms.map(\.term).filter { !used.contains($0) })
        }
        let tally = QuestionTally(events: transcript.events)
        var review = TranscriptReview(
            session: SessionFacts(
                id: header.session, scenarioID: header.scenario.id, scenarioTitle: header.scenario.title,
                role: header.role, roleTitle: header.roleTitle, kind: header.kind.rawValue, company: header.company,
                candidate: header.candidate, started: DateText.iso(header.started),
                status: transcript.end?.status.rawValue ?? TranscriptSummary.Status.cutOff.rawValue,
                durationMilliseconds: transcript.events.last?.time ?? 0,
                asked: tally.asked.count, answered: tally.answered.count, skipped: tally.skipped.count,
                warnings: transcript.warnings, selfRating: transcript.end?.selfRating),
            questions: questions,
            selfCheck: SelfCheckRules.answers(for: questions),
            candidateQuestions: Self.candidateQuestions(in: transcript),
            strongest: Array(strongest), toWorkOn: Array(weakest), jobTerms: jobReview)
        review.session.isRealInterview = header.isRealInterview
        return review
    }

    /// The question ids an earlier transcript must answer to be compared with this one: each
    /// question's own id, the question a `repeats` field names, and the question a revisit goes back to.
    public static func questionIDsToCompare(in transcript: Transcript) -> Set<String> {
        var ids: Set<String> = []
        for ask in transcript.asks where ask.probe == nil {
            ids.insert(ask.question)
            if let repeats = ask.repeats, let slash = repeats.firstIndex(of: "/") {
                ids.insert(String(repeats[repeats.index(after: slash)...]))
            }
            if let original = ask.revisitedQuestion { ids.insert(original) }
        }
        return ids
    }

    // MARK: One question

    func reviewQuestion(
        _ turn: QuestionTurn, index: Int, speaker: String, earlier: (Transcript, String)?,
        header: TranscriptHeader? = nil
    ) -> QuestionReview {
        var responses: [ResponseReview] = []
        if let answer = turn.answer { responses.append(Self.response(answer, followUp: nil)) }
        for followUp in turn.followUps {
            if let answer = followUp.answer { responses.append(Self.response(answer, followUp: followUp.ask)) }
        }
        let combined = AnswerText(turn.combinedText)
        let main = turn.answer.map { AnswerText($0.text) }
        let company = header?.company ?? ""
        let evidence = EvidenceReview(
            numbers: combined.numbers, example: combined.exampleEvidence, story: combined.storyShape,
            plan: combined.planShape, specifics: combined.specifics(company: company),
            reason: combined.reasonEvidence, result: combined.resultEvidence)
        var talkingPoints: TalkingPointsReview? = nil
        if let points = turn.ask.talkingPoints, !points.isEmpty {
            var covered: [String] = []
            var missed: [String] = []
            var matched: [String] = []
            for point in points {
                if let found = combined.coveringKeyword(point) {
                    covered.append(point.point)
                    matched.append("\(point.point) ← \(found.keyword): \"\(found.words)\"")
                } else {
                    missed.append(point.point)
                }
            }
            talkingPoints = TalkingPointsReview(covered: covered, missed: missed, matched: matched)
        }
        let consistency = earlier.map { Self.consistency(of: combined, with: $0.1, from: $0.0) }
        var jobTermsUsed: [String]? = nil
        if let job = jobDescription {
            jobTermsUsed = job.description.terms.map(\.term).filter { JobDescription.uses($0, in: combined) }
        }
        var review = QuestionReview(
            index: index, number: turn.ask.number, questionID: turn.ask.question, speaker: speaker, text: turn.ask.text,
            limitSeconds: turn.ask.limitSeconds, isSkipped: turn.isSkipped && turn.answers.isEmpty, isRedo: turn.isRedo,
            responses: responses, unansweredFollowUps: turn.followUps.filter { $0.answer == nil }.map(\.ask.text),
            words: main?.wordCount ?? 0, evidence: evidence, talkingPoints: talkingPoints,
            singularFirstPerson: combined.singularFirstPersonCount, pluralFirstPerson: combined.pluralFirstPersonCount,
            jobTermsUsed: jobTermsUsed, earlier: consistency,
            nothingToCompare: earlier == nil ? header.flatMap { nothingToCompare(turn.ask, header: $0) } : nil,
            notes: turn.notes, score: AnswerScore(parts: []), findings: [],
            questionType: turn.ask.questionType ?? QuestionType.inferred(from: turn.ask.text))
        let evaluated = AnswerRules.evaluate(review, combined: combined, company: company)
        review.findings = evaluated.findings
        review.explanations = evaluated.explanations
        // A person's dismissals (`review --dismiss`) move findings aside before scoring.
        let overruled = dismissals.rules(forQuestion: index)
        if !overruled.isEmpty {
            review.dismissed = review.findings.filter { overruled.contains($0.rule) }
            review.findings.removeAll { overruled.contains($0.rule) }
            for position in review.explanations.indices where overruled.contains(review.explanations[position].rule) {
                review.explanations[position].dismissed = true
            }
        }
        if header?.isRealInterview == true {
            // A real interview's answers are recalled, not timed: only the content rules apply.
            review.findings.removeAll { $0.rule == .longThink || $0.rule == .overLimit }
        }
        review.score = AnswerRules.score(review, combined: combined)
        if header?.isRealInterview == true { review.score.parts.removeAll { $0.name == "time" } }
        return review
    }

    /// Why a question asked before has no earlier answer beside it, and where that answer would
    /// come from; nil for questions not asked before.
    func nothingToCompare(_ ask: TranscriptEvent.Ask, header: TranscriptHeader) -> String? {
        let place = earlierTranscriptsFolder.map { "in \($0)" } ?? "among the saved transcripts"
        if let repeats = ask.repeats, let slash = repeats.firstIndex(of: "/") {
            let scenarioID = String(repeats[..<slash])
            return
                "Nothing to compare: this question repeats \(repeats), and no earlier \(header.role) transcript answering it was found "
                + "\(place). Run `rehearse practice --scenario \(scenarioID)` first, then this interview again, to compare the answers."
        }
        if ask.question.hasPrefix("revisit-") {
            let original = String(ask.question.dropFirst("revisit-".count))
            if let previous = header.previousTranscript {
                return
                    "Nothing to compare: this question goes back to your answer to \(original) in session \(previous), "
                    + "which was not found \(place)."
            }
            return
                "Nothing to compare: this question goes back to an earlier answer to \(original), and no \(header.role) transcript "
                + "answering it was found \(place)."
        }
        return nil
    }

    static func response(_ answer: TranscriptEvent.Answer, followUp: TranscriptEvent.Ask?) -> ResponseReview {
        let text = AnswerText(answer.text)
        return ResponseReview(
            followUpQuestion: followUp?.text, probe: followUp?.probe ?? answer.probe, text: answer.text,
            words: text.wordCount, thinkMilliseconds: answer.timing.thinkMilliseconds,
            answerMilliseconds: answer.timing.answerMilliseconds, limitSeconds: answer.timing.limitSeconds,
            isOverLimit: answer.timing.isOverLimit, corrections: answer.timing.corrections,
            fillers: text.fillers.map { PhraseCount(phrase: $0.phrase, count: $0.count) },
            hedges: text.hedgeOccurrences.map { PhraseCount(phrase: $0.phrase, count: $0.count) })
    }

    static func consistency(of answer: AnswerText, with earlierText: String, from transcript: Transcript)
        -> ConsistencyReview
    {
        let before = AnswerText(earlierText)
        let earlierKeys = before.keyWords
        let shared = earlierKeys.intersection(answer.keyWords)
        let oldNumbers = before.numbers
        let newNumbers = answer.numbers
        return ConsistencyReview(
            earlierSession: transcript.header.session, earlierStarted: DateText.iso(transcript.header.started),
            earlierText: earlierText, sharedKeyWords: shared.count, earlierKeyWords: earlierKeys.count,
            missingNumbers: oldNumbers.filter { !newNumbers.contains($0) },
            newNumbers: newNumbers.filter { !oldNumbers.contains($0) })
    }

    // MARK: The candidate's questions

    static func candidateQuestions(in transcript: Transcript) -> CandidateQuestionsReview {
        var questions: [String] = []
        var reached = false
        for event in transcript.events {
            switch event {
            case .candidateQuestion(let question):
                questions.append(question.text)
                reached = true
            case .command(let command) where command.name == "done" && command.question == nil:
                reached = true
            default: break
            }
        }
        let summary: String
        if !questions.isEmpty {
            summary = "You asked the panel \(questions.count) question\(questions.count == 1 ? "" : "s")."
        } else if reached {
            summary =
                "You asked the panel no questions when invited to. Most interviewers expect one or two; next time you could ask:"
            let header = transcript.header
            return CandidateQuestionsReview(
                stageReached: true, questions: [], summary: summary,
                suggestions: CandidateQuestionSuggestions.suggestions(
                    roleTitle: header.roleTitle, company: header.company, kind: header.kind))
        } else if transcript.header.kind == .first {
            summary = "This interview had no stage for your questions."
        } else {
            summary = "The session ended before the stage where you ask the panel questions."
        }
        return CandidateQuestionsReview(stageReached: reached, questions: questions, summary: summary)
    }
}

/// Finds the answer given to a question in an earlier session: the question a `repeats`
/// field names, the question a revisit (`revisit_of`) goes back to, or the same question id.
struct EarlierAnswerFinder {
    let transcripts: [Transcript]
    let current: TranscriptHeader
    /// For each transcript, the last answered turn's text per question id.
    private let answers: [[String: String]]

    init(transcripts: [Transcript], current: TranscriptHeader) {
        self.transcripts = transcripts
        self.current = current
        answers = transcripts.map { transcript in
            var texts: [String: String] = [:]
            for turn in QuestionTurn.turns(in: transcript.events) where !turn.answers.isEmpty {
                texts[turn.ask.question] = turn.combinedText
            }
            return texts
        }
    }

    func find(_ ask: TranscriptEvent.Ask) -> (Transcript, String)? {
        if let repeats = ask.repeats, let slash = repeats.firstIndex(of: "/") {
            let scenarioID = String(repeats[..<slash])
            let questionID = String(repeats[repeats.index(after: slash)...])
            if let found = search(questionID, where: { $0.header.scenario.id == scenarioID }) { return found }
            if let found = search(questionID, where: { _ in true }) { return found }
        }
        if let original = ask.revisitedQuestion {
            if let previous = current.previousTranscript,
                let found = search(original, where: { $0.header.session == previous })
            {
                return found
            }
            if let found = search(original, where: { _ in true }) { return found }
        }
        return search(ask.question, where: { _ in true })
    }

    private func search(_ questionID: String, where accept: (Transcript) -> Bool) -> (Transcript, String)? {
        for (transcript, texts) in zip(transcripts, answers) where accept(transcript) {
            if let text = texts[questionID] { return (transcript, text) }
        }
        return nil
    }
}
