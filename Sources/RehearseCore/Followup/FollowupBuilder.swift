/// Drafts follow-up emails from a transcript and its review. Everything in a draft comes from the
/// transcript (names, role, company, questions, notes), the review (which answer was weakest,
/// which talking points were missed) or the options; what only the person knows is left as a
/// `[bracketed]` placeholder. How each part is chosen: docs/followup.md.
public struct FollowupBuilder {
    public var options: FollowupOptions

    public init(options: FollowupOptions) { self.options = options }

    /// The draft for `transcript`, whose review is `review`.
    public func draft(_ transcript: Transcript, review: TranscriptReview) throws -> FollowupDraft {
        let header = transcript.header
        let turns = QuestionTurn.turns(in: transcript.events)
        guard turns.contains(where: { !$0.answers.isEmpty }), turns.count == review.questions.count else {
            throw FollowupError.noAnswers(session: header.session, path: transcript.path)
        }
        if case .named(let name) = options.zone, !ZonedTime.isKnownZone(name) {
            throw ZonedTime.ZoneError.unknown(name)
        }
        // A debrief's recorded concerns are concerns to address, as `--concern` ones are.
        var options = options
        options.concerns += Self.recordedConcerns(in: transcript)
        let context = Context(transcript: transcript, review: review, turns: turns, options: options)
        let recipients = options.isOnePerInterviewer ? context.panel : [context.panel[0]]
        let emails = recipients.map { recipient in
            let others = context.panel.filter { $0.id != recipient.id }
            switch options.purpose {
            case .thankYou:
                return context.thankYou(to: recipient, others: others, isLead: recipient.id == context.panel[0].id)
            case .rejected: return context.rejectionReply(to: recipient, others: others)
            }
        }
        let usedNotes = Set(
            emails.flatMap { email in context.notes.filter { note in email.paragraphs.contains { $0.contains(note) } } }
        )
        var deadline: FollowupDeadline? = nil
        if options.purpose == .thankYou {
            deadline = FollowupDeadline(
                interviewEnded: context.ended, due: context.due,
                secondsLeft: Int(context.dueDate.timeIntervalSince(options.now).rounded(.down)))
        }
        return FollowupDraft(
            purpose: options.purpose, sessionID: header.session, roleTitle: context.roleTitle, company: header.company,
            emails: emails, recalled: context.panel.compactMap { context.recalled[$0.id] }, notes: context.notes,
            notesLeftOut: options.purpose == .thankYou ? context.notes.filter { !usedNotes.contains($0) } : [],
            deadline: deadline,
            plan: options.purpose == .rejected ? context.drillPlan() : nil)
    }

    /// The concerns a debrief recorded, each with the interviewer who raised it when known.
    static func recordedConcerns(in transcript: Transcript) -> [RecordedConcern] {
        transcript.events.compactMap { event in
            guard case .note(let note) = event, note.about == .concern else { return nil }
            return RecordedConcern(text: note.text, raisedBy: note.speaker)
        }
    }
}

/// Everything one draft needs, worked out once.
private struct Context {
    let header: TranscriptHeader
    let review: TranscriptReview
    let options: FollowupOptions
    /// The interviewers who took part, in the order they first spoke; the first is the lead.
    let panel: [Interviewer]
    /// Every question with its review, in the order asked.
    let allPairs: [(turn: QuestionTurn, review: QuestionReview)]
    /// Each answered question with its review, in the order asked.
    let answered: [(turn: QuestionTurn, review: QuestionReview)]
    let recalled: [String: RecalledTopic]
    let notes: [String]
    let roleTitle: String
    let ended: ZonedMoment
    let due: ZonedMoment
    let dueDate: Date
    /// "today", "yesterday" or "on Sat 24 Oct".
    let when: String
    /// The question whose answer is the concern to address when none was recorded.
    let weakest: (turn: QuestionTurn, review: QuestionReview)?
    let words: ClosedRange<Int>

