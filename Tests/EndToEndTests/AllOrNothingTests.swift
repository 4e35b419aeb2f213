import Foundation
import Testing

/// A `cjm render` with several outputs replaces all of them or none (SPEC §5).
@Suite("cjm render: all outputs or none")
struct AllOrNothingTests {
    let formats = ["svg", "png", "pdf"]

    /// A scratch folder with the SPEC's example as `map.cjm` and its maps already rendered
    /// beside it; then the journey is edited, so a new render would change every map.
    func scratchWithOldMaps() throws -> (folder: URL, input: URL, old: [String: Data]) {
        let folder = try makeScratchFolder()
        let input = folder.appendingPathComponent("map.cjm")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Tests/Fixtures/spec-example.cjm"), to: input)
        let first = try CJMProcess.run(["render", input.path, "-f", formats.joined(separator: ",")])
        #expect(first.status == 0, "\(first.stderr)")
        var old: [String: Data] = [:]
        for format in formats { old[format] = try Data(contentsOf: folder.appendingPathComponent("map.\(format)")) }
        try (String(contentsOf: input, encoding: .utf8).replacingOccurrences(of: "Битрикс24", with: "amoCRM"))
            .write(to: input, atomically: true, encoding: .utf8)
        return (folder, input, old)
    }

    /// Only the old maps and the input: no temporaries or backups left behind.
    func expectUntouched(_ folder: URL, _ old: [String: Data], except skipped: String? = nil) throws {
        for format in formats where format != skipped {
            #expect(try Data(contentsOf: folder.appendingPathComponent("map.\(format)")) == old[format], "map.\(format) changed")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == (["map.cjm"] + formats.map { "map.\($0)" }).sorted())
    }

    /// The real worker renders with Graphviz, then exits 0 with nothing, or with half its
    /// frame (the hidden test switch `CJM_TEST_WORKER_FAULT`).
    @Test(arguments: ["exit-silently", "truncate"])
    func aWorkerWithoutItsWholeResultExits70AndKeepsEveryMap(fault: String) throws {
        let (folder, input, old) = try scratchWithOldMaps()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CJMProcess.run(["render", input.path, "-f", formats.joined(separator: ",")],
                                         environment: ["CJM_TEST_WORKER_FAULT": fault])
        #expect(outcome.status == 70)
        #expect(outcome.stderr.contains("the render process ended without delivering the whole map"), "\(outcome.stderr)")
        try expectUntouched(folder, old)
    }

    /// A folder where the PNG or the PDF should go makes that write fail after the maps before
    /// it were staged (PNG: before any is replaced; PDF, the last: after SVG and PNG were).
    @Test(arguments: ["png", "pdf"])
    func aWriteThatFailsPartWayRestoresEveryMapBeforeIt(blocked: String) throws {
        let (folder, input, old) = try scratchWithOldMaps()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("map.\(blocked)")
        try FileManager.default.removeItem(at: target)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        let outcome = try CJMProcess.run(["render", input.path, "-f", formats.joined(separator: ",")])
        #expect(outcome.status == 73)
        #expect(outcome.stderr.contains("cannot write \(target.path): Is a directory"), "\(outcome.stderr)")
        try expectUntouched(folder, old, except: blocked)
    }
}
