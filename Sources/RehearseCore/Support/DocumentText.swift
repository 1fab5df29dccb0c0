/// Escaping for the documents rehearse writes. Text from transcripts, scenarios and job
/// descriptions is untrusted: it is made inert for terminals first (so a report printed with
/// `cat` cannot set the clipboard, the title or move the cursor), then escaped for the format.
public enum DocumentText {
    /// Text for HTML element content and attribute values.
    public static func html(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in TerminalSafeText.inert(text) {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }

    /// Text for Markdown paragraphs, on one line: characters that could start markup are
    /// backslash-escaped (and a leading list marker or `1.`), `<` and `&` become entities so
    /// no HTML gets through.
    public static func markdown(_ text: String) -> String {
        var output = ""
        let flat = TerminalSafeText.inert(text.replacing("\n", with: " "), keepNewlines: false)
        for character in flat {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "~", "!", "{", "}", ">":
                output.append("\\")
                output.append(character)
            case "<": output += "&lt;"
            case "&": output += "&amp;"
            default: output.append(character)
            }
        }
        if let first = output.first, "-+=".contains(first) {
            output.insert("\\", at: output.startIndex)
        } else if let end = output.firstIndex(where: { !$0.isASCII || !$0.isNumber }), end != output.startIndex,
            output[end] == "." || output[end] == ")"
        {
            output.insert("\\", at: end)
        }
        return output
    }

    /// JSON from an encodable value: keys sorted, pretty, and C1 controls, DEL and bidirectional
    /// controls written as `\u00XX`/`\u202e` (JSONEncoder escapes only C0), so the JSON is safe to
    /// print on a terminal and still decodes to the exact text.
    public static func json<Value: Encodable>(_ value: Value, pretty: Bool = true) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return escapingHighControls(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// A JSON string literal (with quotes) for `text`, escaping every control character.
    public static func jsonString(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    || TerminalSafeText.isBidirectionalControl(scalar)
                {
                    output += ("\\u" + NumberText.padded(Int(scalar.value), width: 4, radix: 16))
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// Replaces DEL, C1 and bidirectional controls (which can only sit inside JSON strings) with escapes.
    static func escapingHighControls(_ json: String) -> String {
        func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
            (0x7F...0x9F).contains(scalar.value) || TerminalSafeText.isBidirectionalControl(scalar)
        }
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var output = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) {
                output.append(
                    contentsOf: ("\\u" + NumberText.padded(Int(scalar.value), width: 4, radix: 16)).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }
}