    init(transcript: Transcript, review: TranscriptReview, turns: [QuestionTurn], options: FollowupOptions) {
        header = transcript.header
        self.review = review
        self.options = options
        roleTitle = header.roleTitle.trimmingBlanks().isEmpty ? header.role : header.roleTitle.trimmingBlanks()
        words = FollowupLength.bounds(for: options)

        var speakers: [String] = []
        for event in transcript.events {
            let speaker: String? =
                switch event {
                case .stage(let stage): stage.interviewer
                case .say(let say): say.speaker
                case .ask(let ask): ask.speaker
                case .candidateQuestion(let question): question.speaker
                default: nil
                }
            if let speaker, !speakers.contains(speaker) { speakers.append(speaker) }
        }
        let present = speakers.compactMap { id in transcript.header.interviewers.first { $0.id == id } }
        let everyone = present.isEmpty ? transcript.header.interviewers : present
        panel =
            everyone.isEmpty ? [Interviewer(id: "", name: "[interviewer's name]", title: "", style: .warm)] : everyone

        let pairs = Array(zip(turns, review.questions)).map { (turn: $0.0, review: $0.1) }
        let answeredPairs = pairs.filter { !$0.turn.answers.isEmpty }
        // The weakest: the review's first answer to work on, else the lowest-scoring answer.
        let weakestPair =
            review.toWorkOn.first.flatMap { index in pairs.first { $0.review.index == index } }
            ?? answeredPairs.min { $0.review.score.percent < $1.review.score.percent }
        allPairs = pairs
        answered = answeredPairs
        weakest = weakestPair

        // A topic per interviewer: their best-scoring answered question other than the weakest
        // (which the email comes back to), else the weakest itself.
        var recalled: [String: RecalledTopic] = [:]
        for interviewer in panel {
            let theirs = answeredPairs.filter { $0.turn.ask.speaker == interviewer.id }
            let others = theirs.filter { $0.review.index != weakestPair?.review.index }
            let ranked = (others.isEmpty ? theirs : others).sorted {
                $0.review.score.percent != $1.review.score.percent
                    ? $0.review.score.percent > $1.review.score.percent : $0.review.index < $1.review.index
            }
            if let best = ranked.first {
                recalled[interviewer.id] = RecalledTopic(
                    interviewerID: interviewer.id, questionID: best.turn.ask.question,
                    questionText: best.turn.ask.text, topic: TopicPhrase(question: best.turn.ask.text))
            }
        }
        self.recalled = recalled

        var notes: [String] = []
        for event in transcript.events {
            // Notes and a debrief's wishes are things to mention; its concerns are addressed apart.
            guard case .note(let note) = event, note.about != .concern else { continue }
            let text = Self.oneLine(note.text)
            if !text.isEmpty, !notes.contains(text) { notes.append(text) }
        }
        self.notes = notes

        let endedDate = header.started.addingTimeInterval(Double(transcript.events.last?.time ?? 0) / 1000)
        dueDate = endedDate.addingTimeInterval(24 * 3600)
        let zone = options.zone
        ended = (try? ZonedTime.moment(endedDate, in: zone)) ?? ZonedTime.fallback(endedDate)
        due = (try? ZonedTime.moment(dueDate, in: zone)) ?? ZonedTime.fallback(dueDate)
        let now = (try? ZonedTime.moment(options.now, in: zone)) ?? ZonedTime.fallback(options.now)
        let dayBefore = (try? ZonedTime.moment(options.now.addingTimeInterval(-24 * 3600), in: zone)) ?? now
        if ended.isSameDay(as: now) {
            when = "today"
        } else if ended.isSameDay(as: dayBefore) {
            when = "yesterday"
        } else {
            when =
                "on \(LocalTime.weekdayNames[ended.parts.weekday]) \(ended.parts.day) \(LocalTime.monthNames[ended.parts.month - 1])"
        }
    }

    /// A note or name on one line, single-spaced, without a closing full stop.
    static func oneLine(_ text: String) -> String {
        var line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = line.last, ".;,".contains(last) { line.removeLast() }
        return line
    }

    var isWarm: Bool { options.tone == .warm }
    var company: String { Self.oneLine(header.company) }
    var atCompany: String { company.isEmpty ? "" : " at \(company)" }
    var signature: String {
        let name = Self.oneLine(options.signature ?? header.candidate)
        return name.isEmpty ? "[Your name]" : name
    }

    func greeting(_ interviewer: Interviewer) -> String {
        let name = Self.oneLine(interviewer.name)
        // "Dr. Patel" and a "[name]" placeholder keep the whole name.
        if isWarm, let first = name.split(separator: " ").first, !first.hasSuffix("."), !name.hasPrefix("[") {
            return "Hi \(first),"
        }
        return "Dear \(name),"
    }

    /// "A, B and C".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    /// "our conversation about X" or "your question, “X?”" — how a topic reads after a verb.
    func about(_ topic: TopicPhrase, yours: Bool = true) -> String {
        switch topic.form {
        case .phrase: (isWarm ? "our conversation about " : "our discussion of ") + topic.text
        case .quotation: (yours ? "your question, “" : "the question, “") + topic.text + "”"
        }
    }

