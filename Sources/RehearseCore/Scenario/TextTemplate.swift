/// The closed set of `{variables}` scenario text may use, and their substitution.
public enum TextTemplate {
    /// Variables allowed anywhere.
    public static let commonVariables = ["candidate", "company", "role_title", "interviewer", "interviewer_title", "panel"]
    /// Variables allowed only in a revisit stage's `ask`.
    public static let revisitVariables = ["previous_question", "previous_answer"]

    /// A `{name}` found in text, with its offset in characters from the start of the text.
    public struct Reference: Equatable, Sendable {
        public var name: String
        public var offset: Int
    }

    /// Every `{name}` in the text; `{{` and `}}` are literal braces. Unclosed `{` is reported with name "".
    public static func references(in text: String) -> [Reference] {
        var found: [Reference] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "{" {
                if index + 1 < characters.count, characters[index + 1] == "{" {
                    index += 2
                    continue
                }
                var end = index + 1
                while end < characters.count, characters[end] != "}", characters[end] != "{" { end += 1 }
                if end < characters.count, characters[end] == "}" {
                    found.append(Reference(name: String(characters[(index + 1)..<end]), offset: index))
                    index = end + 1
                } else {
                    found.append(Reference(name: "", offset: index))
                    index += 1
                }
            } else {
                index += 1
            }
        }
        return found
    }

    /// Replaces known variables with their values; unknown ones are left as written.
    public static func render(_ text: String, _ values: [String: String]) -> String {
        guard text.contains("{") || text.contains("}") else { return text }
        var output = ""
        output.reserveCapacity(text.count)
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "{", index + 1 < characters.count, characters[index + 1] == "{" {
                output.append("{"); index += 2; continue
            }
            if character == "}", index + 1 < characters.count, characters[index + 1] == "}" {
                output.append("}"); index += 2; continue
            }
            if character == "{", let close = characters[(index + 1)...].firstIndex(of: "}") {
                let name = String(characters[(index + 1)..<close])
                if let value = values[name] {
                    output += value
                    index = close + 1
                    continue
                }
            }
            output.append(character)
            index += 1
        }
        return output
    }
}
