import RehearseCore

/// One input: a transcript that reads, reviewed and rendered in every format, replayed, and exported.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReview(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzInput.reviewTranscript(Data(bytes: start, count: count))
    return 0
}
