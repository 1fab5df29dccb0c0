// A forkpty driver for end-to-end tests. Glibc/Foundation only: no test framework, so it links anywhere.

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Errors from starting a child process.
public enum ProcessStartError: Error, CustomStringConvertible {
    /// The executable does not exist or is not executable.
    case notExecutable(String)
    /// forkpty/posix_spawn/pipe failed with this errno.
    case systemCall(String, Int32)

    /// A readable explanation.
    public var description: String {
        switch self {
        case .notExecutable(let path): return "not an executable: \(path)"
        case .systemCall(let call, let e): return "\(call) failed: \(String(cString: strerror(e)))"
        }
    }
}

/// NULL-terminated C string arrays (argv, envp) built before fork, freed by `deallocate()`.
struct CStringArray {
    let pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointer = .allocate(capacity: strings.count + 1)
        for (i, s) in strings.enumerated() { pointer[i] = strdup(s) }
        pointer[strings.count] = nil
    }

    func deallocate() {
        for i in 0..<count { free(pointer[i]) }
        pointer.deallocate()
    }
}

/// Decodes a waitpid status: the exit code, or 128 + signal number for a killed process.
func decodeWaitStatus(_ status: Int32) -> Int32 {
    let signal = status & 0x7F
    return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
}

/// The current CLOCK_MONOTONIC time in nanoseconds (the clock LineEditor timestamps keys with).
public func monotonicNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Signals reset to their default action in children, so a test runner that ignores some
/// (SIGPIPE, SIGINT, ...) does not change how the program under test behaves.
let signalsResetInChildren: [Int32] = [
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH, SIGCHLD, SIGALRM,
]

/// Sets the default action for `sig` (async-signal-safe; used in a forked child).
private func resetToDefaultAction(_ sig: Int32) {
    #if canImport(Glibc)
    _ = Glibc.signal(sig, SIG_DFL)
    #else
    _ = Darwin.signal(sig, SIG_DFL)
    #endif
}

/// Runs a program on a new pseudo-terminal (forkpty) and lets a test type into it and read its screen output.
///
/// `waitFor` works like `expect`: each successful wait consumes the output up to the end of
/// the match, so the next wait only looks at newer output. Every wait has a timeout; the
/// child is killed (SIGKILL) in deinit if it is still running.
public final class PseudoTerminal {
    /// Escape sequences (and control characters) for special keys.
    public struct Key: Sendable, Equatable {
        /// The bytes sent for the key.
        public let sequence: String
        /// Creates a key from its byte sequence.
        public init(_ sequence: String) { self.sequence = sequence }

        /// Up arrow (CSI A).
        public static let up = Key("\u{1B}[A")
        /// Down arrow (CSI B).
        public static let down = Key("\u{1B}[B")
        /// Right arrow (CSI C).
        public static let right = Key("\u{1B}[C")
        /// Left arrow (CSI D).
        public static let left = Key("\u{1B}[D")
        /// Home (CSI H).
        public static let home = Key("\u{1B}[H")
        /// End (CSI F).
        public static let end = Key("\u{1B}[F")
        /// Tab.
        public static let tab = Key("\t")
        /// Backspace (DEL).
        public static let backspace = Key("\u{7F}")
        /// Enter (CR; the terminal turns it into a newline).
        public static let enter = Key("\r")
        /// A lone Escape.
        public static let escape = Key("\u{1B}")
        /// Ctrl-A (start of line).
        public static let ctrlA = Key("\u{01}")
        /// Ctrl-C (SIGINT from the terminal).
        public static let ctrlC = Key("\u{03}")
        /// Ctrl-D (end of input on an empty line).
        public static let ctrlD = Key("\u{04}")
        /// Ctrl-E (end of line).
        public static let ctrlE = Key("\u{05}")
        /// Ctrl-U (kill line).
        public static let ctrlU = Key("\u{15}")
        /// Ctrl-Z (SIGTSTP from the terminal).
        public static let ctrlZ = Key("\u{1A}")
    }

    /// Process id of the child.
    public let pid: pid_t
    /// The master side of the pseudo-terminal.
    public let masterFileDescriptor: Int32

