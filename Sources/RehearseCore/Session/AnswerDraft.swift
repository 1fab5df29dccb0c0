/// An answer (or a question for the panel) typed over one or more lines: a line ending in `\`,
/// spaces after it aside, continues on the next. Keeps every line's keystrokes, placed where the
/// line sits in the whole text, and turns them into timing and a typing timeline.
struct AnswerDraft {
    /// The lines given so far, each without its backslash.
    private(set) var lines: [String] = []
    /// Their keystrokes, positions in the whole text, each backslash replaced by a newline.
    private(set) var keys: [TypingRecord.Key] = []

    /// Whether no line has been continued yet.
    var isEmpty: Bool { lines.isEmpty }

    /// Where the next line starts in the whole text, in Characters.
    private var nextLineOffset: Int { lines.reduce(0) { $0 + $1.count + 1 } }

    /// Adds `line` if it ends in a backslash and returns true; otherwise leaves the draft alone.
    mutating func continueIfMarked(_ line: String, typing: TypingRecord) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, line[line.index(before: end)] == " " || line[line.index(before: end)] == "\t" {
            end = line.index(before: end)
        }
        guard end > line.startIndex, line[line.index(before: end)] == "\\" else { return false }
        let text = String(line[..<line.index(before: end)])
        let offset = nextLineOffset
        keys += Self.shift(typing.keys, by: offset)
        // In the timeline, the backslash and the spaces after it become the newline.
        keys.append(
            .init(
                time: typing.submittedAt, position: offset + text.count, deleted: line.count - text.count,
                inserted: "\n"))
        lines.append(text)
        return true
    }

    /// The whole text with `line` as its last line, and every keystroke.
    func finished(with line: String, typing: TypingRecord) -> (text: String, keys: [TypingRecord.Key]) {
        ((lines + [line]).joined(separator: "\n"), keys + Self.shift(typing.keys, by: nextLineOffset))
    }

    /// The text on screen at `time`: the lines so far and what the current line's keys had typed by then.
    func typedText(currentLine typing: TypingRecord, at time: UInt64) -> String {
        let current = typing.keys.filter { $0.time <= time }
        return (lines + [TypingRecord.Key.apply(current, to: "")]).joined(separator: "\n")
    }

    /// Keys of a continuation line, with positions moved to where the line sits in the whole answer.
    static func shift(_ keys: [TypingRecord.Key], by offset: Int) -> [TypingRecord.Key] {
        guard offset > 0 else { return keys }
        return keys.map { key in
            var moved = key
            moved.position += offset
            return moved
        }
    }

    // MARK: Timing arithmetic

    static func milliseconds(_ nanoseconds: UInt64) -> Int { Int(nanoseconds / 1_000_000) }

    /// Think time (shown → first key), answer time (first key → submit), pauses and corrections.
    static func timing(
        keys: [TypingRecord.Key], shownAt: UInt64, submittedAt: UInt64, pausedNanoseconds: UInt64,
        limitSeconds: Int
    ) -> AnswerTiming {
        let firstKey = keys.first?.time ?? submittedAt
        let think = firstKey > shownAt ? firstKey - shownAt : 0
        let answer = submittedAt > firstKey ? submittedAt - firstKey : 0
        var longest: UInt64 = 0
        for (previous, next) in zip(keys, keys.dropFirst()) where next.time > previous.time {
            longest = max(longest, next.time - previous.time)
        }
        let total = think + answer
        return AnswerTiming(
            thinkMilliseconds: milliseconds(think), answerMilliseconds: milliseconds(answer),
            pausedMilliseconds: milliseconds(pausedNanoseconds), keystrokes: keys.count,
            corrections: keys.filter { $0.deleted > 0 && $0.inserted != "\n" }.count,
            longestPauseMilliseconds: milliseconds(longest), limitSeconds: limitSeconds,
            isOverLimit: total > UInt64(limitSeconds) * 1_000_000_000)
    }

    /// The keystrokes as the transcript's typing timeline: delays from the question being shown.
    static func typingSteps(_ keys: [TypingRecord.Key], shownAt: UInt64) -> [TypingStep] {
        var previous = shownAt
        var steps: [TypingStep] = []
        var lastInsertedCount = 0  // Characters in steps.last's insertion, kept so a paste costs linear time.
        for key in keys {
            let delay = key.time > previous ? milliseconds(key.time - previous) : 0
            previous = max(previous, key.time)
            // Keys within the same millisecond that extend the previous insertion (a paste, piped
            // input) become one step: the replay looks the same and the file stays small.
            if delay == 0, key.deleted == 0, !key.inserted.isEmpty, let last = steps.last, last.deleted == 0,
                !last.inserted.isEmpty, last.position + lastInsertedCount == key.position
            {
                steps[steps.count - 1].inserted += key.inserted
                lastInsertedCount += key.inserted.count
                continue
            }
            steps.append(
                TypingStep(
                    delayMilliseconds: delay, position: key.position, deleted: key.deleted, inserted: key.inserted))
            lastInsertedCount = key.inserted.count
        }
        return steps
    }
}
