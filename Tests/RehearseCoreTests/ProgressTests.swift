import Foundation
import Testing

@testable import RehearseCore

/// Issue 10: the drill schedule, compare and progress, from built transcripts and a date passed in.
@Suite struct DrillScheduleTests {
    typealias Item = ReviewFixtures.Item
    static let day0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let day: TimeInterval = 86_400
    static let weakAnswer = "I am not sure."

    /// A session at `day0 + days` answering question "a" (nil skips) and always answering "b" well.
    static func record(_ answer: String?, days: Double, session: String) -> SessionRecord {
        let header = ReviewFixtures.header(
            session: session, scenarioID: "test-second", started: day0.addingTimeInterval(days * day))
        let transcript = ReviewFixtures.transcript(
            [Item(id: "a", answer: answer), Item(id: "b", answer: ReviewFixtures.strongAnswer)],
            header: header, path: "/x/\(session).jsonl")
        return SessionRecord(transcript: transcript)
    }

    static let a = QuestionKey(scenario: "test-second", question: "a")
    /// After every session of these tests: sessions later than "now" are not counted.
    static let later = day0.addingTimeInterval(30 * day)

    @Test func aSkippedQuestionIsDueAtOnceAndAStrongOneIsNotScheduled() throws {
        let history = [Self.record(nil, days: 0, session: "s1")]
        let schedule = DrillSchedule(records: history, now: Self.day0.addingTimeInterval(3600))
        #expect(schedule.items.map(\.key) == [Self.a])
        let item = try #require(schedule.dueNow.first)
        #expect(item.weakness == "skipped")
        #expect(item.due == Self.day0)
    }

    @Test func aWeakAnswerComesBackAfterOneDay() throws {
        let history = [Self.record(nil, days: 0, session: "s1"), Self.record(Self.weakAnswer, days: 1, session: "s2")]
        let lastAttempt = Self.day0.addingTimeInterval(Self.day)
        let item = try #require(DrillSchedule(records: history, now: lastAttempt).items.first)
        #expect(item.due == lastAttempt.addingTimeInterval(Self.day))
        #expect(item.weakness.hasPrefix("scored"))
        #expect(!item.isDue)
        #expect(DrillSchedule(records: history, now: lastAttempt.addingTimeInterval(Self.day - 60)).dueNow.isEmpty)
        #expect(
            DrillSchedule(records: history, now: lastAttempt.addingTimeInterval(Self.day + 60)).dueNow.map(\.key) == [
                Self.a
            ])
    }

    @Test func strongAnswersMoveItFurtherOutAndAWeakOneResets() throws {
        var history = [
            Self.record(nil, days: 0, session: "s1"), Self.record(ReviewFixtures.strongAnswer, days: 1, session: "s2"),
        ]
        var item = try #require(DrillSchedule(records: history, now: Self.later).items.first { $0.key == Self.a })
        #expect(item.goodStreak == 1)
        #expect(item.due == Self.day0.addingTimeInterval(4 * Self.day))  // 3 days after day 1
        history.append(Self.record(ReviewFixtures.strongAnswer, days: 4, session: "s3"))
        item = try #require(DrillSchedule(records: history, now: Self.later).items.first { $0.key == Self.a })
        #expect(item.due == Self.day0.addingTimeInterval(11 * Self.day))  // 7 days after day 4
        history.append(Self.record(nil, days: 11, session: "s4"))
        item = try #require(DrillSchedule(records: history, now: Self.later).items.first { $0.key == Self.a })
        #expect(item.goodStreak == 0)
        #expect(item.due == Self.day0.addingTimeInterval(12 * Self.day))  // back to 1 day
    }

    @Test func anInterviewDateCompressesTheGaps() throws {
        let history = [
            Self.record(nil, days: 0, session: "s1"), Self.record(ReviewFixtures.strongAnswer, days: 1, session: "s2"),
            Self.record(ReviewFixtures.strongAnswer, days: 4, session: "s3"),
        ]
        let last = Self.day0.addingTimeInterval(4 * Self.day)
        // 10 days left: 40% is 4 days, sooner than the 7-day gap.
        let item = try #require(
            DrillSchedule(records: history, now: last, interviewDate: last.addingTimeInterval(10 * Self.day)).items
                .first)
        #expect(item.due == last.addingTimeInterval(4 * Self.day))
        #expect(item.gapReason.contains("40%"))
        // A weak attempt with 2 days left: 20% of them, under the usual day.
        let lapse = [Self.record(nil, days: 0, session: "s1"), Self.record(Self.weakAnswer, days: 1, session: "s2")]
        let lapseDay = Self.day0.addingTimeInterval(Self.day)
        let soon = try #require(
            DrillSchedule(records: lapse, now: lapseDay, interviewDate: lapseDay.addingTimeInterval(2 * Self.day)).items
                .first)
        #expect(soon.due == lapseDay.addingTimeInterval(0.4 * Self.day))
        // An interview far off leaves the usual gaps.
        let far = try #require(
            DrillSchedule(records: history, now: last, interviewDate: last.addingTimeInterval(100 * Self.day)).items
                .first)
        #expect(far.due == last.addingTimeInterval(7 * Self.day))
    }

    @Test func realInterviewsAndDrillsAreMarkedApart() {
        var header = ReviewFixtures.header(session: "r1", scenarioID: "debrief-r1")
        header.source = .real
        let real = SessionRecord(
            transcript: ReviewFixtures.transcript([Item(id: "q1", answer: "I like it.")], header: header))
        #expect(real.source == .real)
        let drill = SessionRecord(
            transcript: ReviewFixtures.transcript(
                [Item(id: "a", answer: "I like it.", repeats: "test-second/a")],
                header: ReviewFixtures.header(session: "d1", scenarioID: "drill-testing")))
        #expect(drill.source == .drill)
        #expect(drill.questions.first?.key == Self.a)
        let text = ProgressRenderer.text(
            ProgressReport(history: PracticeHistory(records: [real, drill, Self.record(nil, days: 0, session: "p1")])))
        #expect(text.contains("(3 sessions: 1 practice, 1 drill, 1 real)"))
    }

    @Test func aDrillScenarioKeepsTheOriginalIdsInRepeats() throws {
        let history = [Self.record(nil, days: 0, session: "s1")]
        let schedule = DrillSchedule(records: history, now: Self.day0.addingTimeInterval(60))
        let scenario = try #require(
            DrillScenario.scenario(role: "testing", items: schedule.dueNow, lookup: { _ in nil }))
        #expect(scenario.id == "drill-testing")
        #expect(scenario.allQuestions.map(\.repeats) == ["test-second/a"])
        #expect(scenario.allQuestions.first?.text == "Tell me about a hard problem.")
        #expect(DrillScenario.scenario(role: "testing", items: [], lookup: { _ in nil }) == nil)
    }
}

