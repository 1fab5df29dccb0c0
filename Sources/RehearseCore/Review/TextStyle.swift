/// The app's own styling for text reports and replays: SGR colour codes when `colour` is on
/// (the CLI turns it on only for a terminal without NO_COLOR), plain text otherwise. Untrusted
/// text is made inert before it is styled, so these are the only escape sequences in the output.
public struct TextStyle: Sendable {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    public static let plain = TextStyle(colour: false)

    /// `text` wrapped in the SGR `code` and a reset, when colour is on.
    public func apply(_ code: String, _ text: String) -> String { colour && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    public func bold(_ text: String) -> String { apply("1", text) }
    public func dim(_ text: String) -> String { apply("2", text) }
    public func accent(_ text: String) -> String { apply("1;36", text) }
    public func alert(_ text: String) -> String { apply("33", text) }
    public func good(_ text: String) -> String { apply("32", text) }
}
