import Foundation

/// Finds executables built by SwiftPM next to the running test bundle.
public enum BuiltProduct {
    /// The path of the built executable `name`, or nil if it cannot be found.
    ///
    /// Only in $REHEARSE_PRODUCTS_DIR when it is set (`make test` points it at the release build,
    /// which must not quietly fall back to the debug one); otherwise walks up from the running
    /// executable (/proc/self/exe, argv[0], Bundle.main) until a directory holding `name` is found.
    public static func path(named name: String) -> String? {
        let fileManager = FileManager.default
        if let dir = ProcessInfo.processInfo.environment["REHEARSE_PRODUCTS_DIR"], !dir.isEmpty {
            let candidate = URL(fileURLWithPath: dir).appendingPathComponent(name).path
            return fileManager.isExecutableFile(atPath: candidate) ? candidate : nil
        }
        var starts: [URL] = []
        if let exe = try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            starts.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first, !first.isEmpty {
            starts.append(URL(fileURLWithPath: first).standardizedFileURL.deletingLastPathComponent())
        }
        starts.append(Bundle.main.bundleURL)
        starts.append(contentsOf: Bundle.allBundles.map(\.bundleURL))
        for start in starts {
            var directory = start.standardizedFileURL
            while true {
                let candidate = directory.appendingPathComponent(name).path
                var isDirectory: ObjCBool = false
                if fileManager.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                    fileManager.isExecutableFile(atPath: candidate)
                {
                    return candidate
                }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path || directory.path == "/" { break }
                directory = parent
            }
        }
        return nil
    }
}
