import Yams

/// Turns a composed YAML tree into a `Scenario`, collecting every problem on the way.
struct ScenarioDecoder {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) { self.path = path }

    static let topKeys = ["version", "id", "title", "role", "role_title", "kind", "company", "description", "time_limit", "interviewers", "stages"]
    static let interviewerKeys = ["id", "name", "title", "style"]
    static let stageKeysByType: [Stage.StageType: [String]] = [
        .questions: ["id", "title", "type", "interviewer", "say", "questions", "pick"],
        .candidateQuestions: ["id", "title", "type", "interviewer", "say", "replies", "fallback", "max_questions"],
        .revisit: ["id", "title", "type", "interviewer", "say", "ask", "pick", "from_scenario", "questions", "time_limit"],
    ]
    static let allStageKeys = Array(Set(stageKeysByType.values.joined())).sorted()
    static let replyKeys = ["keywords", "reply", "interviewer"]
    static let questionKeys = ["id", "text", "time_limit", "talking_points", "hint", "repeats", "max_probes", "probes"]
    static let talkingPointKeys = ["point", "keywords"]
    static let probeKeys = ["when", "ask", "min_words", "point"]

    // MARK: Reporting

    mutating func error(_ place: SourcePlace, _ message: String, _ suggestion: String? = nil) {
        diagnostics.append(Diagnostic(file: path, line: place.line, column: place.column, severity: .error, message: message, suggestion: suggestion))
    }

    mutating func warning(_ place: SourcePlace, _ message: String, _ suggestion: String? = nil) {
        diagnostics.append(Diagnostic(file: path, line: place.line, column: place.column, severity: .warning, message: message, suggestion: suggestion))
    }

    // MARK: Typed access

    /// The pairs of a mapping node keyed by string, reporting unknown keys (with the closest known one).
    mutating func mapping(_ node: Node, known: [String], what: String) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            error(node.place, "\(what) should be a mapping of keys and values, not \(describe(node))")
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error(key.place, "keys must be plain words, not \(describe(key))")
                continue
            }
            if known.contains(name) {
                result[name] = value
            } else if let close = closestMatch(to: name, in: known) {
                error(key.place, "unknown key '\(name)' in \(what)", "did you mean '\(close)'?")
            } else {
                error(key.place, "unknown key '\(name)' in \(what)", "known keys: \(known.joined(separator: ", "))")
            }
        }
        return result
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if scalar.style == .plain || scalar.style == .any {
                if node.int != nil { return "a number" }
                if node.bool != nil && ["true", "false", "yes", "no"].contains(scalar.string.lowercased()) { return "a boolean" }
                if scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" { return "nothing (null)" }
            }
            return "text"
        }
    }

    mutating func required(_ fields: [String: Node], _ key: String, in what: String, at place: SourcePlace) -> Node? {
        if let node = fields[key] { return node }
        error(place, "\(what) is missing the required key '\(key)'")
        return nil
    }

    /// A text value: a scalar that is not null, checked for control characters.
    mutating func text(_ node: Node?, _ key: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, describe(node) != "nothing (null)" else {
            error(node.place, "'\(key)' should be text, not \(describe(node))")
            return nil
        }
        checkControlCharacters(scalar.string, at: node.place, key)
        let value = scalar.string
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            error(node.place, "'\(key)' is empty")
            return nil
        }
        return value
    }

    mutating func checkControlCharacters(_ value: String, at place: SourcePlace, _ key: String) {
        for scalar in value.unicodeScalars {
            let code = scalar.value
            if (code < 0x20 && code != 0x09 && code != 0x0A) || code == 0x7F || (0x80...0x9F).contains(code) {
                error(place, "'\(key)' contains the control character U+\(String(format: "%04X", code))", "remove it; only tab and newline are allowed")
                return
            }
        }
    }

    mutating func integer(_ node: Node?, _ key: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any, let value = node.int else {
            error(node.place, "'\(key)' should be a whole number, not \(describe(node))")
            return nil
        }
        if let range, !range.contains(value) {
            error(node.place, "'\(key)' is \(value); it must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return value
    }

    mutating func slug(_ node: Node?, _ key: String) -> String? {
        guard let value = text(node, key), let node else { return nil }
        let allowed = value.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        if !allowed || value.hasPrefix("-") {
            let suggestion = value.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            error(node.place, "'\(key)' must be lowercase letters, digits and '-', not '\(value)'", "try '\(suggestion)'")
            return nil
        }
        return value
    }

    mutating func list(_ node: Node?, _ key: String) -> [Node]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else {
            error(node.place, "'\(key)' should be a list (items starting with '- '), not \(describe(node))")
            return nil
        }
        return Array(sequence)
    }

    mutating func textList(_ node: Node?, _ key: String) -> [String]? {
        guard let items = list(node, key) else { return nil }
        return items.compactMap { text($0, key) }
    }

    mutating func checkVariables(_ value: String, at place: SourcePlace, _ key: String, allowRevisit: Bool = false) {
        let allowed = TextTemplate.commonVariables + (allowRevisit ? TextTemplate.revisitVariables : [])
        for reference in TextTemplate.references(in: value) where !allowed.contains(reference.name) {
            if reference.name.isEmpty {
                error(place, "'\(key)' has a '{' that is never closed", "write '{{' for a literal brace")
            } else if TextTemplate.revisitVariables.contains(reference.name) {
                error(place, "'{\(reference.name)}' in '\(key)' is only available in a revisit stage's 'ask'")
            } else if let close = closestMatch(to: reference.name, in: allowed) {
                error(place, "unknown variable '{\(reference.name)}' in '\(key)'", "did you mean '{\(close)}'?")
            } else {
                error(place, "unknown variable '{\(reference.name)}' in '\(key)'", "known variables: \(allowed.map { "{\($0)}" }.joined(separator: ", "))")
            }
        }
    }

    /// Text that may hold variables.
    mutating func templated(_ node: Node?, _ key: String, allowRevisit: Bool = false) -> String? {
        guard let value = text(node, key), let node else { return nil }
        checkVariables(value, at: node.place, key, allowRevisit: allowRevisit)
        return value
    }

    mutating func enumeration<T: RawRepresentable>(_ node: Node?, _ key: String, _ type: T.Type, names: [String]) -> T? where T.RawValue == String {
        guard let value = text(node, key), let node else { return nil }
        if let result = T(rawValue: value) { return result }
        let suggestion = closestMatch(to: value, in: names).map { "did you mean '\($0)'?" } ?? "use one of: \(names.joined(separator: ", "))"
        error(node.place, "'\(value)' is not a valid \(key)", suggestion)
        return nil
    }

    // MARK: The scenario

    mutating func decode(_ root: Node, checksum: String) -> Scenario? {
        guard let fields = mapping(root, known: Self.topKeys, what: "the scenario") else { return nil }
        let place = root.place
        var version = 1
        if let node = required(fields, "version", in: "the scenario", at: place), let value = integer(node, "version") {
            if value != 1 { error(node.place, "format version \(value) is not supported", "this version of rehearse reads version 1") }
            version = value
        }
        let id = required(fields, "id", in: "the scenario", at: place).flatMap { slug($0, "id") }
        let title = required(fields, "title", in: "the scenario", at: place).flatMap { text($0, "title") }
        let role = required(fields, "role", in: "the scenario", at: place).flatMap { slug($0, "role") }
        let roleTitle = required(fields, "role_title", in: "the scenario", at: place).flatMap { text($0, "role_title") }
        let kind = required(fields, "kind", in: "the scenario", at: place).flatMap {
            enumeration($0, "kind", InterviewKind.self, names: InterviewKind.allCases.map(\.rawValue))
        }
        let company = required(fields, "company", in: "the scenario", at: place).flatMap { text($0, "company") }
        let description = fields["description"].flatMap { templated($0, "description") }
        let timeLimit = fields["time_limit"].map { integer($0, "time_limit", range: ScenarioLoader.timeLimitRange) } ?? 120

        var interviewers: [Interviewer] = []
        if let items = required(fields, "interviewers", in: "the scenario", at: place).flatMap({ list($0, "interviewers") }) {
            if items.isEmpty, let node = fields["interviewers"] { error(node.place, "'interviewers' is empty", "add at least one interviewer") }
            for item in items {
                guard let interviewer = decodeInterviewer(item) else { continue }
                if interviewers.contains(where: { $0.id == interviewer.id }) {
                    error(item.place, "duplicate interviewer id '\(interviewer.id)'", "give each interviewer its own id")
                } else {
                    interviewers.append(interviewer)
                }
            }
        }

        var stages: [Stage] = []
        var questionPlaces: [String: SourcePlace] = [:]
        if let items = required(fields, "stages", in: "the scenario", at: place).flatMap({ list($0, "stages") }) {
            if items.isEmpty, let node = fields["stages"] { error(node.place, "'stages' is empty", "add at least one stage") }
            for (index, item) in items.enumerated() {
                guard let stage = decodeStage(item, index: index, interviewers: interviewers) else { continue }
                for question in stage.questions {
                    if let first = questionPlaces[question.id] {
                        error(question.place, "duplicate question id '\(question.id)' (first used at line \(first.line))", "give each question its own id")
                    } else {
                        questionPlaces[question.id] = question.place
                    }
                }
                if stages.contains(where: { $0.id == stage.id }) {
                    error(stage.place, "duplicate stage id '\(stage.id)'", "give each stage its own id")
                }
                stages.append(stage)
            }
        }

        if let kind, !stages.isEmpty {
            checkKindRules(kind, stages: stages, interviewers: interviewers, at: fields["kind"]?.place ?? place)
        }

        guard let id, let title, let role, let roleTitle, let kind, let company, let timeLimit else { return nil }
        return Scenario(version: version, id: id, title: title, role: role, roleTitle: roleTitle, kind: kind, company: company,
                        description: description, timeLimitSeconds: timeLimit, interviewers: interviewers, stages: stages,
                        checksum: checksum, sourcePath: path)
    }

    mutating func checkKindRules(_ kind: InterviewKind, stages: [Stage], interviewers: [Interviewer], at place: SourcePlace) {
        let hasCandidateQuestions = stages.contains { $0.type == .candidateQuestions }
        switch kind {
        case .first:
            if interviewers.count > 1 {
                warning(place, "a first interview usually has one interviewer; this one has \(interviewers.count)", "use kind 'second' for a panel")
            }
        case .second:
            if !hasCandidateQuestions {
                warning(place, "a second interview should end with the candidate's questions", "add a stage with 'type: candidate_questions'")
            }
            if interviewers.count < 2 {
                warning(place, "a second interview usually has a panel; this one has one interviewer", "add interviewers with different styles")
            }
        case .samePerson:
            if !hasCandidateQuestions {
                warning(place, "a same-person interview should end with the candidate's questions", "add a stage with 'type: candidate_questions'")
            }
            if !stages.contains(where: { $0.type == .revisit }) {
                error(place, "a same-person interview never revisits earlier answers", "add a stage with 'type: revisit'")
            }
        }
    }

    mutating func decodeInterviewer(_ node: Node) -> Interviewer? {
        guard let fields = mapping(node, known: Self.interviewerKeys, what: "an interviewer") else { return nil }
        let id = required(fields, "id", in: "an interviewer", at: node.place).flatMap { slug($0, "id") }
        let name = required(fields, "name", in: "an interviewer", at: node.place).flatMap { text($0, "name") }
        let title = required(fields, "title", in: "an interviewer", at: node.place).flatMap { text($0, "title") }
        let style = required(fields, "style", in: "an interviewer", at: node.place).flatMap {
            enumeration($0, "style", InterviewerStyle.self, names: InterviewerStyle.allCases.map(\.rawValue))
        }
        guard let id, let name, let title, let style else { return nil }
        return Interviewer(id: id, name: name, title: title, style: style)
    }

    mutating func interviewerReference(_ node: Node?, _ interviewers: [Interviewer], key: String = "interviewer") -> String? {
        guard let id = text(node, key), let node else { return nil }
        if interviewers.contains(where: { $0.id == id }) || interviewers.isEmpty { return id }
        let ids = interviewers.map(\.id)
        let suggestion = closestMatch(to: id, in: ids).map { "did you mean '\($0)'?" } ?? "known interviewers: \(ids.joined(separator: ", "))"
        error(node.place, "interviewer '\(id)' does not exist", suggestion)
        return nil
    }

    mutating func decodeStage(_ node: Node, index: Int, interviewers: [Interviewer]) -> Stage? {
        var type = Stage.StageType.questions
        if case .mapping(let mapping) = node, let typeNode = mapping["type"] {
            guard let value = enumeration(typeNode, "type", Stage.StageType.self, names: Stage.StageType.allCases.map(\.rawValue)) else { return nil }
            type = value
        }
        let known = Self.stageKeysByType[type] ?? []
        guard case .mapping(let mapping) = node else {
            _ = self.mapping(node, known: known, what: "a stage")
            return nil
        }
        // Keys that belong to another stage type get a clearer message than "unknown key".
        var filtered: [(Node, Node)] = []
        for (key, value) in mapping {
            if let name = key.scalar?.string, !known.contains(name), Self.allStageKeys.contains(name) {
                error(key.place, "'\(name)' does not belong in a stage of type '\(type.rawValue)'", "remove it, or change the stage's type")
            } else {
                filtered.append((key, value))
            }
        }
        guard let fields = self.mapping(.mapping(.init(filtered, mapping.tag, mapping.style, mapping.mark)), known: known, what: "a stage") else { return nil }
        let place = node.place
        let id = fields["id"].flatMap { slug($0, "id") } ?? "stage-\(index + 1)"
        let title = fields["title"].flatMap { templated($0, "title") }
        let interviewer = required(fields, "interviewer", in: "a stage", at: place).flatMap { interviewerReference($0, interviewers) }
        var lines: [String] = []
        if let items = fields["say"].flatMap({ list($0, "say") }) {
            lines = items.compactMap { templated($0, "say") }
        }
        var stage = Stage(id: id, title: title, type: type, interviewerID: interviewer ?? "", lines: lines, questions: [], pick: nil,
                          replies: [], fallbackReply: nil, maxCandidateQuestions: 5, revisitPrompt: nil, revisitFromScenario: nil,
                          timeLimitSeconds: nil, place: place)
        switch type {
        case .questions, .revisit:
            if let items = required(fields, "questions", in: "a stage", at: place).flatMap({ list($0, "questions") }) {
                if items.isEmpty, let node = fields["questions"] { error(node.place, "the stage '\(id)' has no questions", "add questions or remove the stage") }
                stage.questions = items.compactMap { decodeQuestion($0) }
            }
            if let node = fields["pick"], let pick = integer(node, "pick", range: 1...1000) {
                if type == .questions, pick > stage.questions.count, !stage.questions.isEmpty {
                    error(node.place, "'pick' is \(pick) but the stage has only \(stage.questions.count) questions", "lower 'pick' to at most \(stage.questions.count)")
                }
                stage.pick = pick
            }
            if type == .revisit {
                if let node = required(fields, "ask", in: "a revisit stage", at: place), let ask = templated(node, "ask", allowRevisit: true) {
                    let names = TextTemplate.references(in: ask).map(\.name)
                    if !names.contains("previous_question") && !names.contains("previous_answer") {
                        error(node.place, "a revisit stage's 'ask' never mentions the earlier answer", "use {previous_question} or {previous_answer}")
                    }
                    stage.revisitPrompt = ask
                }
                stage.revisitFromScenario = fields["from_scenario"].flatMap { slug($0, "from_scenario") }
                stage.timeLimitSeconds = fields["time_limit"].flatMap { integer($0, "time_limit", range: ScenarioLoader.timeLimitRange) }
            }
        case .candidateQuestions:
            if let items = required(fields, "replies", in: "a candidate_questions stage", at: place).flatMap({ list($0, "replies") }) {
                if items.isEmpty, let node = fields["replies"] { error(node.place, "the stage '\(id)' has no replies", "add replies with keywords") }
                stage.replies = items.compactMap { decodeReply($0, interviewers: interviewers) }
            }
            stage.fallbackReply = required(fields, "fallback", in: "a candidate_questions stage", at: place).flatMap { templated($0, "fallback") }
            if let node = fields["max_questions"], let value = integer(node, "max_questions", range: 1...20) {
                stage.maxCandidateQuestions = value
            }
        }
        return interviewer == nil ? nil : stage
    }

    mutating func decodeReply(_ node: Node, interviewers: [Interviewer]) -> CandidateReply? {
        guard let fields = mapping(node, known: Self.replyKeys, what: "a reply") else { return nil }
        let keywords = required(fields, "keywords", in: "a reply", at: node.place).flatMap { textList($0, "keywords") }
        if let keywords, keywords.isEmpty, let node = fields["keywords"] { error(node.place, "'keywords' is empty", "list words that would appear in the candidate's question") }
        let reply = required(fields, "reply", in: "a reply", at: node.place).flatMap { templated($0, "reply") }
        let interviewer = fields["interviewer"].flatMap { interviewerReference($0, interviewers) }
        if fields["interviewer"] != nil, interviewer == nil { return nil }
        guard let keywords, let reply else { return nil }
        return CandidateReply(keywords: keywords.map { $0.lowercased() }, text: reply, interviewerID: interviewer)
    }

    mutating func decodeQuestion(_ node: Node) -> Question? {
        guard let fields = mapping(node, known: Self.questionKeys, what: "a question") else { return nil }
        let place = node.place
        let id = required(fields, "id", in: "a question", at: place).flatMap { slug($0, "id") }
        let text = required(fields, "text", in: "a question", at: place).flatMap { templated($0, "text") }
        let timeLimit = fields["time_limit"].flatMap { integer($0, "time_limit", range: ScenarioLoader.timeLimitRange) }
        let hint = fields["hint"].flatMap { templated($0, "hint") }
        var repeats: String? = nil
        if let node = fields["repeats"], let value = self.text(node, "repeats") {
            let parts = value.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count != 2 || parts.contains(where: \.isEmpty) {
                error(node.place, "'repeats' should be SCENARIO-ID/QUESTION-ID, not '\(value)'", "e.g. customer-service-first/why-support")
            } else {
                repeats = value
            }
        }
        var points: [TalkingPoint] = []
        if let items = fields["talking_points"].flatMap({ list($0, "talking_points") }) {
            points = items.compactMap { decodeTalkingPoint($0) }
        }
        let maxProbes = fields["max_probes"].flatMap { integer($0, "max_probes", range: 0...5) } ?? 1
        var probes: [Probe] = []
        if let items = fields["probes"].flatMap({ list($0, "probes") }) {
            probes = items.compactMap { decodeProbe($0, pointCount: points.count) }
        }
        guard let id, let text else { return nil }
        return Question(id: id, text: text, timeLimitSeconds: timeLimit, talkingPoints: points, hint: hint, repeats: repeats,
                        maxProbes: maxProbes, probes: probes, place: place)
    }

    mutating func decodeTalkingPoint(_ node: Node) -> TalkingPoint? {
        if case .scalar = node {
            guard let value = text(node, "talking_points") else { return nil }
            return TalkingPoint(point: value, keywords: AnswerText.contentWords(of: value))
        }
        guard let fields = mapping(node, known: Self.talkingPointKeys, what: "a talking point") else { return nil }
        let point = required(fields, "point", in: "a talking point", at: node.place).flatMap { text($0, "point") }
        var keywords = fields["keywords"].flatMap { textList($0, "keywords") }
        if let list = keywords, list.isEmpty, let node = fields["keywords"] { error(node.place, "'keywords' is empty", "list words a good answer would use") }
        guard let point else { return nil }
        if keywords == nil { keywords = AnswerText.contentWords(of: point) }
        return TalkingPoint(point: point, keywords: (keywords ?? []).map { $0.lowercased() })
    }

    mutating func decodeProbe(_ node: Node, pointCount: Int) -> Probe? {
        guard let fields = mapping(node, known: Self.probeKeys, what: "a probe") else { return nil }
        let place = node.place
        let ask = required(fields, "ask", in: "a probe", at: place).flatMap { templated($0, "ask") }
        guard let whenNode = required(fields, "when", in: "a probe", at: place), let when = text(whenNode, "when") else { return nil }
        let condition: ProbeCondition
        switch when {
        case "too_few_words":
            condition = .tooFewWords(minimum: fields["min_words"].flatMap { integer($0, "min_words", range: 1...1000) } ?? 40)
        case "no_example": condition = .noExample
        case "no_numbers": condition = .noNumbers
        case "hedging": condition = .hedging
        case "no_result": condition = .noResult
        case "missing_point":
            var index: Int? = nil
            if let node = fields["point"], let value = integer(node, "point", range: 1...100) {
                if value > pointCount {
                    error(node.place, "'point' is \(value) but the question has \(pointCount) talking point\(pointCount == 1 ? "" : "s")", pointCount == 0 ? "add talking_points to the question" : "use a number from 1 to \(pointCount)")
                }
                index = value
            } else if pointCount == 0 {
                error(whenNode.place, "'missing_point' needs talking points, and the question has none", "add talking_points to the question")
            }
            condition = .missingPoint(index: index)
        default:
            let suggestion = closestMatch(to: when, in: ProbeCondition.names).map { "did you mean '\($0)'?" } ?? "use one of: \(ProbeCondition.names.joined(separator: ", "))"
            error(whenNode.place, "unknown probe condition '\(when)'", suggestion)
            return nil
        }
        if fields["min_words"] != nil, condition.name != "too_few_words", let node = fields["min_words"] {
            error(node.place, "'min_words' only applies to 'too_few_words'", "remove it")
        }
        if fields["point"] != nil, condition.name != "missing_point", let node = fields["point"] {
            error(node.place, "'point' only applies to 'missing_point'", "remove it")
        }
        guard let ask else { return nil }
        return Probe(condition: condition, text: ask)
    }
}
