import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A libedit history list (`History *`), optionally backed by a file; freed in deinit.
///
/// Pass one to `LineEditor.readLine` so Up/Down recall from it; several can coexist
/// (e.g. answers and shell commands). Adjacent duplicates are stored once.
///
/// The file is never followed through a symbolic link, and `save()` merges: it reads the file
/// again, adds the lines added since the last save, keeps the newest `capacity` and replaces the
/// file in one rename, so two sessions sharing a data folder both keep their lines.
public final class History {
    /// Errors from creating, loading or saving a history.
    public enum Error: Swift.Error, Equatable, CustomStringConvertible {
        /// libedit could not create or configure the list (out of memory).
        case setupFailed
        /// The history file exists but could not be read (errno, or 0 when it is not a libedit history file).
        case unreadable(path: String, errno: Int32)
        /// The history path is a symbolic link, which is never followed.
        case symbolicLink(path: String)
        /// The history file could not be written (errno of the failing call).
        case saveFailed(path: String, errno: Int32)

        /// What happened and what to do.
        public var description: String {
            switch self {
            case .setupFailed:
                return "the line editor's history could not be created (out of memory)"
            case .unreadable(let path, let e):
                let reason = e == 0 ? "not a libedit history file" : String(cString: strerror(e))
                return "cannot read the history file \(path) (\(reason)); move it aside or delete it"
            case .symbolicLink(let path):
                return "the history file \(path) is a symbolic link, which rehearse does not follow; "
                    + "remove the link (rehearse then writes a plain file there)"
            case .saveFailed(let path, let e):
                return "cannot save the history file \(path) (\(String(cString: strerror(e)))); "
                    + "check that its folder exists and that you can write to it"
            }
        }
    }

    /// The underlying libedit handle.
    let handle: OpaquePointer
    /// The file loaded at init and written by `save()`, if any.
    public let file: String?
    /// The most entries kept.
    public let capacity: Int
    /// Lines added since the history was loaded or last saved, oldest first.
    private var unsaved: [String] = []

    /// Creates a history keeping at most `capacity` entries; loads `file` if it exists.
    /// Throws when libedit fails, or when `file` exists but is a symbolic link or cannot be read.
    public init(capacity: Int = 500, file: String? = nil) throws {
        guard let h = history_init() else { throw Error.setupFailed }
        handle = h
        self.file = file
        self.capacity = max(1, capacity)
        guard rehearse_history_setsize(handle, Int32(clamping: self.capacity)) != -1,
            rehearse_history_setunique(handle, 1) != -1
        else { throw Error.setupFailed }
        if let file { try Self.load(file, into: handle) }
    }

    deinit {
        history_end(handle)
    }

    /// Appends a line (a trailing newline is dropped; empty lines are ignored).
    public func add(_ line: String) {
        var line = line
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        guard !line.isEmpty else { return }
        if rehearse_history_enter(handle, line) != -1, file != nil { unsaved.append(line) }
    }

    /// Number of entries.
    public var count: Int { Int(rehearse_history_count(handle)) }

    /// All entries, oldest first.
    public var entries: [String] {
        var result: [String] = []
        var entry = rehearse_history_oldest(handle)
        while let e = entry {
            result.append(String(cString: e))
            entry = rehearse_history_newer(handle)
        }
        return result
    }

    /// Merges the lines added since the last save into `file` (mode 0600, libedit's format): the
    /// file is read again, so lines another session saved meanwhile stay. Does nothing when `file` is nil.
    public func save() throws {
        guard let file else { return }
        guard let merged = history_init() else { throw Error.setupFailed }
        defer { history_end(merged) }
        guard rehearse_history_setsize(merged, Int32(clamping: capacity)) != -1,
            rehearse_history_setunique(merged, 1) != -1
        else { throw Error.setupFailed }
        try Self.load(file, into: merged)
        for line in unsaved { _ = rehearse_history_enter(merged, line) }
        try Self.write(merged, to: file)
        unsaved = []
    }

    // MARK: Files

    /// Loads `path` into `handle` when it exists, without following a symbolic link.
    private static func load(_ path: String, into handle: OpaquePointer) throws {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            let e = errno
            if e == ENOENT { return }
            if e == ELOOP { throw Error.symbolicLink(path: path) }
            throw Error.unreadable(path: path, errno: e)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Error.unreadable(path: path, errno: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw Error.unreadable(path: path, errno: EISDIR) }
        if info.st_size == 0 { return }
        // H_LOAD takes a path: the already-open descriptor's, so the file read is the one checked.
        if rehearse_history_load(handle, "/dev/fd/\(fd)") == -1 {
            throw Error.unreadable(path: path, errno: 0)
        }
    }

    /// Writes `handle` to a new file next to `path`, then renames it over `path` (a link there is refused).
    private static func write(_ handle: OpaquePointer, to path: String) throws {
        var info = stat()
        if lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK { throw Error.symbolicLink(path: path) }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(folder.isEmpty ? "/" : folder)/.\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Error.saveFailed(path: path, errno: errno) }
        // mkstemp replaced the X's: the name is the template up to its terminating NUL.
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: Int32 = 0
        if fchmod(fd, 0o600) != 0 { failure = errno }
        if failure == 0, let stream = fdopen(fd, "w") {
            errno = 0
            if rehearse_history_save_fp(handle, stream) == -1 { failure = errno == 0 ? EIO : errno }
            if fflush(stream) != 0 && failure == 0 { failure = errno }
            if failure == 0 && fsync(fd) != 0 { failure = errno }
            if fclose(stream) != 0 && failure == 0 { failure = errno }
        } else {
            if failure == 0 { failure = errno }
            close(fd)
        }
        if failure == 0 && rename(temporary, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw Error.saveFailed(path: path, errno: failure)
        }
    }
}
