
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
    public var transcript: Transcript? { header.map { Transcript(header: $0, events: events, warnings: [], path: location) } }
}

/// Appends JSON Lines to a file opened 0600, writing each event at once and `fsync`ing after
/// answers, so a crash or `kill -9` keeps every submitted answer and the file still reads.
public final class FileTranscriptRecorder: TranscriptRecorder {
    public let location: String
    private let descriptor: Int32
    private let encoder = TranscriptCoding.encoder()

    /// Creates the file; it must not exist yet.
    public init(path: String) throws {
        location = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw TranscriptError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
    }

    deinit { close(descriptor) }

    public func begin(_ header: TranscriptHeader) throws {
        try writeLine(try encoder.encode(header), durable: true)
    }

    public func record(_ event: TranscriptEvent, durable: Bool) throws {
        try writeLine(try encoder.encode(event), durable: durable)
    }

    private func writeLine(_ json: Data, durable: Bool) throws {
        var bytes = json
        bytes.append(UInt8(ascii: "\n"))
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw TranscriptError.cannotWrite(path: location, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
        if durable, fsync(descriptor) != 0 {
            throw TranscriptError.cannotWrite(path: location, reason: String(cString: strerror(errno)))
        }
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
        case let .cannotCreate(path, reason): "cannot create the transcript \(path): \(reason)"
        case let .cannotWrite(path, reason): "cannot write the transcript \(path): \(reason)"
        case let .cannotRead(path, reason): "cannot read \(path): \(reason)"
        case let .notATranscript(path, reason): "\(path) is not a rehearse transcript: \(reason)"
        }
    }
}
