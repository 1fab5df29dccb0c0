import FuzzSupport
import LineEditor

/// One input: terminal bytes (the first byte chooses where to split them into two reads),
/// decoded by the line editor; a decoding that differs whole, split, or from the standard
/// library's is a finding.
@main enum FuzzInputDecoding {
    static func main() {
        runFuzzer { start, count in
            let bytes = fuzzBytes(start, count)
            guard let split = bytes.first else { return 0 }
            precondition(
                InputDecodingCheck.holds(for: Array(bytes.dropFirst()), splitAt: Int(split)),
                "the input decoder disagrees with itself or with the standard library")
            return 0
        }
    }
}