    private var bytes: [UInt8] = []
    private var consumed = 0
    private var reachedEndOfOutput = false
    private var exitCode: Int32?
    private var closed = false

    /// Starts `executable` with `arguments` and exactly `environment` on a new terminal of the given size.
    public init(
        executable: String,
        arguments: [String],
        environment: [String: String],
        columns: Int = 80,
        rows: Int = 24
    ) throws {
        guard access(executable, X_OK) == 0 else { throw ProcessStartError.notExecutable(executable) }
        // Everything the child needs is prepared before fork: after fork only async-signal-safe calls.
        let argv = CStringArray([executable] + arguments)
        let envp = CStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        let path = strdup(executable)!
        defer {
            argv.deallocate()
            envp.deallocate()
            free(path)
        }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        let resetSignals = signalsResetInChildren
        var size = winsize(
            ws_row: UInt16(clamping: rows), ws_col: UInt16(clamping: columns), ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1
        let child = forkpty(&master, nil, nil, &size)
        if child == 0 {
            // Child: default signal actions, nothing blocked, then exec.
            for sig in resetSignals { resetToDefaultAction(sig) }
            sigprocmask(SIG_SETMASK, &emptyMask, nil)
            execve(path, argv.pointer, envp.pointer)
            _exit(127)
        }
        if child < 0 { throw ProcessStartError.systemCall("forkpty", errno) }
        pid = child
        masterFileDescriptor = master
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if exitCode == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        if !closed { close(masterFileDescriptor) }
    }

    /// Everything the child has written so far (lossy UTF-8), including already-consumed output.
    public var output: String {
        pump(timeoutMilliseconds: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Output not yet consumed by a successful `waitFor` (lossy UTF-8).
    public var unconsumedOutput: String {
        pump(timeoutMilliseconds: 0)
        return String(decoding: bytes[consumed...], as: UTF8.self)
    }

    /// Types `text` (UTF-8) into the terminal.
    public func send(_ text: String) {
        send(bytes: Array(text.utf8))
    }

    /// Writes raw bytes (which need not be valid UTF-8) to the terminal.
    public func send(bytes data: [UInt8]) {
        var offset = 0
        let deadline = monotonicNanoseconds() + 10_000_000_000
        while offset < data.count && monotonicNanoseconds() < deadline {
            let n = data[offset...].withUnsafeBytes { write(masterFileDescriptor, $0.baseAddress, $0.count) }
            if n > 0 {
                offset += n
            } else if n < 0 && errno != EAGAIN && errno != EINTR {
                return
            } else {
                pump(timeoutMilliseconds: 10)  // The child may be blocked writing: drain its output.
            }
        }
    }

    /// Sends special keys, in order.
    public func sendKeys(_ keys: Key...) {
        for key in keys { send(key.sequence) }
    }

    /// Sends one special key.
    public func send(_ key: Key) {
        send(key.sequence)
    }

    /// Waits until `text` appears in the unconsumed output and consumes through it; false on timeout.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 10) -> Bool {
        waitForMatch(text, timeout: timeout) != nil
    }

    /// Waits for a whole line (ending in "\n") containing `text`, consumes through it and returns
    /// the line from the start of `text` to its end (without "\r\n"); nil on timeout.
    public func nextLine(containing text: String, timeout: TimeInterval = 10) -> String? {
        let deadline = monotonicNanoseconds() + UInt64(max(0, timeout) * 1e9)
        guard let range = waitForMatch(text, timeout: timeout, consume: false) else { return nil }
        while true {
            if let newline = bytes[range.lowerBound...].firstIndex(of: 0x0A) {
                var end = newline
                if end > range.lowerBound && bytes[end - 1] == 0x0D { end -= 1 }
                consumed = newline + 1
                return String(decoding: bytes[range.lowerBound..<end], as: UTF8.self)
            }
            let now = monotonicNanoseconds()
            if now >= deadline || (reachedEndOfOutput && !pump(timeoutMilliseconds: 0)) { return nil }
            pump(timeoutMilliseconds: Int32(min(50, (deadline - now) / 1_000_000 + 1)))
        }
    }

    private func waitForMatch(_ text: String, timeout: TimeInterval, consume: Bool = true) -> Range<Int>? {
        let needle = Array(text.utf8)
        let deadline = monotonicNanoseconds() + UInt64(max(0, timeout) * 1e9)
        var searchFrom = consumed
        while true {
            if let start = find(needle, from: searchFrom) {
                let range = start..<(start + needle.count)
                if consume { consumed = range.upperBound }
                return range
            }
            searchFrom = max(consumed, bytes.count - needle.count + 1)
            let now = monotonicNanoseconds()
            if now >= deadline { return nil }
            if reachedEndOfOutput {
                if !pump(timeoutMilliseconds: 0) { return nil }
                continue
            }
            pump(timeoutMilliseconds: Int32(min(50, (deadline - now) / 1_000_000 + 1)))
        }
    }

    private func find(_ needle: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty else { return consumed }
        guard bytes.count >= needle.count else { return nil }
        var i = max(from, consumed)
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == needle[0] {
                var j = 1
                while j < needle.count && bytes[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Reads whatever the child has written, waiting up to `timeoutMilliseconds` for the first byte.
    @discardableResult
    private func pump(timeoutMilliseconds: Int32) -> Bool {
        guard !closed, !reachedEndOfOutput else { return false }
        var fds = [pollfd(fd: masterFileDescriptor, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 1, timeoutMilliseconds)
        guard ready > 0 else { return false }
        var got = false
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(masterFileDescriptor, &chunk, chunk.count)
            if n > 0 {
                bytes.append(contentsOf: chunk[0..<n])
                got = true
                continue
            }
            if n == 0 || (n < 0 && errno == EIO) {
                // Linux: EIO once every slave descriptor is closed (the child exited).
                reachedEndOfOutput = true
            }
            break
        }
        return got
    }

    /// Closes the master side, as when a terminal window is closed: the child gets SIGHUP.
    public func closeTerminal() {
        guard !closed else { return }
        closed = true
        close(masterFileDescriptor)
    }

    /// Sends a signal to the child.
    public func signal(_ sig: Int32) {
        if exitCode == nil { kill(pid, sig) }
    }

    /// Changes the terminal size (the child gets SIGWINCH).
    public func resize(columns: Int, rows: Int) {
        var size = winsize(
            ws_row: UInt16(clamping: rows), ws_col: UInt16(clamping: columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(masterFileDescriptor, UInt(TIOCSWINSZ), &size)
    }

    /// The terminal's current settings (shared by both sides of the pty), nil if unavailable.
    public var terminalAttributes: termios? {
        var t = termios()
        return tcgetattr(masterFileDescriptor, &t) == 0 ? t : nil
    }

    /// True when the terminal is in canonical (cooked) input mode; nil if unknown.
    public var isCanonicalMode: Bool? {
        terminalAttributes.map { $0.c_lflag & tcflag_t(ICANON) != 0 }
    }

    /// Waits until the program has put the terminal in (canonical == false) or out of raw input mode.
    @discardableResult
    public func waitForInputMode(canonical: Bool, timeout: TimeInterval = 10) -> Bool {
        let deadline = monotonicNanoseconds() + UInt64(max(0, timeout) * 1e9)
        while true {
            if isCanonicalMode == canonical { return true }
            if monotonicNanoseconds() >= deadline { return false }
            pump(timeoutMilliseconds: 5)
        }
    }

    /// Waits for the child to exit (draining its output); its exit code, 128 + signal if killed, nil on timeout.
    public func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        if let exitCode { return exitCode }
        let deadline = monotonicNanoseconds() + UInt64(max(0, timeout) * 1e9)
        while true {
            var status: Int32 = 0
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid {
                pump(timeoutMilliseconds: 0)
                exitCode = decodeWaitStatus(status)
                return exitCode
            }
            if r < 0 && errno != EINTR { return nil }
            if monotonicNanoseconds() >= deadline { return nil }
            if reachedEndOfOutput { usleep(5_000) } else { pump(timeoutMilliseconds: 10) }
        }
    }
}

/// A program that exits before reading all of its input must fail a write with EPIPE, not
/// kill the test process with SIGPIPE (a release build exits fast enough for that). Children
/// get the default action back (`signalsResetInChildren`).
private let brokenPipesIgnored: Void = { signal(SIGPIPE, SIG_IGN) }()

/// Runs a program with piped stdin/stdout/stderr (posix_spawn) and collects its output.
///
/// `stdin` is written then closed. After `timeout` seconds the child is killed (status 128 + 9).
/// Status is the exit code, or 128 + signal number.
public func runProcess(
    executable: String,
    arguments: [String],
    environment: [String: String],
    stdin: String,
    timeout: TimeInterval = 30
) -> (status: Int32, stdout: String, stderr: String) {
    guard access(executable, X_OK) == 0 else { return (127, "", "not executable: \(executable)") }
    _ = brokenPipesIgnored
    var inPipe: [Int32] = [-1, -1]
    var outPipe: [Int32] = [-1, -1]
    var errPipe: [Int32] = [-1, -1]
    guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
        return (127, "", "pipe failed")
    }
    for fd in inPipe + outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for sig in signalsResetInChildren { sigaddset(&defaults, sig) }
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    let argv = CStringArray([executable] + arguments)
    let envp = CStringArray(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv.pointer, envp.pointer)
    argv.deallocate()
    envp.deallocate()
    posix_spawn_file_actions_destroy(&actions)
    posix_spawnattr_destroy(&attributes)
    close(inPipe[0])
    close(outPipe[1])
    close(errPipe[1])
    guard spawned == 0 else {
        close(inPipe[1])
        close(outPipe[0])
        close(errPipe[0])
        return (127, "", "posix_spawn failed: \(spawned)")
    }

    let input = Array(stdin.utf8)
    var written = 0
    var inputFD: Int32 = inPipe[1]
    _ = fcntl(inputFD, F_SETFL, fcntl(inputFD, F_GETFL) | O_NONBLOCK)
    if input.isEmpty {
        close(inputFD)
        inputFD = -1
    }
    var outputs: [[UInt8]] = [[], []]
    var open = [outPipe[0], errPipe[0]]
    let deadline = monotonicNanoseconds() + UInt64(max(0, timeout) * 1e9)
    var chunk = [UInt8](repeating: 0, count: 65536)
    var timedOut = false
    while open[0] >= 0 || open[1] >= 0 {
        let now = monotonicNanoseconds()
        if now >= deadline {
            timedOut = true
            break
        }
        var fds = [
            pollfd(fd: open[0], events: Int16(POLLIN), revents: 0),
            pollfd(fd: open[1], events: Int16(POLLIN), revents: 0),
            pollfd(fd: inputFD, events: Int16(POLLOUT), revents: 0),
        ]
        let ready = poll(&fds, 3, Int32(min(100, (deadline - now) / 1_000_000 + 1)))
        if ready < 0 && errno != EINTR { break }
        if ready <= 0 { continue }
        if inputFD >= 0 && fds[2].revents != 0 {
            let n = input[written...].withUnsafeBytes { write(inputFD, $0.baseAddress, $0.count) }
            if n > 0 { written += n }
            if written >= input.count || (n < 0 && errno != EAGAIN && errno != EINTR) {
                close(inputFD)
                inputFD = -1
            }
        }
        for i in 0..<2 where open[i] >= 0 && fds[i].revents != 0 {
            let n = read(open[i], &chunk, chunk.count)
            if n > 0 {
                outputs[i].append(contentsOf: chunk[0..<n])
            } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                close(open[i])
                open[i] = -1
            }
        }
    }
    if inputFD >= 0 { close(inputFD) }
    for fd in open where fd >= 0 { close(fd) }
    if timedOut { kill(pid, SIGKILL) }
    var status: Int32 = 0
    var code: Int32 = 128 + SIGKILL
    let waitDeadline = monotonicNanoseconds() + 5_000_000_000
    while true {
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid {
            code = decodeWaitStatus(status)
            break
        }
        if r < 0 && errno != EINTR { break }
        if monotonicNanoseconds() >= waitDeadline {
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            code = decodeWaitStatus(status)
            break
        }
        usleep(2_000)
    }
    return (code, String(decoding: outputs[0], as: UTF8.self), String(decoding: outputs[1], as: UTF8.self))
}
