/// Builds the next round after a real (or practice) one, with no YAML written by hand: the
/// questions really asked come back as repeats of that round, each recorded concern becomes a
/// question from the interviewer who raised it, and the rest comes from a bundled scenario of
/// the nearest role and kind, with the real interviewers in the panel. Nothing here is random:
/// the session's seed chooses among the template's questions (`pick`), so `--seed` reproduces it.
public struct NextRoundBuilder {
    /// Questions kept from each of the template's question stages.
    public static let templateQuestionsPerStage = 2
    /// Time limit of the repeated and concern questions when the template gives none.
    public static let defaultTimeLimit = 120

    public var round: RoundRecord
    /// The kind of interview to generate.
    public var kind: InterviewKind
    /// The scenario the rest comes from; nil gives only the repeats, the concerns and a closing stage.
    public var template: Scenario?

    public init(round: RoundRecord, kind: InterviewKind, template: Scenario?) {
        self.round = round
        self.kind = kind
        self.template = template
    }

    /// The kind after a round: a `second` interview follows a first (and anything else), unless asked otherwise.
    public static func defaultKind(after round: RoundRecord) -> InterviewKind { .second }

    /// The catalog role closest to a round's role: the same id, else the role whose title or id
    /// shares the most words with the round's role title, else the closest spelling.
    public static func nearestRole(to round: RoundRecord, roles: [(id: String, title: String)]) -> String? {
        if roles.contains(where: { $0.id == round.header.role }) { return round.header.role }
        let wanted = Set(
            AnswerText(round.header.roleTitle + " " + round.header.role.replacing("-", with: " ")).words.filter {
                $0.count >= 3
            })
        let scored = roles.map { role in
            (
                role.id,
                Set(AnswerText(role.title + " " + role.id.replacing("-", with: " ")).words).intersection(wanted).count
            )
        }
        if let best = scored.max(by: { $0.1 < $1.1 }), best.1 > 0 { return best.0 }
        return closestMatch(to: round.header.role, in: roles.map(\.id)) ?? roles.first?.id
    }

    /// The scenario id of the generated round: `after-SESSION-KIND`.
    public var scenarioID: String { "after-\(DebriefDetails.slug(round.header.session))-\(kind.rawValue)" }