@Suite struct AttemptComparisonTests {
    typealias Item = ReviewFixtures.Item

    @Test func questionsAreMatchedByTheirOriginalAndNumbersAreKeptDroppedOrNew() throws {
        let first = ReviewFixtures.transcript(
            [
                Item(id: "why", answer: "We had 40 calls a day and I cut waiting by 30 percent."),
                Item(id: "only-first", answer: "Yes."),
            ],
            header: ReviewFixtures.header(
                session: "one", scenarioID: "test-first", started: Date(timeIntervalSince1970: 1_800_000_000)))
        let second = ReviewFixtures.transcript(
            [
                Item(
                    id: "why-again", answer: "We had 40 calls a day and I cut waiting by 25 percent across 3 teams.",
                    repeats: "test-first/why"),
                Item(id: "new-one", answer: nil),
            ],
            header: ReviewFixtures.header(
                session: "two", scenarioID: "test-second", started: Date(timeIntervalSince1970: 1_800_090_000)))
        let comparison = AttemptComparison(before: first, after: second)
        let change = try #require(comparison.questions.first)
        #expect(comparison.questions.count == 1)
        #expect(change.key == QuestionKey(scenario: "test-first", question: "why"))
        #expect(change.numbersKept == ["40"])
        #expect(change.numbersDropped == ["30"])
        #expect(change.numbersNew == ["25", "3"])
        #expect(comparison.onlyBefore == ["test-first/only-first"])
        #expect(comparison.onlyAfter == ["test-second/new-one"])
        #expect(
            WordDiff.marked(change.diff)
                == "We had 40 calls a day and I cut waiting by [-30 percent.-] {+25 percent across 3 teams.+}")
        #expect(comparison.better.contains("2 new numbers"))
        #expect(comparison.worse.contains("1 number dropped"))
    }

    @Test func theWordDiffMarksAddedAndRemovedWords() {
        let pieces = WordDiff.diff("the cat sat down", "The dog sat")
        #expect(pieces.map(\.kind) == [.same, .removed, .added, .same, .removed])
        #expect(WordDiff.marked(pieces) == "The [-cat-] {+dog+} sat [-down-]")
        #expect(WordDiff.diff("", "new words") == [WordDiff.Piece(kind: .added, text: "new words")])
    }
}

