/// `rehearse review ID --explain [Qn]`: for each question, every rule of its type, whether it
/// fired, and the words that matched or why nothing matched, so a person can see why.
public struct ReviewExplanationRenderer {
    public var width: Int

    public init(width: Int) { self.width = width }

    /// The explanation of every question, or of one (its review number).
    public func render(_ review: TranscriptReview, question: Int? = nil) -> String {
        let layout = TextLayout(width: width)
        var lines: [String] = []
        for item in review.questions where question == nil || item.index == question {
            if !lines.isEmpty { lines.append("") }
            lines += layout.paragraph(
                "\(QuestionLabel.text(item)) · \(item.questionType.rawValue) · score \(item.score.points)/\(item.score.maximum)"
            )
            lines += layout.paragraph(item.text, lead: "  ", indent: "  ")
            for explanation in item.explanations {
                let mark = explanation.dismissed ? "dismissed" : explanation.fired ? "flagged" : "quiet"
                lines += layout.paragraph(
                    "\(explanation.rule.rawValue) — \(mark): \(explanation.detail)", lead: "  • ", indent: "    ")
            }
            for part in item.score.parts {
                lines += layout.paragraph(
                    "\(part.name) \(part.points)/\(part.maximum): \(part.reason)", lead: "  score: ", indent: "    ")
            }
        }
        lines.append(
            "Rules: \(review.rules). Overrule a flag with: rehearse review \(review.session.id) --dismiss Qn:RULE")
        return lines.joined(separator: "\n") + "\n"
    }
}
