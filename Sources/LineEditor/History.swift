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
public final class History {
    /// Errors from `save()`.
    public enum Error: Swift.Error, Equatable {
        /// libedit could not write the history file.
        case saveFailed(path: String, errno: Int32)
    }

    /// The underlying libedit handle.
    let handle: OpaquePointer
    /// The file loaded at init and written by `save()`, if any.
    public let file: String?

    /// Creates a history keeping at most `capacity` entries; loads `file` if it exists.
    public init(capacity: Int = 500, file: String? = nil) {
        guard let h = history_init() else {
            fatalError("libedit history_init failed (out of memory)")
        }
        handle = h
        self.file = file
        _ = rehearse_history_setsize(handle, Int32(clamping: max(1, capacity)))
        _ = rehearse_history_setunique(handle, 1)
        if let file, access(file, R_OK) == 0 {
            _ = rehearse_history_load(handle, file)
        }
    }

    deinit {
        history_end(handle)
    }

    /// Appends a line (a trailing newline is dropped; empty lines are ignored).
    public func add(_ line: String) {
        var line = line
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        guard !line.isEmpty else { return }
        _ = rehearse_history_enter(handle, line)
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

    /// Writes `file` (mode 0600, libedit's format); does nothing when `file` is nil.
    public func save() throws {
        guard let file else { return }
        errno = 0
        if rehearse_history_save(handle, file) == -1 {
            throw Error.saveFailed(path: file, errno: errno)
        }
        _ = chmod(file, 0o600)
    }
}
