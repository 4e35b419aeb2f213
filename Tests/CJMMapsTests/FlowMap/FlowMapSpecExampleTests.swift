import Foundation
import CJMModel
import CJMSyntax
import CJMViewGraph
import Testing
@testable import CJMMaps

/// The SPEC's complete example through the real parser and checker: the map drawn from it has
/// the same boxes and arrows as the hand-built fixture the other flow-map tests use.
@Suite struct FlowMapSpecExampleTests {
    /// The SPEC's example, read from its one copy in Tests/Fixtures.
    static let text: String = {
        let path = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/spec-example.cjm").path
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }()

    @Test func checkedSpecExampleDrawsTheFixturesMap() throws {
        let result = Checker.check(SourceFile(path: "technoplus.cjm", text: Self.text))
        let journey = try #require(result.journey, "\(result.diagnostics)")
        let theme = Theme.named(.default)
        let checked = FlowMap.build(journey, theme: theme)
        let fixture = FlowMap.build(ServiceCenterJourney.journey(), theme: theme)
        #expect(checked.nodes.map(\.id) == fixture.nodes.map(\.id))
        #expect(checked.clusters.map(\.id) == fixture.clusters.map(\.id))
        let arrows = { (graph: ViewGraph) in graph.edges.map { "\($0.from) -> \($0.to) \($0.classes) \($0.style.line)" }.sorted() }
        #expect(arrows(checked) == arrows(fixture))
        #expect(checked.sameRank == fixture.sameRank)
    }
}
