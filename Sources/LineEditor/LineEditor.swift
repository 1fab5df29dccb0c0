import CLibEdit
import TerminalText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Returned by the prompt callback if the editor cannot be found (never expected).
nonisolated(unsafe) private let emptyCString: UnsafeMutablePointer<CChar> = strdup("")!

/// A line editor on the system libedit: emacs keys (plus ~/.editrc), per-read history,
/// tab completion, a timed notice, and a timestamped log of every keystroke.
///
/// Not thread-safe: use one instance from one thread. Creating one sets LC_CTYPE from the
/// environment (falling back to C.UTF-8 when that is not UTF-8) and calls `SignalFlags.install()`.
public final class LineEditor {
    /// Why the character reader told libedit to stop.
    private enum Stop {
        case none
        case interrupt
        case terminated(Int32)
        case endOfInput
        case error(Int32)
    }

    private let el: OpaquePointer
    private let now: @Sendable () -> MonotonicNanoseconds
    private let interactive: Bool
    private let emptyHistory = History(capacity: 1)
    private let readBuffer: UnsafeMutableRawBufferPointer

    // Prompt.
    private var promptPointer: UnsafeMutablePointer<CChar>
    private var promptText = ""
    private var plainPrompt = ""
    private var promptWidth = 0

    // State of the current readLine.
    private var completion: CompletionProvider?
    private var notice: Notice?
    private var noticeShown = false
    private var log = KeystrokeLog()
    private var hasOpenKeystroke = false
    private var keystrokeBase: [UInt32] = []
    private var lineScratch: [UInt32] = []
    private var stop = Stop.none
    private var stopTime: MonotonicNanoseconds = 0
    private var lineAtStop: [UInt32] = []
    private var cookedTermios: termios?
    private var rawTermios: termios?

    // Input that outlives one readLine (type-ahead, the rest of a pasted or piped chunk).
    private var input = InputQueue()
    private var skipNextLineFeed = false

    /// Creates the editor; `programName` selects ~/.editrc sections, `now` timestamps keystrokes.
    public init(
        programName: String = "rehearse",
        now: @escaping @Sendable () -> MonotonicNanoseconds = monotonicNow
    ) {
        _ = rehearse_setlocale_utf8()
        SignalFlags.install()
        self.now = now
        interactive = isatty(0) == 1 && isatty(1) == 1
        guard let el = rehearse_el_init(programName) else {
            fatalError("libedit el_init failed")
        }
        self.el = el
        promptPointer = strdup("") ?? emptyCString
        readBuffer = .allocate(byteCount: 4096, alignment: 16)
        keystrokeBase.reserveCapacity(256)
        lineScratch.reserveCapacity(256)

        _ = rehearse_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        _ = rehearse_el_set_signal(el, 0)
        _ = rehearse_el_set_editor(el, "emacs")
        _ = rehearse_el_set_prompt_esc(el, { el in
            LineEditor.instance(el)?.promptPointer ?? emptyCString
        }, 1)
        _ = rehearse_el_set_getcfn(el, { el, character in
            guard let editor = LineEditor.instance(el), let character else { return -1 }
            return editor.readCharacter(into: character)
        })
        _ = rehearse_el_addfn(el, "rehearse-complete", "Complete the word before the cursor", { el, _ in
            guard let editor = LineEditor.instance(el) else { return UInt8(CC_ERROR) }
            return editor.complete()
        })
        _ = rehearse_el_bind(el, "^I", "rehearse-complete")
        _ = el_source(el, nil)
        if let mode = rehearse_el_get_editor(el), String(cString: mode) == "vi" {
            _ = rehearse_el_bind(el, "^I", "rehearse-complete")
        }
        _ = rehearse_el_set_history(el, emptyHistory.handle)
    }

    deinit {
        el_end(el)
        if promptPointer != emptyCString { free(promptPointer) }
        readBuffer.deallocate()
    }

