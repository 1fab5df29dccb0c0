import LineEditor

/// One input: terminal bytes (the first byte chooses where to split them into two reads),
/// decoded by the line editor; a decoding that differs whole, split, or from the standard
/// library's is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInputDecoding(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    precondition(InputDecodingCheck.holds(for: Array(bytes.dropFirst()), splitAt: Int(bytes[0])),
                 "the input decoder disagrees with itself or with the standard library")
    return 0
}
