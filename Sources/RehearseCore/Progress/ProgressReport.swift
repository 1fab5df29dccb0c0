/// How practice went over time: per role the sessions in order with their figures, per
/// question its attempts and first / best / last score, the questions that most need work, and
/// how far the person's own ratings were from the review's scores.
public struct ProgressReport: Codable, Equatable, Sendable {
    /// One session as a point on the trends.
    public struct Point: Codable, Equatable, Sendable {
        public var session: String
        public var started: Date
        public var scenarioID: String
        public var source: SessionRecord.Source
        public var scorePercent: Int
        public var asked: Int
        public var answered: Int
        public var fillersPer100Words: Double
        public var medianThinkMilliseconds: Int
        public var overLimit: Int
        public var selfRating: Int?

        enum CodingKeys: String, CodingKey {
            case session, started, source, asked, answered
            case scenarioID = "scenario"
            case scorePercent = "score"
            case fillersPer100Words = "fillers_per_100_words"
            case medianThinkMilliseconds = "median_think_ms"
            case overLimit = "over_limit"
            case selfRating = "self_rating"
        }
    }

    /// One question over its attempts.
    public struct QuestionProgress: Codable, Equatable, Sendable {
        public var key: QuestionKey
        public var text: String
        public var attempts: Int
        public var skipped: Int
        public var firstScore: Int
        public var bestScore: Int
        public var lastScore: Int
        /// Scores in order, for a sparkline.
        public var scores: [Int]

        enum CodingKeys: String, CodingKey {
            case key, text, attempts, skipped, scores
            case firstScore = "first_score"
            case bestScore = "best_score"
            case lastScore = "last_score"
        }
    }

    /// How the person's ratings compare with the review's scores (docs/review-rules.md, "Self-rating").
    public struct Calibration: Codable, Equatable, Sendable {
        /// Sessions with a self-rating.
        public var rated: Int
        /// Of those, rated above the score (by more than `ProgressThresholds.calibrationMargin`), and below.
        public var above: Int
        public var below: Int
        /// The mean of self-rating percent minus score, in points (positive: rated higher than the review).
        public var meanDifference: Int
        /// Per rated session, in order: self-rating percent minus score.
        public var differences: [Int]

        enum CodingKeys: String, CodingKey {
            case rated, above, below, differences
            case meanDifference = "mean_difference"
        }
    }

    /// One role's progress.
    public struct RoleProgress: Codable, Equatable, Sendable {
        public var role: String
        public var sessions: [Point]
        public var questions: [QuestionProgress]
        /// Keys of the questions that most need work, neediest first (at most five).
        public var needWork: [QuestionKey]
        public var calibration: Calibration?

        enum CodingKeys: String, CodingKey {
            case role, sessions, questions, calibration
            case needWork = "need_work"
        }
    }

    public var roles: [RoleProgress]
    /// Files skipped because they could not be read.
    public var warnings: [String]

    /// The report over the given sessions, filtered by role, question (a question id, or
    /// `SCENARIO/QUESTION`) and start date.
    public init(history: PracticeHistory, role: String? = nil, question: String? = nil, since: Date? = nil) {
        var byRole: [String: [SessionRecord]] = [:]
        for record in history.records(role: role) where since.map({ record.started >= $0 }) ?? true {
            if let question, !record.questions.contains(where: { Self.matches($0.key, question) }) { continue }
            byRole[record.role, default: []].append(record)
        }
        roles = byRole.keys.sorted().map { Self.roleProgress($0, byRole[$0]!, question: question) }
        warnings = history.warnings
    }

    static func matches(_ key: QuestionKey, _ question: String) -> Bool {
        question.contains("/") ? key.description == question : key.question == question
    }

    static func roleProgress(_ role: String, _ records: [SessionRecord], question: String?) -> RoleProgress {
        let points = records.map { record in
            Point(
                session: record.session, started: record.started, scenarioID: record.scenarioID, source: record.source,
                scorePercent: record.scorePercent, asked: record.asked, answered: record.answered,
                fillersPer100Words: record.fillersPer100Words, medianThinkMilliseconds: record.medianThinkMilliseconds,
                overLimit: record.overLimit, selfRating: record.selfRating)
        }
        var order: [QuestionKey] = []
        var attempts: [QuestionKey: [QuestionAttempt]] = [:]
        for record in records {
            for attempt in record.questions where question.map({ matches(attempt.key, $0) }) ?? true {
                if attempts[attempt.key] == nil { order.append(attempt.key) }
                attempts[attempt.key, default: []].append(attempt)
            }
        }
        let questions = order.map { key -> QuestionProgress in
            let list = attempts[key]!
            let scores = list.map(\.scorePercent)
            return QuestionProgress(
                key: key, text: list.last!.text, attempts: list.count, skipped: list.filter(\.isSkipped).count,
                firstScore: scores.first!, bestScore: scores.max()!, lastScore: scores.last!, scores: scores)
        }
        // Neediest: lowest last score, then lowest best score, then most skips; only those under the "strong" bar.
        let needWork = questions.filter { $0.lastScore < ReviewThresholds.strongPercent }
            .sorted { a, b in
                if a.lastScore != b.lastScore { return a.lastScore < b.lastScore }
                if a.bestScore != b.bestScore { return a.bestScore < b.bestScore }
                if a.skipped != b.skipped { return a.skipped > b.skipped }
                return a.key < b.key
            }
            .prefix(ProgressThresholds.needWorkCount).map(\.key)
        return RoleProgress(
            role: role, sessions: points, questions: questions, needWork: Array(needWork),
            calibration: calibration(records))
    }

