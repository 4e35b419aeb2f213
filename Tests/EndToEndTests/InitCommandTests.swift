import Foundation
import Testing

@Suite("cjm init")
struct InitCommandTests {
    static let templates = ["blank", "service-center", "online-store"]

    @Test(arguments: templates) func eachTemplateIsWrittenAndChecksClean(_ name: String) throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CJMProcess.run(["init", "--template", name, "карта.cjm"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let written = folder.appendingPathComponent("карта.cjm")
        #expect(try Data(contentsOf: written) == Data(contentsOf: repositoryRoot.appendingPathComponent("templates/\(name).cjm")))
        // The two commands it suggests are the next steps, and the file passes the first check.
        #expect(outcome.stderr.contains("cjm watch карта.cjm"))
        #expect(outcome.stderr.contains("cjm render карта.cjm -f svg,png"))
        let check = try CJMProcess.run(["check", "карта.cjm"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.isEmpty)
    }

    @Test func withoutArgumentsWritesJourneyCjmFromTheBlankTemplate() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CJMProcess.run(["init"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("journey.cjm"))
                == Data(contentsOf: repositoryRoot.appendingPathComponent("templates/blank.cjm")))
    }

    @Test func refusesToOverwriteAnExistingFile() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let existing = folder.appendingPathComponent("journey.cjm")
        try Data("journey \"Моё\" {}\n".utf8).write(to: existing)
        let outcome = try CJMProcess.run(["init", "--template", "service-center"], in: folder)
        #expect(outcome.status == 73)
        #expect(outcome.stderr.contains("journey.cjm already exists"))
        #expect(try String(contentsOf: existing, encoding: .utf8) == "journey \"Моё\" {}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["journey.cjm"])
    }

    @Test func aFolderGetsJourneyCjmInsideAndDashWritesStdout() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let intoFolder = try CJMProcess.run(["init", "docs/maps/"], in: folder)
        #expect(intoFolder.status == 0, "\(intoFolder.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("docs/maps/journey.cjm").path))
        let toStdout = try CJMProcess.run(["init", "--template", "online-store", "-"], in: folder)
        #expect(toStdout.status == 0)
        #expect(toStdout.stdout == (try Data(contentsOf: repositoryRoot.appendingPathComponent("templates/online-store.cjm"))))
    }

    @Test func listNamesEveryTemplateAndAnUnknownOneIsAUsageError() throws {
        let list = try CJMProcess.run(["init", "--list"])
        #expect(list.status == 0)
        let names = list.stdoutText.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
        #expect(names == Self.templates)
        let unknown = try CJMProcess.run(["init", "--template", "furniture"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("service-center"))
    }
}
