import CFuzzer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One fuzz input: the bytes libFuzzer made. Returns 0, as libFuzzer asks.
public typealias FuzzBody = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// Hands the process to libFuzzer with `body` as the target, passing on the command line
/// (corpus folders and `-flags`), and exits with libFuzzer's status.
public func runFuzzer(_ body: FuzzBody) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, body))
}

/// The bytes of one input as an array (empty for a null pointer).
public func fuzzBytes(_ start: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
    guard let start else { return [] }
    return Array(UnsafeBufferPointer(start: start, count: count))
}
