/// Which time zone a follow-up's dates are written in.
///
/// `.system` is the person's zone, read by the C library (`TZ`, else `/etc/localtime`) exactly as
/// `LocalTime` reads it. `.named` exists so tests can pass a zone in: the C library only reads a
/// zone from `TZ`, so the named case sets `TZ`, calls `tzset()`, converts, and puts `TZ` back,
/// all under one lock. Parsing zone files ourselves would avoid touching the environment, but
/// modern zone files leave future years to a POSIX rule string, and a parser for those is more
/// code than this whole feature; the commands only ever use `.system`.
public enum TimeZoneChoice: Equatable, Sendable {
    case system
    /// An IANA zone name such as "Europe/London".
    case named(String)
}

/// A moment in a zone: its calendar fields, its offset from UTC and the zone's abbreviation.
public struct ZonedMoment: Equatable, Sendable {
    public var parts: LocalTime.Parts
    /// Seconds east of UTC, daylight saving included.
    public var offsetSeconds: Int
    /// "GMT", "BST", "EST"…
    public var abbreviation: String

    /// "Sun 25 Oct, 13:00 GMT".
    public var dayAndTime: String {
        "\(LocalTime.weekdayNames[parts.weekday]) \(parts.day) \(LocalTime.monthNames[parts.month - 1]), "
            + "\(LocalTime.twoDigits(parts.hour)):\(LocalTime.twoDigits(parts.minute))"
            + (abbreviation.isEmpty ? "" : " \(abbreviation)")
    }

    /// "Sun, 25 Oct 2026 13:00:00 +0000", the date form of RFC 5322 (section 3.3).
    public var rfc5322: String {
        let sign = offsetSeconds < 0 ? "-" : "+"
        let offset = abs(offsetSeconds) / 60
        return
            "\(LocalTime.weekdayNames[parts.weekday]), \(LocalTime.twoDigits(parts.day)) \(LocalTime.monthNames[parts.month - 1]) \(parts.year) "
            + "\(LocalTime.twoDigits(parts.hour)):\(LocalTime.twoDigits(parts.minute)):\(LocalTime.twoDigits(parts.second)) "
            + "\(sign)\(LocalTime.twoDigits(offset / 60))\(LocalTime.twoDigits(offset % 60))"
    }

    /// Whether two moments fall on the same calendar day.
    func isSameDay(as other: ZonedMoment) -> Bool {
        parts.year == other.parts.year && parts.month == other.parts.month && parts.day == other.parts.day
    }
}

/// Converts dates to a zone through the C library.
public enum ZonedTime {
    /// Serialises the named-zone case, which changes `TZ` for the whole process while it converts.
    private static let environmentLock = DispatchQueue(label: "rehearse.zoned-time")

    /// The moment `date` names in `zone`. An unknown zone name throws rather than silently
    /// falling back to UTC as the C library would.
    public static func moment(_ date: Date, in zone: TimeZoneChoice) throws -> ZonedMoment {
        switch zone {
        case .system:
            return convert(date)
        case .named(let name):
            guard isKnownZone(name) else { throw ZoneError.unknown(name) }
            return environmentLock.sync {
                let saved = getenv("TZ").map { String(cString: $0) }
                setenv("TZ", name, 1)
                tzset()
                defer {
                    if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
                    tzset()
                }
                return convert(date)
            }
        }
    }

    /// Why a zone cannot be used.
    public enum ZoneError: Error, Equatable, CustomStringConvertible {
        case unknown(String)
        public var description: String {
            switch self {
            case .unknown(let name):
                "unknown time zone '\(name)': use a name from the zone database, such as Europe/London"
            }
        }
    }

    private static func convert(_ date: Date) -> ZonedMoment {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var fields = tm()
        localtime_r(&seconds, &fields)
        let abbreviation = fields.tm_zone.map { String(cString: $0) } ?? ""
        return ZonedMoment(
            parts: LocalTime.Parts(fields), offsetSeconds: Int(fields.tm_gmtoff), abbreviation: abbreviation)
    }

    /// Whether a zone file for `name` exists ($TZDIR, else /usr/share/zoneinfo); no path tricks.
    static func isKnownZone(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.split(separator: "/").contains(".."),
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/_-+".contains($0)) })
        else { return false }
        let folder = getenv("TZDIR").map { String(cString: $0) } ?? "/usr/share/zoneinfo"
        var status = stat()
        return stat(folder + "/" + name, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }
}
