/// Think and answer time per question, with each question's time limit, drawn as text with
/// block characters (for terminals and Markdown) or as an inline SVG (for HTML).
public struct TimingChart: Equatable, Sendable {
    /// One bar: an answer to a question or to a follow-up.
    public struct Row: Equatable, Sendable {
        public var label: String
        public var thinkMilliseconds: Int
        public var answerMilliseconds: Int
        public var limitSeconds: Int
        public var isOverLimit: Bool
        public var isFollowUp: Bool
        /// No answer: the row shows "skipped" or "not answered" instead of a bar.
        public var isUnanswered: Bool
        /// Left with /skip (an unanswered row that is not skipped was open when the session ended).
        public var isSkipped = false

        public var totalMilliseconds: Int { thinkMilliseconds + answerMilliseconds }
    }

    public var rows: [Row]

    public init(rows: [Row]) { self.rows = rows }

    /// Rows for reviewed questions: each answer, follow-ups labelled `Q3.1`, `Q3.2`.
    public init(questions: [QuestionReview]) {
        var rows: [Row] = []
        for question in questions {
            let label = QuestionLabel.text(question)
            if question.responses.isEmpty {
                rows.append(
                    Row(
                        label: label, thinkMilliseconds: 0, answerMilliseconds: 0,
                        limitSeconds: SaneRange.seconds(question.limitSeconds),
                        isOverLimit: false, isFollowUp: false, isUnanswered: true, isSkipped: question.isSkipped))
            }
            var followUp = 0
            for response in question.responses {
                let isFollowUp = response.followUpQuestion != nil
                if isFollowUp { followUp += 1 }
                rows.append(
                    Row(
                        label: isFollowUp ? "\(label).\(followUp)" : label,
                        thinkMilliseconds: SaneRange.milliseconds(response.thinkMilliseconds),
                        answerMilliseconds: SaneRange.milliseconds(response.answerMilliseconds),
                        limitSeconds: SaneRange.seconds(response.limitSeconds),
                        isOverLimit: response.isOverLimit, isFollowUp: isFollowUp, isUnanswered: false))
            }
        }
        self.rows = rows
    }

    /// Rows straight from a transcript (for replay exports).
    public init(transcript: Transcript) {
        self.init(questions: ReviewBuilder().review(transcript).questions)
    }

    /// The longest time on the scale: the longest answer or limit, in milliseconds.
    var scaleMilliseconds: Int {
        max(1, rows.map { max($0.totalMilliseconds, $0.limitSeconds * 1000) }.max() ?? 1)
    }

    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    public static let legend = "░ think  █ answer  │ time limit"

    static func figures(_ row: Row) -> String {
        if row.isUnanswered { return row.isSkipped ? "skipped" : "not answered" }
        return
            "\(DurationText.clock(milliseconds: row.thinkMilliseconds)) + \(DurationText.clock(milliseconds: row.answerMilliseconds)) / \(DurationText.clock(milliseconds: row.limitSeconds * 1000))"
            + (row.isOverLimit ? " over" : "")
    }

    /// The chart as lines no wider than `width` columns: label, bar, then think + answer / limit.
    public func textLines(width: Int) -> [String] {
        guard !rows.isEmpty else { return [] }
        let labelWidth = rows.map { DisplayWidth.of($0.label) }.max() ?? 2
        // On a narrow screen the figures go (each answer's section has them) and the bar keeps at least 8 columns.
        let showsFigures = width - labelWidth - (rows.map { Self.figures($0).count }.max() ?? 10) - 2 >= 12
        let figureWidth = showsFigures ? (rows.map { Self.figures($0).count }.max() ?? 10) + 1 : 0
        let barWidth = max(8, width - labelWidth - figureWidth - 1)
        let scale = Double(scaleMilliseconds)
        return rows.map { row in
            var cells = Array(repeating: " ", count: barWidth)
            if !row.isUnanswered {
                let thinkCells = min(
                    barWidth, Int((Double(row.thinkMilliseconds) * Double(barWidth) / scale).rounded()))
                for index in 0..<thinkCells { cells[index] = "░" }
                let answerEighths = Int((Double(row.answerMilliseconds) * Double(barWidth) * 8 / scale).rounded())
                var position = thinkCells
                for _ in 0..<(answerEighths / 8) where position < barWidth {
                    cells[position] = "█"
                    position += 1
                }
                if answerEighths % 8 > 0, position < barWidth { cells[position] = Self.eighths[answerEighths % 8] }
            }
            let limitColumn = min(
                barWidth - 1, Int((Double(row.limitSeconds * 1000) * Double(barWidth) / scale).rounded()))
            cells[limitColumn] = "│"
            let label = row.label + String(repeating: " ", count: labelWidth - DisplayWidth.of(row.label))
            return "\(label) \(cells.joined())" + (showsFigures ? " " + Self.figures(row) : "")
        }
    }

