/// Decides whether a probe's declared condition holds for an answer.
public enum ProbeRules {
    public static func holds(_ condition: ProbeCondition, for answer: AnswerText, talkingPoints: [TalkingPoint]) -> Bool {
        switch condition {
        case .tooFewWords(let minimum): answer.wordCount < minimum
        case .noExample: !answer.hasExample
        case .noNumbers: !answer.hasNumber
        case .hedging: answer.hedgeCount >= 2
        case .noResult: !answer.hasResult
        case .missingPoint(let index):
            if let index {
                index >= 1 && index <= talkingPoints.count && !answer.covers(talkingPoints[index - 1])
            } else {
                talkingPoints.contains { !answer.covers($0) }
            }
        }
    }
}
