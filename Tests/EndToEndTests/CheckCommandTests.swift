import Foundation
import Testing

@Suite("cjm check")
struct CheckCommandTests {
    let example = repositoryRoot.appendingPathComponent("Tests/Fixtures/spec-example.cjm").path

    @Test func validJourneyExitsZeroAndPrintsOnlyItsWarnings() throws {
        let outcome = try CJMProcess.run(["check", example])
        #expect(outcome.status == 0)
        #expect(!outcome.stderr.contains("error"))
        #expect(outcome.stderr.contains("spec-example.cjm:40:12: warning[W005]: pipeline `parts` has no `lost` stage"))
    }

    @Test func invalidJourneyPrintsCompilerStyleDiagnosticAndExits65() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.cjm")
        try """
        journey "Магазин" {
          channel tg "Телеграм" kind: messenger
          pipeline sales "Продажи" {
            stage new "Новая"
          }
          тг -> sales.new
        }
        """.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try CJMProcess.run(["check", file.path])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("\(file.path):6:3: error[E040]"))
        #expect(outcome.stderr.contains("  тг -> sales.new"))
        // The caret sits under the third character of the line, counted in letters, not bytes.
        let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let sourceIndex = try #require(lines.firstIndex { $0.hasSuffix("тг -> sales.new") })
        let sourceLine = lines[sourceIndex], caretLine = lines[sourceIndex + 1]
        let column = try #require(sourceLine.range(of: "тг")).lowerBound
        let caretColumn = try #require(caretLine.firstIndex(of: "^"))
        #expect(sourceLine.distance(from: sourceLine.startIndex, to: column) == caretLine.distance(from: caretLine.startIndex, to: caretColumn))
    }

    @Test func jsonDiagnosticsAreOneObjectPerLine() throws {
        let outcome = try CJMProcess.run(["check", "--diagnostics", "json", "-"], stdin: Data("journey \"x\" {\n  chanel a\n}\n".utf8))
        #expect(outcome.status == 65)
        // Output a program asked for: on stdout, so `| jq` works; nothing on stderr.
        let lines = outcome.stdoutText.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(outcome.stderr.isEmpty, "\(outcome.stderr)")
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["file", "line", "column", "endLine", "endColumn", "severity", "code", "message", "notes"] {
                #expect(object[key] != nil, "missing \(key) in \(line)")
            }
        }
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["line"] as? Int == 2)
        #expect(first["code"] as? String == "E020")
        #expect((first["message"] as? String)?.contains("channel") == true)
    }

    @Test func missingFileExits66() throws {
        let outcome = try CJMProcess.run(["check", "/nonexistent/map.cjm"])
        #expect(outcome.status == 66)
        #expect(outcome.stderr.contains("/nonexistent/map.cjm"))
    }

    @Test func unknownFlagExits64() throws {
        let outcome = try CJMProcess.run(["check", "--bogus", example])
        #expect(outcome.status == 64)
    }
}
