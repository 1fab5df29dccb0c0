/// Where a session writes its transcript as it goes. Tests use `MemoryTranscriptRecorder`.
public protocol TranscriptRecorder: AnyObject {
    func begin(_ header: TranscriptHeader) throws
    /// Appends one event; `durable` asks for it to reach the disk before returning (after answers and at the end).
    func record(_ event: TranscriptEvent, durable: Bool) throws
    /// Where the transcript lives, for the summary.
    var location: String { get }
}

/// Keeps a transcript in memory.
public final class MemoryTranscriptRecorder: TranscriptRecorder {
    public private(set) var header: TranscriptHeader?
    public private(set) var events: [TranscriptEvent] = []
    public init() {}
    public func begin(_ header: TranscriptHeader) throws { self.header = header }
    public func record(_ event: TranscriptEvent, durable: Bool) throws { events.append(event) }
    public var location: String { "(memory)" }
    public var transcript: Transcript? {
        header.map { Transcript(header: $0, events: events, warnings: [], path: location) }
    }
}

/// Appends JSON Lines to a file opened 0600, writing each event at once and `fsync`ing after
/// answers, so a crash or `kill -9` keeps every submitted answer and the file still reads.
///
/// A failed write (a full disk, a failing drive) never leaves half a line behind: the file is
/// cut back to its last complete line, the events not written are kept in memory and written,
/// in order, with the next event that can be written. Meanwhile the whole session is also kept
/// in a spare copy in another folder (rewritten at each event, removed once the transcript has
/// caught up), so even a crash while the disk is full loses nothing. `finish` makes a last try
/// and otherwise leaves the spare copy for the person.
public final class FileTranscriptRecorder: TranscriptRecorder {
    public let location: String
    private let file: FileDescriptor
    private let encoder = TranscriptCoding.encoder()
    /// Bytes of complete lines on disk: everything after this is cut off after a failed write.
    private var writtenLength: Int64 = 0
    /// Lines (each ending in a newline) not on disk yet, oldest first, and whether each is an answer.
    private var unwritten: [(line: Data, isAnswer: Bool)] = []
    /// True when a torn line could not be cut off, so the next write must start a fresh line.
    private var endsMidLine = false
    /// Why the last write failed; nil once writing works again.
    public private(set) var lastFailure: SystemCallError?
    /// Folders for the spare copy, in order of preference.
    private let spareFolders: [String]
    /// The spare copy of the whole session while the transcript is behind; nil otherwise.
    public private(set) var sparePath: String?

    /// The hidden file the header is written to before it takes the transcript's name.
    private let pendingPath: String

    /// Prepares the file; nothing may exist at `path` yet (and it is never reached through a
    /// symlink). Until `begin` has written the header the file has a hidden name of its own, so
    /// the process being killed at any moment never leaves an empty transcript behind.
    /// `spareFolders` take a copy of the session while the file cannot be written.
    public init(path: String, spareFolders: [String] = []) throws {
        location = path
        self.spareFolders = spareFolders
        var status = stat()
        if lstat(path, &status) == 0 {
            throw TranscriptError.cannotCreate(path: path, reason: String(cString: strerror(EEXIST)))
        }
        do {
            file = try FileDescriptor.createUnique(
                in: parentFolder(path), prefix: "." + lastPathComponent(path) + Self.pendingInfix,
                flags: O_RDWR | O_APPEND)
        } catch let error as SystemCallError {
            throw TranscriptError.cannotCreate(path: path, reason: error.reason)
        }
        pendingPath = file.path
    }

    deinit { unlink(pendingPath) }  // A session that never began (after `begin` it is gone already).

    /// What the hidden name of a transcript being started holds (`DataFolder` sweeps stale ones).
    static let pendingInfix = ".new-"

    /// Events recorded but not on disk yet.
    public var unwrittenEventCount: Int { unwritten.count }

