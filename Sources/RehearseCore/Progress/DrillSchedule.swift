/// The numbers behind `drill`; each is explained in docs/review-rules.md ("Drill").
public enum DrillThresholds {
    /// An answer scoring under this (percent) is weak; the same bar as the review's "to work on".
    public static let lowScorePercent = ReviewThresholds.workOnPercent
    /// Days to the next review after 0, 1, 2, 3 or more good attempts in a row since the last weak one.
    public static let gapDays = [1, 3, 7, 14]
    /// With an interview date: the share of the time left to wait after a weak attempt…
    public static let weakShareOfTimeLeft = 0.2
    /// …and after a good one (Cepeda et al. 2008: the best gap is about 20–40% of the time to the test).
    public static let goodShareOfTimeLeft = 0.4
    /// How many questions a drill asks when `--count` is not given.
    public static let defaultCount = 5
}

/// One question on the drill schedule: when it is next due and why.
public struct DrillItem: Codable, Equatable, Sendable {
    public var key: QuestionKey
    /// The question as last asked.
    public var text: String
    public var limitSeconds: Int
    public var attempts: Int
    public var lastAttempt: Date
    public var lastScorePercent: Int
    /// What made the last weak attempt weak, and when it was.
    public var weakness: String
    public var weakOn: Date
    /// Good attempts since the last weak one.
    public var goodStreak: Int
    public var due: Date
    /// How the gap was chosen, e.g. "1 day after a weak attempt" or "40% of the 10 days to the interview".
    public var gapReason: String
    public var isDue: Bool

    enum CodingKeys: String, CodingKey {
        case key, text, attempts, weakness, due
        case limitSeconds = "limit_s"
        case lastAttempt = "last_attempt"
        case lastScorePercent = "last_score"
        case weakOn = "weak_on"
        case goodStreak = "good_streak"
        case gapReason = "gap"
        case isDue = "due_now"
    }
}

/// Which questions to practise again, and when, derived only from the sessions and the date
/// passed in (no clock is read here, so the same history and date always give the same list).
///
/// A question joins the schedule, due at once, the first time an attempt at it is weak (skipped,
/// over the time limit, or scoring under `DrillThresholds.lowScorePercent`). After that its next
/// review comes a gap after its latest attempt: without an interview date the gaps expand 1, 3, 7, 14 days with
/// each good attempt in a row and start again at 1 after a weak one; with an interview date
/// still ahead, the gap is at most 20% (after a weak attempt) or 40% (after a good one) of the
/// time left before it.
public struct DrillSchedule: Sendable {
    /// Every scheduled question, those due now first (weakest first), then by due date.
    public var items: [DrillItem]
    public var now: Date
    public var interviewDate: Date?

    public init(records: [SessionRecord], now: Date, interviewDate: Date? = nil) {
        self.now = now
        self.interviewDate = interviewDate
        var attemptsByKey: [QuestionKey: [(date: Date, attempt: QuestionAttempt)]] = [:]
        for record in records where record.started <= now {
            for attempt in record.questions {
                attemptsByKey[attempt.key, default: []].append((record.started, attempt))
            }
        }
        var items: [DrillItem] = []
        for (key, unsorted) in attemptsByKey {
            let attempts = unsorted.sorted { $0.date < $1.date }
            guard let lastWeak = attempts.lastIndex(where: { $0.attempt.weakness != nil }), let last = attempts.last
            else { continue }
            let streak = attempts.count - 1 - lastWeak
            let isNew = streak == 0 && attempts.filter({ $0.attempt.weakness != nil }).count == 1
            let (gap, reason) =
                isNew
                ? (0, "due at once: weak for the first time")
                : Self.gap(goodStreak: streak, after: last.date, interviewDate: interviewDate)
            let due = last.date.addingTimeInterval(gap)
            items.append(
                DrillItem(
                    key: key, text: last.attempt.text, limitSeconds: last.attempt.limitSeconds,
                    attempts: attempts.count,
                    lastAttempt: last.date, lastScorePercent: last.attempt.scorePercent,
                    weakness: attempts[lastWeak].attempt.weakness ?? "", weakOn: attempts[lastWeak].date,
                    goodStreak: streak,
                    due: due, gapReason: reason, isDue: due <= now))
        }
        self.items = items.sorted { a, b in
            if a.isDue != b.isDue { return a.isDue }
            if a.isDue {
                if a.goodStreak != b.goodStreak { return a.goodStreak < b.goodStreak }
                if a.lastScorePercent != b.lastScorePercent { return a.lastScorePercent < b.lastScorePercent }
            }
            return a.due != b.due ? a.due < b.due : a.key < b.key
        }
    }

    /// The questions due now, weakest first.
    public var dueNow: [DrillItem] { items.filter(\.isDue) }
    /// The questions due later, soonest first.
    public var upcoming: [DrillItem] { items.filter { !$0.isDue } }

