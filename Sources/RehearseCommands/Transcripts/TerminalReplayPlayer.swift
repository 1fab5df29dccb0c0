import LineEditor
import RehearseCore

/// Plays replay frames on the terminal with their pacing. While it plays, the terminal is in
/// non-canonical, no-echo mode so a single key press can stop it; the previous mode is always
/// put back, also when SIGINT, SIGTERM or SIGHUP ends the replay (their handlers only set
/// flags and wake the wait, see `SignalFlags`). When stdin is not a terminal no keys are read;
/// with `--step` a line on stdin moves to the next turn.
///
/// With `--step` on a terminal, Enter (or space) while a turn plays finishes that turn at once;
/// the replay then shows a dim cue and waits. Keys typed during playback are dropped before the
/// wait, so an Enter meant to hurry one turn never also skips the wait before the next.
final class TerminalReplayPlayer {
    enum Outcome: Equatable {
        case finished
        /// A key was pressed.
        case stopped
        /// A signal arrived: SIGINT (Ctrl-C), SIGTERM or SIGHUP.
        case interrupted(signal: Int32)
    }

    /// Frames and their delays laid out for a width in columns.
    typealias Layout = (frames: [ReplayFrame], delays: [Double])

    private(set) var frames: [ReplayFrame]
    private(set) var delays: [Double]
    /// Lays the replay out again for a new width; nil when the width is fixed (`--width`).
    private let relayout: ((Int) -> Layout)?
    let waitsBetweenTurns: Bool
    let style: TextStyle
    private let readsKeys = isatty(0) == 1
    private let writesToTerminal = isatty(1) == 1
    private var savedTerminal: termios?
    private var endsMidLine = false
    /// Whether `--step` is still waiting between turns (it stops when piped input ends).
    private var isStepping = false
    /// Enter or space was pressed while a turn was playing, in step mode: the rest of the turn is
    /// drawn without delays, up to the wait before the next turn.
    private var finishesTurnAtOnce = false

    init(
        frames: [ReplayFrame], delays: [Double], waitsBetweenTurns: Bool, style: TextStyle,
        relayout: ((Int) -> Layout)? = nil
    ) {
        self.frames = frames
        self.delays = delays
        self.waitsBetweenTurns = waitsBetweenTurns
        self.style = style
        self.relayout = relayout
    }

    func play() -> Outcome {
        SignalFlags.install()
        _ = SignalFlags.takeInterrupt()
        enterKeyMode()
        defer { restoreTerminal() }
        isStepping = waitsBetweenTurns
        _ = SignalFlags.takeResize()
        var index = 0
        var turn = -1  // The turn being played: turns are the same whatever the width.
        var resumesTurn = false
        while index < frames.count {
            let frame = frames[index]
            if frame.startsTurn { turn += 1 }
            if isStepping && frame.startsTurn && index > 0 && !resumesTurn {
                finishesTurnAtOnce = false
                discardInput()
                switch waitForNextTurn() {
                case .next: break
                case .endOfInput: isStepping = false
                case .stop(let outcome): return finish(outcome)
                }
            }
            resumesTurn = false
            let delay = finishesTurnAtOnce ? 0 : index < delays.count ? delays[index] : 0
            if let outcome = wait(milliseconds: delay) { return finish(outcome) }
            if let restart = turnStartAfterResize(turn: turn) {
                // Frames are drawn for a width (wrapping, and the cursor moves of retyped
                // answers): after a resize the turn starts again, laid out for the new width.
                index = restart
                turn -= 1
                resumesTurn = true
                continue
            }
            emit(frame.text)
            index += 1
        }
        return finish(.finished)
    }

    /// When the window changed size: the frames laid out anew, a note on a fresh line, and the
    /// index where `turn` starts in the new layout. Nil when nothing changed.
    private func turnStartAfterResize(turn: Int) -> Int? {
        guard let relayout, SignalFlags.takeResize() else { return nil }
        (frames, delays) = relayout(OutputTarget.width(nil))
        emit((endsMidLine ? "\r\n" : "") + style.dim("(the window changed size: this turn again)") + "\r\n")
        guard turn >= 0 else { return 0 }
        var seen = -1
        for (index, frame) in frames.enumerated() where frame.startsTurn {
            seen += 1
            if seen == turn { return index }
        }
        return frames.count
    }

    // MARK: Terminal mode

    private func enterKeyMode() {
        guard readsKeys else { return }
        var attributes = termios()
        guard tcgetattr(0, &attributes) == 0 else { return }
        savedTerminal = attributes
        SignalFlags.restoreOnCrash(attributes)
        attributes.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &attributes.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        _ = tcsetattr(0, TCSANOW, &attributes)
    }

