/// When to show each replay frame: the recorded gaps, long pauses capped at the idle limit,
/// then divided by the speed. The first frame shows at once.
public struct ReplayPacing: Equatable, Sendable {
    /// 2 plays twice as fast; 0.5 at half speed.
    public var speed: Double
    /// Gaps longer than this (in recorded milliseconds) are shortened to it; nil keeps every gap.
    public var idleLimitMilliseconds: Int?

    public static let defaultIdleLimitSeconds = 2.0

    public init(speed: Double = 1, idleLimitMilliseconds: Int? = Int(defaultIdleLimitSeconds * 1000)) {
        self.speed = speed > 0 ? speed : 1
        self.idleLimitMilliseconds = idleLimitMilliseconds
    }

    /// Milliseconds to wait before each frame.
    public func delays(for frames: [ReplayFrame]) -> [Double] {
        var previous = SaneRange.milliseconds(frames.first?.time ?? 0)
        return frames.map { frame in
            var gap = max(0, SaneRange.milliseconds(frame.time) - previous)
            previous = max(previous, SaneRange.milliseconds(frame.time))
            if let limit = idleLimitMilliseconds { gap = min(gap, max(0, limit)) }
            return Double(gap) / speed
        }
    }
}
