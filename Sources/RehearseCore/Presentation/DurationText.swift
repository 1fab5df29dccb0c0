/// Durations in words, one wording for the live session, its summary, replays and reviews.
public enum DurationText {
    /// A measured time: "4.2 s" under ten seconds, then rounded to the second, "42 s", "2 min 05 s".
    public static func milliseconds(_ value: Int) -> String {
        let value = SaneRange.milliseconds(value)
        if value < 10_000 { return NumberText.fixed(Double(value) / 1000, places: 1) + " s" }
        let seconds = (value + 500) / 1000
        if seconds < 60 { return "\(seconds) s" }
        return "\(seconds / 60) min \(NumberText.padded(seconds % 60, width: 2)) s"
    }

    /// Whole seconds, for limits and time spent: "45 s", "2 min", "2 min 5 s".
    public static func seconds(_ value: Int) -> String {
        let value = SaneRange.seconds(value)
        if value % 60 == 0 && value >= 60 { return "\(value / 60) min" }
        if value >= 60 { return "\(value / 60) min \(value % 60) s" }
        return "\(value) s"
    }

    /// A table column's figure, whole seconds cut down: "2m05s", "0m42s".
    public static func compact(milliseconds: Int) -> String {
        let seconds = SaneRange.milliseconds(milliseconds) / 1000
        return "\(seconds / 60)m\(NumberText.padded(seconds % 60, width: 2))s"
    }

    /// A planned length, in whole minutes and at least one: "~12 min".
    public static func aboutMinutes(seconds: Int) -> String { "~\(max(1, SaneRange.seconds(seconds) / 60)) min" }

    /// A clock figure for charts, rounded to the second: "2:05", "0:42".
    public static func clock(milliseconds: Int) -> String {
        let seconds = (SaneRange.milliseconds(milliseconds) + 500) / 1000
        return "\(seconds / 60):\(NumberText.padded(seconds % 60, width: 2))"
    }
}
