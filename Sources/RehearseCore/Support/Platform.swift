// The core needs only FoundationEssentials (dates, JSON, files). The full Foundation module
// brings ICU with it: about 7 MiB more at start and most of the start-up time of a short run
// (Benchmarks/README.md, "Start-up"). Re-exported so every file of the core and of the tool
// sees the same set, and the C library comes with it.
#if canImport(FoundationEssentials)
@_exported import FoundationEssentials
#else
@_exported import Foundation
#endif
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Darwin)
@_exported import Darwin
#endif
@_exported import Dispatch

/// Ends the process with `status`. A free function with its own name, so that a command's
/// `exit(withError:)` from ArgumentParser never shadows the C library's `exit`.
public func exitProcess(_ status: Int32) -> Never { exit(status) }
