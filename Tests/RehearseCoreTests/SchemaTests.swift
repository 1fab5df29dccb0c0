import Foundation
import Testing

@testable import RehearseCore

/// docs/scenario.schema.json and the loader must agree: the same keys at each level, the same
/// required keys, enum values and ranges, and a value of a type the schema rejects is rejected
/// by the loader too.
@Suite struct SchemaTests {
    static let schemaPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/scenario.schema.json").path

    /// One object level of the format: its schema, the decoder's keys, and where the clean bases have one.
    struct Level: Sendable, CustomTestStringConvertible {
        var name: String
        var definition: String?
        var keys: [String]
        var required: [String]
        var base: String
        var path: [PathStep]
        var testDescription: String { name }
    }

    enum PathStep: Sendable {
        case key(String)
        case index(Int)
    }

    static let levels: [Level] = [
        Level(
            name: "scenario", definition: nil, keys: ScenarioDecoder.topKeys, required: ScenarioDecoder.topRequiredKeys,
            base: lintBase, path: []),
        Level(
            name: "interviewer", definition: "interviewer", keys: ScenarioDecoder.interviewerKeys,
            required: ScenarioDecoder.interviewerRequiredKeys, base: lintBase, path: [.key("interviewers"), .index(0)]),
        Level(
            name: "questions stage", definition: "questionsStage", keys: ScenarioDecoder.stageKeysByType[.questions]!,
            required: ScenarioDecoder.stageRequiredKeysByType[.questions]!, base: lintBase,
            path: [.key("stages"), .index(0)]),
        Level(
            name: "candidate_questions stage", definition: "candidateQuestionsStage",
            keys: ScenarioDecoder.stageKeysByType[.candidateQuestions]!,
            required: ScenarioDecoder.stageRequiredKeysByType[.candidateQuestions]!, base: lintBase,
            path: [.key("stages"), .index(1)]),
        Level(
            name: "revisit stage", definition: "revisitStage", keys: ScenarioDecoder.stageKeysByType[.revisit]!,
            required: ScenarioDecoder.stageRequiredKeysByType[.revisit]!, base: lintSamePersonBase,
            path: [.key("stages"), .index(0)]),
        Level(
            name: "reply", definition: "reply", keys: ScenarioDecoder.replyKeys,
            required: ScenarioDecoder.replyRequiredKeys,
            base: lintBase, path: [.key("stages"), .index(1), .key("replies"), .index(0)]),
        Level(
            name: "question", definition: "question", keys: ScenarioDecoder.questionKeys,
            required: ScenarioDecoder.questionRequiredKeys,
            base: lintBase, path: [.key("stages"), .index(0), .key("questions"), .index(0)]),
        Level(
            name: "talking point", definition: "talkingPoint", keys: ScenarioDecoder.talkingPointKeys,
            required: ScenarioDecoder.talkingPointRequiredKeys, base: lintBase,
            path: [.key("stages"), .index(0), .key("questions"), .index(0), .key("talking_points"), .index(0)]),
        Level(
            name: "probe", definition: "probe", keys: ScenarioDecoder.probeKeys,
            required: ScenarioDecoder.probeRequiredKeys,
            base: lintBase, path: [.key("stages"), .index(0), .key("questions"), .index(0), .key("probes"), .index(0)]),
    ]