    static func calibration(_ records: [SessionRecord]) -> Calibration? {
        let differences = records.compactMap { record in
            record.selfRating.map { SelfRating.percent(of: $0) - record.scorePercent }
        }
        guard !differences.isEmpty else { return nil }
        let margin = ProgressThresholds.calibrationMargin
        let sum = differences.reduce(0, +)
        return Calibration(
            rated: differences.count, above: differences.filter { $0 > margin }.count,
            below: differences.filter { $0 < -margin }.count,
            meanDifference: Int((Double(sum) / Double(differences.count)).rounded()), differences: differences)
    }
}

/// Numbers behind `progress`, explained in docs/review-rules.md.
public enum ProgressThresholds {
    /// How many questions "need work" lists.
    public static let needWorkCount = 5
    /// A self-rating within this many points of the score counts as calibrated.
    public static let calibrationMargin = 12
}

/// The 1–5 rating a person gives a session, and the score it stands for.
public enum SelfRating {
    public static let range = 1...5
    /// 1 → 0%, 2 → 25%, 3 → 50%, 4 → 75%, 5 → 100%: the same scale as the review's score.
    public static func percent(of rating: Int) -> Int { (min(max(rating, 1), 5) - 1) * 25 }

    /// Reads a typed rating: a whole number 1–5 (blank means no rating). Nil for anything else.
    public static func parse(_ text: String) -> Int?? {
        let trimmed = text.trimmingBlanks()
        if trimmed.isEmpty { return .some(nil) }
        guard let value = Int(trimmed), range.contains(value) else { return nil }
        return .some(value)
    }
}

/// Small charts for trends: sparklines for the terminal, SVG for HTML.
public enum TrendChart {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiLevels: [Character] = ["_", ".", "-", "~", "=", "+", "*", "#"]

    /// One character per value, scaled between `low` and `high` (the values' own range when nil);
    /// ASCII levels when the terminal cannot show Unicode. At most `limit` of the latest values.
    public static func sparkline(
        _ values: [Double], low: Double? = nil, high: Double? = nil, unicode: Bool = true, limit: Int = 40
    ) -> String {
        let shown = values.suffix(limit)
        guard let minimum = low ?? shown.min(), let maximum = high ?? shown.max() else { return "" }
        let levels = unicode ? blocks : asciiLevels
        return String(
            shown.map { value in
                guard maximum > minimum else { return levels[0] }
                let share = (min(max(value, minimum), maximum) - minimum) / (maximum - minimum)
                return levels[min(levels.count - 1, Int((share * Double(levels.count - 1)).rounded()))]
            })
    }

    /// An inline SVG line chart of the values (oldest left), with the range written on it.
    public static func svg(
        _ values: [Double], title: String, width: Int = 520, height: Int = 120, low: Double? = nil, high: Double? = nil,
        unit: String = ""
    ) -> String {
        let padding = 28.0
        let minimum = low ?? values.min() ?? 0
        let maximum = max(high ?? values.max() ?? 1, minimum + 1)
        let plotWidth = Double(width) - 2 * padding
        let plotHeight = Double(height) - 2 * padding
        func x(_ index: Int) -> Double {
            values.count <= 1 ? padding + plotWidth / 2 : padding + plotWidth * Double(index) / Double(values.count - 1)
        }
        func y(_ value: Double) -> Double { padding + plotHeight * (1 - (value - minimum) / (maximum - minimum)) }
        let points = values.enumerated().map {
            "\(NumberText.fixed(x($0.offset), places: 1)),\(NumberText.fixed(y($0.element), places: 1))"
        }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">"
        svg += "<title>\(DocumentText.html(title))</title>"
        svg +=
            "<rect x=\"\(Int(padding))\" y=\"\(Int(padding))\" width=\"\(Int(plotWidth))\" height=\"\(Int(plotHeight))\" fill=\"#f7f7f7\" stroke=\"#ccc\"/>"
        svg +=
            "<text x=\"4\" y=\"\(Int(padding) + 4)\" font-size=\"10\" fill=\"#555\">\(NumberText.compact(maximum))\(unit)</text>"
        svg +=
            "<text x=\"4\" y=\"\(Int(padding + plotHeight))\" font-size=\"10\" fill=\"#555\">\(NumberText.compact(minimum))\(unit)</text>"
        svg += "<text x=\"\(Int(padding))\" y=\"16\" font-size=\"12\" fill=\"#222\">\(DocumentText.html(title))</text>"
        if !points.isEmpty {
            svg +=
                "<polyline fill=\"none\" stroke=\"#2a6fdb\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>"
            for point in points {
                let xy = point.split(separator: ",")
                svg += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"3\" fill=\"#2a6fdb\"/>"
            }
        }
        return svg + "</svg>"
    }
}