    /// The gap in seconds after the latest attempt, and how it was chosen.
    static func gap(goodStreak: Int, after last: Date, interviewDate: Date?) -> (TimeInterval, String) {
        let days = DrillThresholds.gapDays[min(goodStreak, DrillThresholds.gapDays.count - 1)]
        let expanding = Double(days) * 86_400
        let base =
            goodStreak == 0
            ? "\(days) day\(days == 1 ? "" : "s") after a weak attempt"
            : "\(days) days after \(goodStreak) good attempt\(goodStreak == 1 ? "" : "s") in a row"
        guard let interviewDate, interviewDate > last else { return (expanding, base) }
        let share = goodStreak == 0 ? DrillThresholds.weakShareOfTimeLeft : DrillThresholds.goodShareOfTimeLeft
        let left = interviewDate.timeIntervalSince(last)
        let compressed = left * share
        guard compressed < expanding else { return (expanding, base) }
        return (compressed, "\(Int((share * 100).rounded()))% of the \(Self.duration(left)) left before the interview")
    }

    /// "3 days", "20 hours", "45 minutes".
    public static func duration(_ seconds: TimeInterval) -> String {
        if seconds >= 2 * 86_400 { return "\(Int((seconds / 86_400).rounded())) days" }
        if seconds >= 2 * 3600 { return "\(Int((seconds / 3600).rounded())) hours" }
        let minutes = max(1, Int((seconds / 60).rounded()))
        return "\(minutes) minute\(minutes == 1 ? "" : "s")"
    }
}

/// A drill session's scenario, built from the due questions, and the interview dates `--until` remembers.
public enum DrillScenario {
    /// Drill scenarios are named `drill-ROLE`; their questions keep the original in `repeats`.
    public static let scenarioPrefix = "drill-"

    /// A scenario asking the given questions once each, in order, in the normal engine. Each
    /// question is the scenario's own (talking points, hint, probes) when `lookup` finds its
    /// scenario, else the text as last asked; `repeats` names the original so the transcript
    /// counts as another attempt at it. Nil when there is nothing to ask.
    public static func scenario(role: String, items: [DrillItem], lookup: (String) -> Scenario?) -> Scenario? {
        guard !items.isEmpty else { return nil }
        var questions: [Question] = []
        var usedIDs: Set<String> = []
        var origin: Scenario?
        for item in items {
            let original = lookup(item.key.scenario)
            if origin == nil { origin = original }
            var question: Question
            if let original,
                let found = original.stages.lazy.compactMap({ stage in
                    stage.questions.first { $0.id == item.key.question }.map { (stage, $0) }
                }).first
            {
                question = found.1
                question.timeLimitSeconds =
                    found.1.timeLimitSeconds ?? found.0.timeLimitSeconds ?? original.timeLimitSeconds
            } else {
                question = Question(
                    id: item.key.question, text: item.text,
                    timeLimitSeconds: item.limitSeconds > 0 ? item.limitSeconds : nil, talkingPoints: [],
                    hint: nil, repeats: nil, maxProbes: 0, probes: [], place: .unknown)
            }
            var id = item.key.question
            var suffix = 2
            while usedIDs.contains(id) {
                id = item.key.question + "-\(suffix)"
                suffix += 1
            }
            usedIDs.insert(id)
            question.id = id
            question.repeats = item.key.description
            questions.append(question)
        }
        let interviewer =
            origin?.interviewers.first
            ?? Interviewer(id: "coach", name: "Coach", title: "Practice partner", style: .warm)
        let count = questions.count
        let stage = Stage(
            id: "drill", title: "Drill", interviewerID: interviewer.id,
            lines: ["A short drill: \(count) question\(count == 1 ? "" : "s") that were hard before. Take your time."],
            content: .questions(QuestionsStage(questions: questions)), place: .unknown)
        return Scenario(
            version: 1, id: scenarioPrefix + role, title: "Drill: " + (origin?.roleTitle ?? role), role: role,
            roleTitle: origin?.roleTitle ?? role, kind: origin?.kind ?? .first,
            company: origin?.company ?? "the company",
            description: nil, timeLimitSeconds: origin?.timeLimitSeconds ?? 120, interviewers: [interviewer],
            stages: [stage],
            checksum: "drill", sourcePath: "")
    }
}

/// The interview date `drill --until` remembers per role, in `drill-dates` in the data folder
/// (one `ROLE<tab>YYYY-MM-DD` a line).
public struct InterviewDates {
    public let path: String

    public init(folder: DataFolder) { path = folder.root + "/drill-dates" }

    /// The remembered dates, role → `YYYY-MM-DD`.
    public func load() -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        var dates: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { dates[String(parts[0])] = String(parts[1]) }
        }
        return dates
    }

    /// The remembered date of a role, as written.
    public func date(role: String) -> String? { load()[role] }

    /// Remembers a role's date (nil forgets it).
    public func remember(_ date: String?, role: String) throws {
        var dates = load()
        dates[role] = date
        let text = dates.keys.sorted().map { "\($0)\t\(dates[$0]!)\n" }.joined()
        try AtomicFile.write(Array(text.utf8), to: path, mode: 0o600, sync: false)
    }
}
