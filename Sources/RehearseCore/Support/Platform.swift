@_exported import Dispatch

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

/// Ends the process with `status`. A free function with its own name, so that a command's
/// `exit(withError:)` from ArgumentParser never shadows the C library's `exit`.
public func exitProcess(_ status: Int32) -> Never { exit(status) }

/// Permission bits of a file, as `open(2)` and `chmod(2)` take them. (A name of our own: public
/// declarations cannot use the C library's `mode_t` alias when built with whole-module optimisation.)
#if canImport(Darwin)
public typealias FileMode = UInt16
#else
public typealias FileMode = UInt32
#endif
