import Foundation

/// A cache of transcript summaries kept beside the transcripts, in `transcripts/.index.json`.
///
/// The transcript files stay the source of truth: each entry is keyed by file name, size and
/// modification time (nanoseconds), and an entry whose file changed, vanished or appeared is
/// rebuilt from the file. A missing, corrupt or foreign index is simply rebuilt. The index is
/// rewritten (atomically, owner-only) only when something changed, and never when the folder
/// cannot be written — listing still works, just without the speed-up.
public struct TranscriptSummaryCache {
    public static let fileName = ".index.json"
    static let formatName = "rehearse-transcript-index"
    static let currentVersion = 2  // 2: damaged transcripts are read field by field, so rows once "unreadable" are read again

    public let folder: String

    public init(folder: String) { self.folder = folder }

    public var path: String { folder + "/" + Self.fileName }

    struct Entry: Codable {
        var size: Int64
        var modified: Int64
        var summary: TranscriptSummary

        enum CodingKeys: String, CodingKey { case size, summary, modified = "mtime_ns" }
    }

    struct Stored: Codable {
        var format: String
        var version: Int
        var entries: [String: Entry]
    }

    /// What a call to `summaries` did, for tests and the benchmark.
    public struct Statistics: Equatable, Sendable {
        public var reused = 0
        public var rebuilt = 0
        public var removed = 0
        public var wroteIndex = false
    }

    /// Summaries of the given transcript files (full paths, in the order given), from the index
    /// where it is current and from the files otherwise; updates the index when anything changed.
    public func summaries(of paths: [String]) -> (summaries: [TranscriptSummary], statistics: Statistics) {
        var statistics = Statistics()
        var entries = load() ?? [:]
        var seen: Set<String> = []
        var results: [TranscriptSummary?] = Array(repeating: nil, count: paths.count)
        var stale: [(index: Int, name: String, size: Int64, modified: Int64)] = []
        for (index, path) in paths.enumerated() {
            let name = (path as NSString).lastPathComponent
            seen.insert(name)
            var status = stat()
            guard stat(path, &status) == 0 else {
                results[index] = .unreadable(file: name, problem: String(cString: strerror(errno)))
                continue
            }
            let size = Int64(status.st_size)
            let modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
            if let entry = entries[name], entry.size == size, entry.modified == modified {
                results[index] = entry.summary
                statistics.reused += 1
            } else {
                stale.append((index, name, size, modified))
            }
        }
        if !stale.isEmpty {
            let fresh = Self.read(stale.map { paths[$0.index] })
            for (item, summary) in zip(stale, fresh) {
                results[item.index] = summary
                entries[item.name] = Entry(size: item.size, modified: item.modified, summary: summary)
            }
            statistics.rebuilt = stale.count
        }
        let gone = entries.keys.filter { !seen.contains($0) }
        for name in gone { entries.removeValue(forKey: name) }
        statistics.removed = gone.count
        if statistics.rebuilt > 0 || statistics.removed > 0 || !FileManager.default.fileExists(atPath: path) {
            statistics.wroteIndex = save(entries)
        }
        return (results.map { $0! }, statistics)
    }

    /// Reads summaries of many files, on all cores.
    static func read(_ paths: [String]) -> [TranscriptSummary] {
        let results = SummaryBuffer(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            results.set(index, TranscriptSummary.read(path: paths[index]))
        }
        return results.values.map { $0! }
    }

    /// The index's entries, or nil when it is missing, corrupt or of another version.
    func load() -> [String: Entry]? {
        guard let data = FileManager.default.contents(atPath: path),
              let stored = try? TranscriptCoding.decoder().decode(Stored.self, from: data),
              stored.format == Self.formatName, stored.version == Self.currentVersion else { return nil }
        return stored.entries
    }

    /// Writes the index beside the transcripts, atomically and readable by the owner only.
    @discardableResult
    func save(_ entries: [String: Entry]) -> Bool {
        let encoder = TranscriptCoding.encoder()
        guard let data = try? encoder.encode(Stored(format: Self.formatName, version: Self.currentVersion, entries: entries)) else { return false }
        let temporary = folder + "/.index.json.tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 { if errno == EINTR { continue }; return false }
                offset += count
            }
            return true
        }
        close(descriptor)
        guard written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}

/// Results written by concurrent workers, each to its own slot.
private final class SummaryBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [TranscriptSummary?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: TranscriptSummary) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}
