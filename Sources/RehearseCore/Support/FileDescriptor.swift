/// A failed system call on a file, with the path and the system's reason (`strerror`).
public struct SystemCallError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What was being done, as a verb: "open", "write", "sync", ...
    public var operation: String
    /// The file it was done to.
    public var path: String
    /// The `errno` value.
    public var code: Int32

    public init(_ operation: String, path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// The system's wording, e.g. "No space left on device".
    public var reason: String { String(cString: strerror(code)) }

    /// True when the disk (or the user's quota) is full: freeing space fixes it.
    public var isOutOfSpace: Bool { code == ENOSPC || code == EDQUOT || code == EFBIG }

    public var description: String { "cannot \(operation) \(path): \(reason)" }
}

/// An open file descriptor that closes itself: writes every byte (through `EINTR` and short
/// writes), syncs, truncates, and turns every failure into a `SystemCallError`.
public final class FileDescriptor {
    /// The path it was opened with, for error messages.
    public let path: String
    /// The descriptor itself, for calls this type does not wrap.
    public let rawValue: Int32
    private var isClosed = false

    /// Opens `path` with `flags` (`O_CLOEXEC` is always added); `mode` applies when it is created.
    public init(opening path: String, flags: Int32, mode: FileMode = 0o600) throws {
        let descriptor = retryingOnInterrupt { open(path, flags | O_CLOEXEC, mode) }
        guard descriptor >= 0 else { throw SystemCallError("open", path: path) }
        self.path = path
        rawValue = descriptor
    }

    /// Creates a new file `folder/prefix<random>suffix` that did not exist before (`O_EXCL`), and
    /// never through a symlink (`O_NOFOLLOW`): safe for temporary files in shared folders.
    public static func createUnique(
        in folder: String, prefix: String, suffix: String = "",
        mode: FileMode = 0o600, flags: Int32 = O_WRONLY
    ) throws -> FileDescriptor {
        var attempt = 0
        while true {
            let name = prefix + String(UInt64.random(in: 0...UInt64.max), radix: 36) + suffix
            do {
                return try FileDescriptor(
                    opening: folder + "/" + name, flags: flags | O_CREAT | O_EXCL | O_NOFOLLOW, mode: mode)
            } catch let error as SystemCallError where error.code == EEXIST && attempt < 100 {
                attempt += 1
            }
        }
    }

    deinit { if !isClosed { _ = closeDescriptor(rawValue) } }

    /// Writes all of `bytes` at the current offset (or the end, with `O_APPEND`).
    public func writeAll(_ bytes: some ContiguousBytes) throws {
        try bytes.withUnsafeBytes { buffer in
            guard var next = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = writeBytes(rawValue, next, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SystemCallError("write", path: path)
                }
                next += written
                remaining -= written
            }
        }
    }

    /// Writes all of `text` as UTF-8.
    public func writeAll(_ text: String) throws {
        try writeAll(Array(text.utf8))
    }

    /// Waits until what was written is on the disk (`fsync`).
    public func sync() throws {
        guard retryingOnInterrupt({ fsync(rawValue) }) == 0 else { throw SystemCallError("sync", path: path) }
    }

    /// Cuts the file to `length` bytes.
    public func truncate(to length: Int64) throws {
        guard retryingOnInterrupt({ ftruncate(rawValue, off_t(length)) }) == 0 else {
            throw SystemCallError("truncate", path: path)
        }
    }

    /// The file's status (`fstat`).
    public func status() throws -> stat {
        var result = stat()
        guard fstat(rawValue, &result) == 0 else { throw SystemCallError("inspect", path: path) }
        return result
    }

    /// Reads `count` bytes from `offset` (fewer at the end of the file), without moving the offset.
    public func read(count: Int, at offset: Int64) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes {
                pread(rawValue, $0.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw SystemCallError("read", path: path)
            }
            if got == 0 { break }
            filled += got
        }
        return Array(bytes.prefix(filled))
    }

    /// Sets the file's permission bits.
    public func setMode(_ mode: FileMode) throws {
        guard fchmod(rawValue, mode) == 0 else { throw SystemCallError("change the permissions of", path: path) }
    }

    /// Closes now, reporting an error (the last chance some file systems have to report a failed write).
    public func close() throws {
        guard !isClosed else { return }
        isClosed = true
        guard closeDescriptor(rawValue) == 0 || errno == EINTR else { throw SystemCallError("close", path: path) }
    }
}

/// Whole-file writes that never leave a half-written file behind.
public enum AtomicFile {
    /// Writes `bytes` to a new temporary file beside `path` (owner-only, never through a symlink),
    /// optionally syncs it, then renames it over `path`; the temporary file is removed on failure.
    public static func write(_ bytes: some ContiguousBytes, to path: String, mode: FileMode = 0o600, sync: Bool = true)
        throws
    {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let file = try FileDescriptor.createUnique(
            in: folder, prefix: (name.hasPrefix(".") ? "" : ".") + name + ".tmp-", mode: mode)
        do {
            try file.writeAll(bytes)
            if sync { try file.sync() }
            try file.close()
            guard rename(file.path, path) == 0 else { throw SystemCallError("replace", path: path) }
        } catch {
            unlink(file.path)
            throw error
        }
    }
}

// Free functions, so the methods above can use the names `close` and `write` for themselves.
private func closeDescriptor(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

private func retryingOnInterrupt(_ call: () -> Int32) -> Int32 {
    while true {
        let result = call()
        if result < 0 && errno == EINTR { continue }
        return result
    }
}
