// The pieces the commands share, now in the core: kind parsing, transcript filters and
// selection (list, rm, prune), the revisit-source lookup, and the company's words in job terms.

import Foundation
import RehearseCore
import Testing

@Suite struct InterviewKindParsingTests {
    @Test(arguments: [
        ("first", InterviewKind.first), ("Second", .second), ("same-person", .samePerson), ("same", .samePerson),
        ("SamePerson", .samePerson), ("same_person", .samePerson), (" first ", .first),
    ])
    func kindsAndTheirAliases(text: String, kind: InterviewKind) {
        #expect(InterviewKind(parsing: text) == kind)
    }

    @Test(arguments: ["third", "", "same person", "firsts"])
    func notKinds(text: String) {
        #expect(InterviewKind(parsing: text) == nil)
    }

    @Test func theKindsSpelledOut() {
        #expect(InterviewKind.spelledOut == "first, second or same-person")
    }
}

@Suite struct JobTermCompanyTests {
    @Test func theCompanysWordsAreNoTerms() {
        let text =
            "Northwind Traders is hiring. At Northwind, billing matters; billing questions come to Northwind Traders daily in Zendesk."
        let without = Set(JobDescription(text: text).terms.map(\.term))
        #expect(without.contains("northwind"))
        let with = Set(JobDescription(text: text, companyName: "Northwind Traders").terms.map(\.term))
        #expect(with.contains("billing") && with.contains("zendesk"))
        #expect(with.allSatisfy { !$0.contains("northwind") && !$0.contains("trader") }, "\(with)")
    }
}

/// A data folder with transcripts written by the real recorder's format.
private struct TranscriptFolder {
    let folder: DataFolder
    var index: TranscriptIndex { TranscriptIndex(folder: folder) }

    init() throws {
        folder = DataFolder(root: NSTemporaryDirectory() + "rehearse-selection-\(UUID().uuidString)")
        try folder.prepare()
    }

    @discardableResult
    func write(
        session: String, role: String = "sales", kind: InterviewKind = .second, answers: Int, ended: Bool = true,
        started: String = "2027-01-15T08:00:00Z"
    ) throws -> String {
        var lines = [
            #"{"format":"rehearse-transcript","version":1,"session":"\#(session)","kind":"\#(kind.rawValue)","role":"\#(role)","role_title":"T","company":"Acme","candidate":"Sam","seed":1,"started":"\#(started)","app_version":"t","scenario":{"id":"\#(role)-\#(kind.rawValue)","title":"T","checksum":"c","path":"t.yaml"},"interviewers":[{"id":"ana","name":"Ana","title":"Lead","style":"warm"}]}"#,
            #"{"type":"stage","t":0,"stage":"main","title":"Main","interviewer":"ana"}"#,
        ]
        for number in 0..<max(answers, 1) {
            lines.append(
                #"{"type":"ask","t":\#(10 + number),"question":"q\#(number)","speaker":"ana","text":"Why?","number":\#(number + 1),"total":3,"limit_s":60}"#
            )
            if number < answers {
                lines.append(
                    #"{"type":"answer","t":\#(500 + number),"question":"q\#(number)","text":"Because.","typing":[[100,0,0,"Because."],[50]],"timing":{"think_ms":100,"answer_ms":50,"paused_ms":0,"keystrokes":2,"corrections":0,"longest_pause_ms":50,"limit_s":60,"over_limit":false}}"#
                )
            }
        }
        if ended {
            lines.append(#"{"type":"end","t":900,"status":"quit","answered":\#(answers),"asked":\#(max(answers, 1))}"#)
        }
        let stamp = started.replacingOccurrences(of: ":", with: "")
        let path = folder.transcripts + "/\(stamp)-\(session).jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }
}

@Suite struct TranscriptSelectionTests {
    @Test func filtersByRoleKindAndStart() throws {
        let folder = try TranscriptFolder()
        try folder.write(session: "aaaa0001", role: "sales", kind: .first, answers: 1, started: "2027-01-10T08:00:00Z")
        try folder.write(
            session: "aaaa0002", role: "sales", kind: .samePerson, answers: 1, started: "2027-01-20T08:00:00Z")
        try folder.write(
            session: "aaaa0003", role: "nursing", kind: .samePerson, answers: 1, started: "2027-01-21T08:00:00Z")
        let since = try #require(TranscriptFilter.date(parsing: "2027-01-15T00:00:00Z"))
        #expect(
            folder.index.summaries(matching: TranscriptFilter(role: "sales")).map(\.session) == [
                "aaaa0001", "aaaa0002",
            ])
        #expect(
            folder.index.summaries(matching: TranscriptFilter(kind: .samePerson)).map(\.session) == [
                "aaaa0002", "aaaa0003",
            ])
        #expect(
            folder.index.summaries(matching: TranscriptFilter(role: "sales", since: since)).map(\.session) == [
                "aaaa0002"
            ])
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(TranscriptFilter.date(parsing: "7d", now: now) == now.addingTimeInterval(-7 * 86_400))
        #expect(TranscriptFilter.date(parsing: "last week") == nil)
    }

    @Test func unansweredSessionsLeaveRunningOnesAlone() throws {
        let folder = try TranscriptFolder()
        try folder.write(session: "bbbb0001", answers: 2)
        try folder.write(session: "bbbb0002", answers: 0, started: "2027-01-16T08:00:00Z")
        let running = try folder.write(session: "bbbb0003", answers: 0, ended: false, started: "2027-01-17T08:00:00Z")
        #expect(folder.index.unansweredSessions(matching: TranscriptFilter()).map(\.session) == ["bbbb0002"])
        // A day later the cut-off one is abandoned, not running.
        let later = Date().addingTimeInterval(86_400)
        #expect(
            folder.index.unansweredSessions(matching: TranscriptFilter(), now: later).map(\.session) == [
                "bbbb0002", "bbbb0003",
            ])
        #expect(FileManager.default.fileExists(atPath: running))
    }

    @Test func removingDeletesTheFilesAndTheirIndexEntries() throws {
        let folder = try TranscriptFolder()
        let kept = try folder.write(session: "cccc0001", answers: 1)
        let gone = try folder.write(session: "cccc0002", answers: 1, started: "2027-01-16T08:00:00Z")
        let chosen = try folder.index.summaries(named: ["cccc0002", "last"])
        #expect(chosen.map(\.session) == ["cccc0002"])
        let cache = TranscriptSummaryCache(folder: folder.folder.transcripts)
        let indexed = try String(contentsOfFile: cache.path, encoding: .utf8)
        #expect(indexed.contains("cccc0002"))
        #expect(try folder.index.remove(chosen).map(\.session) == ["cccc0002"])
        #expect(!FileManager.default.fileExists(atPath: gone) && FileManager.default.fileExists(atPath: kept))
        let after = try String(contentsOfFile: cache.path, encoding: .utf8)
        #expect(!after.contains("cccc0002") && after.contains("cccc0001"))
    }

    @Test func namingAFileOutsideTheFolderOrNothingThrows() throws {
        let folder = try TranscriptFolder()
        let path = try folder.write(session: "dddd0001", answers: 1)
        let outside = NSTemporaryDirectory() + "rehearse-outside-\(UUID().uuidString).jsonl"
        try FileManager.default.copyItem(atPath: path, toPath: outside)
        defer { unlink(outside) }
        #expect(throws: TranscriptRemovalError.outsideFolder(path: outside, folder: folder.folder.transcripts)) {
            try folder.index.summaries(named: ["dddd0001", outside])
        }
        #expect(throws: TranscriptLookupError.noMatch("zzzz")) { try folder.index.summaries(named: ["zzzz"]) }
        #expect(try folder.index.summaries(named: [path]).map(\.session) == ["dddd0001"])
    }
}

