/// Writes a `Scenario` as a commented YAML file that `scenarios lint --strict` accepts and that
/// loads back to the same interview. Every text is written as a JSON-style quoted string (valid
/// YAML), so any character, escape sequences included, survives the round trip.
public enum ScenarioWriter {
    /// The YAML text; `comment` lines open the file.
    public static func yaml(_ scenario: Scenario, comment: [String] = []) -> String {
        var out: [String] = comment.map { "# " + $0 }
        if !comment.isEmpty { out.append("") }
        func q(_ text: String) -> String { DocumentText.jsonString(text) }
        out.append("version: \(scenario.version)")
        out.append("id: \(scenario.id)")
        out.append("title: \(q(scenario.title))")
        out.append("role: \(scenario.role)")
        out.append("role_title: \(q(scenario.roleTitle))")
        out.append("kind: \(scenario.kind.rawValue)")
        out.append("company: \(q(scenario.company))")
        if let description = scenario.description { out.append("description: \(q(description))") }
        out.append("time_limit: \(scenario.timeLimitSeconds)")
        out.append("interviewers:")
        for person in scenario.interviewers {
            out.append("  - id: \(person.id)")
            out.append("    name: \(q(person.name))")
            out.append("    title: \(q(person.title))")
            out.append("    style: \(person.style.rawValue)")
        }
        out.append("")
        out.append("stages:")
        for stage in scenario.stages {
            if let note = stageComment(stage) { out.append("  # \(note)") }
            out.append("  - id: \(stage.id)")
            if stage.type != .questions { out.append("    type: \(stage.type.rawValue)") }
            if let title = stage.title { out.append("    title: \(q(title))") }
            out.append("    interviewer: \(stage.interviewerID)")
            if !stage.lines.isEmpty {
                out.append("    say:")
                for line in stage.lines { out.append("      - \(q(line))") }
            }
            switch stage.content {
            case .questions(let questions):
                if let pick = questions.pick {
                    out.append("    pick: \(pick)                          # asked of these, chosen by the seed")
                }
                out.append("    questions:")
                for question in questions.questions { out += self.question(question) }
            case .revisit(let revisit):
                out.append("    pick: \(revisit.pick)")
                if let limit = revisit.timeLimitSeconds { out.append("    time_limit: \(limit)") }
                if let from = revisit.fromScenario { out.append("    from_scenario: \(from)") }
                out.append("    ask: \(q(revisit.prompt))")
                out.append("    questions:")
                for question in revisit.fallbackQuestions { out += self.question(question) }
            case .candidateQuestions(let candidate):
                out.append("    replies:")
                for reply in candidate.replies {
                    out.append("      - keywords: [\(reply.keywords.map(q).joined(separator: ", "))]")
                    if let interviewer = reply.interviewerID { out.append("        interviewer: \(interviewer)") }
                    out.append("        reply: \(q(reply.text))")
                }
                if let fallback = candidate.fallbackReply { out.append("    fallback: \(q(fallback))") }
                out.append("    max_questions: \(candidate.maxQuestions)")
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    private static func stageComment(_ stage: Stage) -> String? {
        if stage.id.hasPrefix("again"), stage.type == .revisit {
            return
                "Your real answers, revisited: concerns first, then flagged answers, then the thinnest. The questions are used when that round is not found."
        }
        if stage.id.hasPrefix("again") {
            return "Questions you were really asked: each repeats the real one, so the review compares your answers."
        }
        if stage.id.hasPrefix("concerns") {
            return
                "Concerns from the real interview, asked by whoever raised them; the talking points are the concern's key words."
        }
        if stage.id.hasPrefix("t-") { return "From the bundled scenario of the nearest role and kind." }
        if stage.type == .candidateQuestions { return "Your questions for them." }
        return nil
    }

    private static func question(_ question: Question) -> [String] {
        func q(_ text: String) -> String { DocumentText.jsonString(text) }
        var out = ["      - id: \(question.id)", "        text: \(q(question.text))"]
        if let type = question.declaredType { out.append("        type: \(type.rawValue)") }
        if let repeats = question.repeats { out.append("        repeats: \(repeats)") }
        if let limit = question.timeLimitSeconds { out.append("        time_limit: \(limit)") }
        if let hint = question.hint { out.append("        hint: \(q(hint))") }
        if !question.talkingPoints.isEmpty {
            out.append("        talking_points:")
            for point in question.talkingPoints {
                out.append("          - point: \(q(point.point))")
                out.append("            keywords: [\(point.keywords.map(q).joined(separator: ", "))]")
            }
        }
        if question.maxProbes != 1 { out.append("        max_probes: \(question.maxProbes)") }
        if !question.probes.isEmpty {
            out.append("        probes:")
            for probe in question.probes {
                out.append("          - when: \(probe.condition.name)")
                switch probe.condition {
                case .tooFewWords(let minimum): out.append("            min_words: \(minimum)")
                case .missingPoint(let index?): out.append("            point: \(index)")
                default: break
                }
                out.append("            ask: \(q(probe.text))")
            }
        }
        return out
    }
}
