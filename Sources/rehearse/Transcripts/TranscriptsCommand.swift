import ArgumentParser
import Foundation
import RehearseCore

/// `rehearse transcripts`: the saved sessions.
struct TranscriptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "transcripts", abstract: "List saved interview transcripts, oldest first.")

    func run() throws {
        print(TranscriptList.render(index: TranscriptIndex(folder: AppContext.dataFolder)))
    }
}

enum TranscriptList {
    static func render(index: TranscriptIndex) -> String {
        let files = index.files()
        if files.isEmpty { return "No transcripts yet in \(index.folder.transcripts). Start one with `rehearse practice`." }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        var rows: [[String]] = []
        for path in files {
            guard let transcript = try? Transcript.read(path: path) else {
                rows.append([TranscriptIndex.sessionID(ofFile: path), "?", "?", "?", "?", "unreadable"])
                continue
            }
            let header = transcript.header
            let end = transcript.end
            let answered = Set(transcript.answers.filter { $0.probe == nil }.map(\.question)).count
            let asked = Set(transcript.asks.filter { $0.probe == nil }.map(\.question)).count
            let duration = (transcript.events.last?.time ?? 0) / 1000
            rows.append([header.session, formatter.string(from: header.started), header.role, header.kind.rawValue,
                         "\(answered)/\(asked)", "\(duration / 60)m\(String(format: "%02d", duration % 60))s", end?.status.rawValue ?? "cut off"])
        }
        return Table(headers: ["ID", "DATE", "ROLE", "KIND", "ANSWERED", "DURATION", "STATUS"], rows: rows).render()
    }
}
