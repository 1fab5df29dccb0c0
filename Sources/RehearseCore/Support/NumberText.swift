/// Numbers as text without `String(format:)`, which needs the full Foundation module.
public enum NumberText {
    /// `value` rounded to `places` decimals: `fixed(3.14159, places: 1)` is "3.1", `fixed(-0.04, places: 1)` "0.0".
    public static func fixed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard places > 0 else { return sign + "\(whole)" }
        return sign + "\(whole)." + padded(fraction, width: places)
    }

    /// `value` as short as it reads: "2" for 2.0, "0.5", "-1"; as `%g` would for everyday values.
    public static func compact(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// `value` with leading zeros to `width` digits: `padded(7, width: 2)` is "07".
    public static func padded(_ value: Int, width: Int, radix: Int = 10) -> String {
        let digits = String(value, radix: radix)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// `text` with spaces in front to `width` characters, as `%5s` would.
    public static func rightAligned(_ text: String, width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}

extension StringProtocol {
    /// The text without blanks (spaces, tabs, other Unicode spaces) at either end; newlines stay.
    public func trimmingBlanks() -> String { trimming { $0.isWhitespace && !$0.isNewline } }

    /// The text without whitespace, newlines included, at either end.
    public func trimmingWhitespace() -> String { trimming(\.isWhitespace) }

    private func trimming(_ isTrimmed: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !isTrimmed($0) }), let last = lastIndex(where: { !isTrimmed($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
