// line-editor-harness: reads lines through LineEditor and prints one JSON line per read.
//
// Options:
//   --notice-after MS TEXT    show TEXT once when MS milliseconds of a read have passed
//   --complete WORDS          comma-separated completion candidates (matched by prefix)
//   --history FILE            load history from FILE at start, save it at exit
//   --alternate-histories     odd reads use one history, even reads another
//   --prompt TEXT             prompt (default "> ")
//
// Output per read:
//   {"result":"line","text":"...","keystrokes":N,"corrections":N,"first_key_ms":F,
//    "read_start_ns":N,"first_key_ns":N,"longest_pause_ms":F,"changes":[[pos,del,"ins"]|null,...]}
//   {"result":"eof"} | {"result":"interrupt"} | {"result":"terminated","signal":N}
// Exits 0 at eof or terminated.

import LineEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class WordCompleter: CompletionProvider {
    let words: [String]
    init(words: [String]) { self.words = words }
    func completions(forTextBeforeCursor text: String) -> [String] {
        let word = String(text.reversed().prefix { !$0.isWhitespace }.reversed())
        return words.filter { $0.hasPrefix(word) }
    }
}

func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

func emit(_ line: String) {
    print(line)
    fflush(nil)
}

var noticeAfterMS: UInt64?
var noticeText = ""
var completer: WordCompleter?
var historyFile: String?
var alternate = false
var prompt = "> "

var arguments = Array(CommandLine.arguments.dropFirst())
while !arguments.isEmpty {
    let option = arguments.removeFirst()
    switch option {
    case "--notice-after" where arguments.count >= 2:
        noticeAfterMS = UInt64(arguments.removeFirst()) ?? 0
        noticeText = arguments.removeFirst()
    case "--complete" where !arguments.isEmpty:
        completer = WordCompleter(words: arguments.removeFirst().split(separator: ",").map(String.init))
    case "--history" where !arguments.isEmpty:
        historyFile = arguments.removeFirst()
    case "--alternate-histories":
        alternate = true
    case "--prompt" where !arguments.isEmpty:
        prompt = arguments.removeFirst()
    default:
        emit("{\"result\":\"usage\",\"option\":\(jsonString(option))}")
        exit(2)
    }
}

let editor: LineEditor
let histories: [History]
do {
    editor = try LineEditor()
    histories = [try History(file: historyFile), try History()]
} catch {
    let message = "line-editor-harness: \(error)\n"
    _ = message.withCString { write(2, $0, strlen($0)) }
    exit(1)
}
var readIndex = 0

@MainActor func finish() -> Never {
    do {
        try histories[0].save()
    } catch {
        emit("{\"result\":\"save-failed\",\"error\":\(jsonString(String(describing: error)))}")
        exit(1)
    }
    exit(0)
}

while true {
    let history = histories[alternate ? readIndex % 2 : 0]
    readIndex += 1
    let start = monotonicNow()
    let notice = noticeAfterMS.map { Notice(deadline: start + $0 * 1_000_000, text: noticeText) }
    switch editor.readLine(prompt: prompt, history: history, completion: completer, notice: notice) {
    case .line(let text, let log):
        history.add(text)
        let first = log.firstKeyTime
        let firstMS = first.map { String(Double(Int64(bitPattern: $0 &- start)) / 1e6) } ?? "null"
        let changes = log.keystrokes.map { k -> String in
            guard let c = k.change else { return "null" }
            return "[\(c.position),\(c.deleted),\(jsonString(c.inserted))]"
        }.joined(separator: ",")
        emit(
            "{\"result\":\"line\",\"text\":\(jsonString(text)),\"keystrokes\":\(log.keystrokes.count),"
                + "\"corrections\":\(log.correctionCount),\"first_key_ms\":\(firstMS),"
                + "\"read_start_ns\":\(start),\"first_key_ns\":\(first.map(String.init) ?? "null"),"
                + "\"longest_pause_ms\":\(Double(log.longestPause) / 1e6),\"changes\":[\(changes)]}")
    case .endOfInput:
        emit("{\"result\":\"eof\"}")
        finish()
    case .interruptOnEmptyLine:
        emit("{\"result\":\"interrupt\"}")
    case .terminated(let sig):
        emit("{\"result\":\"terminated\",\"signal\":\(sig)}")
        finish()
    }
}
