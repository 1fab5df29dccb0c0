import FuzzSupport
import RehearseCore

/// One input: a transcript that reads, reviewed and rendered in every format, replayed, and exported.
@main enum FuzzReview {
    static func main() {
        runFuzzer { start, count in
            FuzzInput.reviewTranscript(Data(fuzzBytes(start, count)))
            return 0
        }
    }
}
