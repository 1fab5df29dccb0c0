extension Question {
    /// What `/hint` shows for a question without a hint (the session and older replays say the same).
    public static let noHintAdvice =
        "There is no hint for this question. Try: what happened, what you did, and what came of it."
}

/// Hints as a session showed them, rebuilt from its scenario for transcripts written before
/// `hint` commands recorded their text. Only a scenario file whose fingerprint still matches
/// the transcript's is used: an edited file may no longer hold the hint that was shown.
public enum RecordedHints {
    /// Whether a transcript has a `hint` command without its text, so the scenario is worth reading.
    public static func areMissing(in transcript: Transcript) -> Bool {
        transcript.events.contains { event in
            if case .command(let command) = event { return command.name == "hint" && command.text == nil }
            return false
        }
    }

    /// Question id → the hint line as shown ("Hint: …", or the advice given when a question has
    /// none), for every question of the transcript that `/hint` was used on; empty when the
    /// scenario file is gone, unreadable or changed.
    public static func fromScenario(of transcript: Transcript) -> [String: String] {
        guard areMissing(in: transcript) else { return [:] }
        let reference = transcript.header.scenario
        guard let scenario = try? ScenarioLoader.load(path: reference.path), scenario.checksum == reference.checksum
        else { return [:] }
        return hints(from: scenario, for: transcript)
    }

    /// The hints of `scenario`'s questions, filled in with the transcript's names as the session did.
    static func hints(from scenario: Scenario, for transcript: Transcript) -> [String: String] {
        let header = transcript.header
        let questions = Dictionary(scenario.allQuestions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var asker: [String: String] = [:]
        for ask in transcript.asks where ask.probe == nil { asker[ask.question] = ask.speaker }
        var hints: [String: String] = [:]
        for event in transcript.events {
            guard case .command(let command) = event, command.name == "hint", command.text == nil,
                let id = command.question, let question = questions[id]
            else { continue }
            guard let hint = question.hint else {
                hints[id] = Question.noHintAdvice
                continue
            }
            let interviewer = header.interviewers.first { $0.id == asker[id] } ?? header.interviewers.first
            let variables = TextTemplate.commonValues(
                candidate: header.candidate, company: header.company, roleTitle: header.roleTitle,
                interviewer: interviewer, panel: header.interviewers)
            hints[id] = "Hint: " + TextTemplate.render(hint, variables)
        }
        return hints
    }
}
