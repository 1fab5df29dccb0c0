import ArgumentParser
import RehearseCore

/// Options every command that reads scenarios accepts.
struct ScenarioSourceOptions: ParsableArguments {
    @Option(
        name: .customLong("scenarios"),
        help: ArgumentHelp(
            "Also read scenarios from this folder (wins over bundled ones with the same id).", valueName: "DIR"))
    var folders: [String] = []

    /// The user's scenario folder, then the `--scenarios` folders.
    var userFolders: [String] { [ScenarioCatalog.userFolder(environment: AppContext.environment)] + folders }

    /// Fails naming the first `--scenarios` folder that does not exist.
    func checkFolders() throws {
        for folder in folders {
            guard isDirectory(atPath: folder) else {
                throw UserError("--scenarios \(folder): no such folder; pass a folder that holds .yaml scenario files")
            }
        }
    }

    /// The catalog; with `only`, just the files whose headline it accepts (see `ScenarioCatalog.Headline`).
    func catalog(only wanted: (@Sendable (ScenarioCatalog.Headline) -> Bool)? = nil) throws -> ScenarioCatalog {
        try checkFolders()
        return ScenarioCatalog(
            bundledFolder: AppContext.bundledScenarioFolder(), userFolders: userFolders, only: wanted)
    }
}

/// Where things are on this machine.
enum AppContext {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static var dataFolder: DataFolder { DataFolder(environment: environment) }

    /// The data folder, created (and made private) when needed, which is said once on standard error.
    static func preparedDataFolder() throws -> DataFolder {
        let folder = dataFolder
        do {
            if let note = try folder.prepare() { StandardStreams.error("note: \(note)\n") }
        } catch {
            throw UserError("\(error)")
        }
        return folder
    }

    /// The bundled scenarios: `$REHEARSE_SCENARIOS`, else `scenarios/` beside the package the
    /// binary was built in, else `../share/rehearse/scenarios` next to an installed binary.
    static func bundledScenarioFolder() -> String? {
        if let folder = environment["REHEARSE_SCENARIOS"], !folder.isEmpty { return folder }
        let executable = URL(
            fileURLWithPath: CommandLine.arguments[0].contains("/") ? CommandLine.arguments[0] : "/proc/self/exe"
        ).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        let installed = folder.deletingLastPathComponent().appendingPathComponent("share/rehearse/scenarios").path
        if FileManager.default.fileExists(atPath: installed) { return installed }
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("scenarios").path
            if FileManager.default.fileExists(atPath: candidate + "/customer-service-second.yaml") { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    static let defaultRole = "customer-service"

    /// Whether coloured output is wanted on this stream.
    static func usesColour(fileDescriptor: Int32) -> Bool {
        isatty(fileDescriptor) == 1 && environment["NO_COLOR"].map(\.isEmpty) ?? true && environment["TERM"] != "dumb"
    }
}
