import Dispatch

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores, results in the original order. For independent,
    /// CPU-bound work such as reading many scenario files.
    func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        var slots = [Result?](repeating: nil, count: count)
        slots.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in
                buffer[index] = transform(self[index])
            }
        }
        return slots.map { $0! }
    }
}
