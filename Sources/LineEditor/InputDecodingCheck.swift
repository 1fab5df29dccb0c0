/// A check of the terminal-input decoder for the fuzz target (Fuzz/) and its regression tests:
/// bytes decoded in two chunks, split anywhere, give the same characters as decoded whole, and
/// the same as the standard library's UTF-8 decoding (both replace each maximal invalid
/// subpart with U+FFFD). Nothing in the line editor calls it.
public enum InputDecodingCheck {
    /// Whether `bytes` decode the same whole, split at `split`, and as the standard library decodes them.
    public static func holds(for bytes: [UInt8], splitAt split: Int) -> Bool {
        let cut = bytes.isEmpty ? 0 : split % (bytes.count + 1)
        let whole = decoded([bytes[...]])
        let chunked = decoded([bytes[..<cut], bytes[cut...]])
        let expected = String(decoding: bytes, as: UTF8.self).unicodeScalars.map(\.value)
        return whole == chunked && whole == expected
    }

    private static func decoded(_ chunks: [ArraySlice<UInt8>]) -> [UInt32] {
        var queue = InputQueue()
        for chunk in chunks {
            chunk.withUnsafeBytes { queue.decode($0, time: 0) }
        }
        queue.finishInput(time: 0)
        var scalars: [UInt32] = []
        while let character = queue.next() { scalars.append(character.scalar) }
        return scalars
    }
}