    private func restoreTerminal() {
        guard var saved = savedTerminal else { return }
        _ = tcsetattr(0, TCSADRAIN, &saved)
        SignalFlags.restoreOnCrash(nil)
        savedTerminal = nil
    }

    private func finish(_ outcome: Outcome) -> Outcome {
        if endsMidLine { emit(writesToTerminal ? "\r\n" : "\n") }
        if outcome != .finished {
            StandardStreams.error("Replay stopped.\n")
        }
        return outcome
    }

    private func emit(_ text: String) {
        guard !text.isEmpty else { return }
        if !StandardStreams.write(text, to: STDOUT_FILENO) {
            restoreTerminal()
            exitProcess(0)
        }
        endsMidLine = !text.hasSuffix("\n")
    }

    // MARK: Waiting

    /// Waits, watching for a key or a signal; returns why it stopped early, or nil.
    private func wait(milliseconds: Double) -> Outcome? {
        if let outcome = pendingSignal() { return outcome }
        let deadline = monotonicNow() + UInt64(max(0, milliseconds) * 1_000_000)
        repeat {
            let now = monotonicNow()
            let remaining = deadline > now ? Int32(min(Double(deadline - now) / 1_000_000, 1000).rounded(.up)) : 0
            switch poll(timeout: remaining, watchesInput: readsKeys) {
            case .key:
                var byte: UInt8 = 0
                if isStepping, read(0, &byte, 1) == 1, byte == 10 || byte == 13 || byte == 32 {
                    finishesTurnAtOnce = true
                    return nil
                }
                discardInput()
                return .stopped
            case .signal:
                if let outcome = pendingSignal() { return outcome }
            case .endOfInput:
                return .stopped
            case .timeout:
                break
            }
        } while monotonicNow() < deadline
        return nil
    }

    enum StepDecision {
        case next, endOfInput
        case stop(Outcome)
    }

    /// `--step`: Enter or space for the next turn; any other key stops.
    private func waitForNextTurn() -> StepDecision {
        // The cue must fit on one row: erasing that row is how it is removed before the next turn.
        let fullCue = "[Enter: next turn · any other key: stop]"
        let cue = OutputTarget.width(nil) > DisplayWidth.of(fullCue) ? fullCue : "[⏎ next]"
        if writesToTerminal { emit((endsMidLine ? "\r\n" : "") + style.dim(cue)) }
        defer {
            if writesToTerminal {
                emit("\r\u{1B}[K")
                endsMidLine = false
            }
        }
        while true {
            if let outcome = pendingSignal() { return .stop(outcome) }
            switch poll(timeout: -1, watchesInput: true) {
            case .key:
                var byte: UInt8 = 0
                guard read(0, &byte, 1) == 1 else { return .endOfInput }
                if readsKeys {
                    if byte == 10 || byte == 13 || byte == 32 { return .next }
                    discardInput()
                    return .stop(.stopped)
                }
                // Piped input: a whole line means Enter.
                while byte != 10 { guard read(0, &byte, 1) == 1 else { return .endOfInput } }
                return .next
            case .signal:
                continue
            case .endOfInput:
                return .endOfInput
            case .timeout:
                continue
            }
        }
    }

    enum PollResult { case key, signal, timeout, endOfInput }

    /// Waits up to `timeout` milliseconds (-1: no limit) for input on stdin (when `watchesInput`) or a signal.
    private func poll(timeout: Int32, watchesInput: Bool) -> PollResult {
        var fds = [
            pollfd(fd: watchesInput ? 0 : -1, events: Int16(POLLIN), revents: 0),
            pollfd(fd: SignalFlags.wakeupFileDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        #if canImport(Darwin)
        let ready = Darwin.poll(&fds, 2, timeout)
        #else
        let ready = Glibc.poll(&fds, 2, timeout)
        #endif
        if ready < 0 { return errno == EINTR ? .signal : .timeout }
        if ready == 0 { return .timeout }
        if fds[1].revents != 0 {
            SignalFlags.drainWakeups()
            return .signal
        }
        if fds[0].revents & Int16(POLLIN) != 0 { return .key }
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .endOfInput }
        return .timeout
    }

    private func pendingSignal() -> Outcome? {
        if let signal = SignalFlags.pendingTermination { return .interrupted(signal: signal) }
        if SignalFlags.takeInterrupt() { return .interrupted(signal: SIGINT) }
        // A resize stays flagged: the frames are laid out again before the next one is drawn.
        if relayout == nil { _ = SignalFlags.takeResize() }
        return nil
    }

    /// Drops keys already typed, so they do not reach the shell after the replay.
    private func discardInput() {
        guard readsKeys else { return }
        _ = tcflush(0, TCIFLUSH)
    }
}