    /// Writes the header, then gives the file its name (a hard link, which never replaces a file
    /// that appeared there meanwhile). If either fails the file is removed, so no empty or
    /// headless transcript stays behind.
    public func begin(_ header: TranscriptHeader) throws {
        defer { unlink(pendingPath) }
        unwritten.append((line(try encoder.encode(header)), false))
        do {
            try flush(durable: true)
        } catch let failure as TranscriptWriteFailure {
            if let sparePath { unlink(sparePath) }  // A session that never started needs no copy.
            sparePath = nil
            throw TranscriptError.cannotWrite(path: location, reason: failure.error.reason)
        }
        guard link(pendingPath, location) == 0 else {
            let linkError = errno
            // A file system without hard links (FAT, some network and FUSE mounts): rename, which
            // would replace a file, so only while nothing is there.
            var status = stat()
            if linkError != EEXIST, lstat(location, &status) != 0, rename(pendingPath, location) == 0 { return }
            throw TranscriptError.cannotCreate(path: location, reason: String(cString: strerror(linkError)))
        }
    }

    /// Appends the event after any kept from failed writes; throws `TranscriptWriteFailure` when
    /// it could not be written (it is then kept too).
    public func record(_ event: TranscriptEvent, durable: Bool) throws {
        var isAnswer = false
        if case .answer = event { isAnswer = true }
        unwritten.append((line(try encoder.encode(event)), isAnswer))
        try flush(durable: durable)
    }

    private func line(_ json: Data) -> Data {
        var bytes = json
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// Writes every kept line in one go; on failure cuts the file back to its last complete line.
    private func flush(durable: Bool) throws {
        guard !unwritten.isEmpty else { return }
        var batch = Data()
        do {
            if lastFailure != nil, !endsMidLine {
                let size = Int64(try file.status().st_size)
                if size != writtenLength, (try? file.truncate(to: writtenLength)) == nil {
                    // The cut after the last failure did not take: keep the torn line (readers skip
                    // it with a warning) and start a fresh line after it.
                    writtenLength = size
                    endsMidLine = true
                }
            }
            if endsMidLine { batch.append(UInt8(ascii: "\n")) }
            for item in unwritten { batch.append(item.line) }
            try file.writeAll(batch)
            // After a failure, sync even a small event: the disk has just proved unreliable.
            if durable || lastFailure != nil { try file.sync() }
        } catch let error as SystemCallError {
            try? file.truncate(to: writtenLength)
            lastFailure = error
            saveSpareCopy()
            throw TranscriptWriteFailure(
                path: location, error: error, unwrittenEvents: unwritten.count,
                unwrittenAnswers: unwritten.filter(\.isAnswer).count, sparePath: sparePath)
        }
        writtenLength += Int64(batch.count)
        unwritten.removeAll()
        lastFailure = nil
        endsMidLine = false
        if let sparePath {  // The transcript has caught up: the copy would only confuse.
            unlink(sparePath)
            self.sparePath = nil
        }
    }

    /// Writes the whole session (what is on disk, then what is kept in memory) to the spare copy,
    /// replacing the last one; the first folder that takes it keeps it. Leaves `sparePath` nil
    /// when no folder does.
    private func saveSpareCopy() {
        // Read back (the file is opened for reading too) so the copy is a whole transcript, header first.
        var whole = Data((try? file.read(count: Int(writtenLength), at: 0)) ?? [])
        if endsMidLine { whole.append(UInt8(ascii: "\n")) }
        for item in unwritten { whole.append(item.line) }
        if let sparePath, (try? AtomicFile.write(whole, to: sparePath)) != nil { return }
        if let sparePath { unlink(sparePath) }
        sparePath = nil
        let stem = lastPathComponent(location).replacing(".jsonl", with: "")
        for folder in spareFolders {
            guard
                let copy = try? FileDescriptor.createUnique(
                    in: folder, prefix: "rehearse-unsaved-\(stem)-", suffix: ".jsonl")
            else { continue }
            do {
                try copy.writeAll(whole)
                try copy.sync()
                try copy.close()
                sparePath = copy.path
                return
            } catch {
                unlink(copy.path)
            }
        }
    }

    /// Makes a last attempt to write what is kept in memory and says where the session is: in
    /// the transcript, else in the spare copy, else nowhere, with the lines for the caller to print.
    public func finish() -> TranscriptSaveReport {
        if !unwritten.isEmpty { try? flush(durable: true) }
        var report = TranscriptSaveReport(
            path: location, unwrittenEvents: unwritten.count,
            unwrittenAnswers: unwritten.filter(\.isAnswer).count, failure: lastFailure)
        guard !unwritten.isEmpty else { return report }
        report.copyPath = sparePath
        if sparePath == nil {
            report.unsavedLines = unwritten.map { String(decoding: $0.line.dropLast(), as: UTF8.self) }
        }
        return report
    }
}

/// A write to the transcript failed; the events are kept in memory and written with the next
/// event that can be. Worded for the person at the keyboard.
public struct TranscriptWriteFailure: Error, CustomStringConvertible {
    /// The transcript file.
    public var path: String
    /// The system call that failed, and why.
    public var error: SystemCallError
    /// Events kept in memory so far, and how many of them are answers.
    public var unwrittenEvents: Int
    public var unwrittenAnswers: Int
    /// Where a copy of the whole session is kept meanwhile, if any folder took one.
    public var sparePath: String?