    static func loadSchema() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: schemaPath))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func objectSchema(_ level: Level, in schema: [String: Any]) throws -> [String: Any] {
        guard let definition = level.definition else { return schema }
        let definitions = try #require(schema["$defs"] as? [String: Any])
        return try #require(definitions[definition] as? [String: Any], "no $defs/\(definition) in the schema")
    }

    /// A property's schema with `$ref`s and `allOf`s merged in, so its type, enum and range are at the top.
    static func resolved(_ property: [String: Any], in schema: [String: Any]) -> [String: Any] {
        var result = property
        if let reference = property["$ref"] as? String, reference.hasPrefix("#/$defs/"),
            let target = (schema["$defs"] as? [String: Any])?[String(reference.dropFirst("#/$defs/".count))]
                as? [String: Any]
        {
            result = resolved(target, in: schema).merging(property.filter { $0.key != "$ref" }) { _, own in own }
            result["$ref"] = reference
        }
        if let parts = property["allOf"] as? [[String: Any]] {
            var patterns: [String] = []
            for part in parts {
                let resolvedPart = resolved(part, in: schema)
                if let pattern = resolvedPart["pattern"] as? String { patterns.append(pattern) }
                result.merge(resolvedPart.filter { $0.key != "$ref" }) { existing, _ in existing }
            }
            result["patterns"] = patterns
        }
        return result
    }

    @Test func theSchemaIsDraft202012() throws {
        let schema = try Self.loadSchema()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["type"] as? String == "object")
    }

    @Test(arguments: levels)
    func keysAndRequiredKeysAgree(_ level: Level) throws {
        let schema = try Self.loadSchema()
        let object = try Self.objectSchema(level, in: schema)
        let properties = try #require(object["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(level.keys), "keys of the \(level.name)")
        #expect(Set(object["required"] as? [String] ?? []) == Set(level.required), "required keys of the \(level.name)")
        #expect(object["additionalProperties"] as? Bool == false, "the \(level.name) allows no other keys")
    }

    @Test func enumerationsAgree() throws {
        let schema = try Self.loadSchema()
        let definitions = try #require(schema["$defs"] as? [String: Any])
        func values(_ object: Any?, _ key: String) -> [String]? {
            ((object as? [String: Any])?["properties"] as? [String: Any]).flatMap {
                ($0[key] as? [String: Any])?["enum"] as? [String]
            }
        }
        #expect(values(schema, "kind") == InterviewKind.allCases.map(\.rawValue))
        #expect(values(definitions["interviewer"], "style") == InterviewerStyle.allCases.map(\.rawValue))
        #expect(values(definitions["probe"], "when") == ProbeCondition.names)
        #expect(values(definitions["question"], "type") == QuestionType.allCases.map(\.rawValue))

        let branches = try #require((definitions["stage"] as? [String: Any])?["oneOf"] as? [[String: String]])
        var typeByDefinition: [String: String] = [:]
        for branch in branches {
            let name = try #require(branch["$ref"]).replacingOccurrences(of: "#/$defs/", with: "")
            let properties = (definitions[name] as? [String: Any])?["properties"] as? [String: Any]
            typeByDefinition[name] = (properties?["type"] as? [String: Any])?["const"] as? String
        }
        #expect(
            typeByDefinition == [
                "questionsStage": Stage.StageType.questions.rawValue,
                "candidateQuestionsStage": Stage.StageType.candidateQuestions.rawValue,
                "revisitStage": Stage.StageType.revisit.rawValue,
            ])
        #expect(Set(typeByDefinition.values) == Set(Stage.StageType.allCases.map(\.rawValue)))
    }

    @Test(arguments: levels)
    func integerRangesAgree(_ level: Level) throws {
        let schema = try Self.loadSchema()
        let properties = try #require(try Self.objectSchema(level, in: schema)["properties"] as? [String: Any])
        for (key, value) in properties {
            let property = Self.resolved(try #require(value as? [String: Any]), in: schema)
            guard property["type"] as? String == "integer" else { continue }
            if key == "version" {
                #expect(property["const"] as? Int == 1)
                continue
            }
            let range = try #require(ScenarioDecoder.integerRanges[key], "the decoder has no range for '\(key)'")
            #expect(property["minimum"] as? Int == range.lowerBound, "minimum of '\(key)' in the \(level.name)")
            #expect(property["maximum"] as? Int == range.upperBound, "maximum of '\(key)' in the \(level.name)")
        }
    }

    /// For every key, values the schema rejects (a wrong type, an unknown enum value, a number out
    /// of range, a malformed id) are rejected by the loader too, and text the schema accepts as
    /// text (numbers, booleans) is accepted.
    @Test(arguments: levels)
    func theLoaderRejectsWhatTheSchemaRejects(_ level: Level) throws {
        let schema = try Self.loadSchema()
        let properties = try #require(try Self.objectSchema(level, in: schema)["properties"] as? [String: Any])
        let base = try JSONShape.document(from: level.base)
        for key in properties.keys.sorted() {
            let property = Self.resolved(try #require(properties[key] as? [String: Any]), in: schema)
            for wrong in Self.rejectedValues(for: property) {
                let document = JSONShape.setting(wrong, at: level.path + [.key(key)], in: base)
                let errors = try Self.errors(loading: document)
                let mentioned = errors.contains { $0.message.contains(key) || $0.message.contains("\(wrong)") }
                #expect(
                    mentioned,
                    "'\(key)' = \(wrong) in the \(level.name): the schema rejects it, the loader said \(errors.map(\.message))"
                )
            }
            if property["$ref"] as? String == "#/$defs/text" {
                for accepted: Any in [42, true, "Plain text"] {
                    let document = JSONShape.setting(accepted, at: level.path + [.key(key)], in: base)
                    let errors = try Self.errors(loading: document)
                    #expect(
                        !errors.contains { $0.message.contains("'\(key)'") },
                        "'\(key)' = \(accepted) in the \(level.name): the schema accepts it, the loader said \(errors.map(\.message))"
                    )
                }
            }
        }
    }

    static func rejectedValues(for property: [String: Any]) -> [Any] {
        var values: [Any] = []
        if property["enum"] != nil || property["const"] is String { values.append("not-a-valid-value") }
        if property["const"] as? Int == 1 { values.append(2) }
        let types = (property["type"] as? [String]) ?? (property["type"] as? String).map { [$0] } ?? []
        if types == ["integer"] {
            values.append("ten")
            if let minimum = property["minimum"] as? Int { values.append(minimum - 1) }
            if let maximum = property["maximum"] as? Int { values.append(maximum + 1) }
        }
        if types.contains("string") || property["$ref"] as? String == "#/$defs/slug" { values.append(["x": "y"]) }
        if property["$ref"] as? String == "#/$defs/slug" { values.append("Not A Slug") }
        if property["pattern"] as? String == "^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*$" { values.append("no-slash") }
        if types == ["array"] { values.append("plain text") }
        if (property["patterns"] as? [String] ?? []).contains(where: { $0.contains("previous_") }) {
            values.append("Plain text")
        }
        return values
    }

    static func errors(loading document: Any) throws -> [Diagnostic] {
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        return ScenarioLoader.parse(data: data, path: "schema-probe.json").errors
    }
}

