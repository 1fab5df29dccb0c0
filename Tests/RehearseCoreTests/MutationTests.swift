import Foundation
import Testing

@testable import RehearseCore

/// Random edits to the bundled scenarios never crash or hang the loader: each mutant either
/// loads or gets at least one error with a place inside the file.
@Suite struct MutationTests {
    static let mutationCount = 400

    enum Mutation: CaseIterable {
        case deleteLine, duplicateLine, swapLines, cutFile, insertRandomBytes, overwriteRandomBytes
        case swapValueType, reindentLine, insertYAMLIndicator, dropCharacter
    }

    @Test func randomEditsNeverCrashTheLoader() throws {
        let folder = BundledScenariosTests.folder
        let originals = try ScenarioCatalog.scenarioFiles(in: folder).map {
            try Data(contentsOf: URL(fileURLWithPath: $0))
        }
        #expect(originals.count >= 18)
        var generator = SeededGenerator(seed: 20_261_127)
        var loaded = 0
        var refused = 0
        var seen = Set<Mutation>()
        // No time limit here: the loader's speed is measured by Benchmarks/lint-benchmark.sh
        // (figures in Benchmarks/README.md), and this test's duration is in the runner's report.
        do {
            for number in 0..<Self.mutationCount {
                let original = originals[Int.random(in: 0..<originals.count, using: &generator)]
                let mutation = Mutation.allCases.randomElement(using: &generator)!
                seen.insert(mutation)
                let bytes = Self.apply(mutation, to: [UInt8](original), using: &generator)
                let path = "mutant-\(number).yaml"
                let result = ScenarioLoader.parse(data: Data(bytes), path: path)
                if result.scenario != nil {
                    loaded += 1
                    #expect(result.errors.isEmpty)
                } else {
                    refused += 1
                    let first = try #require(
                        result.errors.first, "mutant \(number) (\(mutation)) neither loads nor has an error")
                    #expect(first.file == path)
                    #expect(first.line >= 1 && first.column >= 1)
                    let lineCount = bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1
                    #expect(
                        result.errors.allSatisfy { $0.line <= lineCount + 1 },
                        "mutant \(number) (\(mutation)): an error past the end of the file")
                }
            }
        }
        #expect(loaded + refused == Self.mutationCount)
        #expect(refused > Self.mutationCount / 4, "most edits should break something")
        #expect(seen.count == Mutation.allCases.count)
    }

    static func apply(_ mutation: Mutation, to bytes: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        func randomLine() -> Int { Int.random(in: 0..<lines.count, using: &generator) }
        func joined() -> [UInt8] { Array(lines.joined(separator: [UInt8(ascii: "\n")])) }
        switch mutation {
        case .deleteLine:
            lines.remove(at: randomLine())
            return joined()
        case .duplicateLine:
            let index = randomLine()
            lines.insert(lines[index], at: index)
            return joined()
        case .swapLines:
            lines.swapAt(randomLine(), randomLine())
            return joined()
        case .cutFile:
            return Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
        case .insertRandomBytes:
            var copy = bytes
            let junk = (0..<Int.random(in: 1...8, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            copy.insert(contentsOf: junk, at: Int.random(in: 0...copy.count, using: &generator))
            return copy
        case .overwriteRandomBytes:
            var copy = bytes
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                copy[Int.random(in: 0..<copy.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            return copy
        case .swapValueType:
            // Replace the value after the first ': ' of a line with one of another type.
            let index = randomLine()
            let replacements = [
                "[a, b]", "{x: 1}", "12", "-3", "true", "~", "\"\"", "2.5", "*nowhere", "&anchor text", "|",
                "!!binary AAAA",
            ]
            if let colon = lines[index].firstIndex(of: UInt8(ascii: ":")) {
                let replacement = replacements.randomElement(using: &generator)!
                lines[index] = Array(lines[index][...colon]) + Array(" \(replacement)".utf8)
            }
            return joined()
        case .reindentLine:
            let index = randomLine()
            let indent = lines[index].prefix { $0 == UInt8(ascii: " ") }.count
            let shift = Int.random(in: -3...3, using: &generator)
            lines[index] =
                Array(repeating: UInt8(ascii: " "), count: max(0, indent + shift)) + lines[index].dropFirst(indent)
            return joined()
        case .insertYAMLIndicator:
            var copy = bytes
            let indicators = [
                "- ", ": ", "? ", "[", "]", "{", "}", "#", "&a ", "*a ", "!", "|", ">", "'", "\"", "%", "@", "`",
                "---\n", "\t",
            ]
            copy.insert(
                contentsOf: Array(indicators.randomElement(using: &generator)!.utf8),
                at: Int.random(in: 0...copy.count, using: &generator))
            return copy
        case .dropCharacter:
            var copy = bytes
            if !copy.isEmpty { copy.remove(at: Int.random(in: 0..<copy.count, using: &generator)) }
            return copy
        }
    }
}
