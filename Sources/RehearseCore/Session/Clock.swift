/// A monotonic clock in nanoseconds. The app passes the system's; tests pass a fake one.
public protocol MonotonicClock: AnyObject {
    func now() -> UInt64
}

/// A clock tests move by hand.
public final class ManualClock: MonotonicClock {
    public var nanoseconds: UInt64
    public init(start: UInt64 = 1_000_000_000) { nanoseconds = start }
    public func now() -> UInt64 { nanoseconds }
    /// Moves the clock forward.
    public func advance(milliseconds: Int) { nanoseconds += UInt64(milliseconds) * 1_000_000 }
}
