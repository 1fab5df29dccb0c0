/// The groups `scenarios lint` checks with no path given, in the order a later group may
/// replace an earlier one's scenario ids (see `LintTarget`).
extension LintTarget {
    /// The scenarios that come with rehearse.
    public static let bundledGroup = 0
    /// The user's own: the user scenario folder and `--scenarios` folders.
    public static let userGroup = 1

    /// Every scenario file the catalog would read: the bundled folder's, then the user folders'.
    public static func catalogFiles(bundledFolder: String?, userFolders: [String]) -> [LintTarget] {
        let bundled = bundledFolder.map(ScenarioCatalog.scenarioFiles(in:)) ?? []
        return bundled.map { LintTarget(path: $0, group: bundledGroup) }
            + userFolders.flatMap(ScenarioCatalog.scenarioFiles(in:)).map { LintTarget(path: $0, group: userGroup) }
    }
}
