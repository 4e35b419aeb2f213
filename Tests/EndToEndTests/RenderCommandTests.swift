import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("cjm render")
struct RenderCommandTests {
    let example = repositoryRoot.appendingPathComponent("Tests/Fixtures/spec-example.cjm")

    /// A scratch folder holding a copy of the SPEC's example as `map.cjm`.
    func scratchWithExample() throws -> (folder: URL, input: URL) {
        let folder = try makeScratchFolder()
        let input = folder.appendingPathComponent("map.cjm")
        try FileManager.default.copyItem(at: example, to: input)
        return (folder, input)
    }

    @Test func rendersSVGBesideTheInputWithEveryLabel() throws {
        let (folder, input) = try scratchWithExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CJMProcess.run(["render", input.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let svg = try String(contentsOf: folder.appendingPathComponent("map.svg"), encoding: .utf8)
        for label in ["Битрикс24", "Новый лид", "Счёт на предоплату", "Напоминание об оплате", "Ремонт станков", "ремонт станков минск", "Реклама в поиске"] {
            #expect(svg.contains(label), "missing \(label)")
        }
        _ = try XMLDocument(data: Data(svg.utf8))
    }

    @Test func formatFollowsTheOutputExtension() throws {
        let (folder, input) = try scratchWithExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, magic) in [("out.png", [0x89, 0x50, 0x4E, 0x47] as [UInt8]), ("out.pdf", Array("%PDF".utf8)), ("out.dot", Array("digraph".utf8))] {
            let outcome = try CJMProcess.run(["render", input.path, "-o", folder.appendingPathComponent(name).path])
            #expect(outcome.status == 0, "\(name): \(outcome.stderr)")
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
            #expect(Array(bytes.prefix(magic.count)) == magic, "\(name) starts wrong")
        }
    }

    @Test func severalFormatsIntoAFolderAndStdout() throws {
        let (folder, input) = try scratchWithExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("maps")
        let outcome = try CJMProcess.run(["render", input.path, "-f", "svg,png", "-o", out.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("map.svg").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("map.png").path))

        let piped = try CJMProcess.run(["render", input.path, "-o", "-"])
        #expect(piped.status == 0)
        #expect(piped.stdout == (try Data(contentsOf: out.appendingPathComponent("map.svg"))))
    }

    @Test func sameInputGivesSameBytesInEveryFormat() throws {
        let (folder, input) = try scratchWithExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["svg", "png", "pdf", "dot"] {
            let first = try CJMProcess.run(["render", input.path, "-f", format, "-o", "-"])
            let second = try CJMProcess.run(["render", input.path, "-f", format, "-o", "-"])
            #expect(first.status == 0 && second.status == 0)
            #expect(!first.stdout.isEmpty)
            #expect(first.stdout == second.stdout, "\(format) differs between runs")
        }
    }

    @Test func invalidInputWritesNothingAndKeepsExistingOutput() throws {
        let (folder, input) = try scratchWithExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let existing = folder.appendingPathComponent("map.svg")
        try Data("old map".utf8).write(to: existing)
        try (String(contentsOf: input, encoding: .utf8) + "\nstage orphan\n").write(to: input, atomically: true, encoding: .utf8)
        let outcome = try CJMProcess.run(["render", input.path, "-f", "svg,png"])
        #expect(outcome.status == 65)
        #expect(try Data(contentsOf: existing) == Data("old map".utf8))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("map.png").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func neverOverwritesAnInput() throws {
        let (folder, input) = try scratchWithExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Data(contentsOf: input)
        let outcome = try CJMProcess.run(["render", input.path, "-f", "svg", "-o", input.path])
        #expect(outcome.status == 73)
        #expect(try Data(contentsOf: input) == before)
    }

    @Test func checkModeReportsStaleMaps() throws {
        let (folder, input) = try scratchWithExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CJMProcess.run(["render", input.path]).status == 0)
        #expect(try CJMProcess.run(["render", input.path, "--check"]).status == 0)
        try (String(contentsOf: input, encoding: .utf8).replacingOccurrences(of: "Битрикс24", with: "amoCRM"))
            .write(to: input, atomically: true, encoding: .utf8)
        let stale = try CJMProcess.run(["render", input.path, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("stale"))
    }

    @Test func badCommandLinesExit64() throws {
        let (folder, input) = try scratchWithExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CJMProcess.run(["render", input.path, "-f", "gif"]).status == 64)
        let unknownView = try CJMProcess.run(["render", input.path, "--view", "nope"])
        #expect(unknownView.status == 64)
        #expect(unknownView.stderr.contains("flow") && unknownView.stderr.contains("board"))
        #expect(try CJMProcess.run(["render", input.path, "--theme", "neon"]).status == 64)
        let hugeDPI = try CJMProcess.run(["render", input.path, "-o", folder.appendingPathComponent("map.png").path, "--dpi", "100000"])
        #expect(hugeDPI.status == 64)
        #expect(hugeDPI.stderr.contains("--dpi 100000 is out of range; use 36…600"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("map.png").path))
    }

    @Test func missingInputExits66() throws {
        #expect(try CJMProcess.run(["render", "/nonexistent/map.cjm"]).status == 66)
    }

    @Test func layoutTimeoutIsAnInternalFailureAndWritesNothing() throws {
        let (folder, input) = try scratchWithExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CJMProcess.run(["render", input.path, "--timeout", "0.001"])
        #expect(outcome.status == 70)
        #expect(outcome.stderr.contains("--timeout"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("map.svg").path))
    }
}
