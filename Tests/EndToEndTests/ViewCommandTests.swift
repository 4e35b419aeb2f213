import Foundation
import Testing

@Suite("cjm render --view / --all-views")
struct ViewCommandTests {
    let store = repositoryRoot.appendingPathComponent("templates/online-store.cjm")

    @Test func boardShowsPhasesAndTouchpointTexts() throws {
        let outcome = try CJMProcess.run(["render", store.path, "--view", "board", "-o", "-"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let svg = outcome.stdoutText
        // Phase titles appear left to right in the order the template writes them.
        let phases = ["Осведомлённость", "Рассмотрение", "Покупка", "Удержание", "Рекомендация"]
        let offsets = try phases.map { try #require(svg.range(of: ">\($0)<")?.lowerBound, "missing \($0)") }
        #expect(offsets == offsets.sorted())
        #expect(svg.contains("Эмоции"))
    }

    @Test func allViewsWritesOneFilePerView() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CJMProcess.run(["render", store.path, "--all-views", "-o", folder.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(files.isSuperset(of: ["online-store.flow.svg", "online-store.board.svg", "online-store.ads_only.svg"]))
    }

    @Test func namedViewLeavesOutWhatItDoesNotName() throws {
        let full = try CJMProcess.run(["render", store.path, "-o", "-"])
        let ads = try CJMProcess.run(["render", store.path, "--view", "ads_only", "-o", "-"])
        #expect(full.status == 0 && ads.status == 0, "\(ads.stderr)")
        // The CRM is on the full map and not in the ads view.
        #expect(full.stdoutText.contains("class=\"node crm"))
        #expect(!ads.stdoutText.contains("class=\"node crm"))
        #expect(ads.stdout.count < full.stdout.count)
    }

    @Test func unknownPersonaIsACommandLineError() throws {
        let outcome = try CJMProcess.run(["render", store.path, "--view", "board", "--persona", "nobody", "-o", "-"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("nobody"))
    }
}
