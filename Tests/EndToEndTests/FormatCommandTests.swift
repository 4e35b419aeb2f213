import Foundation
import Testing

@Suite("cjm fmt")
struct FormatCommandTests {
    static let journeys = ["templates/blank.cjm", "templates/online-store.cjm", "templates/service-center.cjm",
                           "Tests/Fixtures/spec-example.cjm", "Tests/Fixtures/graphviz-crash-page-edges.cjm",
                           "Tests/Fixtures/graphviz-crash-phase-view.cjm"]

    /// Every `#` comment of a journey file, in order, trailing spaces dropped.
    private func comments(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard let hash = line.firstIndex(of: "#"), !line[..<hash].contains("\"") else { return nil }
            return String(line[hash...]).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test(arguments: journeys)
    func formattingKeepsCommentsAndTheMapAndIsIdempotent(_ journey: String) throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = folder.appendingPathComponent("original.cjm")
        let formatted = folder.appendingPathComponent("formatted.cjm")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(journey), to: original)
        try FileManager.default.copyItem(at: original, to: formatted)

        #expect(try CJMProcess.run(["fmt", formatted.path]).status == 0)
        #expect(try CJMProcess.run(["fmt", "--check", formatted.path]).status == 0)
        let before = try String(contentsOf: original, encoding: .utf8)
        let after = try String(contentsOf: formatted, encoding: .utf8)
        #expect(comments(after) == comments(before))

        for (input, output) in [(original, "a.svg"), (formatted, "b.svg")] {
            #expect(try CJMProcess.run(["render", input.path, "-o", folder.appendingPathComponent(output).path]).status == 0)
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("a.svg")) == Data(contentsOf: folder.appendingPathComponent("b.svg")))
    }

    @Test func aGeneratedJourneyFormatsToTheSameMap() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", repositoryRoot.appendingPathComponent("scripts/generate-journey.py").path, "--elements", "300", "--seed", "3"]
        let pipe = Pipe()
        generator.standardOutput = pipe
        try generator.run()
        let text = pipe.fileHandleForReading.readDataToEndOfFile()
        generator.waitUntilExit()
        let journey = folder.appendingPathComponent("g.cjm")
        try text.write(to: journey)

        let formatted = try CJMProcess.run(["fmt", "-"], stdin: text)
        #expect(formatted.status == 0)
        #expect(comments(formatted.stdoutText) == comments(String(decoding: text, as: UTF8.self)))
        let again = try CJMProcess.run(["fmt", "-"], stdin: formatted.stdout)
        #expect(again.stdout == formatted.stdout)
        let a = try CJMProcess.run(["render", "-", "-f", "svg", "-o", "-"], stdin: text)
        let b = try CJMProcess.run(["render", "-", "-f", "svg", "-o", "-"], stdin: formatted.stdout)
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
    }

    private func messyJourney(in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent("messy.cjm")
        try "journey \"Мебель\" {\n  crm b \"Б\"   # наша CRM\n  site { page home \"Главная\" url: \"/\" }\n}\n".write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func checkNamesTheFileAndWritesNothing() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try messyJourney(in: folder)
        let before = try Data(contentsOf: file)
        let outcome = try CJMProcess.run(["fmt", "--check", file.path])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains(file.path))
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func diffPrintsTheChangeAndWritesNothing() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try messyJourney(in: folder)
        let before = try Data(contentsOf: file)
        let outcome = try CJMProcess.run(["fmt", "--diff", file.path])
        #expect(outcome.status == 0)
        #expect(outcome.stdoutText.hasPrefix("--- \(file.path)\n+++ \(file.path)\n@@ -1,4 +1,6 @@\n"))
        #expect(outcome.stdoutText.contains("-  site { page home \"Главная\" url: \"/\" }\n"))
        #expect(outcome.stdoutText.contains("+  site {\n+    page home \"Главная\" url: \"/\"\n+  }\n"))
        #expect(try Data(contentsOf: file) == before)
        #expect(try CJMProcess.run(["fmt", "--check", "--diff", file.path]).status == 1)
    }

    @Test func writingKeepsThePermissions() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try messyJourney(in: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        #expect(try CJMProcess.run(["fmt", file.path]).status == 0)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("  crm b \"Б\"  # наша CRM\n  site {\n"))
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o640)
    }

    @Test func aFileWithErrorsIsLeftAsItIs() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.cjm")
        try "journey \"Мебель\" {\n  chanel tg \"Телеграм\"\n}\n".write(to: file, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: file)
        let outcome = try CJMProcess.run(["fmt", file.path])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("\(file.path):2:3: error"))
        #expect(outcome.stderr.contains("channel"))
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func aReadOnlyFileIsRefusedWith73() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try messyJourney(in: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        let before = try Data(contentsOf: file)
        let outcome = try CJMProcess.run(["fmt", file.path])
        #expect(outcome.status == 73)
        #expect(outcome.stderr.contains("read-only"))
        #expect(try Data(contentsOf: file) == before)
    }

    @Test func anIncludedPartWithoutAJourneyIsFormattedToo() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let part = folder.appendingPathComponent("part.cjm")
        try "channel tg \"Телеграм\" kind: messenger;  channel vk \"ВКонтакте\" kind: social\n".write(to: part, atomically: true, encoding: .utf8)
        #expect(try CJMProcess.run(["fmt", part.path]).status == 0)
        #expect(try String(contentsOf: part, encoding: .utf8)
            == "channel tg \"Телеграм\"  kind: messenger\nchannel vk \"ВКонтакте\" kind: social\n")
    }
}
