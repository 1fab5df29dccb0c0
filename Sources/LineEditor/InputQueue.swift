/// A character decoded from terminal input, waiting to be handed to libedit.
struct PendingCharacter {
    /// The Unicode scalar value.
    var scalar: UInt32
    /// When its bytes were read.
    var time: MonotonicNanoseconds
    /// False for the 2nd and later characters of an escape sequence read in the same chunk.
    var startsKeystroke: Bool
}

/// Incremental UTF-8 decoder plus the queue of decoded characters.
///
/// Partial sequences are kept until the next chunk; invalid bytes become U+FFFD
/// (one per maximal invalid subpart, as the Unicode standard recommends).
struct InputQueue {
    private var items: [PendingCharacter] = []
    private var head = 0

    // UTF-8 decoder state.
    private var needed = 0
    private var codePoint: UInt32 = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF

    // Escape-sequence grouping state, reset at each chunk.
    private enum Escape { case none, afterEscape, csi, ss3 }
    private var escape = Escape.none

    init() {
        items.reserveCapacity(256)
    }

    /// True when no decoded character is waiting.
    var isEmpty: Bool { head == items.count }

    /// Takes the next decoded character.
    mutating func next() -> PendingCharacter? {
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        }
        return item
    }

    /// Decodes one chunk of bytes read at `time`.
    mutating func decode(_ bytes: UnsafeRawBufferPointer, time: MonotonicNanoseconds) {
        escape = .none
        for byte in bytes {
            decodeByte(byte, time: time)
        }
    }

    /// At end of input: an unfinished sequence becomes U+FFFD.
    mutating func finishInput(time: MonotonicNanoseconds) {
        if needed > 0 {
            needed = 0
            emit(0xFFFD, time: time)
        }
    }

    private mutating func decodeByte(_ b: UInt8, time: MonotonicNanoseconds) {
        if needed > 0 {
            if b >= lower && b <= upper {
                codePoint = (codePoint << 6) | UInt32(b & 0x3F)
                needed -= 1
                lower = 0x80
                upper = 0xBF
                if needed == 0 { emit(codePoint, time: time) }
                return
            }
            // Truncated sequence: replace it, then treat this byte afresh.
            needed = 0
            lower = 0x80
            upper = 0xBF
            emit(0xFFFD, time: time)
        }
        switch b {
        case 0x00...0x7F:
            emit(UInt32(b), time: time)
        case 0xC2...0xDF:
            start(b & 0x1F, needed: 1)
        case 0xE0:
            start(b & 0x0F, needed: 2, lower: 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF:
            start(b & 0x0F, needed: 2)
        case 0xED:
            start(b & 0x0F, needed: 2, upper: 0x9F)
        case 0xF0:
            start(b & 0x07, needed: 3, lower: 0x90)
        case 0xF1...0xF3:
            start(b & 0x07, needed: 3)
        case 0xF4:
            start(b & 0x07, needed: 3, upper: 0x8F)
        default:
            emit(0xFFFD, time: time)
        }
    }

    private mutating func start(_ bits: UInt8, needed: Int, lower: UInt8 = 0x80, upper: UInt8 = 0xBF) {
        codePoint = UInt32(bits)
        self.needed = needed
        self.lower = lower
        self.upper = upper
    }

    private mutating func emit(_ scalar: UInt32, time: MonotonicNanoseconds) {
        var starts = true
        switch escape {
        case .none:
            if scalar == 0x1B { escape = .afterEscape }
        case .afterEscape:
            starts = false
            escape = scalar == 0x5B ? .csi : scalar == 0x4F ? .ss3 : .none
        case .csi:
            starts = false
            if scalar >= 0x40 && scalar <= 0x7E {
                escape = .none
            } else if scalar < 0x20 || scalar > 0x7E {
                escape = .none
                starts = true
            }
        case .ss3:
            starts = false
            escape = .none
        }
        items.append(PendingCharacter(scalar: scalar, time: time, startsKeystroke: starts))
    }
}

/// Computes the `LineChange` between two snapshots of the line (arrays of Unicode scalars).
enum LineDiff {
    /// True when every scalar is a grapheme cluster of its own, so scalar indices are Character indices.
    static func isSimple(_ line: [UInt32]) -> Bool {
        for s in line where s >= 0x300 || s == 0x0D { return false }
        return true
    }

    /// Number of Characters in the line.
    static func characterCount(_ line: [UInt32]) -> Int {
        isSimple(line) ? line.count : string(line[...]).count
    }

    /// Builds a String from scalars (invalid values become U+FFFD).
    static func string(_ scalars: ArraySlice<UInt32>) -> String {
        var view = String.UnicodeScalarView()
        for s in scalars {
            view.append(Unicode.Scalar(s) ?? "\u{FFFD}")
        }
        return String(view)
    }

    /// The change from `old` to `new` as common prefix / common suffix, in Characters; nil if equal.
    static func change(from old: [UInt32], to new: [UInt32]) -> LineChange? {
        if old == new { return nil }
        if isSimple(old) && isSimple(new) {
            let limit = min(old.count, new.count)
            var prefix = 0
            while prefix < limit && old[prefix] == new[prefix] { prefix += 1 }
            var suffix = 0
            while suffix < limit - prefix && old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
                suffix += 1
            }
            return LineChange(
                position: prefix,
                deleted: old.count - prefix - suffix,
                inserted: string(new[prefix..<(new.count - suffix)]))
        }
        let oldCharacters = Array(string(old[...]))
        let newCharacters = Array(string(new[...]))
        func same(_ a: Character, _ b: Character) -> Bool {
            a.unicodeScalars.elementsEqual(b.unicodeScalars)
        }
        let limit = min(oldCharacters.count, newCharacters.count)
        var prefix = 0
        while prefix < limit && same(oldCharacters[prefix], newCharacters[prefix]) { prefix += 1 }
        var suffix = 0
        while suffix < limit - prefix
            && same(oldCharacters[oldCharacters.count - 1 - suffix], newCharacters[newCharacters.count - 1 - suffix])
        {
            suffix += 1
        }
        return LineChange(
            position: prefix,
            deleted: oldCharacters.count - prefix - suffix,
            inserted: String(newCharacters[prefix..<(newCharacters.count - suffix)]))
    }
}
