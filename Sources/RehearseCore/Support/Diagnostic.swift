/// A problem found in a file the user gave us, with its place and, where obvious, a fix.
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    /// How bad a problem is: errors stop a file from loading, warnings do not.
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String
    public var suggestion: String?

    public init(
        file: String, line: Int, column: Int, severity: Severity = .error, message: String, suggestion: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.suggestion = suggestion
    }

    /// `file:line:column: error: message (suggestion)`, the shape compilers and editors understand.
    public var description: String {
        var text = "\(file):\(line):\(column): \(severity.rawValue): \(message)"
        if let suggestion { text += " (\(suggestion))" }
        return text
    }
}

/// Several diagnostics thrown together, so one run reports every problem in a file.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
