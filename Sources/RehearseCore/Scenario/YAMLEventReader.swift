// Scenario files are read with libyaml's event parser (the system libyaml) rather than a
// composed tree, for three reasons: aliases can be counted exactly as they are met, so an
// alias bomb is refused after a few events instead of being expanded and hashed; nesting is
// refused at its limit without recursion; and a duplicate key is one diagnostic among others,
// placed at the second occurrence, instead of an error that stops the whole file.
internal import CLibYAML

/// A YAML value as scenario files use it: text, lists and mappings, each with its place in the file.
/// Aliases are already replaced by copies of what they point at.
struct YAMLNode: Sendable {
    /// How a scalar was written; only plain scalars can be numbers, booleans or null.
    enum ScalarStyle: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

    enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    var content: Content
    var place: SourcePlace

    /// The text of a scalar, whatever its style.
    var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }
}

/// A key and its value, in file order.
struct YAMLPair: Sendable {
    var key: YAMLNode
    var value: YAMLNode
}

/// The outcome of parsing a YAML stream that holds at most one document.
struct ParsedYAML: Sendable {
    /// A key written twice in one mapping: where the second one is, and where the first was.
    struct DuplicateKey: Sendable {
        var key: String
        var place: SourcePlace
        var firstPlace: SourcePlace
    }

    /// The document's root; nil when the stream holds no document.
    var root: YAMLNode?
    var duplicateKeys: [DuplicateKey]
}

/// Why a YAML stream could not be turned into a tree: a syntax error or a broken limit.
struct YAMLFailure: Error, Sendable {
    var message: String
    var suggestion: String?
    var place: SourcePlace
}

/// Turns libyaml's events into `YAMLNode`s, with limits checked as events arrive.
enum YAMLEventReader {
    /// What a document may cost.
    struct Limits: Sendable {
        /// Collections nested deeper than this are refused.
        var maximumDepth: Int
        /// The most aliases the expanded document may hold (an alias inside a copied part counts once per copy).
        var maximumAliasExpansions: Int
        /// The most nodes aliases may copy in all.
        var maximumAliasedNodes: Int
    }

    /// A collection being read, and what has been read of it.
    private struct OpenCollection {
        var isMapping: Bool
        var place: SourcePlace
        var anchor: String?
        var items: [YAMLNode] = []
        var pendingKey: YAMLNode?
        var pairs: [YAMLPair] = []
        var firstKeyPlaces: [String: SourcePlace] = [:]
        /// Nodes in the expanded collection, itself included.
        var size = 1
        /// Aliases in the expanded collection.
        var aliases = 0
    }

    /// An anchored node and what one copy of it costs.
    private struct Anchored {
        var node: YAMLNode
        var size: Int
        var aliases: Int
    }