/// Scenario trees as JSON values (JSON is YAML), for editing one key at a time.
enum JSONShape {
    /// A YAML document as dictionaries, arrays, strings and integers.
    static func document(from yaml: String) throws -> Any {
        let limits = YAMLEventReader.Limits(maximumDepth: 32, maximumAliasExpansions: 0, maximumAliasedNodes: 0)
        let parsed = try YAMLEventReader.parse(Array(yaml.utf8), limits: limits).get()
        return value(of: try #require(parsed.root))
    }

    static func value(of node: YAMLNode) -> Any {
        switch node.content {
        case .scalar(let text, let style):
            if style == .plain, let number = ScenarioDecoder.integer(text) { return number }
            return text
        case .sequence(let items):
            return items.map(value(of:))
        case .mapping(let pairs):
            var object: [String: Any] = [:]
            for pair in pairs { object[pair.key.scalarText ?? ""] = value(of: pair.value) }
            return object
        }
    }

    static func setting(_ newValue: Any, at path: [SchemaTests.PathStep], in document: Any) -> Any {
        guard let step = path.first else { return newValue }
        let rest = Array(path.dropFirst())
        switch step {
        case .key(let key):
            var object = document as? [String: Any] ?? [:]
            object[key] = setting(newValue, at: rest, in: object[key] as Any)
            return object
        case .index(let index):
            var array = document as? [Any] ?? []
            array[index] = setting(newValue, at: rest, in: array[index])
            return array
        }
    }
}