    /// "my answer about X" or "my answer to “X?”".
    func myAnswer(_ topic: TopicPhrase) -> String {
        topic.form == .phrase ? "my answer about \(topic.text)" : "my answer to “\(topic.text)”"
    }

    func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".?!”".contains(last) ? (last == "”" && !text.dropLast().hasSuffix("?") ? text + "." : text) : text + "."
    }

    // MARK: Thank-you

    func thankYou(to recipient: Interviewer, others: [Interviewer], isLead: Bool) -> FollowupEmail {
        var opening: [String] = []
        opening.append(
            isWarm
                ? "Thank you for taking the time to meet me \(when) about the \(roleTitle) role\(atCompany)."
                : "Thank you for meeting with me \(when) to discuss the \(roleTitle) position\(atCompany).")
        if let topic = recalled[recipient.id]?.topic {
            opening.append(sentence((isWarm ? "I especially enjoyed " : "I particularly appreciated ") + about(topic)))
        } else {
            opening.append(isWarm ? "I enjoyed meeting you." : "It was a pleasure to meet you.")
        }
        // The others on the panel: by name, with the topic each asked about (one sentence when short or per-interviewer).
        var panelSentences: [String] = []
        let othersNames = others.map { Self.oneLine($0.name) }
        if !others.isEmpty {
            if options.isShort || options.isOnePerInterviewer {
                panelSentences.append("Please pass my thanks to \(Self.list(othersNames)) as well.")
            } else {
                // One request to pass thanks on, then one sentence per recalled topic.
                panelSentences.append("Please also pass my thanks to \(Self.list(othersNames)).")
                for (index, other) in others.filter({ recalled[$0.id] != nil }).enumerated() {
                    guard let topic = recalled[other.id]?.topic else { continue }
                    let question = topic.form == .phrase ? "question about \(topic.text)" : "question, “\(topic.text)”"
                    let leads = ["I appreciated", "I also valued", "I enjoyed", "I also appreciated"]
                    let lead = leads[index % leads.count]
                    panelSentences.append(sentence("\(lead) \(Self.oneLine(other.name))'s \(question)"))
                }
            }
        }
        let interest =
            isWarm
            ? "Our conversation made me even more keen to join \(company.isEmpty ? "the team" : company)."
            : "The conversation confirmed my strong interest in the \(roleTitle) position."
        let concerns = concernSentences(for: recipient, isLead: isLead)
        let point = options.isShort ? nil : missedPointSentence()
        let noteSentences = notes.enumerated().map { index, note in
            index == 0
                ? "One thing I did not get to mention: \(Self.achievement(note))."
                : "I also wanted to mention: \(Self.achievement(note))."
        }
        let closing =
            options.isShort
            ? "Thank you again, and I look forward to hearing from you."
            : isWarm
                ? "Thank you again for your time. I look forward to hearing from you."
                : "Thank you again for your time and consideration. I look forward to hearing from you."
        let fillers = [
            "It was good to learn more about the role and the team.",
            "I am confident I could contribute [one strength you showed in the interview] from the start.",
            "Please let me know if there is anything else I can share that would help.",
            "[One sentence on why this role is the right next step for you.]",
            "I would be glad to go into more detail on anything we discussed.",
        ]

        // Required parts first; then notes and a missed talking point while they fit; then, when
        // the email is still under the lower bound, plain sentences that claim nothing.
        var email = FollowupEmail(
            recipient: recipient, othersThanked: others, address: isLead ? options.address : nil,
            subject: "Thank you — \(roleTitle) interview", greeting: greeting(recipient), paragraphs: [],
            signOff: isWarm ? "Best wishes," : "Kind regards,", signature: signature)
        var extras: [String] = []
        var addedNotes: [String] = []
        var addedFillers: [String] = []
        func assemble() -> [String] {
            [
                (opening + addedFillers.prefix(1)).joined(separator: " "),
                panelSentences.joined(separator: " "),
                (concerns + extras).joined(separator: " "),
                addedNotes.joined(separator: " "),
                ([interest] + addedFillers.dropFirst() + [closing]).joined(separator: " "),
            ].filter { !$0.isEmpty }
        }
        email.paragraphs = assemble()
        let noteLimit = options.isShort ? 1 : 3
        var optional = Array(noteSentences.prefix(noteLimit).map { (text: $0, isNote: true) })
        if let point { optional.insert((point, false), at: min(1, optional.count)) }
        for part in optional {
            if part.isNote { addedNotes.append(part.text) } else { extras.append(part.text) }
            email.paragraphs = assemble()
            if email.wordCount > words.upperBound {
                if part.isNote { addedNotes.removeLast() } else { extras.removeLast() }
                email.paragraphs = assemble()
            }
        }
        for filler in fillers where email.wordCount < words.lowerBound {
            addedFillers.append(filler)
            email.paragraphs = assemble()
        }
        return email
    }

    /// The concern to address: recorded concerns (in the email to whoever raised them, else the
    /// lead's), or else the review's weakest answer (in the email to whoever asked it).
    func concernSentences(for recipient: Interviewer, isLead: Bool) -> [String] {
        let single = !options.isOnePerInterviewer
        if !options.concerns.isEmpty {
            let limit = options.isShort ? 1 : 2
            let mine = options.concerns.filter { concern in
                guard let raiser = raiser(of: concern) else { return isLead }
                return single || raiser.id == recipient.id
            }
            return mine.prefix(limit).map { concern in
                let who = raiser(of: concern).map { $0.id == recipient.id ? "you" : Self.oneLine($0.name) } ?? "you"
                let text = Self.oneLine(concern.text)
                return
                    "I have also thought about the concern \(who) raised about \(text): [how your experience answers it, with one example]."
            }
        }
        guard let weakest else { return [] }
        let askedBy = weakest.turn.ask.speaker
        let isAsker = recipient.id == askedBy || (isLead && !panel.contains { $0.id == askedBy })
        guard single || isAsker else { return [] }
        let topic = TopicPhrase(question: weakest.turn.ask.text)
        let lead = isWarm ? "Looking back on " : "Regarding "
        return [lead + myAnswer(topic) + ", I would like to add " + placeholder(for: weakest.review) + "."]
    }

    func raiser(of concern: RecordedConcern) -> Interviewer? {
        guard let by = concern.raisedBy?.lowercased() else { return nil }
        return panel.first { $0.id.lowercased() == by || $0.name.lowercased() == by }
    }

    /// What the person should fill in, by the first thing the review found in the answer.
    func placeholder(for question: QuestionReview) -> String {
        if question.responses.isEmpty { return "[the answer you would give now, in one or two sentences]" }
        if question.has(.noNumber) { return "[a result you can measure, and the figure]" }
        if question.has(.noExample) || question.has(.incompleteStory) {
            return "[a specific example: the situation, what you did and the result]"
        }
        if question.has(.missedTalkingPoints), let missed = question.talkingPoints?.missed.first {
            return "[\(Self.point(missed)), in one sentence]"
        }
        if question.has(.shortAnswer) { return "[the detail you left out, in one sentence]" }
        return "[the point you would make more clearly now]"
    }

    /// A note as a sentence of the email: "led the migration of 3 teams" → "I led the migration
    /// of 3 teams". Only a note that opens with a past-tense verb gets the "I"; others stay as typed.
    static func achievement(_ note: String) -> String {
        guard let first = note.split(separator: " ").first, first.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
            return note
        }
        let irregular: Set<String> = [
            "led", "ran", "won", "built", "made", "grew", "cut", "wrote", "taught", "brought", "set", "took", "gave",
            "saw", "found", "kept", "held", "got", "began", "drove", "rebuilt", "rewrote", "spoke", "sold", "spent",
        ]
        return first.count > 3 && first.hasSuffix("ed") && !first.hasSuffix("eed") || irregular.contains(String(first))
            ? "I " + note : note
    }

    /// A talking point in the candidate's words: "What you owned" → "what I owned".
    static func point(_ text: String) -> String {
        TopicPhrase.swappingPronouns(TopicPhrase.lowercasingFirst(oneLine(text)))
    }

    /// A talking point an answer missed, other than in the weakest answer (which has its own sentence).
    func missedPointSentence() -> String? {
        for pair in answered where pair.review.index != weakest?.review.index {
            guard let missed = pair.review.talkingPoints?.missed.first else { continue }
            let topic = TopicPhrase(question: pair.turn.ask.text)
            let on = topic.form == .phrase ? "On \(topic.text)" : "On your question, “\(topic.text)”"
            return "\(on), I would also add \(Self.point(missed)): [the detail, in one sentence]."
        }
        return nil
    }

    // MARK: After a rejection

    func rejectionReply(to recipient: Interviewer, others: [Interviewer]) -> FollowupEmail {
        let people = Self.list(["you"] + others.map { Self.oneLine($0.name) })
        var first: [String] = [
            isWarm
                ? "Thank you for letting me know, and for the time \(people) spent with me on the \(roleTitle) interview\(atCompany)."
                : "Thank you for informing me of your decision, and for the time \(people) gave to the \(roleTitle) interview\(atCompany)."
        ]
        if let topic = recalled[recipient.id]?.topic {
            first.append(
                sentence(
                    (isWarm ? "I am disappointed, but I enjoyed " : "Although I am disappointed, I valued ")
                        + about(topic)))
        }
        let areas = feedbackAreas(limit: options.isShort ? 1 : 2)
        var request: [String] = []
        if areas.count == 1 {
            request.append(
                "If you have a few minutes, I would be grateful for feedback on one area in particular: \(areas[0]).")
        } else if areas.count > 1 {
            request.append(
                isWarm
                    ? "If you have a few minutes, I would be grateful for feedback on two areas in particular: \(areas[0]), and \(areas[1])."
                    : "I would be grateful for any feedback, particularly on two areas: \(areas[0]), and \(areas[1]).")
        }
        if !options.isShort { request.append("Anything you can share will help me prepare for future interviews.") }
        let company = company.isEmpty ? "the team" : company
        let closing =
            isWarm
            ? "I am still very interested in \(company), and I would welcome the chance to be considered for future roles. Thank you again, and all the best."
            : "I remain very interested in \(company) and would welcome being considered for future opportunities. Thank you again for your consideration."
        var email = FollowupEmail(
            recipient: recipient, othersThanked: others, address: options.address,
            subject: "Thank you — and a request for feedback on the \(roleTitle) interview",
            greeting: greeting(recipient),
            paragraphs: [first.joined(separator: " "), request.joined(separator: " "), closing],
            signOff: isWarm ? "Best wishes," : "Kind regards,", signature: signature)
        if email.wordCount < words.lowerBound {
            email.paragraphs[0] += " It was good to learn more about the role and the team."
        }
        return email
    }

    /// "how concrete my results were in my answer about X": the weakest answers, each with the
    /// part of it the review questioned.
    func feedbackAreas(limit: Int) -> [String] {
        var previousAspect: String? = nil
        return drillOrder().prefix(limit).map { pair in
            let review = pair.review
            let aspect: String
            if review.responses.isEmpty {
                aspect = "how I could have approached"
            } else if review.has(.noNumber) {
                aspect = "how concrete my results were in"
            } else if review.has(.noExample) || review.has(.incompleteStory) {
                aspect = "whether my example was specific enough in"
            } else if review.has(.missedTalkingPoints) {
                aspect = "whether I covered what you were looking for in"
            } else if review.has(.shortAnswer) {
                aspect = "whether I gave enough depth in"
            } else if review.has(.longAnswer) || review.has(.overLimit) {
                aspect = "how concise I was in"
            } else if review.has(.hedges) || review.has(.fillers) {
                aspect = "how clearly I came across in"
            } else {
                aspect = "how well I answered in"
            }
            // Two areas with the same aspect read better with it said once.
            let said = aspect == previousAspect && !review.responses.isEmpty ? "the same in" : aspect
            previousAspect = aspect
            let topic = TopicPhrase(question: pair.turn.ask.text)
            if review.responses.isEmpty {
                return topic.form == .phrase ? "\(aspect) \(topic.text)" : "\(aspect) “\(topic.text)”"
            }
            return "\(said) \(myAnswer(topic))"
        }
    }

    /// Questions to work on, weakest first: the review's list, then the lowest-scoring answers.
    func drillOrder() -> [(turn: QuestionTurn, review: QuestionReview)] {
        var order: [(turn: QuestionTurn, review: QuestionReview)] = []
        var seen: Set<String> = []
        for index in review.toWorkOn {
            if let pair = allPairs.first(where: { $0.review.index == index }),
                seen.insert(pair.turn.ask.question).inserted
            {
                order.append(pair)
            }
        }
        for pair in answered.sorted(by: {
            $0.review.score.percent != $1.review.score.percent
                ? $0.review.score.percent < $1.review.score.percent : $0.review.index < $1.review.index
        })
        where seen.insert(pair.turn.ask.question).inserted {
            order.append(pair)
        }
        return order
    }

    func drillPlan() -> DrillPlan {
        let questions = drillOrder().prefix(3).map {
            $0.turn.ask.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return DrillPlan(questions: Array(questions), command: "rehearse drill --role \(Self.shellWord(header.role))")
    }

    /// A word the shell reads back unchanged: quoted unless it is plain.
    static func shellWord(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_./".contains($0)) }) {
            return word
        }
        return "'" + word.replacing("'", with: "'\\''") + "'"
    }
}

extension ZonedTime {
    /// UTC, for the rare case a named zone vanished between checks.
    static func fallback(_ date: Date) -> ZonedMoment {
        ZonedMoment(parts: LocalTime.utcParts(of: date), offsetSeconds: 0, abbreviation: "UTC")
    }
}
