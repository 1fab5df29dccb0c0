
/// The user's data folder: transcripts and line-editing histories.
/// `$REHEARSE_HOME`, else `$XDG_DATA_HOME/rehearse`, else `~/.local/share/rehearse`.
public struct DataFolder: Sendable {
    public var root: String

    public init(root: String) { self.root = root }

    /// Resolves the folder from the environment.
    public init(environment: [String: String]) {
        if let home = environment["REHEARSE_HOME"], !home.isEmpty {
            root = home
        } else if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            root = data + "/rehearse"
        } else {
            root = (environment["HOME"] ?? DataFolder.homeDirectory()) + "/.local/share/rehearse"
        }
    }

    public var transcripts: String { root + "/transcripts" }
    public var historyFolder: String { root + "/history" }

    /// Creates the folders (0700) and proves they can be written, before a session starts.
    public func prepare() throws {
        for folder in [root, transcripts, historyFolder] {
            if FileManager.default.fileExists(atPath: folder) {
                if !isDirectory(atPath: folder) { throw DataFolderError.notAFolder(folder) }
            } else if mkdir(folder, 0o700) != 0 && errno != EEXIST {
                throw DataFolderError.cannotCreate(folder, String(cString: strerror(errno)))
            }
        }
        let probe = transcripts + "/.write-test-\(getpid())"
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw DataFolderError.notWritable(transcripts, String(cString: strerror(errno))) }
        close(descriptor)
        unlink(probe)
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

    public var description: String {
        switch self {
        case .notAFolder(let path): "the data folder \(path) is a file, not a folder; move it away or set REHEARSE_HOME to another folder"
        case let .cannotCreate(path, reason): "cannot create the data folder \(path) (\(reason)); set REHEARSE_HOME to a folder you can write"
        case let .notWritable(path, reason): "cannot write to \(path) (\(reason)); fix its permissions (chmod u+w) or set REHEARSE_HOME to a folder you can write"
        }
    }
}
