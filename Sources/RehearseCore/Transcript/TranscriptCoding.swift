/// The JSON shape of transcript lines: one object per line, keys sorted, dates in ISO 8601.
enum TranscriptCoding {
    /// Set to `true` in a decoder's `userInfo` to decode answers without their typing timeline
    /// (the review does not need it, and it is most of a transcript's bytes).
    static let skipsTypingKey = CodingUserInfoKey(rawValue: "rehearse.skipsTyping")!

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func decoder(keepsTyping: Bool = true) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        if !keepsTyping { decoder.userInfo[skipsTypingKey] = true }
        return decoder
    }
}

/// Reads what a damaged transcript line still holds, field by field. A line that does not decode
/// is parsed as plain JSON, and each field the decoder stumbles on (wrong type, missing, out of
/// range) is dropped when it is optional or replaced by a neutral value when it is not, so an
/// answer whose text is intact is kept even when its `t`, `timing` or `typing` is damaged. The
/// fields an event means nothing without (`type`, `text`, an answer's `question`) are never made
/// up: without them the line is skipped.
enum TranscriptLineRepair {
    /// A value decoded from a damaged line, and the fields that had to be dropped or replaced.
    struct Repaired<Value> {
        var value: Value
        var damagedFields: [String]
    }

    /// The header from line 1, mended; nil when line 1 is not a JSON object at all.
    static func header(from line: Data, decoder: JSONDecoder, fileName: String) -> Repaired<TranscriptHeader>? {
        guard let object = JSONValue.object(from: line) else { return nil }
        return mend(object, as: TranscriptHeader.self, decoder: decoder) { key, object in
            headerFallback(for: key, in: object, fileName: fileName)
        }
    }

    /// A header made only from the file name, for a file whose line 1 is unreadable.
    static func headerFromFileName(_ fileName: String, decoder: JSONDecoder) -> TranscriptHeader? {
        mend([:], as: TranscriptHeader.self, decoder: decoder) { key, object in
            headerFallback(for: key, in: object, fileName: fileName)
        }?.value
    }

    /// An event line, mended; nil when the line is not JSON or lacks what the event means nothing without.
    static func event(from line: Data, decoder: JSONDecoder, previousTime: Int) -> Repaired<TranscriptEvent>? {
        guard let object = JSONValue.object(from: line), object["type"]?.stringValue != nil else { return nil }
        return mend(object, as: TranscriptEvent.self, decoder: decoder) { key, _ in
            eventFallback(for: key, previousTime: previousTime)
        }
    }

    /// What to put in place of a damaged top-level field of an event; nil when the event cannot do without it.
    private static func eventFallback(for key: String, previousTime: Int) -> JSONValue? {
        switch key {
        case "t": .integer(Int64(previousTime))  // keeps the events in order
        case "timing": zeroTiming
        case "typing": []
        case "number", "total", "limit_s", "answered", "asked": 0
        case "speaker", "interviewer", "stage", "name": "?"
        case "reply": ""
        default: nil
        }
    }

    private static var zeroTiming: JSONValue {
        [
            "think_ms": 0, "answer_ms": 0, "paused_ms": 0, "keystrokes": 0, "corrections": 0, "longest_pause_ms": 0,
            "limit_s": 0,
            "over_limit": false,
        ]
    }

    /// What to put in place of a damaged top-level header field. The header only describes the
    /// session, so every field has a stand-in; the file name still gives the id and the date.
    private static func headerFallback(for key: String, in object: [String: JSONValue], fileName: String) -> JSONValue?
    {
        switch key {
        case "format": .string(TranscriptHeader.formatName)
        case "version":
            // "1" as a string still says which version it is.
            .integer(
                Int64(
                    (object["version"]?.stringValue).flatMap { Int($0.trimmingBlanks()) }
                        ?? TranscriptHeader.currentVersion))
        case "session": .string(TranscriptIndex.sessionID(ofFile: fileName))
        case "scenario": ["id": "?", "title": "?", "checksum": "", "path": ""]
        case "kind":
            // The scenario id usually ends with the kind, e.g. `sales-second`.
            .string(
                InterviewKind.allCases.first {
                    object["scenario"]?.objectValue?["id"]?.stringValue?.hasSuffix("-" + $0.rawValue) == true
                }?.rawValue
                    ?? InterviewKind.first.rawValue)
        case "role", "role_title", "company", "candidate", "app_version": "?"
        case "interviewers": []
        case "seed": 0
        case "started": .string(startDate(ofFile: fileName))
        default: nil
        }
    }

    /// The start time a transcript's file name begins with (`2026-11-27T002547Z-…`), as ISO 8601,
    /// or the Unix epoch when the name does not start with one.
    static func startDate(ofFile fileName: String) -> String {
        let stamp = Array(fileName.prefix(18))
        guard stamp.count == 18, stamp[10] == "T", stamp[17] == "Z", stamp[11..<17].allSatisfy(\.isASCII),
            stamp[11..<17].allSatisfy(\.isNumber)
        else {
            return "1970-01-01T00:00:00Z"
        }
        let date = String(stamp[0..<10])
        let time = stamp[11..<17].map(String.init)
        let candidate = "\(date)T\(time[0])\(time[1]):\(time[2])\(time[3]):\(time[4])\(time[5])Z"
        return (try? Date(candidate, strategy: .iso8601)) != nil ? candidate : "1970-01-01T00:00:00Z"
    }

