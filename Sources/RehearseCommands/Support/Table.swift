import RehearseCore

/// A plain text table with left-aligned columns.
struct Table {
    var headers: [String]
    var rows: [[String]]

    func render() -> String {
        let all = [headers] + rows.map { $0.map { TerminalSafeText.inert($0, keepNewlines: false) } }
        var widths = headers.map { _ in 0 }
        for row in all {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        return all.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1
                    ? cell : cell + String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
