import Foundation
import RehearseCore
import Testing

/// Inputs the fuzz targets (Fuzz/) found or started from, replayed through the same code on every
/// test run: none may crash or hang. A new finding goes in Fuzz/regressions/TARGET/.
@Suite(.timeLimit(.minutes(2))) struct FuzzRegressionTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz").path

    static func inputs(_ folders: String...) -> [String] {
        folders.flatMap { folder -> [String] in
            let path = fuzzFolder + "/" + folder
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.sorted().map { path + "/" + $0 }
        }
    }

    @Test func theSeedsAreThere() {
        #expect(Self.inputs("seeds/transcripts").count >= 3)
    }

    @Test(arguments: inputs("regressions/FuzzScenarioLoader", "../scenarios"))
    func scenarioLoader(path: String) throws {
        FuzzInput.loadScenario(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test(arguments: inputs("regressions/FuzzTranscriptReader", "regressions/FuzzReview", "seeds/transcripts"))
    func transcriptReaderAndReview(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        FuzzInput.readTranscript(data)
        FuzzInput.reviewTranscript(data)
    }
}
