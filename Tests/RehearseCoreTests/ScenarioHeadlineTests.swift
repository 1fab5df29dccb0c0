import Foundation
import Testing

@testable import RehearseCore

/// The quick headline read lets a session load one scenario file instead of the library; it
/// must never pick a different file than a full load would.
@Suite struct ScenarioHeadlineTests {
    typealias Headline = ScenarioCatalog.Headline

    static func headline(_ yaml: String) -> Headline? { Headline(yaml: Data(yaml.utf8)) }

    @Test func plainQuotedAndCommentedValuesAreRead() {
        #expect(
            Self.headline("version: 1\nid: a-first\nrole: a\nkind: first\n")
                == Headline(id: "a-first", role: "a", kind: "first"))
        #expect(
            Self.headline("id: \"a-first\"  # the id\nrole: 'a'\nkind: first # kind\ninterviewers:\n  - id: kim\n")
                == Headline(id: "a-first", role: "a", kind: "first"))
    }

    @Test(arguments: [
        "{id: a, role: a, kind: first}",  // flow style
        "id: &x a\nrole: *x\nkind: first\n",  // anchor and alias
        "id: !!str a\nrole: a\nkind: first\n",  // tag
        "---\nid: a\nrole: a\nkind: first\n",  // explicit document
        "id: a\nrole: a\n",  // kind missing
        "id: a\nid: b\nrole: a\nkind: first\n",  // duplicate key
        "id: \"a\\u0041\"\nrole: a\nkind: first\n",  // escapes need the parser
        "id: |\n  a\nrole: a\nkind: first\n",  // block scalar
        "title: \"a quote that runs on\nid: fake\"\nid: a\nrole: a\nkind: first\n",  // a key inside a quoted scalar
    ])
    func anythingRicherIsLeftToTheParser(yaml: String) {
        #expect(Self.headline(yaml) == nil)
    }

    @Test func aNarrowedCatalogChoosesWhatTheFullOneChooses() throws {
        let full = ScenarioCatalog(bundledFolder: BundledScenariosTests.folder, userFolders: [])
        #expect(full.scenarios.count >= 18)
        for scenario in full.scenarios {
            let byID = ScenarioCatalog(
                bundledFolder: BundledScenariosTests.folder, userFolders: [],
                only: { [id = scenario.id] in $0.id == id })
            #expect(byID.scenarios.map(\.id) == [scenario.id])
            let byRole = ScenarioCatalog(
                bundledFolder: BundledScenariosTests.folder, userFolders: [],
                only: { [role = scenario.role, kind = scenario.kind.rawValue] in $0.role == role && $0.kind == kind })
            #expect(
                byRole.scenario(role: scenario.role, kind: scenario.kind)?.id
                    == full.scenario(role: scenario.role, kind: scenario.kind)?.id)
        }
    }

    @Test func aUserFileStillReplacesTheBundledOneWithItsID() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "headline-\(UInt32.random(in: 0...UInt32.max))"
        ).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bundled = try String(contentsOfFile: BundledScenariosTests.folder + "/nursing-first.yaml", encoding: .utf8)
        try bundled.replacingOccurrences(
            of: "title: ", with: "title: Mine — ", options: [], range: bundled.range(of: "title: ")
        )
        .write(toFile: folder + "/zz-mine.yaml", atomically: true, encoding: .utf8)
        let catalog = ScenarioCatalog(
            bundledFolder: BundledScenariosTests.folder, userFolders: [folder],
            only: { $0.id == "nursing-first" })
        let entry = try #require(catalog.entries.first)
        #expect(catalog.entries.count == 1)
        #expect(entry.origin == .user)
        #expect(entry.scenario.title.hasPrefix("Mine — "))
    }
}
