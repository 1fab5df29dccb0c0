/// The review's thresholds, in one place. Each is explained in docs/review-rules.md; change
/// the document when you change a number here.
public enum ReviewThresholds {
    /// Fewer words than this in the answer to the question itself: `short_answer`.
    public static let shortAnswerWords = 20
    /// Fewer words than this counts as "very short" for "caught off guard?".
    public static let veryShortAnswerWords = 10
    /// More words than this in the answer to the question itself: `long_answer`.
    public static let longAnswerWords = 250
    /// Seconds from the question to the first keystroke at or above which `long_think` fires.
    public static let longThinkSeconds = 30
    /// Filler words in an answer (all its responses) at or above which `fillers` may fire…
    public static let fillerCount = 2
    /// …when there are also at least this many per 100 words.
    public static let fillersPer100Words = 2.0
    /// Hedges at or above which `hedges` fires (the same as the `hedging` probe).
    public static let hedgeCount = 2
    /// `mostly_we`: at least this many "we" words…
    public static let mostlyWeMinimum = 3
    /// …and at least this many times as many as "I" words.
    public static let mostlyWeRatio = 2
    /// `little_overlap`: under this share (percent) of the earlier answer's key words used again.
    public static let littleOverlapPercent = 25
    /// Earlier answers with fewer key words than this are not compared for overlap.
    public static let overlapMinimumKeyWords = 5
    /// Answers at or above this score (percent) can be among the strongest.
    public static let strongPercent = 70
    /// Answers under this score (percent) can be among those to work on.
    public static let workOnPercent = 50
    /// How many answers the strongest and to-work-on lists hold at most.
    public static let listLength = 3
    /// "mostly" when at least this share (percent) of answered questions pass a self-check…
    public static let mostlyPercent = 75
    /// …"partly" when at least this share does, else "rarely".
    public static let partlyPercent = 40
    /// `no_specifics`: fewer specific things about the company and role than this.
    public static let specificsMinimum = 2
    /// How many earlier transcripts of the role the review looks through for repeated questions.
    public static let earlierTranscriptLimit = 200
}
