import Foundation
import Testing

/// `cjm lint`, and `--strict` on `lint`, `check` and `render`, as a user runs them.
@Suite("cjm lint")
struct LintCommandTests {
    /// A valid journey with exactly one warning: W002 on line 3, column 11.
    static let oneWarning = """
    journey "Магазин" {
      crm main "CRM"
      channel kufar "kufar.by" kind: classified crm: manual
      leads { stage new "Новый" }
      pipeline sales "Продажи" {
        stage new "Новая" { auto "Напоминание" kind: email after: 5d }
        stage won "Успех" won
        stage lost "Провал" lost
      }
    }

    """

    func write(_ text: String, in folder: URL, name: String = "map.cjm") throws -> String {
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func lintPrintsWarningsCompilerStyleAndExitsZero() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try write(Self.oneWarning, in: folder)
        let outcome = try CJMProcess.run(["lint", file])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == """
            \(file):3:11: warning[W002]: requests from channel `kufar` reach the CRM only by hand (`crm: manual`)
                3 |   channel kufar "kufar.by" kind: classified crm: manual
                  |           ^~~~~
            note: connect the channel to the CRM so each request becomes a lead by itself, or postpone the channel until it can be

            """)
    }

    @Test func strictFailsLintCheckAndRenderWithExit1() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try write(Self.oneWarning, in: folder)
        for command in [["lint"], ["check"], ["render", "-o", folder.appendingPathComponent("map.svg").path]] {
            let outcome = try CJMProcess.run(command + ["--strict", file])
            #expect(outcome.status == 1, "\(command): \(outcome.stderr)")
            #expect(outcome.stderr.contains("warning[W002]"))
            #expect(outcome.stderr.hasSuffix("cjm: warnings found and --strict is set: failing, nothing written\n"))
        }
        // The strict render wrote nothing; without --strict it writes the map and says the same.
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("map.svg").path))
        let render = try CJMProcess.run(["render", file, "-o", folder.appendingPathComponent("map.svg").path])
        #expect(render.status == 0)
        #expect(render.stderr.contains("warning[W002]"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("map.svg").path))
        #expect(try CJMProcess.run(["check", file]).status == 0)
    }

    @Test func strictOnACleanJourneyExitsZeroAndAnErrorStill65() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clean = try write(Self.oneWarning.replacingOccurrences(of: "crm: manual", with: "crm: auto"), in: folder, name: "clean.cjm")
        let outcome = try CJMProcess.run(["lint", "--strict", clean])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
        let broken = try write(Self.oneWarning.replacingOccurrences(of: "crm: manual", with: "crm: manul"), in: folder, name: "bad.cjm")
        #expect(try CJMProcess.run(["lint", "--strict", broken]).status == 65)
    }

    @Test func jsonWarningsAreOneObjectPerLine() throws {
        let outcome = try CJMProcess.run(["lint", "--diagnostics", "json", "-"], stdin: Data(Self.oneWarning.utf8))
        #expect(outcome.status == 0)
        let lines = outcome.stdoutText.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(outcome.stderr.isEmpty, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["severity"] as? String == "warning")
        #expect(object["code"] as? String == "W002")
        #expect(object["line"] as? Int == 3)
        #expect(object["column"] as? Int == 11)
        #expect(object["file"] as? String == "<stdin>")
    }

    @Test func listPrintsEveryRuleWithCodeNameAndRationale() throws {
        let outcome = try CJMProcess.run(["lint", "--list"])
        #expect(outcome.status == 0)
        let lines = outcome.stdoutText.split(separator: "\n")
        #expect(lines.count == 13)
        #expect(lines.first?.hasPrefix("W001  unpromoted-page  ") == true)
        #expect(lines.contains { $0.hasPrefix("W013  unused-ignore  ") })
    }

    @Test func lintWithoutFilesIsAUsageError() throws {
        #expect(try CJMProcess.run(["lint"]).status == 64)
    }
}