    private static func instance(_ el: OpaquePointer?) -> LineEditor? {
        guard let el, let data = rehearse_el_get_clientdata(el) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    /// True when stdin and stdout were both terminals when the editor was created.
    public var isInteractive: Bool { interactive }

    /// Terminal columns (TIOCGWINSZ on stdout, then stdin), 80 when unknown.
    public var terminalWidth: Int {
        let columns = rehearse_terminal_columns(1)
        if columns > 0 { return Int(columns) }
        let inputColumns = rehearse_terminal_columns(0)
        return inputColumns > 0 ? Int(inputColumns) : 80
    }

    /// Reads one line. Wrap non-printing escape sequences in `prompt` between two "\u{01}".
    ///
    /// Up/Down recall from `history` (an empty one when nil); adding the line to it is the
    /// caller's job. Tab asks `completion`. `notice` is shown once when its deadline passes.
    /// The terminal is back in its previous mode and the cursor at the start of a line when
    /// this returns. Not a terminal: reads the same way, printing the prompt itself.
    /// A SIGINT from before the call is discarded; a pending SIGTERM/SIGHUP returns at once.
    public func readLine(
        prompt: String,
        history: History?,
        completion: CompletionProvider?,
        notice: Notice?
    ) -> ReadResult {
        SignalFlags.install()
        if let sig = SignalFlags.pendingTermination { return .terminated(signal: sig) }
        _ = SignalFlags.takeInterrupt()
        SignalFlags.drainWakeups()

        setPrompt(prompt)
        let activeHistory = history ?? emptyHistory
        _ = rehearse_el_set_history(el, activeHistory.handle)
        self.completion = completion
        self.notice = notice
        noticeShown = false
        log = KeystrokeLog()
        hasOpenKeystroke = false
        rehearse_flush_stdout()

        var termiosAtStart = termios()
        cookedTermios = interactive && tcgetattr(0, &termiosAtStart) == 0 ? termiosAtStart : nil
        var savedStop: sigaction?
        var savedContinue: sigaction?
        if interactive {
            _ = SignalFlags.takeSuspend()
            _ = SignalFlags.takeResume()
            savedStop = SignalFlags.installTemporaryHandler(SIGTSTP)
            savedContinue = SignalFlags.installTemporaryHandler(SIGCONT)
        }
        defer {
            if let savedStop { SignalFlags.restoreAction(SIGTSTP, savedStop) }
            if let savedContinue { SignalFlags.restoreAction(SIGCONT, savedContinue) }
            _ = rehearse_el_set_history(el, emptyHistory.handle)
            withExtendedLifetime(activeHistory) {}
            self.completion = nil
            self.notice = nil
            cookedTermios = nil
            rawTermios = nil
        }

        while true {
            stop = .none
            rawTermios = nil
            if !interactive { rehearse_write_stdout(plainPrompt) }
            var count: Int32 = 0
            let result = el_wgets(el, &count)
            if var cooked = cookedTermios { _ = tcsetattr(0, TCSADRAIN, &cooked) }

            if let result, count > 0 {
                var scalars = [UInt32]()
                scalars.reserveCapacity(Int(count))
                for i in 0..<Int(count) { scalars.append(UInt32(bitPattern: result[i])) }
                if scalars.last == 0x0A {
                    scalars.removeLast()
                } else if scalars.last == 0x0D {
                    scalars.removeLast()
                    if !interactive { skipNextLineFeed = true }
                }
                closeKeystroke(line: scalars)
                return .line(LineDiff.string(scalars[...]), log)
            }

            switch stop {
            case .interrupt:
                rehearse_write_stdout("^C\n")
                if lineAtStop.isEmpty { return .interruptOnEmptyLine }
                let cleared = LineChange(position: 0, deleted: LineDiff.characterCount(lineAtStop), inserted: "")
                log.keystrokes.append(Keystroke(time: stopTime, change: cleared))
                continue
            case .terminated(let sig):
                if interactive { rehearse_write_stdout("\n") }
                return .terminated(signal: sig)
            case .endOfInput, .error:
                // On a terminal, input ends only when the terminal itself went away (Ctrl-D is a
                // key in raw mode): that is a hangup, whether or not SIGHUP has arrived yet. A
                // half-typed line was never submitted, so it is not returned as one.
                if interactive { return .terminated(signal: SIGHUP) }
                if !lineAtStop.isEmpty { return .line(LineDiff.string(lineAtStop[...]), log) }
                return .endOfInput
            case .none:
                // Ctrl-D on an empty line.
                if interactive { rehearse_write_stdout("\n") }
                return .endOfInput
            }
        }
    }

    // MARK: Prompt

    private func setPrompt(_ prompt: String) {
        guard prompt != promptText || promptPointer == emptyCString else { return }
        if promptPointer != emptyCString { free(promptPointer) }
        promptPointer = strdup(prompt) ?? emptyCString
        promptText = prompt
        var plain = String.UnicodeScalarView()
        var width = 0
        var hidden = false
        for scalar in prompt.unicodeScalars {
            if scalar == "\u{01}" {
                hidden.toggle()
                continue
            }
            plain.append(scalar)
            if !hidden { width += Self.displayWidth(scalar.value) }
        }
        plainPrompt = String(plain)
        promptWidth = width
    }

    // MARK: The character reader (EL_GETCFN)

    /// Hands libedit the next character: 1 = stored, 0 = end of input, -1 = stop (errno EINTR) or error.
    private func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        if interactive && rawTermios == nil {
            var raw = termios()
            if tcgetattr(0, &raw) == 0 { rawTermios = raw }
        }
        while true {
            if let sig = SignalFlags.pendingTermination { return stopReading(.terminated(sig), character) }
            if SignalFlags.takeInterrupt() { return stopReading(.interrupt, character) }
            if SignalFlags.takeResize() && interactive { el_resize(el) }
            if interactive && SignalFlags.takeSuspend() { suspend() }
            if interactive && SignalFlags.takeResume() { redrawAfterContinue() }

            if let item = input.next() {
                if skipNextLineFeed {
                    skipNextLineFeed = false
                    if item.scalar == 0x0A { continue }
                }
                if item.startsKeystroke || !hasOpenKeystroke {
                    captureLine(into: &lineScratch)
                    closeKeystroke(line: lineScratch)
                    swap(&keystrokeBase, &lineScratch)
                    log.keystrokes.append(Keystroke(time: item.time))
                    hasOpenKeystroke = true
                }
                character.pointee = wchar_t(bitPattern: item.scalar)
                return 1
            }

            var timeout: Int32 = -1
            if let notice, !noticeShown {
                let t = now()
                if t >= notice.deadline {
                    showNotice(notice.text)
                    continue
                }
                timeout = Int32(clamping: (notice.deadline - t + 999_999) / 1_000_000)
            }
            var fds = [
                pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                pollfd(fd: SignalFlags.wakeupFileDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 {
                let e = errno
                if e == EINTR || e == EAGAIN { continue }
                return stopReading(.error(e), character)
            }
            if ready == 0 { continue }
            if fds[1].revents != 0 { SignalFlags.drainWakeups() }
            guard fds[0].revents != 0 else { continue }
            if fds[0].revents & Int16(POLLNVAL) != 0 { return stopReading(.endOfInput, character) }

            let count = read(0, readBuffer.baseAddress, readBuffer.count)
            if count > 0 {
                input.decode(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]), time: now())
                continue
            }
            let e = errno
            if count < 0 && (e == EINTR || e == EAGAIN) { continue }
            if count == 0 || e == EIO {
                input.finishInput(time: now())
                if !input.isEmpty { continue }
                return stopReading(.endOfInput, character)
            }
            return stopReading(.error(e), character)
        }
    }