    /// The generated interview.
    public func build() -> Scenario {
        let header = round.header
        let panel = self.panel()
        let lead = panel[0]
        func member(for speaker: String?) -> String {
            guard kind != .samePerson, let speaker, panel.contains(where: { $0.id == speaker }) else { return lead.id }
            return speaker
        }
        let limit = template?.timeLimitSeconds ?? Self.defaultTimeLimit
        var stages: [Stage] = []

        // The questions really asked, grouped by who asked them, in the order they came.
        let welcome =
            kind == .samePerson
            ? ["Good to see you again, {candidate}. I'd like to pick up where we left off last time."]
            : [
                "Welcome back, {candidate}. Today you'll meet {panel}.",
                "Some questions will sound familiar from last time. Answer them fully again: we listen for what is consistent and what is new.",
            ]
        var groups: [(speaker: String, questions: [Question])] = []
        for (offset, asked) in round.questions.enumerated() {
            let speaker = member(for: asked.speaker)
            let text = TextTemplate.literal(asked.text)
            let question = Question(
                id: "again-\(offset + 1)", text: text, timeLimitSeconds: nil, talkingPoints: [],
                hint:
                    "You were asked this in the real interview: keep the facts and numbers you gave then, and add what you have learned since.",
                repeats: "\(round.scenarioID)/\(asked.id)", maxProbes: 1,
                probes: [Probe(condition: .noExample, text: "Can you give me one specific example?")], place: .unknown,
                // Declared, so the YAML written from it passes `lint --strict` and reads the same.
                declaredType: QuestionType.inferred(from: text))
            if let last = groups.indices.last, groups[last].speaker == speaker {
                groups[last].questions.append(question)
            } else {
                groups.append((speaker, [question]))
            }
        }
        if kind == .samePerson {
            // The same interviewer goes back over every real answer in the order a returning
            // interviewer would (see `RevisitOrder`); the real questions are the fallback when the
            // earlier round cannot be found.
            let revisit = RevisitStage(
                prompt:
                    "Last time I asked: {previous_question} You said: \"{previous_answer}\" Tell me again, and go further.",
                pick: max(1, round.questions.count), fromScenario: round.scenarioID,
                fallbackQuestions: groups.flatMap(\.questions), timeLimitSeconds: nil)
            stages.append(
                Stage(
                    id: "again", title: "Back to last time", interviewerID: lead.id, lines: welcome,
                    content: .revisit(revisit), place: .unknown))
        } else {
            for (index, group) in groups.enumerated() {
                stages.append(
                    Stage(
                        id: index == 0 ? "again" : "again-\(index + 1)", title: index == 0 ? "Back to last time" : nil,
                        interviewerID: group.speaker, lines: index == 0 ? welcome : [],
                        content: .questions(QuestionsStage(questions: group.questions)), place: .unknown))
            }
        }

        // Each concern, from whoever raised it.
        var concernGroups: [(speaker: String, questions: [Question])] = []
        for (offset, concern) in round.concerns.enumerated() {
            let speaker = member(for: concern.speaker)
            let topic = TextTemplate.literal(RoundRecord.topic(of: concern.text))
            let keywords = RoundRecord.keyWords(of: concern.text)
            let question = Question(
                id: "concern-\(offset + 1)",
                text:
                    "Last time we talked about \(topic). Has anything changed, and what would you like me to know about it?",
                timeLimitSeconds: nil,
                talkingPoints: keywords.isEmpty
                    ? [] : [TalkingPoint(point: "Addresses the concern: \(topic)", keywords: keywords)],
                hint:
                    "Name the concern plainly, then give one specific example that answers it, and what you are doing about it now.",
                repeats: nil, maxProbes: 1,
                probes: [Probe(condition: .noExample, text: "Can you give me a specific example?")], place: .unknown,
                // The answer a coach wants is a past example that meets the concern.
                declaredType: .behavioural)
            if let last = concernGroups.indices.last, concernGroups[last].speaker == speaker {
                concernGroups[last].questions.append(question)
            } else {
                concernGroups.append((speaker, [question]))
            }
        }
        for (index, group) in concernGroups.enumerated() {
            stages.append(
                Stage(
                    id: index == 0 ? "concerns" : "concerns-\(index + 1)",
                    title: index == 0 ? "What we wanted to know more about" : nil,
                    interviewerID: group.speaker, lines: [],
                    content: .questions(QuestionsStage(questions: group.questions)),
                    place: .unknown))
        }

        // The rest from the template: its question stages (a few questions each, chosen by the seed)
        // without its own repeats and revisits (the real questions replace them), then its closing stage.
        let templateIDs = (template?.interviewers ?? []).map(\.id)
        func mapped(_ id: String) -> String {
            if kind == .samePerson { return lead.id }
            guard let index = templateIDs.firstIndex(of: id), index < panel.count else { return lead.id }
            return panel[index].id
        }
        var closing: Stage? = nil
        for stage in template?.stages ?? [] {
            switch stage.content {
            case .questions(let questions):
                let kept = questions.questions.filter { $0.repeats == nil }
                guard !kept.isEmpty else { continue }
                let pick = min(questions.pick ?? kept.count, Self.templateQuestionsPerStage, kept.count)
                stages.append(
                    Stage(
                        id: "t-" + stage.id, title: stage.title, interviewerID: mapped(stage.interviewerID), lines: [],
                        content: .questions(QuestionsStage(questions: kept, pick: pick < kept.count ? pick : nil)),
                        place: .unknown))
            case .candidateQuestions(var candidate):
                candidate.replies = candidate.replies.map { reply in
                    var moved = reply
                    moved.interviewerID = reply.interviewerID.map(mapped)
                    return moved
                }
                closing = Stage(
                    id: "your-questions", title: stage.title ?? "Your questions",
                    interviewerID: mapped(stage.interviewerID),
                    lines: stage.lines.isEmpty ? ["What would you like to ask us?"] : stage.lines,
                    content: .candidateQuestions(candidate), place: .unknown)
            case .revisit:
                continue
            }
        }
        stages.append(
            closing
                ?? Stage(
                    id: "your-questions", title: "Your questions", interviewerID: lead.id,
                    lines: ["What would you like to ask us?"],
                    content: .candidateQuestions(
                        CandidateQuestionsStage(
                            replies: [
                                CandidateReply(
                                    keywords: ["next steps", "timeline", "decision", "hear back"],
                                    text: "We'll be in touch within a week either way.", interviewerID: nil)
                            ],
                            fallbackReply: CandidateQuestionsStage.defaultFallbackReply)),
                    place: .unknown))

        let company = TextTemplate.literal(header.company)
        let roleTitle = TextTemplate.literal(
            header.roleTitle.isEmpty ? ScenarioTemplate.title(forRole: header.role) : header.roleTitle)
        let title =
            kind == .samePerson
            ? "Follow-up interview with \(TextTemplate.literal(lead.name)) — \(roleTitle) at \(company)"
            : "Second interview — \(roleTitle) at \(company)"
        let usedIDs = Set(
            stages.map(\.interviewerID)
                + stages.compactMap { $0.candidateQuestions?.replies.compactMap(\.interviewerID) }.flatMap { $0 })
        return Scenario(
            version: 1, id: scenarioID, title: title, role: header.role, roleTitle: roleTitle, kind: kind,
            company: company,
            description:
                "Generated from the \(header.isRealInterview ? "real" : "practice") \(header.kind.rawValue) interview \(header.session): "
                + "its \(round.questions.count) question\(round.questions.count == 1 ? "" : "s") again, \(round.concerns.count) concern\(round.concerns.count == 1 ? "" : "s"), "
                + "and more from \(template?.id ?? "no bundled scenario").",
            timeLimitSeconds: limit, interviewers: panel.filter { usedIDs.contains($0.id) || $0.id == lead.id },
            stages: stages, checksum: "", sourcePath: "")
    }