    /// The chart as an inline SVG: a light bar for think time, a dark one for answer time (red
    /// when past the limit), and a dashed line at each question's limit. No scripts, no fonts to fetch.
    public func svg(width: Int = 760) -> String {
        let rowHeight = 24
        let top = 34
        let labelWidth = 72
        let figureWidth = 170
        let barWidth = Double(width - labelWidth - figureWidth - 16)
        let height = top + rowHeight * rows.count + 12
        let scale = Double(scaleMilliseconds)
        func x(_ milliseconds: Int) -> Double { Double(labelWidth) + Double(milliseconds) * barWidth / scale }
        func number(_ value: Double) -> String { NumberText.fixed(value, places: 1) }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"Think and answer time per question\">\n"
        // Legend.
        svg +=
            "<rect x=\"\(labelWidth)\" y=\"8\" width=\"14\" height=\"12\" class=\"think\"/><text x=\"\(labelWidth + 20)\" y=\"18\">think</text>\n"
        svg +=
            "<rect x=\"\(labelWidth + 80)\" y=\"8\" width=\"14\" height=\"12\" class=\"answer\"/><text x=\"\(labelWidth + 100)\" y=\"18\">answer</text>\n"
        svg +=
            "<rect x=\"\(labelWidth + 170)\" y=\"8\" width=\"14\" height=\"12\" class=\"over\"/><text x=\"\(labelWidth + 190)\" y=\"18\">past the limit</text>\n"
        svg +=
            "<line x1=\"\(labelWidth + 300)\" y1=\"6\" x2=\"\(labelWidth + 300)\" y2=\"22\" class=\"limit\"/><text x=\"\(labelWidth + 308)\" y=\"18\">time limit</text>\n"
        // Minute grid.
        // At most about a dozen grid lines, on round minutes where possible.
        let step =
            [30_000, 60_000, 300_000, 600_000, 1_800_000, 3_600_000].first { scale / Double($0) <= 12 }
            ?? Int((scale / 12).rounded(.up))
        var tick = step
        while Double(tick) <= scale {
            svg +=
                "<line x1=\"\(number(x(tick)))\" y1=\"\(top - 4)\" x2=\"\(number(x(tick)))\" y2=\"\(height - 8)\" class=\"grid\"/>"
            svg +=
                "<text x=\"\(number(x(tick)))\" y=\"\(height - 1)\" class=\"tick\">\(DurationText.clock(milliseconds: tick))</text>\n"
            tick += step
        }
        for (index, row) in rows.enumerated() {
            let y = top + index * rowHeight
            svg += "<g><title>\(DocumentText.html(row.label)): \(DocumentText.html(Self.figures(row)))</title>"
            svg += "<text x=\"4\" y=\"\(y + 15)\" class=\"label\">\(DocumentText.html(row.label))</text>"
            if !row.isUnanswered {
                let thinkEnd = x(row.thinkMilliseconds)
                svg +=
                    "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(number(thinkEnd - Double(labelWidth)))\" height=\"14\" class=\"think\"/>"
                svg +=
                    "<rect x=\"\(number(thinkEnd))\" y=\"\(y + 4)\" width=\"\(number(x(row.totalMilliseconds) - thinkEnd))\" height=\"14\" class=\"\(row.isOverLimit ? "over" : "answer")\"/>"
            }
            let limit = number(x(row.limitSeconds * 1000))
            svg += "<line x1=\"\(limit)\" y1=\"\(y + 1)\" x2=\"\(limit)\" y2=\"\(y + 21)\" class=\"limit\"/>"
            svg +=
                "<text x=\"\(width - figureWidth)\" y=\"\(y + 15)\" class=\"figures\">\(DocumentText.html(Self.figures(row)))</text></g>\n"
        }
        return svg + "</svg>"
    }

    /// Styles for the SVG, to put in the page's `<style>`.
    public static let css = """
        svg.chart { font: 12px system-ui, sans-serif; max-width: 100%; height: auto; }
        svg.chart .think { fill: #a9c4e4; }
        svg.chart .answer { fill: #2f5d8a; }
        svg.chart .over { fill: #b5473a; }
        svg.chart .limit { stroke: #d08a00; stroke-width: 2; stroke-dasharray: 4 2; }
        svg.chart .grid { stroke: #e3e3e3; stroke-width: 1; }
        svg.chart .tick { fill: #777; font-size: 10px; text-anchor: middle; }
        svg.chart .label, svg.chart .figures { fill: #222; font-variant-numeric: tabular-nums; }
        """
}
