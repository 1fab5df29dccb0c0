import RehearseCore

/// Writes to standard output and error without ever trapping: a terminal that closed (EIO)
/// or a reader that went away (EPIPE, with SIGPIPE ignored) must not crash a session whose
/// transcript still has to be finished. (FileHandle.write traps on such errors.) C stdio is
/// flushed first, so text written by `print` and the line editor keeps its order.
enum StandardStreams {
    static func output(_ text: String) { write(text, to: STDOUT_FILENO) }

    /// Writes a message to standard error, made inert: messages quote what we did not write
    /// (arguments, file names, transcript and scenario fields), and we never style stderr, so
    /// every control character, escape sequence and bidirectional override is shown, not obeyed.
    static func error(_ text: String) { write(TerminalSafeText.inert(text), to: STDERR_FILENO) }

    /// Writes all of `text`; false when the descriptor stopped taking it.
    @discardableResult
    static func write(_ text: String, to descriptor: Int32) -> Bool {
        fflush(nil)
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            #if canImport(Darwin)
            let written = bytes[offset...].withUnsafeBytes { Darwin.write(descriptor, $0.baseAddress, $0.count) }
            #else
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            #endif
            if written < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if written <= 0 { return false }
            offset += written
        }
        return true
    }
}
