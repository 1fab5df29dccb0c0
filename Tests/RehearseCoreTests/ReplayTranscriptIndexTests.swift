import Foundation
import Testing

@testable import RehearseCore

/// The summary cache beside the transcripts and how references resolve.
@Suite struct ReplayTranscriptIndexTests {
    func write(_ transcript: Transcript, folder: String, name: String) throws -> String {
        let path = folder + "/transcripts/" + name
        try ReviewFixtures.jsonLines(transcript).write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    func sample(_ session: String, role: String = "testing", started: TimeInterval = 1_800_000_000) -> Transcript {
        ReviewFixtures.transcript(
            [.init(id: "q1", answer: "One."), .init(id: "q2", answer: nil)],
            header: ReviewFixtures.header(session: session, role: role, started: Date(timeIntervalSince1970: started)))
    }

    @Test func summariesComeFromTheFilesAndTheIndexFollowsThem() throws {
        let root = try ReviewFixtures.temporaryFolder()
        let index = TranscriptIndex(folder: DataFolder(root: root))
        let cache = TranscriptSummaryCache(folder: root + "/transcripts")
        _ = try write(sample("aaaa1111"), folder: root, name: "2027-01-15T080000Z-aaaa1111.jsonl")
        let second = try write(
            sample("bbbb2222", role: "sales"), folder: root, name: "2027-01-16T080000Z-bbbb2222.jsonl")

        var result = cache.summaries(of: index.files())
        #expect(result.statistics == .init(reused: 0, rebuilt: 2, removed: 0, wroteIndex: true))
        #expect(result.summaries.map(\.session) == ["aaaa1111", "bbbb2222"])
        #expect(
            result.summaries[0].answered == 1 && result.summaries[0].asked == 2
                && result.summaries[0].status == .completed)
        var attributes = stat()
        stat(cache.path, &attributes)
        #expect(attributes.st_mode & 0o777 == 0o600)

        result = cache.summaries(of: index.files())
        #expect(result.statistics == .init(reused: 2, rebuilt: 0, removed: 0, wroteIndex: false))

        // A changed file is read again; a removed one leaves the index.
        var cut = try Data(contentsOf: URL(fileURLWithPath: second))
        cut.removeLast(20)
        try cut.write(to: URL(fileURLWithPath: second))
        result = cache.summaries(of: index.files())
        #expect(result.statistics.rebuilt == 1 && result.statistics.reused == 1)
        #expect(result.summaries[1].status == .cutOff)
        try FileManager.default.removeItem(atPath: second)
        result = cache.summaries(of: index.files())
        #expect(result.statistics.removed == 1 && result.summaries.count == 1)

        // A corrupt or missing index is rebuilt.
        try "{not json".write(toFile: cache.path, atomically: false, encoding: .utf8)
        result = cache.summaries(of: index.files())
        #expect(result.statistics.rebuilt == 1 && result.statistics.wroteIndex)
        try FileManager.default.removeItem(atPath: cache.path)
        result = cache.summaries(of: index.files())
        #expect(result.statistics.rebuilt == 1 && FileManager.default.fileExists(atPath: cache.path))
    }

    @Test func theQuickSummaryMatchesAFullRead() throws {
        let root = try ReviewFixtures.temporaryFolder()
        let path = try write(sample("cccc3333"), folder: root, name: "2027-01-15T080000Z-cccc3333.jsonl")
        var quick = TranscriptSummary.read(path: path)
        var full = TranscriptSummary(transcript: try Transcript.read(path: path))
        #expect(quick == full)
        let unreadable = root + "/transcripts/2027-01-17T080000Z-dddd4444.jsonl"
        try "garbage\n".write(toFile: unreadable, atomically: false, encoding: .utf8)
        quick = TranscriptSummary.read(path: unreadable)
        #expect(quick.status == .unreadable)
        full = quick
        #expect(full.problem?.contains("not a rehearse transcript") == true)
    }

    @Test func referencesResolveByLastPrefixAndPath() throws {
        let root = try ReviewFixtures.temporaryFolder()
        let index = TranscriptIndex(folder: DataFolder(root: root))
        #expect(throws: TranscriptLookupError.none(root + "/transcripts")) { try index.resolve("last") }
        let first = try write(sample("ab120000"), folder: root, name: "2027-01-15T080000Z-ab120000.jsonl")
        let second = try write(sample("ab340000"), folder: root, name: "2027-01-16T080000Z-ab340000.jsonl")
        #expect(try index.resolve("last") == second)
        #expect(try index.resolve("ab1") == first)
        #expect(try index.resolve(first) == first)
        #expect(throws: TranscriptLookupError.ambiguous("ab", ["ab120000", "ab340000"])) { try index.resolve("ab") }
        #expect(throws: TranscriptLookupError.noMatch("zz")) { try index.resolve("zz") }
        #expect(throws: TranscriptLookupError.noFile("/nowhere/x.jsonl")) { try index.resolve("/nowhere/x.jsonl") }
    }

    @Test func earlierTranscriptsAreOfTheSameRoleAndStartedBefore() throws {
        let root = try ReviewFixtures.temporaryFolder()
        let index = TranscriptIndex(folder: DataFolder(root: root))
        _ = try write(
            sample("e1000000", started: 1_700_000_000), folder: root, name: "2023-11-14T221320Z-e1000000.jsonl")
        _ = try write(
            sample("e2000000", role: "sales", started: 1_700_000_100), folder: root,
            name: "2023-11-14T221500Z-e2000000.jsonl")
        _ = try write(
            sample("e3000000", started: 1_700_000_200), folder: root, name: "2023-11-14T221640Z-e3000000.jsonl")
        let now = try write(
            sample("e4000000", started: 1_700_000_300), folder: root, name: "2023-11-14T221820Z-e4000000.jsonl")
        _ = try write(
            sample("e5000000", started: 1_700_000_400), folder: root, name: "2023-11-14T222000Z-e5000000.jsonl")
        let earlier = index.earlierTranscripts(than: try Transcript.read(path: now))
        #expect(earlier.map(\.header.session) == ["e3000000", "e1000000"])
        #expect(index.latest(role: "testing", kind: .second)?.header.session == "e5000000")
    }
}
