import Foundation
import TestSupport
import Testing

@testable import RehearseCore

@Suite struct TranscriptTests {
    func recordedSession(at path: String) throws -> [TranscriptEvent] {
        let scenario = try loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers")))
        let recorder = try FileTranscriptRecorder(path: path)
        let memory = MemoryTranscriptRecorder()
        let clock = ManualClock()
        for target in [recorder as TranscriptRecorder, memory] {
            let session = InterviewSession(
                scenario: scenario,
                options: SessionOptions(
                    seed: 3, candidate: "José", sessionID: "cafe0001",
                    startedAt: Date(timeIntervalSince1970: 1_800_000_000), appVersion: "t"), clock: clock,
                recorder: target)
            _ = try session.start()
            clock.advance(milliseconds: 500)
            let keys = [
                TypingRecord.Key(time: clock.now(), position: 0, deleted: 0, inserted: "Jos"),
                TypingRecord.Key(time: clock.now() + 1_000_000, position: 3, deleted: 0, inserted: "x"),
                TypingRecord.Key(time: clock.now() + 2_000_000, position: 3, deleted: 1, inserted: ""),
                TypingRecord.Key(time: clock.now() + 3_000_000, position: 3, deleted: 0, inserted: "é — café ✓ 1"),
            ]
            _ = session.submit(
                "José — café ✓ 1", typing: TypingRecord(keys: keys, submittedAt: clock.now() + 4_000_000))
            _ = session.submit("/note remember this", typing: .instant("/note remember this", at: clock.now()))
            _ = session.interrupt(reason: "test")
        }
        return memory.events
    }

    @Test func writtenTranscriptReadsBackEqual() throws {
        let path = NSTemporaryDirectory() + "rehearse-\(UUID().uuidString).jsonl"
        let events = try recordedSession(at: path)
        let transcript = try Transcript.read(path: path)
        #expect(transcript.warnings.isEmpty)
        #expect(transcript.events == events)
        #expect(transcript.header.candidate == "José")
        #expect(transcript.header.seed == 3)
        #expect(transcript.answers.first?.text == "José — café ✓ 1")
        #expect(transcript.answers.first?.timing.corrections == 1)
        #expect(transcript.end?.status == .interrupted)
        var attributes = stat()
        stat(path, &attributes)
        #expect(attributes.st_mode & 0o777 == 0o600)
    }

    @Test func aCutOffLastLineReadsWithAWarning() throws {
        let path = NSTemporaryDirectory() + "rehearse-\(UUID().uuidString).jsonl"
        let events = try recordedSession(at: path)
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        data.removeLast(9)
        try data.write(to: URL(fileURLWithPath: path))
        let transcript = try Transcript.read(path: path)
        #expect(transcript.events == Array(events.dropLast()))
        #expect(transcript.warnings.count == 1)
        #expect(transcript.warnings[0].contains("cut off"))
    }

    @Test func typingStepsAreCompact() throws {
        let data = try TranscriptCoding.encoder().encode([
            TypingStep(delayMilliseconds: 5), TypingStep(delayMilliseconds: 7, position: 1, deleted: 0, inserted: "a"),
        ])
        #expect(String(decoding: data, as: UTF8.self) == "[[5],[7,1,0,\"a\"]]")
    }

    @Test(.enabled(if: getuid() != 0, "root can write anywhere; the next test fails the write another way"))
    func aDataFolderThatCannotBeWrittenFailsWithTheFix() throws {
        let root = NSTemporaryDirectory() + "rehearse-ro-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/transcripts", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/history", withIntermediateDirectories: true)
        chmod(root + "/transcripts", 0o500)
        defer { chmod(root + "/transcripts", 0o700) }
        #expect(throws: DataFolderError.self) { try DataFolder(root: root).prepare() }
    }

    @Test(.enabled(if: SmallDisk.canMount, "needs a tmpfs it can fill (root on Linux)"))
    func aDataFolderWhoseWriteTestFailsFailsWithTheFix() throws {
        // A full disk fails the write test even as root. (The probe's name is random, so nothing
        // can be planted at it: that was how this test used to fail it.)
        let disk = try SmallDisk(kilobytes: 256)
        let root = disk.path + "/data"
        try DataFolder(root: root).prepare()
        disk.fill()
        #expect { try DataFolder(root: root).prepare() } throws: { error in
            "\(error)".contains(root + "/transcripts") && "\(error)".contains("REHEARSE_HOME")
        }
    }

    @Test func aFileInTheWayOfTheDataFolderFails() throws {
        let root = NSTemporaryDirectory() + "rehearse-file-\(UUID().uuidString)"
        #expect(FileManager.default.createFile(atPath: root, contents: Data()))
        #expect { try DataFolder(root: root).prepare() } throws: { error in
            "\(error)".contains(root) && "\(error)".contains("REHEARSE_HOME")
        }
    }
}