    /// Decodes `object`, mending one field per failure until it decodes or a field cannot be mended.
    /// A field inside `timing`, `scenario` or an interviewer is mended alone, so the rest of it is kept.
    private static func mend<Value: Decodable>(
        _ original: [String: JSONValue], as type: Value.Type, decoder: JSONDecoder,
        fallback: (String, [String: JSONValue]) -> JSONValue?
    ) -> Repaired<Value>? {
        var object = original
        var damaged: [String] = []
        var removed: Set<String> = []
        var replaced: Set<String> = []
        for _ in 0..<48 {
            do {
                let data = try JSONEncoder().encode(object)
                return Repaired(value: try decoder.decode(Value.self, from: data), damagedFields: damaged)
            } catch let error as DecodingError {
                var path = codingPath(of: error)
                if path.isEmpty {
                    // Some failures (a negative number for an unsigned field, a bad date) come
                    // without a path: find the field whose absence gets past it.
                    guard
                        let culprit = fieldBehindPathlessError(
                            in: object, as: Value.self, decoder: decoder,
                            fallback: { fallback($0, original) })
                    else { return nil }
                    path = [culprit]
                }
                guard let key = path.first?.stringValue, key != "type" else { return nil }
                let name = String(
                    path.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().dropFirst())
                if !damaged.contains(name) && !damaged.contains(key) { damaged.append(name) }
                if path.count > 1, let mended = mendNested(object[key], at: path.dropFirst()) {
                    object[key] = mended
                } else if object[key] != nil && !removed.contains(key) {
                    // Optional fields decode once the damaged value is gone; required ones then
                    // fail as missing and get their stand-in below.
                    object[key] = nil
                    removed.insert(key)
                } else if !replaced.contains(key), let value = fallback(key, original) {
                    object[key] = value
                    replaced.insert(key)
                } else {
                    return nil
                }
            } catch {
                return nil
            }
        }
        return nil
    }

    /// `container` with the value at `path` replaced by a neutral one of its kind, for the
    /// objects whose fields are worth keeping one by one; nil for anything else.
    private static func mendNested(_ container: JSONValue?, at path: ArraySlice<CodingKey>) -> JSONValue? {
        guard let first = path.first else { return nil }
        if let index = first.intValue {
            guard var array = container?.arrayValue, array.indices.contains(index) else { return nil }
            guard path.count > 1, let mended = mendNested(array[index], at: path.dropFirst()) else { return nil }
            array[index] = mended
            return .array(array)
        }
        guard var object = container?.objectValue else { return nil }
        if path.count > 1 {
            guard let mended = mendNested(object[first.stringValue], at: path.dropFirst()) else { return nil }
            object[first.stringValue] = mended
            return .object(object)
        }
        switch first.stringValue {
        case "over_limit": object["over_limit"] = false
        case "think_ms", "answer_ms", "paused_ms", "keystrokes", "corrections", "longest_pause_ms", "limit_s":
            object[first.stringValue] = 0
        case "style": object["style"] = .string(InterviewerStyle.allCases[0].rawValue)
        case "id", "name", "title", "checksum", "path": object[first.stringValue] = "?"
        default: return nil
        }
        return .object(object)
    }

    /// The top-level field that, left out (or given its stand-in when it is required), gets past a
    /// decoding error without a path; nil when no single field does.
    private static func fieldBehindPathlessError<Value: Decodable>(
        in object: [String: JSONValue], as type: Value.Type, decoder: JSONDecoder,
        fallback: (String) -> JSONValue?
    ) -> CodingKey? {
        func isPathless(_ candidate: [String: JSONValue]) -> (pathless: Bool, missing: String?) {
            guard let data = try? JSONEncoder().encode(candidate) else { return (true, nil) }
            do {
                _ = try decoder.decode(Value.self, from: data)
                return (false, nil)
            } catch let error as DecodingError {
                if case .keyNotFound(let key, let context) = error, context.codingPath.isEmpty {
                    return (false, key.stringValue)
                }
                return (codingPath(of: error).isEmpty, nil)
            } catch {
                return (true, nil)
            }
        }
        for key in object.keys.sorted() where key != "type" {
            var candidate = object
            candidate[key] = nil
            var outcome = isPathless(candidate)
            if outcome.missing == key, let value = fallback(key) {
                candidate[key] = value
                outcome = isPathless(candidate)
            }
            if !outcome.pathless && outcome.missing != key { return LineKey(key) }
        }
        return nil
    }

    private struct LineKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The full path of the field a decoding error is about, the missing key included.
    private static func codingPath(of error: DecodingError) -> [CodingKey] {
        switch error {
        case .keyNotFound(let key, let context): context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath
        @unknown default: []
        }
    }
}
