import CLibEdit
import TerminalText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Returned by the prompt callback if the editor cannot be found (never expected).
nonisolated(unsafe) private let emptyCString: UnsafeMutablePointer<CChar> = strdup("")!

/// Why a `LineEditor` or a `History` could not be set up.
public struct LineEditorError: Error, CustomStringConvertible, Equatable {
    /// A sentence saying what failed and what to do.
    public let description: String

    /// libedit refused a setup step (`step` names the call).
    static func setup(_ step: String) -> LineEditorError {
        LineEditorError(
            description: "the line editor could not start (libedit \(step) failed); "
                + "check that TERM names a terminal this system knows, or pipe the input instead")
    }
}

/// A line editor on the system libedit: emacs keys (plus ~/.editrc), per-read history,
/// tab completion, a timed notice, and a timestamped log of every keystroke.
///
/// Not thread-safe: use one instance from one thread. Creating one sets LC_CTYPE from the
/// environment (falling back to C.UTF-8 when that is not UTF-8) and calls `SignalFlags.install()`.
///
/// One line holds at most `maximumLineBytes` of UTF-8: characters typed or pasted beyond that are
/// not added, and a notice says so once per read.
public final class LineEditor {
    /// The most UTF-8 bytes one line can hold (64 KiB): far more than any spoken answer, and small
    /// enough that a runaway paste cannot make the session slow.
    public static let maximumLineBytes = 65_536

    /// The notice shown once when a line reaches `maximumLineBytes`.
    public static let lineFullNotice =
        "This answer has reached 64 KiB, the most one line can hold: what you type or paste now is not added. "
        + "Press Enter to submit it, or end it with \\ and go on in a new line."

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
    private let emptyHistory: History
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
    private var lineFullNoticeShown = false
    private var stop = Stop.none
    private var stopTime: MonotonicNanoseconds = 0
    private var lineAtStop: [UInt32] = []
    private var cookedTermios: termios?
    private var rawTermios: termios?

    // Input that outlives one readLine (type-ahead, the rest of a pasted or piped chunk).
    private var input = InputQueue()
    private var skipNextLineFeed = false

    /// The line as libedit holds it, kept up to date keystroke by keystroke.
    private var tracker = LineTracker()
    /// Where the keystroke being handed to libedit started, and its characters.
    private var openKeystroke: (cursor: Int, length: Int, scalars: [UInt32])?

    /// Creates the editor; `programName` selects ~/.editrc sections, `now` timestamps keystrokes.
    /// Throws `LineEditorError` when libedit cannot be set up.
    public init(
        programName: String = "rehearse",
        now: @escaping @Sendable () -> MonotonicNanoseconds = monotonicNow
    ) throws {
        _ = rehearse_setlocale_utf8()
        SignalFlags.install()
        self.now = now
        interactive = isatty(0) == 1 && isatty(1) == 1
        emptyHistory = try History(capacity: 1)
        guard let el = rehearse_el_init(programName) else { throw LineEditorError.setup("el_init") }
        self.el = el
        promptPointer = strdup("") ?? emptyCString
        readBuffer = .allocate(byteCount: 4096, alignment: 16)

        func check(_ result: Int32, _ step: String) throws {
            if result != 0 { throw LineEditorError.setup(step) }
        }
        try check(rehearse_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque()), "EL_CLIENTDATA")
        try check(rehearse_el_set_signal(el, 0), "EL_SIGNAL")
        try check(rehearse_el_set_editor(el, "emacs"), "EL_EDITOR")
        try check(
            rehearse_el_set_prompt_esc(
                el,
                { el in
                    LineEditor.instance(el)?.promptPointer ?? emptyCString
                }, 1), "EL_PROMPT_ESC")
        try check(
            rehearse_el_set_getcfn(
                el,
                { el, character in
                    guard let editor = LineEditor.instance(el), let character else { return -1 }
                    return editor.readCharacter(into: character)
                }), "EL_GETCFN")
        try check(
            rehearse_el_addfn(
                el, "rehearse-complete", "Complete the word before the cursor",
                { el, _ in
                    guard let editor = LineEditor.instance(el) else { return UInt8(CC_ERROR) }
                    return editor.complete()
                }), "EL_ADDFN")
        try check(rehearse_el_bind(el, "^I", "rehearse-complete"), "EL_BIND")
        // -1 also means "no ~/.editrc", which is normal; libedit reports syntax errors itself.
        _ = el_source(el, nil)
        if let mode = rehearse_el_get_editor(el), String(cString: mode) == "vi" {
            try check(rehearse_el_bind(el, "^I", "rehearse-complete"), "EL_BIND")
        }
        try check(rehearse_el_set_history(el, emptyHistory.handle), "EL_HIST")
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
        openKeystroke = nil
        rehearse_flush_stdout()

