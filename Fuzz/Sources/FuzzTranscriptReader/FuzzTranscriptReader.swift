import FuzzSupport
import RehearseCore

/// One input: the bytes of a transcript file, read as `review` and `replay` read it, and summarised
/// as `rehearse transcripts` does.
@main enum FuzzTranscriptReader {
    static func main() {
        runFuzzer { start, count in
            FuzzInput.readTranscript(Data(fuzzBytes(start, count)))
            return 0
        }
    }
}
