import Foundation

/// Writes to standard output and error without ever trapping: a terminal that closed (EIO)
/// or a reader that went away (EPIPE, with SIGPIPE ignored) must not crash a session whose
/// transcript still has to be finished. (FileHandle.write traps on such errors.) Output goes
/// through the same C stdio stream as `print` and the line editor, so their order is kept.
enum StandardStreams {
    static func output(_ text: String) {
        print(text, terminator: "")
        fflush(nil)
    }

    static func error(_ text: String) {
        fflush(nil)
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
