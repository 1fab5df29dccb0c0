import Foundation
import TestSupport
import Testing

@testable import RehearseCore

/// The transcript recorder and the data folder under faults: a full disk, planted symlinks,
/// folders open to others, missing parents.
@Suite struct RecorderTests {
    /// A real session writing to a real file; answers are typed instantly on a manual clock.
    final class DiskSession {
        let clock = ManualClock()
        let recorder: FileTranscriptRecorder
        let session: InterviewSession

        init(path: String, spareFolders: [String] = []) throws {
            recorder = try FileTranscriptRecorder(path: path, spareFolders: spareFolders)
            session = InterviewSession(
                scenario: try loadScenario(sampleScenarioYAML(extraProbes: probeYAML("no_numbers"))),
                options: SessionOptions(
                    seed: 1, candidate: "Sam", sessionID: "d15cf011",
                    startedAt: Date(timeIntervalSince1970: 1_800_000_000), appVersion: "test"),
                clock: clock, recorder: recorder)
        }

        func start() throws { _ = try session.start() }

        func answer(_ text: String) -> [SessionOutput] {
            clock.advance(milliseconds: 1000)
            return session.submit(text, typing: .instant(text, at: clock.now()))
        }
    }

    static func warnings(_ outputs: [SessionOutput]) -> [String] {
        outputs.compactMap { if case .warning(let text) = $0 { text } else { nil } }
    }

    static func infos(_ outputs: [SessionOutput]) -> [String] {
        outputs.compactMap { if case .info(let text) = $0 { text } else { nil } }
    }

    static func fileSize(_ path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : -1
    }

    /// An answer longer than a memory page, so a tmpfs filled to the last page cannot take it.
    static func long(_ label: String) -> String {
        label + String(repeating: " and more words", count: 400)
    }

    /// Answer texts cut short, so a failure message stays readable.
    static func starts(_ answers: [TranscriptEvent.Answer]) -> [String] {
        answers.map { String($0.text.prefix(20)) }
    }

    @Test(.enabled(if: SmallDisk.canMount, "needs the right to mount a tmpfs"))
    func aWriteThatFailsIsCutBackToldAtOnceAndWrittenOnceThereIsRoom() throws {
        let disk = try SmallDisk(kilobytes: 64)
        let path = disk.path + "/session.jsonl"
        let run = try DiskSession(path: path, spareFolders: [NSTemporaryDirectory()])
        try run.start()
        _ = run.answer("first")
        _ = run.answer("second")
        let sizeBefore = Self.fileSize(path)
        disk.fill(leavingBytes: 100)
        let told = Self.warnings(run.answer(Self.long("third")))
        #expect(told.count == 1)
        #expect(told.first?.contains("No space left on device") == true)
        #expect(told.first?.contains("your answer is kept in memory") == true)
        #expect(Self.fileSize(path) == sizeBefore, "the cut-off line must be removed")
        #expect(run.recorder.unwrittenEventCount > 0)
        #expect(try Transcript.read(path: path).answers.map(\.text) == ["first", "second"])
        let spareCopy = try #require(run.recorder.sparePath)
        disk.free()
        let after = run.answer("fourth")
        #expect(!FileManager.default.fileExists(atPath: spareCopy), "once caught up, the spare copy is removed")
        #expect(Self.infos(after).contains("The transcript is being written again; nothing was lost."))
        #expect(run.recorder.unwrittenEventCount == 0)
        let transcript = try Transcript.read(path: path)
        #expect(Self.starts(transcript.answers) == ["first", "second", "third and more words", "fourth"])
        #expect(transcript.answers.map(\.text).contains(Self.long("third")))
        #expect(transcript.warnings.allSatisfy { $0.contains("no end line") }, "\(transcript.warnings)")
        #expect(run.recorder.finish().problem == nil)
    }

