/// Makes untrusted text (answers, scenario text, transcripts, file names, arguments) safe to
/// write to a terminal: C0 and C1 control characters, DEL and therefore every escape sequence
/// are shown inert, e.g. ESC as `^[` and CSI (U+009B) as `\u{9b}`. Tab and newline pass through
/// when allowed. Bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069) are shown as `\u{202e}` too: they reorder what a reader sees (Trojan Source,
/// CVE-2021-42574), and one left open runs on into our own text. The marks U+200E, U+200F and
/// U+061C pass through: they cannot reorder letters, only the neutral characters beside them,
/// and right-to-left writing uses them.
public enum TerminalSafeText {
    public static func inert(_ text: String, keepNewlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: needsEscaping) else { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if scalar == "\n" && keepNewlines || scalar == "\t" {
                output.append(scalar)
            } else if value < 0x20 {
                output.append("^")
                output.append(Unicode.Scalar(value + 0x40)!)
            } else if value == 0x7F {
                output.append(contentsOf: "^?".unicodeScalars)
            } else if (0x80...0x9F).contains(value) || isBidirectionalControl(scalar) {
                output.append(contentsOf: "\\u{\(String(value, radix: 16))}".unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && scalar != "\t" && scalar != "\n") || value == 0x7F || (0x80...0x9F).contains(value)
            || scalar == "\n"
            || isBidirectionalControl(scalar)
    }

    /// The embeddings, overrides and isolates that change the order text is shown in
    /// (U+202A–U+202E, U+2066–U+2069).
    public static func isBidirectionalControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