    private func stopReading(_ reason: Stop, _ character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        stop = reason
        stopTime = now()
        captureLine(into: &lineAtStop)
        closeKeystroke(line: lineAtStop)
        character.pointee = 0
        switch reason {
        case .endOfInput:
            return 0
        case .error(let e):
            errno = e
            return -1
        default:
            errno = EINTR
            return -1
        }
    }

    /// Copies libedit's current line (as Unicode scalars) into `line`.
    private func captureLine(into line: inout [UInt32]) {
        line.removeAll(keepingCapacity: true)
        guard let info = el_wline(el), let start = info.pointee.buffer, let end = info.pointee.lastchar,
              end > start else { return }
        let count = end - start
        for i in 0..<count { line.append(UInt32(bitPattern: start[i])) }
    }

    /// Records what the last keystroke did, now that the line after it is known.
    private func closeKeystroke(line: [UInt32]) {
        guard hasOpenKeystroke else { return }
        hasOpenKeystroke = false
        guard line != keystrokeBase, !log.keystrokes.isEmpty,
              let change = LineDiff.change(from: keystrokeBase, to: line) else { return }
        log.keystrokes[log.keystrokes.count - 1].change = change
    }

    // MARK: Notice, suspend, redraw

    private func showNotice(_ text: String) {
        noticeShown = true
        if interactive {
            var body = ""
            for scalar in text.unicodeScalars {
                if scalar == "\n" { body += "\r\n" } else { body.unicodeScalars.append(scalar) }
            }
            rehearse_write_stdout(cursorDownToEndOfInput() + "\r\n" + body + "\r\n")
            _ = rehearse_el_refresh(el)
        } else {
            rehearse_write_stdout("\n" + text + "\n")
        }
    }

    /// Ctrl-Z: put the terminal back in its cooked mode, stop, and on `fg` restore raw mode and redraw.
    private func suspend() {
        guard var cooked = cookedTermios else { return }
        rehearse_write_stdout(cursorDownToEndOfInput() + "\r\n")
        _ = tcsetattr(0, TCSADRAIN, &cooked)
        _ = rehearse_set_default_action(SIGTSTP)
        _ = raise(SIGTSTP)  // Stops here until SIGCONT (the kernel drops it in an orphaned process group).
        _ = SignalFlags.installTemporaryHandler(SIGTSTP)
        _ = SignalFlags.takeSuspend()
        _ = SignalFlags.takeResume()
        if var raw = rawTermios { _ = tcsetattr(0, TCSADRAIN, &raw) }
        _ = rehearse_el_refresh(el)
    }

