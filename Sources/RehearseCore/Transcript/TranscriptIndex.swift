/// The transcripts in a data folder, and how a person refers to one: `last`, an id prefix, or a path.
public struct TranscriptIndex {
    public let folder: DataFolder

    public init(folder: DataFolder) { self.folder = folder }

    /// Transcript files, oldest first (their names start with the UTC start time).
    public func files() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.transcripts) else { return [] }
        return names.filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }.sorted().map {
            folder.transcripts + "/" + $0
        }
    }

    /// A summary of every transcript, oldest first, served from `transcripts/.index.json` where
    /// it is current (see `TranscriptSummaryCache`).
    public func summaries() -> [TranscriptSummary] {
        TranscriptSummaryCache(folder: folder.transcripts).summaries(of: files()).summaries
    }

    /// Transcripts of the same role that started before this one, newest first; at most `limit`
    /// files are looked at. With `questionIDs`, a file is parsed only when it answers one of
    /// them (a quick scan of its bytes decides). Unreadable files are skipped.
    public func earlierTranscripts(than transcript: Transcript, limit: Int = 200, questionIDs: Set<String>? = nil)
        -> [Transcript]
    {
        let ownName = lastPathComponent(transcript.path)
        let candidates = summaries().filter { summary in
            summary.file != ownName && summary.session != transcript.header.session
                && summary.role == transcript.header.role
                && ((summary.started.map { $0 < transcript.header.started } ?? false)
                    // The round a session was generated after counts even when started in the same second.
                    || summary.session == transcript.header.previousTranscript)
        }
        return candidates.reversed().prefix(limit).compactMap { summary in
            let path = folder.transcripts + "/" + summary.file
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            if let questionIDs, let mentioned = Self.questionIDs(in: data), mentioned.isDisjoint(with: questionIDs) {
                return nil
            }
            return try? Transcript.parse(data, path: path, keepsTyping: false)  // earlier answers are used, never replayed
        }
    }

    /// The values of every `"question":"…"` in transcript bytes, or nil when there is none to find
    /// (then the caller parses the file to be sure).
    static func questionIDs(in data: Data) -> Set<String>? {
        let pattern = Array("\"question\":\"".utf8)
        var found: Set<String> = []
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress, buffer.count > pattern.count else { return }
            var offset = 0
            while offset + pattern.count <= buffer.count {
                guard let quote = memchr(base + offset, Int32(UInt8(ascii: "\"")), buffer.count - offset) else { break }
                let position = base.distance(to: UnsafeRawPointer(quote))
                guard position + pattern.count <= buffer.count, memcmp(base + position, pattern, pattern.count) == 0
                else {
                    offset = position + 1
                    continue
                }
                let start = position + pattern.count
                var end = start
                while end < buffer.count && buffer[end] != UInt8(ascii: "\"") && buffer[end] != UInt8(ascii: "\\") {
                    end += 1
                }
                if end < buffer.count && buffer[end] == UInt8(ascii: "\"") {
                    found.insert(String(decoding: buffer[start..<end], as: UTF8.self))
                } else {
                    found.insert("\u{0}escaped")  // an id with escapes: cannot be matched here, so parse the file
                }
                offset = end
            }
        }
        if found.contains("\u{0}escaped") { return nil }
        return found.isEmpty ? nil : found
    }

    /// The session id in a transcript file name (`…-<id>.jsonl`).
    public static func sessionID(ofFile path: String) -> String {
        let name = lastPathComponent(path)
        let stem = name.hasSuffix(".jsonl") ? String(name.dropLast(6)) : name
        return String(stem.split(separator: "-").last ?? Substring(stem))
    }

    /// The newest readable transcript matching a role and kind (and scenario, when given).
    public func latest(role: String, kind: InterviewKind, scenarioID: String? = nil) -> Transcript? {
        for summary in summaries().reversed()
        where summary.status == .unreadable
            || (summary.role == role && summary.kind == kind.rawValue
                && scenarioID.map({ $0 == summary.scenarioID }) ?? true)
        {
            guard let transcript = try? Transcript.read(path: folder.transcripts + "/" + summary.file) else { continue }
            let header = transcript.header
            if header.role == role, header.kind == kind, scenarioID.map({ $0 == header.scenario.id }) ?? true,
                !transcript.answers.isEmpty
            {
                return transcript
            }
        }
        return nil
    }

    /// The earlier session a scenario's revisit stage draws on: the newest first interview of
    /// the same role with answers (of the scenario the stage names, when it names one). Nil when
    /// the scenario has no revisit stage or no such session was saved.
    public func revisitSource(for scenario: Scenario) -> Transcript? {
        guard let revisit = scenario.stages.lazy.compactMap(\.revisit).first else { return nil }
        return latest(role: scenario.role, kind: .first, scenarioID: revisit.fromScenario)
    }

    /// The reference that names the newest real interview recorded with `rehearse debrief`.
    public static let lastRealReference = "last-real"

    /// Finds the file a reference names: `last` (the newest), `last-real` (the newest debrief of
    /// a real interview), a path (containing `/` or ending in `.jsonl`), or a unique prefix of a
    /// session id. An ambiguous prefix lists the matches.
    public func resolve(_ reference: String) throws -> String {
        if reference == "last" {
            guard let last = files().last else { throw TranscriptLookupError.none(folder.transcripts) }
            return last
        }
        if reference == Self.lastRealReference {
            guard let real = summaries().last(where: \.isRealInterview) else {
                throw TranscriptLookupError.noRealInterview(folder.transcripts)
            }
            return folder.transcripts + "/" + real.file
        }
        if reference.contains("/") || reference.hasSuffix(".jsonl") {
            guard FileManager.default.fileExists(atPath: reference) else {
                throw TranscriptLookupError.noFile(reference)
            }
            return reference
        }
        let matches = files().filter { Self.sessionID(ofFile: $0).hasPrefix(reference.lowercased()) }
        switch matches.count {
        case 0: throw TranscriptLookupError.noMatch(reference)
        case 1: return matches[0]
        default: throw TranscriptLookupError.ambiguous(reference, matches.map(Self.sessionID(ofFile:)))
        }
    }
}

/// Why a transcript reference found nothing, with what to do.
public enum TranscriptLookupError: Error, CustomStringConvertible, Equatable {
    case none(String)
    case noFile(String)
    case noMatch(String)
    case ambiguous(String, [String])
    /// `last-real` when no debrief was saved.
    case noRealInterview(String)

    public var description: String {
        switch self {
        case .noRealInterview(let folder):
            "there is no real interview in \(folder) yet; record one with `rehearse debrief` first"
        case .none(let folder): "there are no transcripts yet in \(folder); run `rehearse practice` first"
        case .noFile(let path): "no transcript file at \(path)"
        case .noMatch(let id): "no transcript id starts with '\(id)'; `rehearse transcripts` lists them"
        case .ambiguous(let id, let matches):
            "'\(id)' matches several transcripts: \(matches.joined(separator: ", ")); type more of the id"
        }
    }
}
