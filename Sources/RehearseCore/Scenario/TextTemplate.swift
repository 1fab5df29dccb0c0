/// The closed set of `{variables}` scenario text may use, and their substitution.
public enum TextTemplate {
    /// Variables allowed anywhere.
    public static let commonVariables = [
        "candidate", "company", "role_title", "interviewer", "interviewer_title", "panel",
    ]

    /// Values for the common variables, as a session fills them in: `panel` is the interviewers'
    /// first names, "Dana, Sam and Ali".
    public static func commonValues(
        candidate: String, company: String, roleTitle: String, interviewer: Interviewer?, panel: [Interviewer]
    ) -> [String: String] {
        let names = panel.map { PromptLabel.firstName($0.name) }
        let panelText =
            names.count <= 1
            ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
        return [
            "candidate": candidate, "company": company, "role_title": roleTitle,
            "interviewer": interviewer?.name ?? "", "interviewer_title": interviewer?.title ?? "", "panel": panelText,
        ]
    }

    /// Variables allowed only in a revisit stage's `ask`.
    public static let revisitVariables = ["previous_question", "previous_answer"]

    /// A `{name}` found in text, with its offset in characters from the start of the text.
    public struct Reference: Equatable, Sendable {
        public var name: String
        public var offset: Int
    }

    /// Every `{name}` in the text; `{{` and `}}` are literal braces. Unclosed `{` is reported with name "".
    public static func references(in text: String) -> [Reference] {
        // Braces are ASCII, so scanning UTF-8 bytes finds them without splitting any character.
        let utf8 = text.utf8
        var found: [Reference] = []
        var index = utf8.startIndex
        while let open = utf8[index...].firstIndex(of: openBrace) {
            let afterOpen = utf8.index(after: open)
            if afterOpen < utf8.endIndex, utf8[afterOpen] == openBrace {
                index = utf8.index(after: afterOpen)
                continue
            }
            let end = utf8[afterOpen...].firstIndex { $0 == closeBrace || $0 == openBrace } ?? utf8.endIndex
            let offset = text.distance(from: text.startIndex, to: open)
            if end < utf8.endIndex, utf8[end] == closeBrace {
                found.append(Reference(name: String(text[afterOpen..<end]), offset: offset))
                index = utf8.index(after: end)
            } else {
                found.append(Reference(name: "", offset: offset))
                index = afterOpen
            }
        }
        return found
    }

    /// Replaces known variables with their values; unknown ones are left as written.
    public static func render(_ text: String, _ values: [String: String]) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == openBrace || $0 == closeBrace }) else { return text }
        var output = ""
        output.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        var copiedUpTo = index
        func emit(_ replacement: String, resumingAt resume: String.Index) {
            output += text[copiedUpTo..<index]
            output += replacement
            index = resume
            copiedUpTo = resume
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            let nextByte = next < utf8.endIndex ? utf8[next] : nil
            if byte == openBrace, nextByte == openBrace {
                emit("{", resumingAt: utf8.index(after: next))
            } else if byte == closeBrace, nextByte == closeBrace {
                emit("}", resumingAt: utf8.index(after: next))
            } else if byte == openBrace, let close = utf8[next...].firstIndex(of: closeBrace),
                let value = values[String(text[next..<close])]
            {
                emit(value, resumingAt: utf8.index(after: close))
            } else {
                index = next
            }
        }
        output += text[copiedUpTo...]
        return output
    }

    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
}
