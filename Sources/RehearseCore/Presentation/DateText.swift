/// Dates as the app writes them.
public enum DateText {
    /// An ISO 8601 date and time in UTC, as transcripts and review JSON hold it: "2026-05-01T14:30:00Z".
    public static func iso(_ date: Date) -> String { date.formatted(.iso8601) }

    /// "2026-05-01 14:30 UTC" from an ISO 8601 date; the input when it is not one.
    public static func minutesUTC(_ iso: String) -> String {
        guard iso.count >= 16, iso.dropFirst(10).first == "T" else { return iso }
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }

    /// "2026-05-01 14:30 UTC" for a date.
    public static func minutesUTC(_ date: Date) -> String { minutesUTC(iso(date)) }
}
