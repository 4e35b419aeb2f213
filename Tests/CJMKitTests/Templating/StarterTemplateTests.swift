@testable import CJMKit
import Foundation
import Testing

@Suite struct StarterTemplateTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The binary carries exactly what `templates/` holds, so `cjm init` and the repository agree.
    @Test(arguments: StarterTemplate.allCases) func embeddedTextIsTheTemplateFile(_ template: StarterTemplate) throws {
        let file = Self.root.appendingPathComponent("templates/\(template.rawValue).cjm")
        #expect(template.text == [UInt8](try Data(contentsOf: file)))
    }

    @Test(arguments: StarterTemplate.allCases) func everyTemplateChecksClean(_ template: StarterTemplate) {
        let compiled = JourneyCompiler.compile(template.text, path: "\(template.rawValue).cjm")
        #expect(compiled.diagnostics.isEmpty, "\(compiled.diagnostics.map(\.message))")
        #expect(compiled.journey != nil)
    }

    @Test func writeNewRefusesAnExistingFileAndLeavesItAlone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("journey.cjm").path
        #expect(throws: Never.self) { try AtomicFile.writeNew(Array("первый".utf8), to: target).get() }
        let second = AtomicFile.writeNew(Array("второй".utf8), to: target)
        guard case .failure(let failure) = second else { Issue.record("overwrote an existing file"); return }
        #expect(failure.reason == String(cString: strerror(EEXIST)))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "первый")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["journey.cjm"])
    }
}