    @Test(.enabled(if: SmallDisk.canMount, "needs the right to mount a tmpfs"))
    func whatNeverFitsIsSavedInFullElsewhereAtTheEnd() throws {
        let disk = try SmallDisk(kilobytes: 64)
        let spare = NSTemporaryDirectory() + "rehearse-spare-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: spare, withIntermediateDirectories: true)
        let path = disk.path + "/session.jsonl"
        let run = try DiskSession(path: path, spareFolders: [disk.path, spare])
        try run.start()
        _ = run.answer("kept on disk")
        disk.fill()
        let told = Self.warnings(run.answer(Self.long("only in memory")))
        #expect(told.count == 1)
        let spareCopy = try #require(run.recorder.sparePath)
        #expect(told.first?.contains("a copy of the whole session in \(spareCopy)") == true)
        #expect(
            Self.starts(try Transcript.read(path: spareCopy).answers) == ["kept on disk", "only in memory and m"],
            "the copy is written at once, so a crash now loses nothing")
        #expect(Self.warnings(run.answer(Self.long("also in memory"))).isEmpty, "told once, not at every answer")
        _ = run.session.interrupt(reason: "SIGTERM")
        let report = run.recorder.finish()
        #expect(report.unwrittenAnswers == 2)
        let copy = try #require(report.copyPath)
        #expect(copy == spareCopy)
        #expect(copy.hasPrefix(spare + "/rehearse-unsaved-session-"))
        let saved = try Transcript.read(path: copy)
        #expect(Self.starts(saved.answers) == ["kept on disk", "only in memory and m", "also in memory and m"])
        #expect(saved.end?.status == .interrupted)
        #expect(saved.warnings.isEmpty)
        let problem = try #require(report.problem)
        #expect(problem.contains(path) && problem.contains(copy) && problem.contains("2 answers"))
        #expect(try Transcript.read(path: path).answers.map(\.text) == ["kept on disk"])
    }

    @Test(.enabled(if: SmallDisk.canMount, "needs the right to mount a tmpfs"))
    func whenNoFolderTakesTheCopyTheLinesAreHandedBackToPrint() throws {
        let disk = try SmallDisk(kilobytes: 64)
        let run = try DiskSession(path: disk.path + "/session.jsonl", spareFolders: [disk.path, "/nonexistent-folder"])
        try run.start()
        disk.fill()
        _ = run.answer(Self.long("nowhere to go"))
        let report = run.recorder.finish()
        #expect(report.copyPath == nil)
        #expect(report.unsavedLines.count == report.unwrittenEvents)
        #expect(report.unsavedLines.contains { $0.contains(Self.long("nowhere to go")) })
        #expect(report.problem?.contains("printed below") == true)
    }

    @Test(.enabled(if: SmallDisk.canMount, "needs the right to mount a tmpfs"))
    func aHeaderThatCannotBeWrittenLeavesNoEmptyFile() throws {
        let disk = try SmallDisk(kilobytes: 64)
        disk.fill()
        let path = disk.path + "/session.jsonl"
        let spare = NSTemporaryDirectory() + "rehearse-spare-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: spare, withIntermediateDirectories: true)
        let run = try DiskSession(path: path, spareFolders: [spare])
        #expect(throws: TranscriptError.self) { try run.start() }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: spare).isEmpty)
    }

    /// A `kill -9` between creating the file and writing its header used to leave an empty,
    /// unreadable `.jsonl` (the fault suite caught it on a release build).
    @Test func aTranscriptAppearsOnDiskOnlyWithItsHeader() throws {
        let folder = NSTemporaryDirectory() + "rehearse-header-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/session.jsonl"
        let run = try DiskSession(path: path)
        #expect(!FileManager.default.fileExists(atPath: path))
        try run.start()
        let firstLine = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").first
        #expect(firstLine?.contains("\"session\":\"d15cf011\"") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["session.jsonl"])
    }

    @Test func aTranscriptNeverReplacesAFileThatAppearedAtItsName() throws {
        let folder = NSTemporaryDirectory() + "rehearse-header-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/session.jsonl"
        let run = try DiskSession(path: path)
        try "someone else's".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: TranscriptError.self) { try run.start() }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "someone else's")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["session.jsonl"])
    }

    @Test func leftoversOfAKilledStartAreSweptOnceStale() throws {
        let root = NSTemporaryDirectory() + "rehearse-sweep-\(UUID().uuidString)"
        let transcripts = root + "/transcripts"
        try FileManager.default.createDirectory(atPath: transcripts, withIntermediateDirectories: true)
        let stale = [".write-test-abc", ".2026-12-02T135915Z-018c4781.jsonl.new-x1", ".index.json.tmp-y2"]
        let fresh = ".2026-12-02T140000Z-0badcafe.jsonl.new-z3"
        for name in stale + [fresh, "kept.jsonl", ".notes"] {
            try "x".write(toFile: transcripts + "/" + name, atomically: false, encoding: .utf8)
        }
        let old = Date().addingTimeInterval(-2 * 3600)
        for name in stale + ["kept.jsonl", ".notes"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: transcripts + "/" + name)
        }
        try DataFolder(root: root).prepare()
        let left = try FileManager.default.contentsOfDirectory(atPath: transcripts).sorted()
        #expect(left == [".notes", fresh, "kept.jsonl"].sorted())
    }

    @Test(.enabled(if: SmallDisk.canMount, "needs the right to mount a tmpfs"), arguments: [0, 4096])
    func aNearlyFullDiskIsRefusedBeforeTheFirstQuestion(freeBytes: Int) throws {
        let disk = try SmallDisk(kilobytes: 256)
        let folder = DataFolder(root: disk.path + "/data")
        try folder.prepare()
        disk.fill(leavingBytes: freeBytes)
        #expect { try folder.prepare() } throws: { error in
            let text = "\(error)"
            return text.contains(folder.transcripts) && text.contains("free some space")
                && text.contains("REHEARSE_HOME")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.transcripts).isEmpty)
    }

    @Test func missingParentsOfTheDataFolderAreCreatedPrivate() throws {
        let base = NSTemporaryDirectory() + "rehearse-fresh-\(UUID().uuidString)"
        let folder = DataFolder(environment: ["HOME": base + "/home", "REHEARSE_HOME": ""])
        #expect(folder.root == base + "/home/.local/share/rehearse")
        #expect(try folder.prepare() == nil)
        for path in [
            base + "/home/.local", base + "/home/.local/share", folder.root, folder.transcripts, folder.historyFolder,
        ] {
            var status = stat()
            #expect(stat(path, &status) == 0, "\(path) was not created")
            #expect(status.st_mode & 0o777 == 0o700, "\(path)")
        }
    }

    @Test func anEmptyHomeIsNotTakenAsTheRootFolder() {
        let root = DataFolder(environment: ["HOME": ""]).root
        #expect(root != "/.local/share/rehearse")
        #expect(root == NSHomeDirectory() + "/.local/share/rehearse")
    }

    @Test func foldersOpenToOthersAreMadePrivateAndSaidOnce() throws {
        let root = NSTemporaryDirectory() + "rehearse-open-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/transcripts", withIntermediateDirectories: true)
        chmod(root, 0o777)
        chmod(root + "/transcripts", 0o755)
        let folder = DataFolder(root: root)
        let note = try #require(try folder.prepare())
        #expect(
            note.contains(root + " (was 777)") && note.contains(root + "/transcripts (was 755)")
                && note.contains("0700"))
        #expect(!note.contains("\n"))
        for path in [root, folder.transcripts, folder.historyFolder] {
            var status = stat()
            stat(path, &status)
            #expect(status.st_mode & 0o777 == 0o700, "\(path)")
        }
        #expect(try folder.prepare() == nil)
    }

    @Test(.enabled(if: geteuid() == 0, "needs root to give a folder to another user"))
    func aSharedFolderOfAnotherUserIsRefusedWithTheFix() throws {
        let root = NSTemporaryDirectory() + "rehearse-theirs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        chmod(root, 0o777)
        chown(root, 4242, 4242)
        #expect { try DataFolder(root: root).prepare() } throws: { error in
            "\(error)".contains(root) && "\(error)".contains("chmod 700") && "\(error)".contains("REHEARSE_HOME")
        }
        var status = stat()
        stat(root, &status)
        #expect(status.st_mode & 0o777 == 0o777)
    }

    @Test func aSymlinkPlantedAtTheWriteTestNameIsNotFollowed() throws {
        let root = NSTemporaryDirectory() + "rehearse-plant-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/transcripts", withIntermediateDirectories: true)
        let victim = root + "/victim.txt"
        try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
        symlink(victim, root + "/transcripts/.write-test-\(getpid())")
        try DataFolder(root: root).prepare()
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
    }

    @Test func aSymlinkPlantedAtTheIndexTemporaryNameIsNotFollowed() throws {
        let root = NSTemporaryDirectory() + "rehearse-plant-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let victim = NSTemporaryDirectory() + "rehearse-victim-\(UUID().uuidString)"
        try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
        symlink(victim, root + "/.index.json.tmp-\(getpid())")
        let cache = TranscriptSummaryCache(folder: root)
        #expect(cache.save([:]))
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        #expect(cache.load() != nil)
        var status = stat()
        stat(cache.path, &status)
        #expect(status.st_mode & 0o777 == 0o600)
    }

    @Test func systemCallErrorsNameThePathAndTheReason() throws {
        let missing = NSTemporaryDirectory() + "rehearse-none-\(UUID().uuidString)/file"
        #expect { try FileDescriptor(opening: missing, flags: O_RDONLY) } throws: { error in
            "\(error)" == "cannot open \(missing): No such file or directory"
        }
    }

    @Test func atomicWritesReplaceTheFileAndLeaveNoTemporaryBehind() throws {
        let folder = NSTemporaryDirectory() + "rehearse-atomic-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "old".write(toFile: folder + "/out.txt", atomically: false, encoding: .utf8)
        try AtomicFile.write(Array("new".utf8), to: folder + "/out.txt")
        #expect(try String(contentsOfFile: folder + "/out.txt", encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.txt"])
    }
}