@Suite struct ProgressReportTests {
    static func record(
        _ session: String, day: Double, score: Int, rating: Int?, fillers: Int = 0, questions: [(String, Int)]
    ) -> SessionRecord {
        SessionRecord(
            file: session + ".jsonl", session: session,
            started: Date(timeIntervalSince1970: 1_800_000_000 + day * 86_400),
            role: "testing", scenarioID: "s", scenarioTitle: "S", source: .practice, asked: questions.count,
            answered: questions.filter { $0.1 > 0 }.count, overLimit: 0, words: 100, fillers: fillers, hedges: 0,
            medianThinkMilliseconds: 2000, scorePercent: score, selfRating: rating,
            questions: questions.map {
                QuestionAttempt(
                    key: QuestionKey(scenario: "s", question: $0.0), text: $0.0 + "?",
                    isSkipped: $0.1 == 0, isOverLimit: false, scorePercent: $0.1, words: 30,
                    fillers: 0, hedges: 0, thinkMilliseconds: 2000, limitSeconds: 120)
            })
    }

    static let history = PracticeHistory(records: [
        record("c", day: 2, score: 100, rating: nil, fillers: 1, questions: [("q1", 100), ("q2", 100)]),
        record("a", day: 0, score: 0, rating: 4, fillers: 4, questions: [("q1", 0), ("q2", 0)]),
        record("b", day: 1, score: 50, rating: 3, fillers: 2, questions: [("q1", 40), ("q2", 60), ("q3", 20)]),
    ])

    @Test func trendsFollowTheSessionsInOrder() throws {
        let report = ProgressReport(history: Self.history)
        let role = try #require(report.roles.first)
        #expect(role.sessions.map(\.session) == ["a", "b", "c"])
        #expect(TrendChart.sparkline(role.sessions.map { Double($0.scorePercent) }, low: 0, high: 100) == "▁▅█")
        #expect(
            TrendChart.sparkline(role.sessions.map { Double($0.scorePercent) }, low: 0, high: 100, unicode: false)
                == "_=#")
        let q1 = try #require(role.questions.first { $0.key.question == "q1" })
        #expect((q1.attempts, q1.firstScore, q1.bestScore, q1.lastScore, q1.skipped) == (3, 0, 100, 100, 1))
        #expect(role.needWork.map(\.question) == ["q3"])
        #expect(ProgressRenderer.text(report).contains("score             ▁▅█"))
    }

    @Test func calibrationComparesSelfRatingsWithTheScore() throws {
        let calibration = try #require(ProgressReport(history: Self.history).roles.first?.calibration)
        // 4 → 75% against 0 (+75); 3 → 50% against 50 (0).
        #expect(calibration.rated == 2)
        #expect(calibration.differences == [75, 0])
        #expect(calibration.above == 1)
        #expect(calibration.below == 0)
        #expect(calibration.meanDifference == 38)
        #expect(SelfRating.percent(of: 1) == 0 && SelfRating.percent(of: 5) == 100)
    }

    @Test func filtersByQuestionAndDate() throws {
        let byQuestion = ProgressReport(history: Self.history, question: "q3")
        #expect(byQuestion.roles.first?.sessions.map(\.session) == ["b"])
        let since = ProgressReport(history: Self.history, since: Date(timeIntervalSince1970: 1_800_000_000 + 86_400))
        #expect(since.roles.first?.sessions.map(\.session) == ["b", "c"])
    }

    @Test func theHTMLIsOneFileWithSVGChartsAndNoScripts() {
        let html = ProgressRenderer.html(ProgressReport(history: Self.history))
        #expect(html.contains("<svg"))
        #expect(html.contains("<polyline"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http"))
    }
}

