import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Slots in the signal state shared with the handler (plain ints, accessed atomically).
private enum Slot {
    static let installed = 0
    static let interrupt = 1
    static let termination = 2
    static let resize = 3
    static let suspend = 4
    static let resume = 5
    static let pipeRead = 6
    static let pipeWrite = 7
    static let count = 8
}

/// Allocated once, never freed; the handler only does atomic stores and write(2) on it.
nonisolated(unsafe) private let signalState: UnsafeMutablePointer<Int32> = {
    let p = UnsafeMutablePointer<Int32>.allocate(capacity: Slot.count)
    p.initialize(repeating: 0, count: Slot.count)
    p[Slot.pipeRead] = -1
    p[Slot.pipeWrite] = -1
    return p
}()

/// The one crash state, armed with the terminal mode while a read has the terminal in raw mode.
/// Allocated here, not in the C header: see `rehearse_crash_state` in the shim.
nonisolated(unsafe) private let crashState: UnsafeMutablePointer<rehearse_crash_state> = {
    let p = UnsafeMutablePointer<rehearse_crash_state>.allocate(capacity: 1)
    p.initialize(to: rehearse_crash_state())
    return p
}()

/// The one signal handler: records the signal, wakes a reader blocked in poll(), keeps errno.
private func recordSignal(_ sig: Int32) {
    let savedErrno = errno
    let state = signalState
    switch sig {
    case SIGINT: rehearse_atomic_store(state + Slot.interrupt, 1)
    case SIGTERM, SIGHUP: rehearse_atomic_store(state + Slot.termination, sig)
    case SIGWINCH: rehearse_atomic_store(state + Slot.resize, 1)
    case SIGTSTP: rehearse_atomic_store(state + Slot.suspend, 1)
    case SIGCONT: rehearse_atomic_store(state + Slot.resume, 1)
    default: break
    }
    let fd = rehearse_atomic_load(state + Slot.pipeWrite)
    if fd >= 0 {
        var byte: UInt8 = 0
        _ = write(fd, &byte, 1)
    }
    errno = savedErrno
}

/// Process-wide signal flags set by minimal handlers; `LineEditor` reads and clears them.
///
/// `install()` sets handlers (sigaction, no SA_RESTART, so blocking calls fail with EINTR)
/// for SIGINT, SIGTERM and SIGHUP, and one for SIGWINCH (with SA_RESTART, so a resize storm
/// cannot fail a terminal write), that only set flags and write a byte to a self-pipe. A signal
/// whose disposition is SIG_IGN at install time (e.g. SIGHUP under nohup) is left ignored.
/// SIGTSTP/SIGCONT are handled only while a terminal read is running. It also installs the
/// crash handler described at `restoreOnCrash(_:)`.
public enum SignalFlags {
    /// Installs the SIGINT/SIGTERM/SIGHUP/SIGWINCH handlers and the wake-up pipe; idempotent, thread-safe.
    public static func install() {
        let state = signalState
        guard rehearse_atomic_exchange(state + Slot.installed, 1) == 0 else { return }
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            }
            rehearse_atomic_store(state + Slot.pipeRead, fds[0])
            rehearse_atomic_store(state + Slot.pipeWrite, fds[1])
        }
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            if rehearse_signal_is_ignored(sig) != 0 { continue }
            var old = sigaction()
            _ = rehearse_install_handler(sig, { recordSignal($0) }, &old)
        }
        if rehearse_signal_is_ignored(SIGWINCH) == 0 {
            var old = sigaction()
            _ = rehearse_install_restarting_handler(SIGWINCH, { recordSignal($0) }, &old)
        }
        _ = rehearse_install_alternate_stack()
        let crash = crashState
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT] {
            _ = rehearse_install_crash_handler(crash, sig) { sig, info, _ in
                rehearse_crash_handle(crashState, sig, info)
            }
        }
    }

    /// The terminal mode to put back if a fatal signal (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT,
    /// SIGTRAP, SIGQUIT) ends the process while the terminal is in raw or no-echo mode; nil disarms.
    ///
    /// Set it just before changing the terminal's mode and clear it once the mode is put back: on such
    /// a signal the handler restores this mode, drops keys typed but not yet read (so they cannot run
    /// as shell commands), says so on stderr, then lets the signal's previous action run.
    public static func restoreOnCrash(_ mode: termios?) {
        if var mode {
            rehearse_crash_arm(crashState, &mode)
        } else {
            rehearse_crash_arm(crashState, nil)
        }
    }

    /// The number of a SIGTERM or SIGHUP that has arrived (and was not cleared), or nil.
    public static var pendingTermination: Int32? {
        let sig = rehearse_atomic_load(signalState + Slot.termination)
        return sig == 0 ? nil : sig
    }

    /// Forgets a pending SIGTERM/SIGHUP.
    public static func clearTermination() {
        rehearse_atomic_store(signalState + Slot.termination, 0)
    }

    /// Returns true once for each burst of SIGINT since the last call, and clears the flag.
    public static func takeInterrupt() -> Bool {
        rehearse_atomic_exchange(signalState + Slot.interrupt, 0) != 0
    }

    /// Returns true once if SIGWINCH arrived since the last call, and clears the flag.
    public static func takeResize() -> Bool {
        rehearse_atomic_exchange(signalState + Slot.resize, 0) != 0
    }

    /// Read end of the self-pipe that gets a byte for every handled signal (-1 before `install()`).
    public static var wakeupFileDescriptor: Int32 {
        rehearse_atomic_load(signalState + Slot.pipeRead)
    }

    /// Empties the self-pipe (call after waking up on `wakeupFileDescriptor`).
    public static func drainWakeups() {
        let fd = wakeupFileDescriptor
        guard fd >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(fd, &buffer, buffer.count) > 0 {}
    }

    // MARK: Job control, used by LineEditor during a terminal read.

    static func takeSuspend() -> Bool {
        rehearse_atomic_exchange(signalState + Slot.suspend, 0) != 0
    }

    static func takeResume() -> Bool {
        rehearse_atomic_exchange(signalState + Slot.resume, 0) != 0
    }

    /// Installs the flag handler for `sig`, returning the previous action (nil if it was ignored).
    static func installTemporaryHandler(_ sig: Int32) -> sigaction? {
        if rehearse_signal_is_ignored(sig) != 0 { return nil }
        var old = sigaction()
        guard rehearse_install_handler(sig, { recordSignal($0) }, &old) == 0 else { return nil }
        return old
    }

    /// Puts back an action saved by `installTemporaryHandler`.
    static func restoreAction(_ sig: Int32, _ action: sigaction) {
        var action = action
        _ = rehearse_restore_action(sig, &action)
    }
}