    public var description: String {
        let folder = parentFolder(path)
        let kept =
            unwrittenAnswers == 0
            ? "what happened since" : unwrittenAnswers == 1 ? "your answer" : "your last \(unwrittenAnswers) answers"
        let copy = sparePath.map { " (and a copy of the whole session in \($0))" } ?? ""
        let fix =
            error.isOutOfSpace
            ? "free some space on the disk that holds \(folder) (`df -h \(folder)`) and carry on" : "carry on"
        return
            "cannot write the transcript \(path): \(error.reason). Nothing is lost yet: \(kept) is kept in memory\(copy) and written "
            + "to the transcript once writing works again, so \(fix)."
    }
}

/// Where a session's transcript ended up, told at the end of the session.
public struct TranscriptSaveReport: Equatable, Sendable {
    /// The transcript file.
    public var path: String
    /// Events (and answers among them) that never reached `path`.
    public var unwrittenEvents: Int
    public var unwrittenAnswers: Int
    /// Why writing failed, when it did.
    public var failure: SystemCallError?
    /// A complete copy of the session, saved elsewhere because `path` could not take it all.
    public var copyPath: String?
    /// The lines that could be saved nowhere, for the caller to print.
    public var unsavedLines: [String] = []

    /// True when every event reached the transcript file.
    public var isComplete: Bool { unwrittenEvents == 0 }

    /// One paragraph for the person, nil when everything was written.
    public var problem: String? {
        guard !isComplete else { return nil }
        let what =
            "\(unwrittenEvents) event\(unwrittenEvents == 1 ? "" : "s") of this session"
            + (unwrittenAnswers > 0 ? " (\(unwrittenAnswers) answer\(unwrittenAnswers == 1 ? "" : "s"))" : "")
        let why = failure.map { " (\($0.reason))" } ?? ""
        if let copyPath {
            return "\(what) could not be written to \(path)\(why). The whole session is saved in \(copyPath) "
                + "(`rehearse review \(copyPath)` reads it there); once there is room, `mv \(copyPath) \(path)` puts it in place of the incomplete one."
        }
        return "\(what) could not be written to \(path)\(why), nor saved anywhere else; "
            + "they are printed below: add those lines to the end of that file once there is room."
    }
}

/// Problems reading or writing transcripts, worded for the person who has to fix them.
public enum TranscriptError: Error, CustomStringConvertible, Equatable {
    case cannotCreate(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case notATranscript(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason): "cannot create the transcript \(path): \(reason)"
        case .cannotWrite(let path, let reason): "cannot write the transcript \(path): \(reason)"
        case .cannotRead(let path, let reason): "cannot read \(path): \(reason)"
        case .notATranscript(let path, let reason): "\(path) is not a rehearse transcript: \(reason)"
        }
    }
}
