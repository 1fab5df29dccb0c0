/// The app's one palette, for the live session, replays and text reports: SGR colour codes when
/// `colour` is on (the CLI turns it on only for a terminal without NO_COLOR), plain text
/// otherwise. Untrusted text is made inert before it is styled, so these are the only escape
/// sequences in the output.
public struct TextStyle: Sendable {
    public var colour: Bool

    public init(colour: Bool) { self.colour = colour }

    public static let plain = TextStyle(colour: false)

    static let boldCode = "1", dimCode = "2", accentCode = "1;36", alertCode = "33", goodCode = "32"

    /// `text` wrapped in the SGR `code` and a reset, when colour is on.
    public func apply(_ code: String, _ text: String) -> String {
        colour && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
    public func bold(_ text: String) -> String { apply(Self.boldCode, text) }
    public func dim(_ text: String) -> String { apply(Self.dimCode, text) }
    public func accent(_ text: String) -> String { apply(Self.accentCode, text) }
    public func alert(_ text: String) -> String { apply(Self.alertCode, text) }
    public func good(_ text: String) -> String { apply(Self.goodCode, text) }

    /// A line editor prompt in the accent colour: each escape sequence is fenced with U+0001, the
    /// prompt's literal marker, so the editor counts it as taking no columns.
    public func prompt(_ text: String) -> String {
        colour && !text.isEmpty ? "\u{01}\u{1B}[\(Self.accentCode)m\u{01}\(text)\u{01}\u{1B}[0m\u{01}" : text
    }
}