@Suite struct LintTargetGroupTests {
    @Test func bundledFilesComeFirstAndUserFilesMayReplaceThem() throws {
        let user = NSTemporaryDirectory() + "rehearse-lint-groups-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: user, withIntermediateDirectories: true)
        try "id: mine\n".write(toFile: user + "/mine.yaml", atomically: true, encoding: .utf8)
        let targets = LintTarget.catalogFiles(
            bundledFolder: BundledScenariosTests.folder, userFolders: [user, user + "/missing"])
        let bundled = ScenarioCatalog.scenarioFiles(in: BundledScenariosTests.folder)
        #expect(targets.map(\.path) == bundled + [user + "/mine.yaml"])
        #expect(
            targets.map(\.group) == Array(repeating: LintTarget.bundledGroup, count: bundled.count) + [
                LintTarget.userGroup
            ])
        #expect(LintTarget.catalogFiles(bundledFolder: nil, userFolders: []).isEmpty)
    }
}

@Suite struct RevisitSourceTests {
    @Test func theNewestAnsweredFirstInterviewOfTheRoleIsRevisited() throws {
        let catalog = ScenarioCatalog(bundledFolder: BundledScenariosTests.folder, userFolders: [])
        let samePerson = try #require(catalog.scenario(role: "customer-service", kind: .samePerson))
        let first = try #require(catalog.scenario(role: "customer-service", kind: .first))
        let folder = try TranscriptFolder()
        #expect(folder.index.revisitSource(for: samePerson) == nil, "nothing saved yet")
        try folder.write(
            session: "eeee0001", role: "customer-service", kind: .first, answers: 2, started: "2027-01-10T08:00:00Z")
        try folder.write(
            session: "eeee0002", role: "customer-service", kind: .first, answers: 1, started: "2027-01-11T08:00:00Z")
        try folder.write(
            session: "eeee0003", role: "customer-service", kind: .first, answers: 0, started: "2027-01-12T08:00:00Z")
        try folder.write(session: "eeee0004", role: "sales", kind: .first, answers: 3, started: "2027-01-13T08:00:00Z")
        try folder.write(
            session: "eeee0005", role: "customer-service", kind: .second, answers: 3, started: "2027-01-14T08:00:00Z")
        #expect(folder.index.revisitSource(for: samePerson)?.header.session == "eeee0002")
        #expect(folder.index.revisitSource(for: first) == nil, "a first interview revisits nothing")
    }
}
