import Foundation

/// The transcripts in a data folder, and how a person refers to one: `last`, an id prefix, or a path.
public struct TranscriptIndex {
    public let folder: DataFolder

    public init(folder: DataFolder) { self.folder = folder }

    /// Transcript files, oldest first (their names start with the UTC start time).
    public func files() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.transcripts) else { return [] }
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { folder.transcripts + "/" + $0 }
    }

    /// The session id in a transcript file name (`…-<id>.jsonl`).
    public static func sessionID(ofFile path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let stem = name.hasSuffix(".jsonl") ? String(name.dropLast(6)) : name
        return String(stem.split(separator: "-").last ?? Substring(stem))
    }

    /// The newest readable transcript matching a role and kind (and scenario, when given).
    public func latest(role: String, kind: InterviewKind, scenarioID: String? = nil) -> Transcript? {
        for path in files().reversed() {
            guard let transcript = try? Transcript.read(path: path) else { continue }
            let header = transcript.header
            if header.role == role, header.kind == kind, scenarioID.map({ $0 == header.scenario.id }) ?? true, !transcript.answers.isEmpty {
                return transcript
            }
        }
        return nil
    }

    /// Finds the file a reference names.
    public func resolve(_ reference: String) throws -> String {
        if reference == "last" {
            guard let last = files().last else { throw TranscriptLookupError.none(folder.transcripts) }
            return last
        }
        if reference.contains("/") || reference.hasSuffix(".jsonl") {
            guard FileManager.default.fileExists(atPath: reference) else { throw TranscriptLookupError.noFile(reference) }
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

    public var description: String {
        switch self {
        case .none(let folder): "there are no transcripts yet in \(folder); run `rehearse practice` first"
        case .noFile(let path): "no transcript file at \(path)"
        case .noMatch(let id): "no transcript id starts with '\(id)'; `rehearse transcripts` lists them"
        case let .ambiguous(id, matches): "'\(id)' matches several transcripts: \(matches.joined(separator: ", ")); type more of the id"
        }
    }
}
