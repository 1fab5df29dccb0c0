/// Decides whether a probe's declared condition holds for an answer. The conditions follow the
/// question's type, like the review's rules, so a probe never asks for what was just said:
/// for a situational question "no example" means no concrete first step, and "no result" means
/// no way of knowing the plan worked; for a motivational one "no example" means nothing
/// specific about the company or role.
public enum ProbeRules {
    public static func holds(
        _ condition: ProbeCondition, for answer: AnswerText, talkingPoints: [TalkingPoint],
        type: QuestionType = .behavioural, company: String = ""
    ) -> Bool {
        switch condition {
        case .tooFewWords(let minimum): answer.wordCount < minimum
        case .noExample:
            switch type {
            case .behavioural, .technical: !answer.hasExample
            case .situational: answer.planShape.steps == nil
            case .motivational: answer.specifics(company: company).isEmpty
            }
        case .noNumbers: !answer.hasNumber
        case .hedging: answer.hedgeCount >= 2
        case .noResult:
            switch type {
            case .situational: answer.planShape.check == nil
            default: !answer.hasResult
            }
        case .missingPoint(let index):
            if let index {
                index >= 1 && index <= talkingPoints.count && !answer.covers(talkingPoints[index - 1])
            } else {
                talkingPoints.contains { !answer.covers($0) }
            }
        }
    }
}
