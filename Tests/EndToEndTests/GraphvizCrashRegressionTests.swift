import Foundation
import Testing

/// Maps on which Graphviz 2.42's layout cleanup double-frees (SIGABRT) must still render.
@Suite("Graphviz crash regressions")
struct GraphvizCrashRegressionTests {
    @Test(arguments: [
        ("graphviz-crash-page-edges.cjm", "flow"),
        ("graphviz-crash-phase-view.cjm", "purchase_only"),
    ])
    func rendersWithoutCrashing(_ fixture: String, _ view: String) throws {
        let input = repositoryRoot.appendingPathComponent("Tests/Fixtures/\(fixture)").path
        for format in ["svg", "png"] {
            let outcome = try CJMProcess.run(["render", input, "--view", view, "-f", format, "-o", "-"])
            #expect(outcome.status == 0, "\(fixture) as \(format): \(outcome.stderr)")
            #expect(outcome.stdout.count > 1000)
        }
    }
}
