import RehearseCore

/// One input: the bytes of a transcript file, read as `review` and `replay` read it, and summarised
/// as `rehearse transcripts` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranscriptReader(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzInput.readTranscript(Data(bytes: start, count: count))
    return 0
}