@Suite struct ProgressCacheTests {
    @Test func oneRolesHistoryReadsOnlyItsSessionsAndKeepsTheOthersCached() throws {
        let root = try ReviewFixtures.temporaryFolder()
        let folder = DataFolder(root: root)
        try FileManager.default.createDirectory(atPath: folder.transcripts, withIntermediateDirectories: true)
        for (session, role) in [("aaaa1111", "sales"), ("bbbb2222", "nursing"), ("cccc3333", "sales")] {
            var header = ReviewFixtures.header(session: session)
            header.role = role
            let transcript = ReviewFixtures.transcript(
                [ReviewFixtures.Item(id: "q", text: "Why us?", answer: ReviewFixtures.strongAnswer)], header: header)
            try ReviewFixtures.jsonLines(transcript).write(
                toFile: folder.transcripts
                    + "/2027-01-15T08000\(session.prefix(1) == "a" ? 0 : session.prefix(1) == "b" ? 1 : 2)Z-\(session).jsonl",
                atomically: true, encoding: .utf8)
        }
        let all = PracticeHistory.load(from: folder)
        #expect(all.records.count == 3)
        let sales = PracticeHistory.load(from: folder, role: "sales")
        #expect(sales.records.map(\.role) == ["sales", "sales"])
        // The nursing entry is still in the cache: a full read reuses all three.
        let paths = TranscriptIndex(folder: folder).files()
        let again = ProgressCache(folder: folder.transcripts).historyWithStatistics(of: paths)
        #expect(again.statistics.reused == 3 && again.statistics.rebuilt == 0)
    }

    @Test func theCacheGivesTheSameRecordsAndADamagedFileIsSkippedWithAWarning() throws {
        let folder = try ReviewFixtures.temporaryFolder() + "/transcripts"
        let header = ReviewFixtures.header(session: "aaaa1111")
        let transcript = ReviewFixtures.transcript(
            [
                ReviewFixtures.Item(
                    id: "tab", text: "A\ttab and a \\ backslash\nand a line?",
                    answer: ReviewFixtures.strongAnswer)
            ], header: header)
        try ReviewFixtures.jsonLines(transcript).write(
            toFile: folder + "/2027-01-15T080000Z-aaaa1111.jsonl", atomically: true, encoding: .utf8)
        try "not a transcript\n".write(
            toFile: folder + "/2027-01-16T080000Z-bbbb2222.jsonl", atomically: true, encoding: .utf8)
        let paths = [folder + "/2027-01-15T080000Z-aaaa1111.jsonl", folder + "/2027-01-16T080000Z-bbbb2222.jsonl"]
        let cache = ProgressCache(folder: folder)
        let cold = cache.historyWithStatistics(of: paths)
        #expect(cold.statistics.rebuilt == 2)
        #expect(cold.history.records.count == 1)
        #expect(cold.history.warnings.count == 1)
        #expect(cold.history.warnings.first?.hasPrefix("skipped 2027-01-16T080000Z-bbbb2222.jsonl:") == true)
        let warm = cache.historyWithStatistics(of: paths)
        #expect(warm.statistics.reused == 2 && warm.statistics.rebuilt == 0)
        #expect(warm.history.records == cold.history.records)
        #expect(warm.history.warnings == cold.history.warnings)
        #expect(warm.history.records.first?.questions.first?.text == "A\ttab and a \\ backslash\nand a line?")
        // Keystrokes are dropped before reading (the review does not use them); brackets in strings do not end the list.
        let stripped = ProgressCache.withoutTyping(
            Data(#"{"a":1,"typing":[[5,0,0,"]\"["],[3]],"b":2}"#.utf8) + Data("\n".utf8))
        #expect(String(decoding: stripped, as: UTF8.self) == "{\"a\":1,\"typing\":[],\"b\":2}\n")
        let cut = Data(#"{"typing":[[5,0,0,"x"],"#.utf8)
        #expect(ProgressCache.withoutTyping(cut) == cut)
        // A damaged cache is rebuilt, not trusted.
        try "rehearse-progress-cache 1\nF\tbroken\n".write(toFile: cache.path, atomically: true, encoding: .utf8)
        #expect(cache.historyWithStatistics(of: paths).statistics.rebuilt == 2)
    }
}
