import ArgumentParser
import RehearseCore

/// `--kind` is read by the core's one kind parser, so `same` and `sameperson` work in every
/// command, and an unknown kind is a usage error that lists the kinds.
extension InterviewKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    public var defaultValueDescription: String { rawValue }
}

/// The columns `--width` accepts, checked alike by every command that fits text to a width.
enum TextWidthOption {
    static let columns = 20...1000

    /// Throws the usage error for a `--width` outside `columns`; nil (the terminal's width) passes.
    static func validate(_ width: Int?) throws {
        if let width, !columns.contains(width) {
            throw ValidationError("--width \(width): use \(columns.lowerBound) to \(columns.upperBound) columns")
        }
    }
}
