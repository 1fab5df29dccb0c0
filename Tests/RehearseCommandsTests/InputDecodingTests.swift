import Foundation
import LineEditor
import Testing

/// The line editor's input decoder agrees with itself however input is split into reads, and with
/// the standard library's UTF-8 decoding (the fuzz target FuzzInputDecoding checks the same).
@Suite struct InputDecodingTests {
    @Test(
        arguments: [
            [0x68, 0xC3, 0xA9, 0x6C],  // é split between reads at every point
            [0xF0, 0x9F, 0x98, 0x80, 0x21],  // an emoji
            [0xE2, 0x80, 0xAE, 0x61],  // a bidi override
            [0xED, 0xA0, 0x80],  // an encoded surrogate: invalid
            [0xC0, 0xAF, 0xE0, 0x80, 0xBF],  // overlong forms: invalid
            [0xF4, 0x90, 0x80, 0x80],  // beyond U+10FFFF: invalid
            [0xF0, 0x9F, 0x98],  // cut short at the end of input
            [0x1B, 0x5B, 0x41, 0x1B, 0x4F, 0x50],  // arrow and function keys
        ] as [[UInt8]])
    func everySplitDecodesAlike(bytes: [UInt8]) {
        for split in 0...bytes.count {
            #expect(InputDecodingCheck.holds(for: bytes, splitAt: split), "split at \(split)")
        }
    }

    @Test func regressionsAndSeedsOfTheFuzzTarget() throws {
        let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz")
        var checked = 0
        for folder in ["seeds/input", "regressions/FuzzInputDecoding"] {
            let path = fuzz.appendingPathComponent(folder).path
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + "/" + name)))
                guard let first = bytes.first else { continue }
                #expect(
                    InputDecodingCheck.holds(for: Array(bytes.dropFirst()), splitAt: Int(first)), "\(folder)/\(name)")
                checked += 1
            }
        }
        #expect(checked >= 3)
    }
}
