/// The user's data folder: transcripts and line-editing histories.
/// `$REHEARSE_HOME`, else `$XDG_DATA_HOME/rehearse`, else `~/.local/share/rehearse`.
public struct DataFolder: Sendable {
    public var root: String

    /// Free space a session needs to start: room for the header and a few answers with their typing.
    public static let spaceNeededToStart = 64 * 1024

    public init(root: String) { self.root = root }

    /// Resolves the folder from the environment.
    public init(environment: [String: String]) {
        if let home = environment["REHEARSE_HOME"], !home.isEmpty {
            root = home
        } else if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            root = data + "/rehearse"
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? DataFolder.homeDirectory()
            root = home + "/.local/share/rehearse"
        }
    }

    public var transcripts: String { root + "/transcripts" }
    public var historyFolder: String { root + "/history" }

    /// Creates the folders and any missing parents (0700), makes existing ones private, and proves
    /// the transcripts folder can take a session, before a session starts. Returns a one-line note
    /// when it had to tighten permissions, for the person to see once.
    @discardableResult
    public func prepare() throws -> String? {
        try createFolder(root)
        var tightened: [String] = []
        for folder in [root, transcripts, historyFolder] {
            if folder != root { try createFolder(folder) }
            if let oldMode = try makePrivate(folder) {
                tightened.append("\(folder) (was \(String(oldMode, radix: 8)))")
            }
        }
        sweepLeftovers()
        try proveWritable()
        guard !tightened.isEmpty else { return nil }
        return "made \(tightened.joined(separator: ", ")) private to you (0700): transcripts hold your answers"
    }

    /// Creates `folder` and its missing parents, each 0700.
    private func createFolder(_ folder: String) throws {
        var status = stat()
        if stat(folder, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw DataFolderError.notAFolder(folder) }
            return
        }
        guard errno == ENOENT else { throw DataFolderError.cannotCreate(folder, String(cString: strerror(errno))) }
        let parent = parentFolder(folder)
        if !parent.isEmpty && parent != folder && parent != "/" { try createFolder(parent) }
        if mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw DataFolderError.cannotCreate(folder, String(cString: strerror(errno)))
        }
    }

    /// Takes group and other permissions off a folder we own, returning its old mode; refuses a
    /// folder others can use that belongs to someone else.
    private func makePrivate(_ folder: String) throws -> FileMode? {
        var status = stat()
        guard stat(folder, &status) == 0 else {
            throw DataFolderError.cannotCreate(folder, String(cString: strerror(errno)))
        }
        let mode = status.st_mode & 0o7777
        guard mode & 0o077 != 0 else { return nil }
        guard status.st_uid == geteuid() else {
            throw DataFolderError.sharedWithOthers(folder, mode, owner: status.st_uid)
        }
        guard chmod(folder, 0o700) == 0 else {
            throw DataFolderError.sharedWithOthers(folder, mode, owner: status.st_uid)
        }
        return mode
    }

    /// How old a leftover temporary file must be before `prepare` removes it: far longer than any
    /// of them lives, so a session starting at the same moment keeps its own.
    static let leftoverAge: Double = 3600

    /// Removes temporary files a process killed at the wrong moment left in the transcripts folder
    /// (the write test, a transcript not yet named, an index being replaced), once they are stale.
    /// Only hidden regular files with those names; never anything reached through a symlink.
    private func sweepLeftovers() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: transcripts) else { return }
        let now = Date().timeIntervalSince1970
        for name in names where name.hasPrefix(".") {
            guard
                name.hasPrefix(".write-test-") || name.contains(FileTranscriptRecorder.pendingInfix)
                    || name.contains(".tmp-")
            else { continue }
            let path = transcripts + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            if now - Double(status.modifiedNanoseconds) / 1e9 > Self.leftoverAge { unlink(path) }
        }
    }

    /// Writes (and removes) a file the size a session needs, through a name nobody can plant a
    /// symlink at, so a full disk or a read-only folder is found before the first question.
    private func proveWritable() throws {
        let probe: FileDescriptor
        do {
            probe = try FileDescriptor.createUnique(in: transcripts, prefix: ".write-test-")
        } catch let error as SystemCallError {
            throw DataFolderError.notWritable(transcripts, error.reason)
        }
        defer { unlink(probe.path) }
        do {
            try probe.writeAll([UInt8](repeating: 0x20, count: Self.spaceNeededToStart))
            try probe.close()
        } catch let error as SystemCallError {
            if error.isOutOfSpace { throw DataFolderError.full(transcripts, error.reason) }
            throw DataFolderError.notWritable(transcripts, error.reason)
        }
    }

    /// A new transcript path for a session.
    public func transcriptPath(sessionID: String, started: Date) -> String {
        return transcripts + "/" + LocalTime.compactUTC(started) + "-" + sessionID + ".jsonl"
    }
}

/// Why the data folder cannot be used, with the fix.
public enum DataFolderError: Error, CustomStringConvertible {
    case notAFolder(String)
    case cannotCreate(String, String)
    case notWritable(String, String)
    case full(String, String)
    case sharedWithOthers(String, FileMode, owner: uid_t)

    public var description: String {
        switch self {
        case .notAFolder(let path):
            "the data folder \(path) is a file, not a folder; move it away or set REHEARSE_HOME to another folder"
        case .cannotCreate(let path, let reason):
            "cannot create the data folder \(path) (\(reason)); set REHEARSE_HOME to a folder you can write"
        case .notWritable(let path, let reason):
            "cannot write to \(path) (\(reason)); fix its permissions (chmod u+w) or set REHEARSE_HOME to a folder you can write"
        case .full(let path, let reason):
            "cannot start a session: \(path) has less than \(DataFolder.spaceNeededToStart / 1024) KB free (\(reason)); "
                + "free some space on that disk (`df -h \(path)` shows how much is left) or set REHEARSE_HOME to a folder on another disk"
        case .sharedWithOthers(let path, let mode, let owner):
            "the data folder \(path) is open to other users (mode \(String(mode, radix: 8))) and belongs to user \(owner), not you; "
                + "ask its owner to run `chmod 700 \(path)`, or set REHEARSE_HOME to a folder of your own"
        }
    }
}
