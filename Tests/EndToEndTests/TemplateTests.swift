import Foundation
import Testing

/// The templates are what users start from, and `output/` is what the README shows.
@Suite("templates and output/")
struct TemplateTests {
    static let templates = ["service-center", "online-store", "blank"]

    /// Clean under `lint --strict`: a warning the template keeps on purpose carries a
    /// `# cjm-ignore` with its reason.
    @Test(arguments: templates) func templateLintsCleanUnderStrict(_ name: String) throws {
        let outcome = try CJMProcess.run(["lint", "--strict", repositoryRoot.appendingPathComponent("templates/\(name).cjm").path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
    }

    /// Fails when someone edits a template or the renderer without re-rendering `output/`
    /// (`scripts/quickstart.sh` re-renders it).
    @Test func committedSVGsInOutputAreFresh() throws {
        let outcome = try CJMProcess.run(["render", "templates", "-o", "output", "-f", "svg", "--all-views", "--check"], in: repositoryRoot)
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }
}
