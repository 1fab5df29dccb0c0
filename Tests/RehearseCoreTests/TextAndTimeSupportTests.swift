import Testing

@testable import RehearseCore

@Suite struct NumberTextTests {
    @Test(arguments: [
        (3.14159, 1, "3.1"), (2.25, 1, "2.3"), (0.04, 1, "0.0"), (-0.04, 1, "0.0"), (-1.25, 1, "-1.3"),
        (41.2, 1, "41.2"), (9.99, 1, "10.0"), (1.5, 6, "1.500000"), (0.000001, 6, "0.000001"), (7, 0, "7"),
    ])
    func fixedDecimals(value: Double, places: Int, expected: String) {
        #expect(NumberText.fixed(value, places: places) == expected)
    }

    @Test func paddingAndAlignment() {
        #expect(NumberText.padded(7, width: 2) == "07")
        #expect(NumberText.padded(123, width: 2) == "123")
        #expect(NumberText.padded(0x9b, width: 4, radix: 16) == "009b")
        #expect(NumberText.rightAligned("4.5", width: 5) == "  4.5")
        #expect([2, 0.5, -1, 1.25].map(NumberText.compact) == ["2", "0.5", "-1", "1.25"])
    }

    @Test func trimming() {
        #expect("  a b \t".trimmingBlanks() == "a b")
        #expect("\n a \n".trimmingBlanks() == "\n a \n")
        #expect("\n a \n".trimmingWhitespace() == "a")
        #expect("   ".trimmingWhitespace() == "")
    }

    @Test func lastPathComponents() {
        #expect(lastPathComponent("/a/b/c.jsonl") == "c.jsonl")
        #expect(lastPathComponent("c.jsonl") == "c.jsonl")
        #expect(lastPathComponent("/a/b/") == "b")
    }
}

@Suite struct LocalTimeTests {
    @Test func parsedLocalTimesRoundTrip() throws {
        let date = try #require(LocalTime.parse("2026-11-27 10:15"))
        let parts = LocalTime.parts(of: date)
        #expect([parts.year, parts.month, parts.day, parts.hour, parts.minute] == [2026, 11, 27, 10, 15])
        #expect(LocalTime.minutes(date) == "2026-11-27 10:15")
        #expect(LocalTime.dayAndTime(date) == "Fri 27 Nov, 10:15")
        #expect(LocalTime.parse("2026-11-27T10:15:30").map(LocalTime.parts(of:))?.second == 30)
        #expect(LocalTime.parse("2026-11-27").map(LocalTime.minutes) == "2026-11-27 00:00")
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "26-11-27", "2026-11-27 25:00", "2026-11-27T10", "yesterday", ""])
    func notADate(text: String) {
        #expect(LocalTime.parse(text) == nil)
    }

    @Test func fileNameStampsAreUTC() {
        let date = Date(timeIntervalSince1970: 1_795_774_500)  // 2026-11-27 10:15:00 UTC
        #expect(LocalTime.compactUTC(date) == "2026-11-27T101500Z")
    }
}

@Suite struct PathTextTests {
    @Test func parentFolders() {
        #expect(parentFolder("/a/b/c.jsonl") == "/a/b")
        #expect(parentFolder("/c.jsonl") == "/")
        #expect(parentFolder("c.jsonl") == ".")
        #expect(parentFolder("/a/b/") == "/a")
    }
}
