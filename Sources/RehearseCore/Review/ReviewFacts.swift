/// The facts every review format shows beside a session, a question and an answer, worded once.
/// A real interview was recalled afterwards in a debrief: it has no time limit, no think or answer
/// times, and the time the debrief took is not the interview's length, so none of those is shown.
extension SessionFacts {
    /// "completed · 12m 3s" for a practice session; the status alone for a real interview.
    public var statusText: String {
        isRealInterview ? status : "\(status) · \(DurationText.milliseconds(durationMilliseconds))"
    }
}

extension QuestionReview {
    /// "90 s limit" for a practice question; nil for a real interview's.
    public func limitText(isRealInterview: Bool) -> String? {
        isRealInterview ? nil : "\(DurationText.seconds(limitSeconds)) limit"
    }
}

extension ResponseReview {
    /// "120 words", "think 2.1 s", "answer 40.0 s", "1 correction": each part, for the caller to
    /// join and to follow with its own mark for an answer past the limit.
    public func factParts(isRealInterview: Bool) -> [String] {
        var parts = ["\(words) words"]
        if !isRealInterview {
            parts.append("think \(DurationText.milliseconds(thinkMilliseconds))")
            parts.append("answer \(DurationText.milliseconds(answerMilliseconds))")
        }
        if corrections > 0 { parts.append("\(corrections) correction\(corrections == 1 ? "" : "s")") }
        return parts
    }
}
