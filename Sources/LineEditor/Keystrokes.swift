#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Nanoseconds on the monotonic clock (CLOCK_MONOTONIC), shared by every process on the machine.
public typealias MonotonicNanoseconds = UInt64

/// clock_gettime(CLOCK_MONOTONIC) in nanoseconds; the default `now` everywhere.
public func monotonicNow() -> MonotonicNanoseconds {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
}

/// One change to the line caused by one keystroke: at `position` (in Characters of the line
/// before the change), `deleted` characters removed, then `inserted` added.
public struct LineChange: Equatable, Sendable {
    /// Index, in Characters of the line before the change, where the change starts.
    public var position: Int
    /// How many Characters were removed at `position`.
    public var deleted: Int
    /// The text added at `position` after the removal.
    public var inserted: String

    /// Creates a change.
    public init(position: Int, deleted: Int, inserted: String) {
        self.position = position
        self.deleted = deleted
        self.inserted = inserted
    }
}

/// One keystroke: when it arrived and what it did to the line (`change` nil = the line did not change).
public struct Keystroke: Equatable, Sendable {
    /// Arrival time (the `now()` reading taken when its bytes were read from the terminal).
    public var time: MonotonicNanoseconds
    /// The change to the line, or nil for a key that did not change it (cursor move, Enter, ...).
    public var change: LineChange?

    /// Creates a keystroke.
    public init(time: MonotonicNanoseconds, change: LineChange? = nil) {
        self.time = time
        self.change = change
    }
}

/// Every keystroke of one `readLine`, in order.
///
/// One keystroke per character read from the terminal, except that an escape sequence
/// (ESC `[` ... final byte, ESC `O` x, or ESC + one character, such as an arrow key or Meta-b)
/// counts as one keystroke when its bytes arrive in the same read, which they do when a
/// terminal sends them. A Ctrl-C that clears a non-empty line is logged as one keystroke
/// deleting the whole line.
public struct KeystrokeLog: Equatable, Sendable {
    /// The keystrokes, oldest first.
    public var keystrokes: [Keystroke]

    /// Creates a log.
    public init(keystrokes: [Keystroke] = []) {
        self.keystrokes = keystrokes
    }

    /// Time of the first keystroke, nil when nothing was typed.
    public var firstKeyTime: MonotonicNanoseconds? { keystrokes.first?.time }

    /// Number of keystrokes whose change deleted characters.
    public var correctionCount: Int {
        keystrokes.reduce(0) { $0 + (($1.change?.deleted ?? 0) > 0 ? 1 : 0) }
    }

    /// Largest gap in nanoseconds between consecutive keystrokes (0 with fewer than two).
    public var longestPause: UInt64 {
        var longest: UInt64 = 0
        var previous: UInt64?
        for k in keystrokes {
            if let p = previous, k.time > p { longest = max(longest, k.time - p) }
            previous = k.time
        }
        return longest
    }
}

/// What one `LineEditor.readLine` call produced.
public enum ReadResult: Equatable, Sendable {
    /// A line (without its trailing newline) and the keystrokes that produced it.
    case line(String, KeystrokeLog)
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// Ctrl-C pressed while the line was empty.
    case interruptOnEmptyLine
    /// SIGTERM or SIGHUP arrived before or during the read.
    case terminated(signal: Int32)
}

/// A message shown once, on its own lines, when `deadline` passes during a read.
public struct Notice: Sendable {
    /// When to show it (same clock as the editor's `now`).
    public var deadline: MonotonicNanoseconds
    /// The text shown; the prompt and the typed text are redrawn below it.
    public var text: String

    /// Creates a notice.
    public init(deadline: MonotonicNanoseconds, text: String) {
        self.deadline = deadline
        self.text = text
    }
}

/// Supplies tab-completion candidates.
public protocol CompletionProvider: AnyObject {
    /// Candidates for the word ending at the cursor, given the text before the cursor.
    ///
    /// The word is the text after the last whitespace; a candidate is a whole word that
    /// replaces it (normally one that starts with it).
    func completions(forTextBeforeCursor text: String) -> [String]
}
