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
    // 2: damaged transcripts are read field by field, so rows once "unreadable" are read again;
    // 3: summaries carry `source` and `company` (real interviews).
    static let currentVersion = 3

    public let folder: String

    public init(folder: String) { self.folder = folder }

    public var path: String { folder + "/" + Self.fileName }

    struct Entry: Codable {
        var size: Int64
        var modified: Int64
        var summary: TranscriptSummary

        enum CodingKeys: String, CodingKey {
            case size, summary
            case modified = "mtime_ns"
        }
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
            let name = lastPathComponent(path)
            seen.insert(name)
            var status = stat()
            guard stat(path, &status) == 0 else {
                results[index] = .unreadable(file: name, problem: String(cString: strerror(errno)))
                continue
            }
            let size = Int64(status.st_size)
            let modified = status.modifiedNanoseconds
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

    /// Drops the entries of files that were just deleted, so the index stays in step without
    /// a rescan. Does nothing when there is no index or none of the names is in it.
    @discardableResult
    public func forget(_ names: [String]) -> Bool {
        guard var entries = load() else { return false }
        let before = entries.count
        for name in names { entries.removeValue(forKey: name) }
        return entries.count != before && save(entries)
    }

    /// Reads summaries of many files, on all cores.
    static func read(_ paths: [String]) -> [TranscriptSummary] {
        paths.concurrentMap { TranscriptSummary.read(path: $0) }
    }

    /// The index's entries, or nil when it is missing, corrupt or of another version.
    func load() -> [String: Entry]? {
        guard let data = FileManager.default.contents(atPath: path),
            let stored = try? TranscriptCoding.decoder().decode(Stored.self, from: data),
            stored.format == Self.formatName, stored.version == Self.currentVersion
        else { return nil }
        return stored.entries
    }

    /// Writes the index beside the transcripts, atomically and readable by the owner only.
    @discardableResult
    func save(_ entries: [String: Entry]) -> Bool {
        let encoder = TranscriptCoding.encoder()
        guard
            let data = try? encoder.encode(
                Stored(format: Self.formatName, version: Self.currentVersion, entries: entries))
        else { return false }
        // A cache: no fsync (a torn index is rebuilt), but a fresh temporary name that no symlink can sit at.
        do {
            try AtomicFile.write(data, to: path, mode: 0o600, sync: false)
            return true
        } catch {
            return false
        }
    }
}
