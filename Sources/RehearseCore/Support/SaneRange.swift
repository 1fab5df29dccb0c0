/// Keeps numbers read from a transcript in a sane range, so arithmetic on a damaged or
/// hostile file cannot overflow: times to 0…1,000 days, limits to 0…10 days.
enum SaneRange {
    static func milliseconds(_ value: Int) -> Int { min(max(0, value), 86_400_000_000) }
    static func seconds(_ value: Int) -> Int { min(max(0, value), 864_000) }
}
