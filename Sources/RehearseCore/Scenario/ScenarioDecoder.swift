/// Turns a parsed YAML tree into a `Scenario`, collecting every problem on the way.
struct ScenarioDecoder {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []
    /// The scenario id the file declares and its place, kept even when other fields have errors.
    private(set) var declaredID: String?
    private(set) var declaredIDPlace: SourcePlace?

    init(path: String) { self.path = path }

    // The keys each level allows and requires. docs/scenario.schema.json must agree (SchemaTests).
    static let topKeys = [
        "version", "id", "title", "role", "role_title", "kind", "company", "description", "time_limit", "interviewers",
        "stages",
    ]
    static let topRequiredKeys = [
        "version", "id", "title", "role", "role_title", "kind", "company", "interviewers", "stages",
    ]
    static let interviewerKeys = ["id", "name", "title", "style"]
    static let interviewerRequiredKeys = ["id", "name", "title", "style"]
    static let stageKeysByType: [Stage.StageType: [String]] = [
        .questions: ["id", "title", "type", "interviewer", "say", "questions", "pick"],
        .candidateQuestions: ["id", "title", "type", "interviewer", "say", "replies", "fallback", "max_questions"],
        .revisit: [
            "id", "title", "type", "interviewer", "say", "ask", "pick", "from_scenario", "questions", "time_limit",
        ],
    ]
    static let stageRequiredKeysByType: [Stage.StageType: [String]] = [
        .questions: ["interviewer", "questions"],
        .candidateQuestions: ["type", "interviewer", "replies", "fallback"],
        .revisit: ["type", "interviewer", "ask", "questions"],
    ]
    static let allStageKeys = Array(Set(stageKeysByType.values.joined())).sorted()
    static let replyKeys = ["keywords", "reply", "interviewer"]
    static let replyRequiredKeys = ["keywords", "reply"]
    static let questionKeys = [
        "id", "text", "type", "time_limit", "talking_points", "hint", "repeats", "max_probes", "probes",
    ]
    static let questionRequiredKeys = ["id", "text"]
    static let talkingPointKeys = ["point", "keywords"]
    static let talkingPointRequiredKeys = ["point"]
    static let probeKeys = ["when", "ask", "min_words", "point"]
    static let probeRequiredKeys = ["when", "ask"]
    /// Ranges of the whole-number fields that are not time limits.
    static let pickRange = 1...1000
    static let maxQuestionsRange = 1...20
    static let maxProbesRange = 0...5
    static let minWordsRange = 1...1000
    static let pointRange = 1...100
    /// Every whole-number key and its allowed values, whatever level it is on.
    static let integerRanges: [String: ClosedRange<Int>] = [
        "time_limit": ScenarioLoader.timeLimitRange, "pick": pickRange, "max_questions": maxQuestionsRange,
        "max_probes": maxProbesRange, "min_words": minWordsRange, "point": pointRange,
    ]

    // MARK: Reporting

    mutating func error(_ place: SourcePlace, _ message: String, _ suggestion: String? = nil) {
        diagnostics.append(
            Diagnostic(
                file: path, line: place.line, column: place.column, severity: .error, message: message,
                suggestion: suggestion))
    }

    mutating func warning(_ place: SourcePlace, _ message: String, _ suggestion: String? = nil) {
        diagnostics.append(
            Diagnostic(
                file: path, line: place.line, column: place.column, severity: .warning, message: message,
                suggestion: suggestion))
    }

    /// Reports a key written twice in one mapping (the parser keeps both; the last one wins).
    mutating func duplicateKey(_ duplicate: ParsedYAML.DuplicateKey) {
        error(
            duplicate.place, "duplicate key '\(duplicate.key)' (first at line \(duplicate.firstPlace.line))",
            "keep one of them")
    }

    // MARK: Typed access

    /// The pairs of a mapping node keyed by string, reporting unknown keys (with the closest known one).
    mutating func mapping(_ node: YAMLNode, known: [String], what: String) -> [String: YAMLNode]? {
        guard case .mapping(let pairs) = node.content else {
            error(node.place, "\(what) should be a mapping of keys and values, not \(describe(node))")
            return nil
        }
        return fields(of: pairs, known: known, what: what)
    }

