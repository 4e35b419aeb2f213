import CJMSyntax
import Foundation
import Testing
import CJMModel

@Suite struct IncludeTests {
    @Test func splicesTheIncludedStatementsInPlace() throws {
        let result = check("""
        journey "T" {
          channel first
          include "parts/channels.cjm"
          channel last
        }
        """, files: ["parts/channels.cjm": "channel tg \"Телеграм\"\nchannel vk\n"])
        #expect(result.diagnostics.isEmpty, "\(locations(result))")
        #expect(result.journey?.channels.map(\.path.id) == ["first", "tg", "vk", "last"])
        #expect(result.journey.map { result.sources[$0.channels[1].source.file].path } == "parts/channels.cjm")
        #expect(Set(result.sources.files.map(\.path)) == ["main.cjm", "parts/channels.cjm"])
    }

    @Test func pathsAreRelativeToTheIncludingFile() throws {
        let result = check("journey \"T\" {\n  include \"parts/a.cjm\"\n}\n", files: [
            "parts/a.cjm": "include \"b.cjm\"\nchannel a\n",
            "parts/b.cjm": "channel b\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(locations(result))")
        #expect(result.journey?.channels.map(\.path.id) == ["b", "a"])
        #expect(result.sources.file(path: "parts/b.cjm") != nil)
    }

    @Test func includedIdsAreReferableBothWays() throws {
        let result = check("journey \"T\" {\n  include \"site.cjm\"\n  channel mail\n}\n", files: [
            "site.cjm": "site { page home }\nmail -> home\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(locations(result))")
        #expect(flowLines(result.journey).last == "mail -> site.home explicit")
    }

    @Test func diagnosticsPointIntoTheIncludedFile() {
        let result = check("journey \"T\" {\n  include \"parts/a.cjm\"\n}\n", files: [
            "parts/a.cjm": "channel a\nchannel b \"Б\" count: -3\n",
        ])
        #expect(locations(result) == ["E032@parts/a.cjm:2:22"])
        #expect(result.sources.file(path: "parts/a.cjm")?.lineText(2) == "channel b \"Б\" count: -3")
    }

    @Test func syntaxErrorsOfAnIncludedFileAreReported() {
        let result = check("journey \"T\" {\n  include \"a.cjm\"\n}\n", files: ["a.cjm": "channel \"не закрыта\n"])
        #expect(result.diagnostics.first?.range.file == "a.cjm")
        #expect(result.diagnostics.contains { $0.code == .unterminatedString && $0.range.file == "a.cjm" })
        #expect(result.validJourney == nil)
    }

    @Test func missingFile() {
        let result = check("journey \"T\" {\n  include \"нет.cjm\"\n}\n")
        #expect(locations(result) == ["E050@2:11"])
        #expect(result.diagnostics.first?.message.contains("нет.cjm") == true)
    }

    @Test func cycleThroughTwoFiles() throws {
        let result = check("journey \"T\" {\n  include \"a.cjm\"\n}\n", files: [
            "a.cjm": "channel a\ninclude \"b.cjm\"\n",
            "b.cjm": "\n\ninclude \"a.cjm\"\n",
        ])
        #expect(locations(result) == ["E051@b.cjm:3:9"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "include cycle: a.cjm → b.cjm → a.cjm")
        #expect(diagnostic.notes.map(\.message) == ["the chain: a.cjm → b.cjm → a.cjm", "`a.cjm` includes `b.cjm` here"])
        #expect(diagnostic.notes.last?.range?.file == "a.cjm")
        #expect(diagnostic.notes.last?.range?.start.line == 2)
    }

    @Test func theRootIncludingItself() {
        let result = check("journey \"T\" {\n  include \"main.cjm\"\n}\n")
        #expect(locations(result) == ["E051@2:11"])
        #expect(result.diagnostics.first?.message == "include cycle: main.cjm → main.cjm")
    }

    @Test func theSameFileTwiceIsRefusedAtTheSecondInclude() throws {
        let result = check("journey \"T\" {\n  include \"a.cjm\"\n  include \"a.cjm\"\n}\n", files: ["a.cjm": "channel a\n"])
        // Not a cycle, and not a pile of duplicate ids either: one error at the repeat.
        #expect(locations(result) == ["E053@3:11"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "`a.cjm` is already included in this journey; each file is spliced in once")
        #expect(diagnostic.notes.map(\.message) == ["first included here", "included again through: main.cjm → a.cjm"])
        #expect(diagnostic.notes.first?.range?.start.line == 2)
    }

    @Test func aFanOutBombEndsAtTheFirstRepeatOfEachFile() throws {
        // Each file includes the next one twice, 40 deep: spliced naively, 2^40 copies.
        var files: [String: String] = ["f40.cjm": "channel leaf\n"]
        for level in 0..<40 { files["f\(level).cjm"] = String(repeating: "include \"f\(level + 1).cjm\"\n", count: 2) }
        let result = check("journey \"T\" {\n  include \"f0.cjm\"\n}\n", files: files, limits: Limits(maxNestingDepth: 64))
        #expect(result.journey?.channels.map(\.path.id) == ["leaf"])
        #expect(result.sources.files.count == 42)
        #expect(result.diagnostics.count == 40)
        #expect(result.diagnostics.allSatisfy { $0.code == .includeRepeated && $0.range.start.line == 2 })
        let deepest = try #require(result.diagnostics.first { $0.range.file == "f39.cjm" })
        #expect(deepest.notes.last?.message.hasPrefix("included again through: main.cjm → f0.cjm → f1.cjm → ") == true)
    }

    @Test func anUnreadableFileIncludedTwiceIsReportedOnce() {
        let result = check("journey \"T\" {\n  include \"a.cjm\"\n  include \"b.cjm\"\n}\n",
                           files: ["a.cjm": "include \"big.cjm\"\n", "b.cjm": "include \"big.cjm\"\n",
                                   "big.cjm": "#" + String(repeating: "ж", count: 100) + "\n"],
                           limits: Limits(maxFileBytes: 150))
        #expect(locations(result) == ["E006@a.cjm:1:9"])
    }

    @Test func escapingWithDotDot() {
        let result = check("journey \"T\" {\n  include \"../secret.cjm\"\n}\n", path: "maps/main.cjm",
                           files: ["secret.cjm": "channel s\n"])
        #expect(result.diagnostics.map(\.code) == [.includeOutsideTree])
        #expect(result.diagnostics.first?.range.start.column == 11)
    }

    @Test func dotDotThatStaysInsideIsFine() {
        let result = check("journey \"T\" {\n  include \"parts/../a.cjm\"\n}\n", files: ["a.cjm": "channel a\n"])
        #expect(result.diagnostics.isEmpty, "\(locations(result))")
    }

    @Test func absolutePath() {
        let result = check("journey \"T\" {\n  include \"/etc/passwd\"\n}\n")
        #expect(locations(result) == ["E052@2:11"])
    }

    @Test func anIncludedFileHasNoJourneyWrapper() {
        let result = check("journey \"T\" {\n  include \"a.cjm\"\n}\n", files: ["a.cjm": "journey \"A\" {\n}\n"])
        #expect(locations(result) == ["E021@a.cjm:1:1"])
    }

    @Test func includesTogetherStayUnderTheSizeCap() {
        // Four small files together exceed the cap, though each is under it.
        let part = "# комментарий\n" + String(repeating: "# комментарий\n", count: 20)
        let limits = Limits(maxFileBytes: part.utf8.count * 3)
        let result = check("journey \"T\" {\n" + (1...4).map { "  include \"\($0).cjm\"\n" }.joined() + "}\n",
                           files: Dictionary(uniqueKeysWithValues: (1...4).map { ("\($0).cjm", part) }), limits: limits)
        #expect(result.diagnostics.contains { $0.code == .fileTooLarge && $0.range.start.line == 5 })
    }

    @Test func symlinkOutOfTheTreeOnTheRealFileSystem() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-include-\(UUID().uuidString)")
        let maps = root.appendingPathComponent("maps")
        try FileManager.default.createDirectory(at: maps.appendingPathComponent("parts"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try "channel secret\n".write(to: root.appendingPathComponent("outside.cjm"), atomically: true, encoding: .utf8)
        try "channel inside\n".write(to: maps.appendingPathComponent("parts/inside.cjm"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: maps.appendingPathComponent("escape.cjm").path,
                                                   withDestinationPath: "../outside.cjm")
        try FileManager.default.createSymbolicLink(atPath: maps.appendingPathComponent("fine.cjm").path,
                                                   withDestinationPath: "parts/inside.cjm")
        let mainPath = maps.appendingPathComponent("main.cjm").path
        let text = "journey \"T\" {\n  include \"fine.cjm\"\n  include \"escape.cjm\"\n  include \"missing.cjm\"\n}\n"
        let result = Checker.check(SourceFile(path: mainPath, text: text), loader: .fileSystem)
        #expect(result.diagnostics.map(\.code) == [.includeOutsideTree, .includeNotFound])
        #expect(result.diagnostics.map(\.range.start.line) == [3, 4])
        #expect(result.diagnostics.first?.message.contains("symlink") == true)
    }
}