    /// The panel: the real interviewers (the lead first) in the template's styles, then the
    /// template's other interviewers; for a same-person round, only the lead.
    func panel() -> [Interviewer] {
        let templatePanel = template?.interviewers ?? []
        var real = round.header.interviewers
        if let lead = round.leadInterviewer, let index = real.firstIndex(of: lead) {
            real.remove(at: index)
            real.insert(lead, at: 0)
        }
        var panel: [Interviewer] = []
        for (index, person) in real.enumerated() {
            var member = person
            member.name = TerminalSafeText.inert(person.name, keepNewlines: false)
            member.title = TerminalSafeText.inert(person.title, keepNewlines: false)
            member.style = index < templatePanel.count ? templatePanel[index].style : person.style
            panel.append(member)
        }
        if kind == .samePerson {
            return [
                panel.first ?? templatePanel.first
                    ?? Interviewer(id: "interviewer", name: "Your interviewer", title: "Interviewer", style: .warm)
            ]
        }
        for person in templatePanel.dropFirst(real.count) {
            var member = person
            while panel.contains(where: { $0.id == member.id }) { member.id += "-2" }
            panel.append(member)
        }
        if panel.isEmpty {
            panel.append(Interviewer(id: "interviewer", name: "Your interviewer", title: "Interviewer", style: .warm))
        }
        return panel
    }
}

extension TextTemplate {
    /// Text a person typed, made fit for a scenario: on one line, control characters shown inert
    /// (`^[`, as a scenario may hold none) and braces doubled, so a template renders it as written.
    public static func literal(_ text: String) -> String {
        TerminalSafeText.inert(text.replacing("\n", with: " "), keepNewlines: false).replacing("{", with: "{{")
            .replacing("}", with: "}}")
    }
}
