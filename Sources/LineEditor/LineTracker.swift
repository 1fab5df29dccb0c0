/// libedit's line as Unicode scalars, kept up to date keystroke by keystroke, with the counts a
/// keystroke's `LineChange` and the line's size limit need.
///
/// Typing and pasting cost the same at any line length: a keystroke that inserted exactly its own
/// characters at the cursor is applied without reading the rest of the line. Other keystrokes
/// (deletions, history, yanks, transpositions, vi commands) compare the whole line.
struct LineTracker {
    /// The line's scalars.
    private(set) var scalars: [UInt32] = []
    /// Characters (grapheme clusters) in the line.
    private(set) var characterCount = 0
    /// UTF-8 bytes of the line.
    private(set) var utf8Count = 0
    /// Scalars that may join a neighbour into one Character (see `LineDiff.isSimple`); while there
    /// are none, a scalar index is a Character index.
    private var joiningScalars = 0

    /// Forgets the line (a new read starts with an empty one).
    mutating func reset() {
        scalars.removeAll(keepingCapacity: true)
        characterCount = 0
        utf8Count = 0
        joiningScalars = 0
    }

    /// True when `scalar` is text (not a control) and adding it would make the line longer than `limit` bytes.
    func wouldOverflow(adding scalar: UInt32, limit: Int) -> Bool {
        Self.isText(scalar) && utf8Count + Self.utf8Length(scalar) > limit
    }

    /// The change when a keystroke inserted exactly its characters `typed` at `cursor`: the line
    /// grew by their number, the cursor moved past them, and they are where it was. Nil when that
    /// is not what happened (or when the Character position would need the whole line), so the
    /// caller falls back to `update(to:)`. Reads only the inserted part of `lineAfter`.
    ///
    /// Without a terminal libedit appends to the line and leaves its cursor at the start: pass
    /// `appendsWithoutCursor` there, and an append of exactly `typed` counts as typed at the end.
    mutating func insertion(
        of typed: [UInt32], at cursor: Int, lengthBefore: Int,
        lineAfter: UnsafeBufferPointer<UInt32>, cursorAfter: Int, appendsWithoutCursor: Bool = false
    ) -> LineChange? {
        let count = typed.count
        var cursor = cursor
        if appendsWithoutCursor && cursorAfter == cursor {
            cursor = lengthBefore
        } else if cursorAfter != cursor + count {
            return nil
        }
        guard count > 0, lengthBefore == scalars.count, cursor <= scalars.count,
            lineAfter.count == lengthBefore + count
        else { return nil }
        for (offset, scalar) in typed.enumerated() {
            guard Self.isText(scalar), lineAfter[cursor + offset] == scalar else { return nil }
        }
        let typedJoining = typed.reduce(0) { $0 + (Self.mayJoin($1) ? 1 : 0) }
        let position: Int
        if joiningScalars == 0 && typedJoining == 0 {
            position = cursor
        } else {
            // Each Character boundary around and inside the insertion must stay where it is.
            guard typed.allSatisfy(Self.standsAlone),
                cursor == 0 || Self.standsAlone(scalars[cursor - 1]),
                cursor == scalars.count || Self.standsAlone(scalars[cursor])
            else { return nil }
            position = cursor == scalars.count ? characterCount : LineDiff.string(scalars[..<cursor]).count
        }
        scalars.insert(contentsOf: typed, at: cursor)
        characterCount += count
        utf8Count += typed.reduce(0) { $0 + Self.utf8Length($1) }
        joiningScalars += typedJoining
        return LineChange(position: position, deleted: 0, inserted: LineDiff.string(typed[...]))
    }

    /// Compares the whole line with `line`, takes it as the new state and returns the change (nil: none).
    mutating func update(to line: UnsafeBufferPointer<UInt32>) -> LineChange? {
        let new = Array(line)
        guard let change = LineDiff.change(from: scalars, to: new) else { return nil }
        scalars = new
        utf8Count = new.reduce(0) { $0 + Self.utf8Length($1) }
        joiningScalars = new.reduce(0) { $0 + (Self.mayJoin($1) ? 1 : 0) }
        characterCount = joiningScalars == 0 ? new.count : LineDiff.characterCount(new)
        return change
    }

    // MARK: Scalar classes

    /// Not a C0/C1 control or DEL: something that a key inserts as text.
    static func isText(_ scalar: UInt32) -> Bool {
        scalar >= 0x20 && scalar != 0x7F && !(0x80..<0xA0).contains(scalar)
    }

    /// Outside `LineDiff.isSimple`'s range: the scalar might share a Character with a neighbour.
    static func mayJoin(_ scalar: UInt32) -> Bool {
        scalar >= 0x300 || scalar == 0x0D
    }

    /// True when a Character boundary always falls on both sides of `scalar` next to another such
    /// scalar: letters, digits, punctuation, symbols and spaces, except the few that combine
    /// (Hangul jamo and syllables, regional indicators, emoji modifiers, prepended letters).
    static func standsAlone(_ scalar: UInt32) -> Bool {
        if !mayJoin(scalar) { return true }
        if (0x1100...0x11FF).contains(scalar) || (0xA960...0xA97F).contains(scalar)
            || (0xAC00...0xD7FF).contains(scalar)
            || (0x1F1E6...0x1F1FF).contains(scalar) || (0x1F3FB...0x1F3FF).contains(scalar)
            || scalar == 0x0D4E || scalar == 0xFF9E || scalar == 0xFF9F
        {
            return false
        }
        if scalar >= 0x10000 && !(0x1F000...0x1FAFF).contains(scalar) && !(0x20000...0x3FFFF).contains(scalar) {
            return false
        }
        guard let value = Unicode.Scalar(scalar) else { return false }
        switch value.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .spaceSeparator:
            return true
        default:
            return false
        }
    }

    /// Bytes the scalar takes in UTF-8.
    static func utf8Length(_ scalar: UInt32) -> Int {
        scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4
    }
}
