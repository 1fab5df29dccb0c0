import ArgumentParser
import RehearseCore

/// `--kind` is read by the core's one kind parser, so `same` and `sameperson` work in every
/// command, and an unknown kind is a usage error that lists the kinds.
extension InterviewKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public var defaultValueDescription: String { rawValue }
}
