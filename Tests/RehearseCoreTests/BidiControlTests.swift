import Foundation
import Testing

@testable import RehearseCore

/// Bidirectional embeddings, overrides and isolates are shown, not obeyed, in every rendering;
/// JSON keeps them exact as escapes.
@Suite struct BidiControlTests {
    static let controls: [Unicode.Scalar] = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069].map
    { Unicode.Scalar($0)! }

    static func hasRawControl(_ text: String) -> Bool { text.unicodeScalars.contains(where: controls.contains) }

    @Test(arguments: controls)
    func eachControlIsShownAsItsCodePoint(_ control: Unicode.Scalar) {
        let text = "abc\(control)def"
        let shown = TerminalSafeText.inert(text, keepNewlines: false)
        #expect(shown == "abc\\u{\(String(control.value, radix: 16))}def")
        #expect(TerminalSafeText.isBidirectionalControl(control))
        #expect(!Self.hasRawControl(DocumentText.html(text)))
        #expect(!Self.hasRawControl(DocumentText.markdown(text)))
        #expect(DocumentText.jsonString(text) == "\"abc\\u\(String(control.value, radix: 16))def\"")
    }

    @Test func marksAndOrdinaryRightToLeftTextPassThrough() {
        let text = "שלום \u{200F}(1)\u{200E} مرحبا\u{061C} café"
        #expect(TerminalSafeText.inert(text) == text)
        #expect(!TerminalSafeText.isBidirectionalControl("\u{200F}"))
    }

    @Test func jsonDocumentsEscapeThemAndDecodeToTheExactText() throws {
        let text = "I \u{202E}fixed\u{202C} it \u{2067}today\u{2069}"
        let json = try DocumentText.json(["answer": text])
        #expect(!Self.hasRawControl(json))
        #expect(json.contains("\\u202e"))
        #expect(try JSONDecoder().decode([String: String].self, from: Data(json.utf8))["answer"] == text)
    }

    @Test func theReviewAndTheExportsShowThemInert() throws {
        let answer =
            "When a customer \u{202E}called\u{202C} last year I fixed it in 2 days \u{2066}so that\u{2069} they stayed."
        let transcript = ReviewFixtures.transcript([.init(id: "q1", text: "Why \u{202D}us\u{202C}?", answer: answer)])
        let review = ReviewBuilder().review(transcript)
        let outputs =
            [
                ReviewTextRenderer(width: 80, style: .plain).render(review), try ReviewJSONRenderer.render(review),
                ReviewMarkdownRenderer.render(review), ReviewHTMLRenderer.render(review),
                TranscriptMarkdownExporter.render(transcript), TranscriptHTMLExporter.render(transcript),
                AsciicastExporter.render(transcript: transcript, width: 80),
            ]
            + ReplayScript(
                transcript: transcript, options: ReplayOptions(width: 80, style: .plain, animatesTyping: true)
            ).frames().map(\.text)
        for output in outputs { #expect(!Self.hasRawControl(output)) }
        #expect(outputs[0].contains("\\u{202e}called\\u{202c}"))
    }
}
