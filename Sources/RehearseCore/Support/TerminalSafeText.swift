/// Makes untrusted text (answers, scenario text, transcripts) safe to write to a terminal:
/// C0 and C1 control characters, DEL and therefore every escape sequence are shown inert,
/// e.g. ESC as `^[` and CSI (U+009B) as `\u{9b}`. Tab and newline pass through when allowed.
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
            } else if (0x80...0x9F).contains(value) {
                output.append(contentsOf: "\\u{\(String(value, radix: 16))}".unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && scalar != "\t" && scalar != "\n") || value == 0x7F || (0x80...0x9F).contains(value) || scalar == "\n"
    }
}
