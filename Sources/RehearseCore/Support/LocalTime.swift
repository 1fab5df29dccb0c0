/// Dates in the person's local time zone, through the C library (`TZ`, `/etc/localtime`).
/// FoundationEssentials' `TimeZone.current` is always GMT (the zone database comes with ICU,
/// which rehearse does not load), and the C library also gets daylight-saving changes right.
public enum LocalTime {
    /// A calendar date and clock time in the local zone.
    public struct Parts: Equatable, Sendable {
        public var year: Int
        public var month: Int
        public var day: Int
        public var hour: Int
        public var minute: Int
        public var second: Int
        /// 0 = Sunday … 6 = Saturday.
        public var weekday: Int
    }

    /// The local date and time of `date`.
    public static func parts(of date: Date) -> Parts {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var fields = tm()
        localtime_r(&seconds, &fields)
        return Parts(fields)
    }

    /// The date and time of `date` in UTC.
    public static func utcParts(of date: Date) -> Parts {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var fields = tm()
        gmtime_r(&seconds, &fields)
        return Parts(fields)
    }

    /// The moment a local date and time names, or nil when it is not a real date.
    public static func date(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            (0...60).contains(second)
        else { return nil }
        var fields = tm()
        fields.tm_year = Int32(year - 1900)
        fields.tm_mon = Int32(month - 1)
        fields.tm_mday = Int32(day)
        fields.tm_hour = Int32(hour)
        fields.tm_min = Int32(minute)
        fields.tm_sec = Int32(second)
        fields.tm_isdst = -1
        let seconds = mktime(&fields)
        // mktime normalises 31 April into 1 May: a date that moved was not a real one.
        guard seconds != -1 || fields.tm_year == 69, Int(fields.tm_mday) == day, Int(fields.tm_mon) == month - 1 else {
            return nil
        }
        return Date(timeIntervalSince1970: Double(seconds))
    }

    /// "2026-05-01 14:30", local.
    public static func minutes(_ date: Date) -> String {
        let parts = parts(of: date)
        return
            "\(parts.year)-\(twoDigits(parts.month))-\(twoDigits(parts.day)) \(twoDigits(parts.hour)):\(twoDigits(parts.minute))"
    }

    /// "Sat 28 Nov, 10:39", local.
    public static func dayAndTime(_ date: Date) -> String {
        let parts = parts(of: date)
        return
            "\(weekdayNames[parts.weekday]) \(parts.day) \(monthNames[parts.month - 1]), \(twoDigits(parts.hour)):\(twoDigits(parts.minute))"
    }

    /// "2026-11-27T101500Z": a UTC time stamp for file names, sortable as text.
    public static func compactUTC(_ date: Date) -> String {
        let parts = utcParts(of: date)
        return
            "\(parts.year)-\(twoDigits(parts.month))-\(twoDigits(parts.day))T\(twoDigits(parts.hour))\(twoDigits(parts.minute))\(twoDigits(parts.second))Z"
    }

    /// A local date written `YYYY-MM-DD`, optionally followed by `T` or a space and `HH:MM[:SS]`.
    public static func parse(_ text: String) -> Date? {
        let pieces = text.split(omittingEmptySubsequences: false) { $0 == "T" || $0 == " " }
        guard pieces.count == 1 || pieces.count == 2 else { return nil }
        let day = pieces[0].split(separator: "-", omittingEmptySubsequences: false)
        guard day.count == 3, day[0].count == 4, day[1].count == 2, day[2].count == 2,
            let year = Int(day[0]), let month = Int(day[1]), let dayOfMonth = Int(day[2])
        else { return nil }
        guard pieces.count == 2 else { return date(year: year, month: month, day: dayOfMonth) }
        let clock = pieces[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0.count == 2 }) else { return nil }
        let numbers = clock.compactMap { Int($0) }
        guard numbers.count == clock.count else { return nil }
        return date(
            year: year, month: month, day: dayOfMonth, hour: numbers[0], minute: numbers[1],
            second: numbers.count == 3 ? numbers[2] : 0)
    }

    static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

extension LocalTime.Parts {
    init(_ fields: tm) {
        self.init(
            year: Int(fields.tm_year) + 1900, month: Int(fields.tm_mon) + 1, day: Int(fields.tm_mday),
            hour: Int(fields.tm_hour), minute: Int(fields.tm_min), second: Int(fields.tm_sec),
            weekday: Int(fields.tm_wday))
    }
}