    /// SIGCONT after a stop we did not arrange (e.g. SIGSTOP): the shell may have reset the terminal.
    private func redrawAfterContinue() {
        if var raw = rawTermios { _ = tcsetattr(0, TCSADRAIN, &raw) }
        rehearse_write_stdout("\r\n")
        _ = rehearse_el_refresh(el)
    }

    /// An escape sequence moving the cursor from its row to the last row of the input.
    private func cursorDownToEndOfInput() -> String {
        guard let info = el_wline(el), let start = info.pointee.buffer, let cursor = info.pointee.cursor,
              let end = info.pointee.lastchar else { return "" }
        let columns = max(1, terminalWidth)
        var before = 0
        var total = 0
        var p = start
        while p < end {
            let w = Self.displayWidth(UInt32(bitPattern: p.pointee))
            if p < cursor { before += w }
            total += w
            p += 1
        }
        let cursorRow = (promptWidth + before) / columns
        let lastRow = max(cursorRow, (promptWidth + total - (cursor < end ? 1 : 0)) / columns)
        let down = lastRow - cursorRow
        return down > 0 ? "\u{1B}[\(down)B" : ""
    }

    /// Columns a character takes on screen as libedit draws it (controls as ^X).
    private static func displayWidth(_ scalar: UInt32) -> Int {
        if scalar < 0x20 || scalar == 0x7F { return 2 }
        return Unicode.Scalar(scalar).map(DisplayWidth.of(scalar:)) ?? 1
    }

    private static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + displayWidth($1.value) }
    }

    // MARK: Completion (bound to ^I)

    private func complete() -> UInt8 {
        guard let provider = completion, let info = el_wline(el), let start = info.pointee.buffer,
              let cursor = info.pointee.cursor else { return UInt8(CC_ERROR) }
        var before: [UInt32] = []
        var p = start
        while p < cursor {
            before.append(UInt32(bitPattern: p.pointee))
            p += 1
        }
        var seen = Set<String>()
        let candidates = provider.completions(forTextBeforeCursor: LineDiff.string(before[...]))
            .filter { !$0.isEmpty && seen.insert($0).inserted }
        guard !candidates.isEmpty else { return UInt8(CC_ERROR) }

        var wordStart = before.count
        while wordStart > 0, let s = Unicode.Scalar(before[wordStart - 1]), !s.properties.isWhitespace {
            wordStart -= 1
        }
        let word = Array(before[wordStart...])
        let options = candidates.map { $0.unicodeScalars.map(\.value) }

        if options.count == 1 {
            replaceWord(word, with: options[0] + [0x20])
            return UInt8(CC_REFRESH)
        }
        var common = options[0]
        for option in options.dropFirst() {
            var n = 0
            while n < common.count && n < option.count && common[n] == option[n] { n += 1 }
            common.removeLast(common.count - n)
        }
        if common.count > word.count && common.starts(with: word) {
            replaceWord(word, with: common)
            return UInt8(CC_REFRESH)
        }
        listCandidates(candidates)
        return UInt8(CC_REFRESH)
    }

    private func replaceWord(_ word: [UInt32], with replacement: [UInt32]) {
        var insertion = replacement
        if replacement.starts(with: word) {
            insertion.removeFirst(word.count)
        } else if !word.isEmpty {
            el_deletestr(el, Int32(word.count))
        }
        guard !insertion.isEmpty else { return }
        var wide = insertion.map { wchar_t(bitPattern: $0) }
        wide.append(0)
        _ = el_winsertstr(el, wide)
    }

    /// Prints the candidates in columns below the input, then redraws the prompt and line.
    private func listCandidates(_ candidates: [String]) {
        let shown = candidates.map { candidate -> String in
            var safe = String.UnicodeScalarView()
            for s in candidate.unicodeScalars {
                safe.append(s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0) ? "\u{FFFD}" : s)
            }
            return String(safe)
        }
        let widths = shown.map { Self.displayWidth($0) }
        let columnWidth = (widths.max() ?? 0) + 2
        let perRow = max(1, terminalWidth / max(1, columnWidth))
        let rows = (shown.count + perRow - 1) / perRow
        var out = cursorDownToEndOfInput() + "\r\n"
        for row in 0..<rows {
            var line = ""
            for column in 0..<perRow {
                let index = column * rows + row
                guard index < shown.count else { break }
                line += shown[index]
                if column < perRow - 1 && index + rows < shown.count {
                    line += String(repeating: " ", count: columnWidth - widths[index])
                }
            }
            out += line + "\r\n"
        }
        rehearse_write_stdout(out)
        _ = rehearse_el_refresh(el)
    }
}
