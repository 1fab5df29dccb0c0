/// The draft as text for the terminal: what to send, by when, and what to fill in. Every piece
/// of text from a transcript is made inert (escape sequences shown, not run).
public struct FollowupTextRenderer {
    public var width: Int

    public init(width: Int = 80) { self.width = width }

    public func render(_ draft: FollowupDraft) -> String {
        var lines: [String] = []
        let kind = draft.purpose == .thankYou ? "Thank-you email" : "Reply to a rejection"
        let at = draft.company.isEmpty ? "" : " at \(draft.company)"
        lines += wrap("\(kind) · \(draft.roleTitle)\(at) · session \(draft.sessionID)")
        if let deadline = draft.deadline { lines += wrap(deadline.summary) }
        for (number, email) in draft.emails.enumerated() {
            lines.append("")
            if draft.emails.count > 1 { lines.append("── \(number + 1) of \(draft.emails.count) ──") }
            lines += wrap("To: \(FollowupFields.recipientLine(email))")
            if !email.othersThanked.isEmpty {
                lines += wrap(
                    "Also thanked: " + email.othersThanked.map(FollowupFields.nameAndTitle).joined(separator: "; "))
            }
            lines += wrap("Subject: \(email.subject)")
            lines.append("")
            for line in email.body.split(separator: "\n", omittingEmptySubsequences: false) {
                lines += line.isEmpty ? [""] : wrap(String(line))
            }
        }
        lines.append("")
        lines += wrap(
            "Fill in every [bracketed] part before sending: only you know those facts. Nothing else in the draft was made up; it comes from the transcript."
        )
        if !draft.notesLeftOut.isEmpty {
            lines += wrap("Notes left out to keep the email short: " + draft.notesLeftOut.joined(separator: "; "))
        }
        if let plan = draft.plan {
            lines.append("")
            lines.append("Your plan (private, not part of the email):")
            lines.append("  Drill these questions:")
            for (index, question) in plan.questions.enumerated() {
                lines += TextLayout(width: width - 1).paragraph(
                    "\(index + 1). \(question)", lead: "    ", indent: "       ")
            }
            lines.append("  Schedule them: \(TerminalSafeText.inert(plan.command, keepNewlines: false))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func wrap(_ text: String) -> [String] {
        TextLayout(width: width - 1).paragraph(text.replacing("\n", with: " "))
    }
}

/// The draft as Markdown: metadata as a list, the email as paragraphs. Untrusted text is escaped
/// (no HTML or links get through) by `DocumentText.markdown`.
public enum FollowupMarkdownRenderer {
    public static func render(_ draft: FollowupDraft) -> String {
        let md = DocumentText.markdown
        var out: [String] = []
        let kind = draft.purpose == .thankYou ? "Thank-you email" : "Reply to a rejection"
        out.append("# " + md("\(kind): \(draft.roleTitle)" + (draft.company.isEmpty ? "" : " at \(draft.company)")))
        out.append("")
        out.append("- **Session:** " + md(draft.sessionID))
        if let deadline = draft.deadline { out.append("- **Deadline:** " + md(deadline.summary)) }
        for (number, email) in draft.emails.enumerated() {
            out.append("")
            out.append(
                "## " + (draft.emails.count > 1 ? "Email \(number + 1) of \(draft.emails.count): " : "Email to ")
                    + md(email.recipient.name))
            out.append("")
            out.append("- **To:** " + md(FollowupFields.recipientLine(email)))
            if !email.othersThanked.isEmpty {
                out.append(
                    "- **Also thanked:** "
                        + md(email.othersThanked.map(FollowupFields.nameAndTitle).joined(separator: "; ")))
            }
            out.append("- **Subject:** " + md(email.subject))
            out.append("")
            out.append(md(email.greeting))
            for paragraph in email.paragraphs {
                out.append("")
                out.append(md(paragraph))
            }
            out.append("")
            out.append(md(email.signOff) + "  ")
            out.append(md(email.signature))
        }
        out.append("")
        out.append("*Fill in every \\[bracketed\\] part before sending: only you know those facts.*")
        if !draft.notesLeftOut.isEmpty {
            out.append("")
            out.append("Notes left out to keep the email short:")
            out.append("")
            for note in draft.notesLeftOut { out.append("- " + md(note)) }
        }
        if let plan = draft.plan {
            out.append("")
            out.append("## Your plan (private, not part of the email)")
            out.append("")
            for (index, question) in plan.questions.enumerated() { out.append("\(index + 1). " + md(question)) }
            out.append("")
            out.append("Schedule them: `" + plan.command.replacing("`", with: "'") + "`")
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// Recipient lines shared by the text and Markdown renderers.
enum FollowupFields {
    /// "Ana Lopez, Lead" or, without a title, "Ana Lopez".
    static func nameAndTitle(_ interviewer: Interviewer) -> String {
        let title = interviewer.title.trimmingBlanks()
        return title.isEmpty ? interviewer.name : "\(interviewer.name), \(title)"
    }

    static func recipientLine(_ email: FollowupEmail) -> String {
        "\(nameAndTitle(email.recipient)) <\(email.address ?? "[email address]")>"
    }
}

/// An email as an RFC 5322 message a mail client opens as a draft: `To`, `Subject` and `Date`
/// headers, a UTF-8 plain-text body sent 8-bit, lines wrapped at 76 columns as format=flowed (so
/// clients re-join them). Non-ASCII header text is RFC 2047-encoded. Without an address, `To` is
/// an empty group named after the interviewer ("Ana Lopez [email address]":;) — valid syntax, no
/// address invented.
public enum FollowupMessageRenderer {
    public static func render(_ email: FollowupEmail, date: ZonedMoment) -> String {
        var headers: [String] = []
        let name = TerminalSafeText.inert(email.recipient.name, keepNewlines: false)
        if let address = email.address {
            headers.append("To: " + phrase(name) + " <" + TerminalSafeText.inert(address, keepNewlines: false) + ">")
        } else {
            headers.append("To: " + phrase(name + " [email address]") + ":;")
        }
        headers.append("Subject: " + unstructured(TerminalSafeText.inert(email.subject, keepNewlines: false)))
        headers.append("Date: " + date.rfc5322)
        headers.append("MIME-Version: 1.0")
        headers.append("Content-Type: text/plain; charset=utf-8; format=flowed")
        headers.append("Content-Transfer-Encoding: 8bit")
        // Outlook and some others open a message with this header as an unsent draft.
        headers.append("X-Unsent: 1")
        var body: [String] = []
        for line in TerminalSafeText.inert(email.body).split(separator: "\n", omittingEmptySubsequences: false) {
            let wrapped = line.isEmpty ? [""] : TextLayout(width: 76).paragraph(String(line))
            for (index, piece) in wrapped.enumerated() {
                // format=flowed: a soft break ends with a space; lines that could be misread are space-stuffed.
                let stuffed =
                    piece.hasPrefix(" ") || piece.hasPrefix(">") || piece.hasPrefix("From ") ? " " + piece : piece
                body.append(index < wrapped.count - 1 ? stuffed + " " : stuffed)
            }
        }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body.joined(separator: "\r\n") + "\r\n"
    }

    /// A display name: a quoted string when ASCII, else encoded words (followed by a space so
    /// the `<` or `:` after it is read apart).
    static func phrase(_ text: String) -> String {
        if text.allSatisfy({ $0.isASCII }) {
            return "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        }
        return encodedWords(text) + " "
    }

    /// An unstructured header value: as is when ASCII, else encoded words folded onto lines.
    static func unstructured(_ text: String) -> String {
        text.allSatisfy({ $0.isASCII }) ? text : encodedWords(text)
    }

    /// RFC 2047 "Q" encoded words of at most 75 characters, never splitting a character.
    static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        for character in text {
            var piece = ""
            for byte in String(character).utf8 {
                switch byte {
                case UInt8(ascii: " "): piece += "_"
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"):
                    piece.append(Character(Unicode.Scalar(byte)))
                default: piece += "=" + NumberText.padded(Int(byte), width: 2, radix: 16).uppercased()
                }
            }
            if current.count + piece.count > 63 {
                words.append(current)
                current = ""
            }
            current += piece
        }
        if !current.isEmpty { words.append(current) }
        return words.map { "=?utf-8?q?\($0)?=" }.joined(separator: "\r\n ")
    }
}