    /// Parses UTF-8 bytes holding one YAML document (or none).
    static func parse(_ bytes: [UInt8], limits: Limits) -> Result<ParsedYAML, YAMLFailure> {
        if bytes.isEmpty { return .success(ParsedYAML(root: nil, duplicateKeys: [])) }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(YAMLFailure(message: "out of memory while reading YAML", suggestion: nil, place: .unknown))
        }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            return readEvents(&parser, bytes: buffer, limits: limits)
        }
    }

    private static func readEvents(_ parser: inout yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>, limits: Limits)
        -> Result<ParsedYAML, YAMLFailure>
    {
        var stack: [OpenCollection] = []
        var anchors: [String: Anchored] = [:]
        var duplicateKeys: [ParsedYAML.DuplicateKey] = []
        var root: YAMLNode?
        var documents = 0
        var expansions = 0
        var copiedNodes = 0
        var event = yaml_event_t()

        /// Adds a finished node to the collection being read, or makes it the root.
        func attach(_ node: YAMLNode, size: Int, aliases: Int, anchor: String?) {
            if let anchor { anchors[anchor] = Anchored(node: node, size: size, aliases: aliases) }
            guard !stack.isEmpty else {
                root = node
                return
            }
            let top = stack.count - 1
            stack[top].size += size
            stack[top].aliases += aliases
            if !stack[top].isMapping {
                stack[top].items.append(node)
            } else if let key = stack[top].pendingKey {
                stack[top].pairs.append(YAMLPair(key: key, value: node))
                stack[top].pendingKey = nil
            } else {
                if case .scalar(let text, _) = node.content {
                    if let first = stack[top].firstKeyPlaces[text] {
                        duplicateKeys.append(.init(key: text, place: node.place, firstPlace: first))
                    } else {
                        stack[top].firstKeyPlaces[text] = node.place
                    }
                }
                stack[top].pendingKey = node
            }
        }

        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(failure(from: parser, bytes: bytes, limits: limits))
            }
            defer { yaml_event_delete(&event) }
            let place = SourcePlace(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .success(ParsedYAML(root: root, duplicateKeys: duplicateKeys))
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return .failure(
                        YAMLFailure(
                            message: "the file holds more than one YAML document",
                            suggestion: "keep one scenario per file, without a second '---'", place: place))
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text =
                    scalar.value.map {
                        String(decoding: UnsafeBufferPointer(start: $0, count: Int(scalar.length)), as: UTF8.self)
                    } ?? ""
                let node = YAMLNode(content: .scalar(text, style(scalar.style)), place: place)
                attach(node, size: 1, aliases: 0, anchor: string(scalar.anchor))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                if stack.count + 1 > limits.maximumDepth {
                    return .failure(
                        YAMLFailure(
                            message: "nesting is deeper than \(limits.maximumDepth) levels",
                            suggestion: "flatten the structure", place: place))
                }
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let anchor =
                    isMapping ? string(event.data.mapping_start.anchor) : string(event.data.sequence_start.anchor)
                stack.append(OpenCollection(isMapping: isMapping, place: place, anchor: anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let finished = stack.popLast() else { break }
                let content: YAMLNode.Content =
                    finished.isMapping ? .mapping(finished.pairs) : .sequence(finished.items)
                attach(
                    YAMLNode(content: content, place: finished.place), size: finished.size, aliases: finished.aliases,
                    anchor: finished.anchor)
            case YAML_ALIAS_EVENT:
                let name = string(event.data.alias.anchor) ?? ""
                guard let target = anchors[name] else {
                    return .failure(
                        YAMLFailure(
                            message: "the alias '*\(name)' has no anchor '&\(name)' before it",
                            suggestion: "define the anchor before using the alias, or write the value out", place: place
                        ))
                }
                expansions += 1 + target.aliases
                copiedNodes += target.size
                if expansions > limits.maximumAliasExpansions {
                    return .failure(
                        YAMLFailure(
                            message: "more than \(limits.maximumAliasExpansions) alias expansions",
                            suggestion: "write the text out instead of using YAML aliases", place: place))
                }
                if copiedNodes > limits.maximumAliasedNodes {
                    return .failure(
                        YAMLFailure(
                            message: "YAML aliases would copy more than \(limits.maximumAliasedNodes) values",
                            suggestion: "write the text out instead of using YAML aliases", place: place))
                }
                var copy = target.node
                copy.place = place
                attach(copy, size: target.size, aliases: 1 + target.aliases, anchor: nil)
            default:
                break
            }
        }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// The parser's own account of a syntax error, with its place.
    private static func failure(from parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>, limits: Limits)
        -> YAMLFailure
    {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return YAMLFailure(message: "out of memory while reading YAML", suggestion: nil, place: .unknown)
        case YAML_READER_ERROR:
            let place = placeOfByte(Int(parser.problem_offset), in: bytes)
            if problem.contains("control characters") {
                let code = String(UInt32(truncatingIfNeeded: parser.problem_value), radix: 16, uppercase: true)
                return YAMLFailure(
                    message:
                        "the file contains the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)",
                    suggestion: "remove it; only tab and newline are allowed", place: place)
            }
            return YAMLFailure(message: "cannot read YAML: \(problem)", suggestion: nil, place: place)
        default:
            let place = SourcePlace(
                line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
            if problem.contains("Maximum nesting level") {
                return YAMLFailure(
                    message: "nesting is deeper than \(limits.maximumDepth) levels",
                    suggestion: "flatten the structure", place: place)
            }
            let context = parser.context.map { String(cString: $0) }
            let contextPlace =
                context == nil
                ? nil
                : SourcePlace(line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)
            let explanation = YAMLSyntaxExplanation.explain(
                .init(problem: problem, context: context, problemPlace: place, contextPlace: contextPlace),
                source: String(decoding: bytes, as: UTF8.self))
            return YAMLFailure(
                message: explanation.message, suggestion: explanation.suggestion, place: explanation.place)
        }
    }

    /// Line and column (in Unicode scalars, as libyaml counts them) of a byte offset.
    static func placeOfByte(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourcePlace {
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourcePlace(line: line, column: column)
    }
}
