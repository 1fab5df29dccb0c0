/// What the line editor saw while an answer was typed: a time for every keystroke and how the line changed.
public struct TypingRecord: Equatable, Sendable {
    /// One keystroke; `change` is nil when the key did not change the line (a cursor move).
    public struct Key: Equatable, Sendable {
        public var time: UInt64
        public var position: Int
        public var deleted: Int
        public var inserted: String
        public var changesLine: Bool { deleted > 0 || !inserted.isEmpty }

        public init(time: UInt64, position: Int = 0, deleted: Int = 0, inserted: String = "") {
            self.time = time
            self.position = position
            self.deleted = deleted
            self.inserted = inserted
        }
    }

    public var keys: [Key]
    /// When the line was submitted.
    public var submittedAt: UInt64

    public init(keys: [Key], submittedAt: UInt64) {
        self.keys = keys
        self.submittedAt = submittedAt
    }

    /// A record for text that arrived without keystrokes (e.g. tests): each character one key at `time`.
    public static func instant(_ text: String, at time: UInt64) -> TypingRecord {
        TypingRecord(
            keys: text.isEmpty ? [] : [Key(time: time, position: 0, deleted: 0, inserted: text)], submittedAt: time)
    }
}

extension TypingRecord.Key {
    /// The text after `keys` change `text` in order (positions past the end are clamped).
    static func apply(_ keys: [TypingRecord.Key], to text: String) -> String {
        var characters = Array(text)
        for key in keys where key.changesLine {
            let start = min(max(0, key.position), characters.count)
            let end = min(start + key.deleted, characters.count)
            characters.replaceSubrange(start..<end, with: Array(key.inserted))
        }
        return String(characters)
    }
}