        var termiosAtStart = termios()
        cookedTermios = interactive && tcgetattr(0, &termiosAtStart) == 0 ? termiosAtStart : nil
        SignalFlags.restoreOnCrash(cookedTermios)
        lineFullNoticeShown = false
        var savedStop: sigaction?
        var savedContinue: sigaction?
        if interactive {
            _ = SignalFlags.takeSuspend()
            _ = SignalFlags.takeResume()
            savedStop = SignalFlags.installTemporaryHandler(SIGTSTP)
            savedContinue = SignalFlags.installTemporaryHandler(SIGCONT)
        }
        defer {
            SignalFlags.restoreOnCrash(nil)
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
            tracker.reset()
            openKeystroke = nil
            // el_wgets measures the window itself before it draws the prompt.
            _ = SignalFlags.takeResize()
            if !interactive { rehearse_write_stdout(plainPrompt) }
            var count: Int32 = 0
            let result = el_wgets(el, &count)
            if var cooked = cookedTermios { _ = tcsetattr(0, TCSADRAIN, &cooked) }

            if let result, count > 0 {
                var length = Int(count)
                if result[length - 1] == 0x0A {
                    length -= 1
                } else if result[length - 1] == 0x0D {
                    length -= 1
                    if !interactive { skipNextLineFeed = true }
                }
                let scalars = UnsafeBufferPointer(start: result, count: length)
                    .withMemoryRebound(to: UInt32.self) { Array($0) }
                closeKeystroke(finalLine: scalars)
                return .line(LineDiff.string(scalars[...]), log)
            }

            switch stop {
            case .interrupt:
                rehearse_write_stdout("^C\n")
                if lineAtStop.isEmpty { return .interruptOnEmptyLine }
                let cleared = LineChange(position: 0, deleted: tracker.characterCount, inserted: "")
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
            if SignalFlags.takeResize() && interactive { redrawAfterResize() }
            if interactive && SignalFlags.takeSuspend() { suspend() }
            if interactive && SignalFlags.takeResume() { redrawAfterContinue() }

            if let item = input.next() {
                if skipNextLineFeed {
                    skipNextLineFeed = false
                    if item.scalar == 0x0A { continue }
                }
                if item.startsKeystroke || openKeystroke == nil {
                    closeKeystroke()
                    if tracker.wouldOverflow(adding: item.scalar, limit: Self.maximumLineBytes) {
                        showLineFullNotice()
                        continue
                    }
                    log.keystrokes.append(Keystroke(time: item.time))
                    let position = linePosition()
                    openKeystroke = (position.cursor, position.length, [])
                }
                openKeystroke?.scalars.append(item.scalar)
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
        closeKeystroke()
        lineAtStop = tracker.scalars
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

    /// libedit's line as it is now: its characters, the cursor's index and the length.
    private func currentLine() -> (characters: UnsafeBufferPointer<UInt32>, cursor: Int)? {
        guard let info = el_wline(el), let start = info.pointee.buffer, let end = info.pointee.lastchar,
            let cursor = info.pointee.cursor
        else { return nil }
        let count = max(0, end - start)
        let characters = UnsafeRawPointer(start).assumingMemoryBound(to: UInt32.self)
        return (UnsafeBufferPointer(start: characters, count: count), min(max(0, cursor - start), count))
    }

    /// The cursor's index in the line and the line's length, in characters (no copy).
    private func linePosition() -> (cursor: Int, length: Int) {
        guard let line = currentLine() else { return (0, 0) }
        return (line.cursor, line.characters.count)
    }

    /// Records what the open keystroke did, now that libedit has handled it.
    ///
    /// A keystroke that inserted exactly its own characters at the cursor (typing, a paste) is
    /// recorded without reading the rest of the line, so a key costs the same at any line length;
    /// anything else is compared with the whole line.
    private func closeKeystroke() {
        guard let open = openKeystroke else { return }
        openKeystroke = nil
        guard let line = currentLine() else { return }
        let change =
            tracker.insertion(
                of: open.scalars, at: open.cursor, lengthBefore: open.length,
                lineAfter: line.characters, cursorAfter: line.cursor,
                appendsWithoutCursor: !interactive)
            ?? tracker.update(to: line.characters)
        if let change, !log.keystrokes.isEmpty { log.keystrokes[log.keystrokes.count - 1].change = change }
    }

    /// Closes the open keystroke against the line el_wgets returned (without its newline).
    private func closeKeystroke(finalLine: [UInt32]) {
        guard openKeystroke != nil else { return }
        openKeystroke = nil
        let change = finalLine.withUnsafeBufferPointer { tracker.update(to: $0) }
        if let change, !log.keystrokes.isEmpty { log.keystrokes[log.keystrokes.count - 1].change = change }
    }

    // MARK: Notice, suspend, redraw

    private func showNotice(_ text: String) {
        noticeShown = true
        writeNotice(text)
    }

    /// Once per read: the line is full, what comes next is not added.
    private func showLineFullNotice() {
        guard !lineFullNoticeShown else { return }
        lineFullNoticeShown = true
        writeNotice(Self.lineFullNotice)
    }

    /// Prints `text` on its own lines below the input, then redraws the prompt and the line under it.
    private func writeNotice(_ text: String) {
        if interactive {
            var body = ""
            for scalar in text.unicodeScalars {
                if scalar == "\n" { body += "\r\n" } else { body.unicodeScalars.append(scalar) }
            }
            rehearse_write_stdout(cursorDownToEndOfInput() + "\r\n" + body + "\r\n")
            redraw()
        } else {
            rehearse_write_stdout("\n" + text + "\n")
        }
    }

    /// Redraws the prompt and the line from the cursor's row, which must be at column 0, at the
    /// window's current size.
    ///
    /// el_resize reallocates libedit's screen buffers but keeps its cursor row and column from the
    /// old size; drawing one more character from there writes past a narrower row or below the last
    /// row (the heap corruption behind the resize crash). EL_REFRESH forgets that position and draws
    /// everything again, so el_resize is only ever called here, right before it.
    ///
    /// After libedit has drawn, the prompt and the text are written again over themselves in one
    /// stream and the cursor is put back: libedit moves down with a newline after a row that ends
    /// in a blank, and a terminal that rewraps on a resize (tmux) then treats the rows as separate
    /// lines; written in one stream, every row break is the terminal's own wrap.
    private func redraw() {
        if interactive {
            _ = SignalFlags.takeResize()
            el_resize(el)
        }
        _ = rehearse_el_refresh(el)
        if interactive { rewriteAsOneStream() }
    }

    /// Writes the prompt and the line again from the prompt's first row, then puts the cursor back
    /// where libedit left it. Skipped when the input does not fit on the screen (libedit scrolls it).
    private func rewriteAsOneStream() {
        guard let line = currentLine() else { return }
        let columns = max(1, terminalWidth)
        var text = String.UnicodeScalarView()
        var total = promptWidth
        var cursorOffset = promptWidth
        for (index, scalar) in line.characters.enumerated() {
            // Controls, tabs and characters without a width are drawn by libedit in its own way:
            // leave such a line as libedit drew it.
            guard scalar >= 0x20, scalar != 0x7F, let value = Unicode.Scalar(scalar),
                wcwidth(wchar_t(bitPattern: scalar)) >= 1
            else { return }
            let width = Self.displayWidth(scalar)
            // A wide character that does not fit at the end of a row goes to the next one.
            if width == 2 && total % columns == columns - 1 { total += 1 }
            if index < line.cursor { cursorOffset = total + width }
            total += width
            text.append(value)
        }
        let rows = rehearse_terminal_rows(1)
        guard rows <= 0 || total / columns < Int(rows) - 1 else { return }
        let cursorRow = cursorOffset / columns
        let cursorColumn = cursorOffset % columns
        var out = "\r" + (cursorRow > 0 ? "\u{1B}[\(cursorRow)A" : "") + plainPrompt + String(text)
        // At a row's last column the terminal waits to wrap; libedit has the cursor on the next row.
        if total > 0 && total % columns == 0 { out += " " }
        let endRow = total / columns
        out +=
            "\r" + (endRow > cursorRow ? "\u{1B}[\(endRow - cursorRow)A" : "")
            + (cursorColumn > 0 ? "\u{1B}[\(cursorColumn)C" : "")
        rehearse_write_stdout(out)
    }

    /// SIGWINCH during a read: go back to the prompt's first row, clear from there down and redraw.
    ///
    /// The row is counted at the new width: terminals that rewrap their lines on a resize (tmux, VTE,
    /// kitty, iTerm2, Windows Terminal) keep the cursor at the same place in the rewrapped text, and
    /// `redraw()` leaves only the terminal's own wraps in the input (typing at the end does too).
    private func redrawAfterResize() {
        let up = cursorRowInInput(columns: terminalWidth)
        // Clear the row, then the rest of the screen from its 2nd column: a clear from the screen's
        // top-left corner would push the screen into tmux's history (scroll-on-clear), to reappear.
        rehearse_write_stdout("\r" + (up > 0 ? "\u{1B}[\(up)A" : "") + "\u{1B}[K\u{1B}[C\u{1B}[J\r")
        redraw()
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
        redraw()
    }

    /// SIGCONT after a stop we did not arrange (e.g. SIGSTOP): the shell may have reset the terminal.
    private func redrawAfterContinue() {
        if var raw = rawTermios { _ = tcsetattr(0, TCSADRAIN, &raw) }
        rehearse_write_stdout("\r\n")
        redraw()
    }

    /// The cursor's row counted from the prompt's first row, at `columns` columns.
    private func cursorRowInInput(columns: Int) -> Int {
        guard let line = currentLine() else { return 0 }
        var before = 0
        for i in 0..<line.cursor { before += Self.displayWidth(line.characters[i]) }
        return (promptWidth + before) / max(1, columns)
    }

    /// An escape sequence moving the cursor from its row to the last row of the input.
    private func cursorDownToEndOfInput() -> String {
        guard let info = el_wline(el), let start = info.pointee.buffer, let cursor = info.pointee.cursor,
            let end = info.pointee.lastchar
        else { return "" }
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
            let cursor = info.pointee.cursor
        else { return UInt8(CC_ERROR) }
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
        redraw()
    }
}