    private mutating func fields(of pairs: [YAMLPair], known: [String], what: String) -> [String: YAMLNode] {
        var result: [String: YAMLNode] = [:]
        result.reserveCapacity(pairs.count)
        for pair in pairs {
            guard case .scalar(let name, _) = pair.key.content else {
                error(pair.key.place, "keys must be plain words, not \(describe(pair.key))")
                continue
            }
            if known.contains(name) {
                result[name] = pair.value
            } else if name == "<<" {
                error(pair.key.place, "YAML merge keys ('<<') are not supported", "write the keys out")
            } else if let close = closestMatch(to: name, in: known) {
                error(pair.key.place, "unknown key '\(name)' in \(what)", "did you mean '\(close)'?")
            } else {
                error(
                    pair.key.place, "unknown key '\(name)' in \(what)", "known keys: \(known.joined(separator: ", "))")
            }
        }
        return result
    }

    /// What a value is, for messages: "a mapping", "a list", "a number", "a boolean", "nothing (null)" or "text".
    func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let text, let style):
            guard style == .plain else { return "text" }
            if Self.isNull(text) { return "nothing (null)" }
            if Self.integer(text) != nil { return "a number" }
            if text.contains(where: \.isNumber), Double(text.replacingUnderscores()) != nil {
                return "a decimal number"
            }
            if Self.isBoolean(text) { return "a boolean" }
            return "text"
        }
    }

    static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    static func isBoolean(_ text: String) -> Bool {
        ["true", "false", "yes", "no", "on", "off"].contains(text.lowercased())
    }

    /// A plain scalar as a whole number: optional sign, decimal digits, `_` allowed between them.
    static func integer(_ text: String) -> Int? {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard let first = digits.first, first.isASCII, first.isNumber else { return nil }
        var value = 0
        for byte in digits.utf8 where byte != UInt8(ascii: "_") {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let (multiplied, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (added, overflowB) = multiplied.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            if overflowA || overflowB { return nil }
            value = added
        }
        return negative ? -value : value
    }

    /// Reports each required key that is missing from a mapping, at the mapping's place.
    mutating func reportMissing(
        _ fields: [String: YAMLNode], required: [String], in what: String, at place: SourcePlace
    ) {
        for key in required where fields[key] == nil {
            error(place, "\(what) is missing the required key '\(key)'")
        }
    }

    /// A text value: a scalar that is not null, checked for control characters.
    mutating func text(_ node: YAMLNode?, _ key: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let value, let style) = node.content, !(style == .plain && Self.isNull(value)) else {
            error(node.place, "'\(key)' should be text, not \(describe(node))")
            return nil
        }
        checkControlCharacters(value, at: node.place, key)
        if value.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            error(node.place, "'\(key)' is empty")
            return nil
        }
        return value
    }

    mutating func checkControlCharacters(_ value: String, at place: SourcePlace, _ key: String) {
        // Fast path on bytes: C0 controls and DEL are single bytes, C1 controls start with 0xC2.
        let needsLook = value.utf8.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F || $0 == 0xC2 }
        guard needsLook else { return }
        for scalar in value.unicodeScalars {
            let code = scalar.value
            if (code < 0x20 && code != 0x09 && code != 0x0A) || code == 0x7F || (0x80...0x9F).contains(code) {
                let hex = String(code, radix: 16, uppercase: true)
                error(
                    place,
                    "'\(key)' contains the control character U+\(String(repeating: "0", count: 4 - hex.count) + hex)",
                    "remove it; only tab and newline are allowed")
                return
            }
        }
    }

    mutating func integer(_ node: YAMLNode?, _ key: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let text, .plain) = node.content, let value = Self.integer(text) else {
            error(node.place, "'\(key)' should be a whole number, not \(describe(node))")
            return nil
        }
        if let range, !range.contains(value) {
            error(node.place, "'\(key)' is \(value); it must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return value
    }

    mutating func slug(_ node: YAMLNode?, _ key: String) -> String? {
        guard let value = text(node, key), let node else { return nil }
        if !Self.isSlug(value) {
            let suggestion = value.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            error(
                node.place, "'\(key)' must be lowercase letters, digits and '-', not '\(value)'", "try '\(suggestion)'")
            return nil
        }
        return value
    }

    /// Lowercase ASCII letters, digits and '-', not starting with '-'.
    static func isSlug(_ value: String) -> Bool {
        !value.isEmpty && !value.hasPrefix("-")
            && value.utf8.allSatisfy {
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-")
            }
    }

    mutating func list(_ node: YAMLNode?, _ key: String) -> [YAMLNode]? {
        guard let node else { return nil }
        guard case .sequence(let items) = node.content else {
            error(node.place, "'\(key)' should be a list (items starting with '- '), not \(describe(node))")
            return nil
        }
        return items
    }

    mutating func textList(_ node: YAMLNode?, _ key: String) -> [String]? {
        guard let items = list(node, key) else { return nil }
        return items.compactMap { text($0, key) }
    }

    mutating func checkVariables(_ value: String, at place: SourcePlace, _ key: String, allowRevisit: Bool = false) {
        guard value.utf8.contains(UInt8(ascii: "{")) else { return }
        let allowed = TextTemplate.commonVariables + (allowRevisit ? TextTemplate.revisitVariables : [])
        for reference in TextTemplate.references(in: value) where !allowed.contains(reference.name) {
            if reference.name.isEmpty {
                error(place, "'\(key)' has a '{' that is never closed", "write '{{' for a literal brace")
            } else if TextTemplate.revisitVariables.contains(reference.name) {
                error(place, "'{\(reference.name)}' in '\(key)' is only available in a revisit stage's 'ask'")
            } else if let close = closestMatch(to: reference.name, in: allowed) {
                error(place, "unknown variable '{\(reference.name)}' in '\(key)'", "did you mean '{\(close)}'?")
            } else {
                error(
                    place, "unknown variable '{\(reference.name)}' in '\(key)'",
                    "known variables: \(allowed.map { "{\($0)}" }.joined(separator: ", "))")
            }
        }
    }

    /// Text that may hold variables.
    mutating func templated(_ node: YAMLNode?, _ key: String, allowRevisit: Bool = false) -> String? {
        guard let value = text(node, key), let node else { return nil }
        checkVariables(value, at: node.place, key, allowRevisit: allowRevisit)
        return value
    }

    mutating func enumeration<T: RawRepresentable>(_ node: YAMLNode?, _ key: String, _ type: T.Type, names: [String])
        -> T? where T.RawValue == String
    {
        guard let value = text(node, key), let node else { return nil }
        if let result = T(rawValue: value) { return result }
        let suggestion =
            closestMatch(to: value, in: names).map { "did you mean '\($0)'?" }
            ?? "use one of: \(names.joined(separator: ", "))"
        error(node.place, "'\(value)' is not a valid \(key)", suggestion)
        return nil
    }

    // MARK: The scenario

    mutating func decode(_ root: YAMLNode, checksum: String) -> Scenario? {
        guard let fields = mapping(root, known: Self.topKeys, what: "the scenario") else { return nil }
        let place = root.place
        reportMissing(fields, required: Self.topRequiredKeys, in: "the scenario", at: place)
        var version = 1
        if let node = fields["version"], let value = integer(node, "version") {
            if value != 1 {
                error(
                    node.place, "format version \(value) is not supported", "this version of rehearse reads version 1")
            }
            version = value
        }
        let id = fields["id"].flatMap { slug($0, "id") }
        if let id, let node = fields["id"] {
            declaredID = id
            declaredIDPlace = node.place
        }
        let title = fields["title"].flatMap { text($0, "title") }
        let role = fields["role"].flatMap { slug($0, "role") }
        let roleTitle = fields["role_title"].flatMap { text($0, "role_title") }
        let kind = fields["kind"].flatMap {
            enumeration($0, "kind", InterviewKind.self, names: InterviewKind.allCases.map(\.rawValue))
        }
        let company = fields["company"].flatMap { text($0, "company") }
        let description = fields["description"].flatMap { templated($0, "description") }
        let timeLimit =
            fields["time_limit"].map { integer($0, "time_limit", range: ScenarioLoader.timeLimitRange) } ?? 120

        var interviewers: [Interviewer] = []
        var interviewerEntries = 0
        if let items = fields["interviewers"].flatMap({ list($0, "interviewers") }) {
            interviewerEntries = items.count
            if items.isEmpty, let node = fields["interviewers"] {
                error(node.place, "'interviewers' is empty", "add at least one interviewer")
            }
            for item in items {
                guard let interviewer = decodeInterviewer(item) else { continue }
                if interviewers.contains(where: { $0.id == interviewer.id }) {
                    error(
                        item.place, "duplicate interviewer id '\(interviewer.id)'", "give each interviewer its own id")
                } else {
                    interviewers.append(interviewer)
                }
            }
        }

        var stages: [Stage] = []
        var questionPlaces: [String: SourcePlace] = [:]
        if let items = fields["stages"].flatMap({ list($0, "stages") }) {
            if items.isEmpty, let node = fields["stages"] {
                error(node.place, "'stages' is empty", "add at least one stage")
            }
            for (index, item) in items.enumerated() {
                guard let stage = decodeStage(item, index: index, interviewers: interviewers) else { continue }
                for question in stage.questions {
                    if let first = questionPlaces[question.id] {
                        error(
                            question.place, "duplicate question id '\(question.id)' (first used at line \(first.line))",
                            "give each question its own id")
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
            checkKindRules(
                kind, stages: stages, interviewerCount: interviewerEntries, at: fields["kind"]?.place ?? place)
        }

        guard let id, let title, let role, let roleTitle, let kind, let company, let timeLimit else { return nil }
        return Scenario(
            version: version, id: id, title: title, role: role, roleTitle: roleTitle, kind: kind, company: company,
            description: description, timeLimitSeconds: timeLimit, interviewers: interviewers, stages: stages,
            checksum: checksum, sourcePath: path)
    }

    /// Warnings and errors about what a kind of interview needs. `interviewerCount` counts the
    /// entries written, valid or not, so one broken interviewer does not also raise a panel warning.
    mutating func checkKindRules(_ kind: InterviewKind, stages: [Stage], interviewerCount: Int, at place: SourcePlace) {
        let hasCandidateQuestions = stages.contains { $0.type == .candidateQuestions }
        switch kind {
        case .first:
            if interviewerCount > 1 {
                warning(
                    place, "a first interview usually has one interviewer; this one has \(interviewerCount)",
                    "use kind 'second' for a panel")
            }
        case .second:
            if !hasCandidateQuestions {
                warning(
                    place, "a second interview should end with the candidate's questions",
                    "add a stage with 'type: candidate_questions'")
            }
            if interviewerCount == 1 {
                warning(
                    place, "a second interview usually has a panel; this one has one interviewer",
                    "add interviewers with different styles")
            }
        case .samePerson:
            if !hasCandidateQuestions {
                warning(
                    place, "a same-person interview should end with the candidate's questions",
                    "add a stage with 'type: candidate_questions'")
            }
            if !stages.contains(where: { $0.type == .revisit }) {
                error(
                    place, "a same-person interview never revisits earlier answers", "add a stage with 'type: revisit'")
            }
        }
    }

    mutating func decodeInterviewer(_ node: YAMLNode) -> Interviewer? {
        guard let fields = mapping(node, known: Self.interviewerKeys, what: "an interviewer") else { return nil }
        reportMissing(fields, required: Self.interviewerRequiredKeys, in: "an interviewer", at: node.place)
        let id = fields["id"].flatMap { slug($0, "id") }
        let name = fields["name"].flatMap { text($0, "name") }
        let title = fields["title"].flatMap { text($0, "title") }
        let style = fields["style"].flatMap {
            enumeration($0, "style", InterviewerStyle.self, names: InterviewerStyle.allCases.map(\.rawValue))
        }
        // With a valid id the interviewer is kept, so stages that name them raise no second error;
        // the errors above already keep the scenario from loading.
        guard let id else { return nil }
        return Interviewer(id: id, name: name ?? id, title: title ?? "", style: style ?? .warm)
    }

    mutating func interviewerReference(_ node: YAMLNode?, _ interviewers: [Interviewer], key: String = "interviewer")
        -> String?
    {
        guard let id = text(node, key), let node else { return nil }
        if interviewers.contains(where: { $0.id == id }) || interviewers.isEmpty { return id }
        let ids = interviewers.map(\.id)
        let suggestion =
            closestMatch(to: id, in: ids).map { "did you mean '\($0)'?" }
            ?? "known interviewers: \(ids.joined(separator: ", "))"
        error(node.place, "interviewer '\(id)' does not exist", suggestion)
        return nil
    }

    mutating func decodeStage(_ node: YAMLNode, index: Int, interviewers: [Interviewer]) -> Stage? {
        guard case .mapping(let pairs) = node.content else {
            _ = mapping(node, known: Self.stageKeysByType[.questions] ?? [], what: "a stage")
            return nil
        }
        var type = Stage.StageType.questions
        if let typeNode = pairs.last(where: { $0.key.scalarText == "type" })?.value {
            guard
                let value = enumeration(
                    typeNode, "type", Stage.StageType.self, names: Stage.StageType.allCases.map(\.rawValue))
            else { return nil }
            type = value
        }
        let known = Self.stageKeysByType[type] ?? []
        // Keys that belong to another stage type get a clearer message than "unknown key".
        var filtered: [YAMLPair] = []
        for pair in pairs {
            if let name = pair.key.scalarText, !known.contains(name), Self.allStageKeys.contains(name) {
                error(
                    pair.key.place, "'\(name)' does not belong in a stage of type '\(type.rawValue)'",
                    "remove it, or change the stage's type")
            } else {
                filtered.append(pair)
            }
        }
        let fields = self.fields(of: filtered, known: known, what: "a stage")
        let place = node.place
        let what = type == .questions ? "a stage" : "a \(type.rawValue) stage"
        reportMissing(
            fields, required: (Self.stageRequiredKeysByType[type] ?? []).filter { $0 != "type" }, in: what, at: place)
        let id = fields["id"].flatMap { slug($0, "id") } ?? "stage-\(index + 1)"
        let title = fields["title"].flatMap { templated($0, "title") }
        let interviewer = fields["interviewer"].flatMap { interviewerReference($0, interviewers) }
        var lines: [String] = []
        if let items = fields["say"].flatMap({ list($0, "say") }) {
            lines = items.compactMap { templated($0, "say") }
        }
        let content: Stage.Content
        switch type {
        case .questions, .revisit:
            var questions: [Question] = []
            if let items = fields["questions"].flatMap({ list($0, "questions") }) {
                if items.isEmpty, let node = fields["questions"] {
                    error(node.place, "the stage '\(id)' has no questions", "add questions or remove the stage")
                }
                questions = items.compactMap { decodeQuestion($0) }
            }
            var pick: Int? = nil
            if let node = fields["pick"], let value = integer(node, "pick", range: Self.pickRange) {
                if type == .questions, value > questions.count, !questions.isEmpty {
                    error(
                        node.place, "'pick' is \(value) but the stage has only \(questions.count) questions",
                        "lower 'pick' to at most \(questions.count)")
                }
                pick = value
            }
            guard type == .revisit else {
                content = .questions(QuestionsStage(questions: questions, pick: pick))
                break
            }
            var prompt = ""
            if let node = fields["ask"], let ask = templated(node, "ask", allowRevisit: true) {
                let names = TextTemplate.references(in: ask).map(\.name)
                if !names.contains("previous_question") && !names.contains("previous_answer") {
                    error(
                        node.place, "a revisit stage's 'ask' never mentions the earlier answer",
                        "use {previous_question} or {previous_answer}")
                }
                prompt = ask
            }
            content = .revisit(
                RevisitStage(
                    prompt: prompt, pick: pick ?? RevisitStage.defaultPick,
                    fromScenario: fields["from_scenario"].flatMap { slug($0, "from_scenario") },
                    fallbackQuestions: questions,
                    timeLimitSeconds: fields["time_limit"].flatMap {
                        integer($0, "time_limit", range: ScenarioLoader.timeLimitRange)
                    }))
        case .candidateQuestions:
            var replies: [CandidateReply] = []
            if let items = fields["replies"].flatMap({ list($0, "replies") }) {
                if items.isEmpty, let node = fields["replies"] {
                    error(node.place, "the stage '\(id)' has no replies", "add replies with keywords")
                }
                replies = items.compactMap { decodeReply($0, interviewers: interviewers) }
            }
            let fallback = fields["fallback"].flatMap { templated($0, "fallback") }
            var maxQuestions = CandidateQuestionsStage.defaultMaxQuestions
            if let node = fields["max_questions"],
                let value = integer(node, "max_questions", range: Self.maxQuestionsRange)
            {
                maxQuestions = value
            }
            content = .candidateQuestions(
                CandidateQuestionsStage(
                    replies: replies, fallbackReply: fallback, maxQuestions: maxQuestions))
        }
        let stage = Stage(
            id: id, title: title, interviewerID: interviewer ?? "", lines: lines, content: content, place: place)
        // Kept even without a valid interviewer, so later checks (kind rules, duplicate ids) see it;
        // the error already keeps the scenario from loading.
        return stage
    }

    mutating func decodeReply(_ node: YAMLNode, interviewers: [Interviewer]) -> CandidateReply? {
        guard let fields = mapping(node, known: Self.replyKeys, what: "a reply") else { return nil }
        reportMissing(fields, required: Self.replyRequiredKeys, in: "a reply", at: node.place)
        let keywords = fields["keywords"].flatMap { textList($0, "keywords") }
        if let keywords, keywords.isEmpty, let node = fields["keywords"] {
            error(node.place, "'keywords' is empty", "list words that would appear in the candidate's question")
        }
        let reply = fields["reply"].flatMap { templated($0, "reply") }
        let interviewer = fields["interviewer"].flatMap { interviewerReference($0, interviewers) }
        if fields["interviewer"] != nil, interviewer == nil { return nil }
        guard let keywords, let reply else { return nil }
        return CandidateReply(keywords: keywords.map { $0.lowercased() }, text: reply, interviewerID: interviewer)
    }

    mutating func decodeQuestion(_ node: YAMLNode) -> Question? {
        guard let fields = mapping(node, known: Self.questionKeys, what: "a question") else { return nil }
        let place = node.place
        reportMissing(fields, required: Self.questionRequiredKeys, in: "a question", at: place)
        let id = fields["id"].flatMap { slug($0, "id") }
        let text = fields["text"].flatMap { templated($0, "text") }
        let timeLimit = fields["time_limit"].flatMap { integer($0, "time_limit", range: ScenarioLoader.timeLimitRange) }
        let hint = fields["hint"].flatMap { templated($0, "hint") }
        var declaredType: QuestionType? = nil
        if let node = fields["type"], let value = self.text(node, "type") {
            declaredType = QuestionType(rawValue: value.lowercased())
            if declaredType == nil {
                let near =
                    closestMatch(to: value.lowercased(), in: QuestionType.allCases.map(\.rawValue)).map {
                        "did you mean '\($0)'? "
                    } ?? ""
                error(node.place, "'\(value)' is not a valid question type", "\(near)use one of: \(QuestionType.names)")
            }
        }
        var repeats: String? = nil
        if let node = fields["repeats"], let value = self.text(node, "repeats") {
            let parts = value.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count != 2 || !parts.allSatisfy({ Self.isSlug(String($0)) }) {
                error(
                    node.place, "'repeats' should be SCENARIO-ID/QUESTION-ID, not '\(value)'",
                    "e.g. customer-service-first/why-support")
            } else {
                repeats = value
            }
        }
        var points: [TalkingPoint] = []
        if let items = fields["talking_points"].flatMap({ list($0, "talking_points") }) {
            points = items.compactMap { decodeTalkingPoint($0) }
        }
        let maxProbes = fields["max_probes"].flatMap { integer($0, "max_probes", range: Self.maxProbesRange) } ?? 1
        var probes: [Probe] = []
        if let items = fields["probes"].flatMap({ list($0, "probes") }) {
            probes = items.compactMap { decodeProbe($0, pointCount: points.count) }
        }
        guard let id, let text else { return nil }
        return Question(
            id: id, text: text, timeLimitSeconds: timeLimit, talkingPoints: points, hint: hint, repeats: repeats,
            maxProbes: maxProbes, probes: probes, place: place, declaredType: declaredType)
    }

    mutating func decodeTalkingPoint(_ node: YAMLNode) -> TalkingPoint? {
        if case .scalar = node.content {
            guard let value = text(node, "talking_points") else { return nil }
            return TalkingPoint(point: value, keywords: Words.contentWords(of: value))
        }
        guard let fields = mapping(node, known: Self.talkingPointKeys, what: "a talking point") else { return nil }
        reportMissing(fields, required: Self.talkingPointRequiredKeys, in: "a talking point", at: node.place)
        let point = fields["point"].flatMap { text($0, "point") }
        var keywords = fields["keywords"].flatMap { textList($0, "keywords") }
        if let list = keywords, list.isEmpty, let node = fields["keywords"] {
            error(node.place, "'keywords' is empty", "list words a good answer would use")
        }
        guard let point else { return nil }
        if keywords == nil { keywords = Words.contentWords(of: point) }
        return TalkingPoint(point: point, keywords: (keywords ?? []).map { $0.lowercased() })
    }

    mutating func decodeProbe(_ node: YAMLNode, pointCount: Int) -> Probe? {
        guard let fields = mapping(node, known: Self.probeKeys, what: "a probe") else { return nil }
        let place = node.place
        reportMissing(fields, required: Self.probeRequiredKeys, in: "a probe", at: place)
        let ask = fields["ask"].flatMap { templated($0, "ask") }
        guard let whenNode = fields["when"], let when = text(whenNode, "when") else { return nil }
        let condition: ProbeCondition
        switch when {
        case "too_few_words":
            condition = .tooFewWords(
                minimum: fields["min_words"].flatMap { integer($0, "min_words", range: Self.minWordsRange) } ?? 40)
        case "no_example": condition = .noExample
        case "no_numbers": condition = .noNumbers
        case "hedging": condition = .hedging
        case "no_result": condition = .noResult
        case "missing_point":
            var index: Int? = nil
            if let node = fields["point"], let value = integer(node, "point", range: Self.pointRange) {
                if value > pointCount {
                    error(
                        node.place,
                        "'point' is \(value) but the question has \(pointCount) talking point\(pointCount == 1 ? "" : "s")",
                        pointCount == 0 ? "add talking_points to the question" : "use a number from 1 to \(pointCount)")
                }
                index = value
            } else if pointCount == 0 {
                error(
                    whenNode.place, "'missing_point' needs talking points, and the question has none",
                    "add talking_points to the question")
            }
            condition = .missingPoint(index: index)
        default:
            let suggestion =
                closestMatch(to: when, in: ProbeCondition.names).map { "did you mean '\($0)'?" }
                ?? "use one of: \(ProbeCondition.names.joined(separator: ", "))"
            error(whenNode.place, "unknown probe condition '\(when)'", suggestion)
            return nil
        }
        if condition.name != "too_few_words", let node = fields["min_words"] {
            error(node.place, "'min_words' only applies to 'too_few_words'", "remove it")
        }
        if condition.name != "missing_point", let node = fields["point"] {
            error(node.place, "'point' only applies to 'missing_point'", "remove it")
        }
        guard let ask else { return nil }
        return Probe(condition: condition, text: ask)
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { contains("_") ? String(filter { $0 != "_" }) : self }
}
