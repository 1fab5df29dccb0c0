/// Which transcripts a list, a prune or a lookup is about: `--role`, `--kind`, `--since`.
/// The one place these filters are applied, for every command and the shell.
public struct TranscriptFilter: Equatable, Sendable {
    public var role: String?
    public var kind: InterviewKind?
    /// Sessions that started at or after this moment; a session with no start time never matches.
    public var since: Date?

    public init(role: String? = nil, kind: InterviewKind? = nil, since: Date? = nil) {
        self.role = role
        self.kind = kind
        self.since = since
    }

    /// Whether a summary passes every filter that is set.
    public func matches(_ summary: TranscriptSummary) -> Bool {
        if let role, role != summary.role { return false }
        if let kind, kind.rawValue != summary.kind { return false }
        if let since, !(summary.started.map { $0 >= since } ?? false) { return false }
        return true
    }

    /// Reads a `--since` value: `7d` (the last seven days), `2026-05-01`, `2026-05-01T14:30` or
    /// `2026-05-01 14:30` (local time), or a full ISO 8601 time. Nil when it is none of these.
    public static func date(parsing text: String, now: Date = Date()) -> Date? {
        let trimmed = text.trimmingBlanks()
        if trimmed.hasSuffix("d"), let days = Int(trimmed.dropLast()), days >= 0 {
            return now.addingTimeInterval(-Double(days) * 86_400)
        }
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        return LocalTime.parse(trimmed)
    }
}

/// Why transcripts could not be removed, with what to do.
public enum TranscriptRemovalError: Error, CustomStringConvertible, Equatable {
    /// A path that names a file outside the transcripts folder: not ours to delete.
    case outsideFolder(path: String, folder: String)
    /// Files that could not be deleted, with the system's reason for each.
    case cannotDelete([String: String])

    public var description: String {
        switch self {
        case .outsideFolder(let path, let folder):
            "\(path) is not in the transcripts folder (\(folder)); only saved sessions are removed here, delete other files with rm"
        case .cannotDelete(let reasons):
            "could not delete "
                + reasons.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
                + "; check the folder's permissions (chmod u+w) and try again"
        }
    }
}

extension TranscriptIndex {
    /// Summaries that pass the filter, oldest first.
    public func summaries(matching filter: TranscriptFilter) -> [TranscriptSummary] {
        summaries().filter(filter.matches)
    }

    /// The transcripts that `references` name (`last`, an id prefix, or a path inside the
    /// transcripts folder), oldest first and each once. Throws on the first reference that names
    /// nothing, several transcripts, or a file elsewhere, so a typo deletes nothing.
    public func summaries(named references: [String]) throws -> [TranscriptSummary] {
        let all = summaries()
        let folderPath = Self.canonicalPath(folder.transcripts)
        var names: Set<String> = []
        for reference in references {
            let path = try resolve(reference)
            let parent = Self.canonicalPath(parentFolder(path))
            let name = lastPathComponent(path)
            guard parent == folderPath, all.contains(where: { $0.file == name }) else {
                throw TranscriptRemovalError.outsideFolder(path: path, folder: folder.transcripts)
            }
            names.insert(name)
        }
        return all.filter { names.contains($0.file) }
    }

    /// Sessions in which nothing was answered, among those passing the filter: the ones `prune`
    /// deletes. A transcript without an end line that changed in the last `settlingSeconds` is
    /// left alone, since its session may still be running in another terminal.
    public func unansweredSessions(
        matching filter: TranscriptFilter, now: Date = Date(),
        settlingSeconds: TimeInterval = 3600
    ) -> [TranscriptSummary] {
        summaries(matching: filter).filter { summary in
            guard summary.status != .unreadable, summary.answered == 0 else { return false }
            guard summary.status == .cutOff else { return true }
            guard
                let modified = try? FileManager.default.attributesOfItem(
                    atPath: folder.transcripts + "/" + summary.file)[.modificationDate]
                    as? Date
            else { return false }
            return now.timeIntervalSince(modified) >= settlingSeconds
        }
    }

    /// Deletes the transcript files and drops them from the summary index at once. Files already
    /// gone count as deleted; returns the summaries deleted, or throws naming each file that stayed.
    @discardableResult
    public func remove(_ chosen: [TranscriptSummary]) throws -> [TranscriptSummary] {
        var deleted: [TranscriptSummary] = []
        var failures: [String: String] = [:]
        for summary in chosen {
            if unlink(folder.transcripts + "/" + summary.file) == 0 || errno == ENOENT {
                deleted.append(summary)
            } else {
                failures[summary.file] = String(cString: strerror(errno))
            }
        }
        TranscriptSummaryCache(folder: folder.transcripts).forget(deleted.map(\.file))
        if !failures.isEmpty { throw TranscriptRemovalError.cannotDelete(failures) }
        return deleted
    }

    /// An absolute path without `.`, `..` or symbolic links, for comparing folders.
    static func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
