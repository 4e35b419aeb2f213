import CJMMaps
import CJMModel
import CJMViewGraph
import Testing

/// `--direction` and `--legend` in the composed flow map, checked from the coordinates the
/// composition wrote (Graphviz's: y grows upwards), the blocks laid out for real by `dot`.
@Suite(.enabled(if: ComposedMaps.workerIsBuilt, "needs the built cjm executable"))
struct DirectionAndLegendTests {
    let theme = Theme.named(.default)

    func composed(view: String, direction: MapDirection? = nil, legend: LegendPlacement? = nil) throws -> ViewGraph {
        let journey = try ComposedLayoutTests.journey("service-center")
        let draft = try #require(MapCatalog.build(view: view, journey: journey, persona: nil, theme: theme,
                                                  shape: MapShape(direction: direction, legend: legend)))
        // The fit a command gives a map read down: 12-pt text legible 800 px wide.
        return draft.compose(try ComposedMaps.geometries(draft), fitWidth: draft.shownWidth.map { 12 * $0 / 9 })
    }

    func centre(_ graph: ViewGraph, _ id: String) throws -> Point {
        try #require(graph.nodes.first { $0.id == id }?.position, "no node \(id)")
    }

    /// The repair pipeline's working stages, in order.
    let chain = ["stage-repair-new", "stage-repair-diag", "stage-repair-offer", "stage-repair-invoice", "stage-repair-work", "stage-repair-done", "stage-repair-won"]

    @Test func downRunsAPipelineTopToBottomAndTheBlocksInReadingOrder() throws {
        let graph = try composed(view: "repair_fn", direction: .down)
        let stages = try chain.map { try centre(graph, $0) }
        // y (upwards) falls along the pipeline: each stage lower than the one before it.
        for (earlier, later) in zip(stages, stages.dropFirst()) { #expect(later.y < earlier.y - 20) }
        // Channels above the CRM above the leads above the deals.
        let crm = try centre(graph, "crm-bitrix"), lead = try centre(graph, "stage-leads-new"), channel = try centre(graph, "channel-calls")
        #expect(channel.y > crm.y && crm.y > lead.y && lead.y > stages[0].y)
        #expect(graph.title?.contains("\n") == false || graph.title!.split(separator: "\n").count <= 2)

        let right = try composed(view: "repair_fn", direction: .right)
        let across = try chain.map { try centre(right, $0) }
        for (earlier, later) in zip(across, across.dropFirst()) { #expect(later.x > earlier.x + 20) }
    }

    @Test func aNamedViewTakesItsJourneysDirectionUnlessItSaysOtherwise() throws {
        var journey = try ComposedLayoutTests.journey("service-center")
        journey.direction = .down
        let shape = MapShape().resolved(view: journey.views[0], journey: journey)
        #expect(shape.direction == .down && shape.legend == .auto && shape.shownWidth == MapShape.docsColumnWidth)
        journey.views[0].direction = .right
        #expect(MapShape().resolved(view: journey.views[0], journey: journey).direction == .right)
        #expect(MapShape(direction: .down).resolved(view: journey.views[0], journey: journey).direction == .down)
    }

    /// The legend cluster's frame and the union of every other node's box.
    func legendAndMap(_ graph: ViewGraph) throws -> (legend: Rect, map: Rect) {
        let legend = try #require(graph.clusters.first { $0.id == "legend" }?.frame)
        var map: Rect?
        for node in graph.nodes where node.cluster != "legend" {
            let box = Rect(centre: try #require(node.position), size: try #require(node.size))
            map = map.map { $0.union(box) } ?? box
        }
        return (legend, try #require(map))
    }

    @Test func legendStripsGoWhereTheyAreAskedAndOffRemovesIt() throws {
        let bottom = try legendAndMap(try composed(view: "repair_fn", direction: .down, legend: .bottom))
        #expect(bottom.legend.maxY <= bottom.map.minY + 0.5, "a bottom strip lies under the whole map")
        let right = try legendAndMap(try composed(view: "repair_fn", direction: .right, legend: .right))
        #expect(right.legend.minX >= right.map.maxX - 0.5 || !right.legend.overlaps(right.map), "a right strip overlaps nothing")
        #expect(right.legend.height > right.legend.width, "down the side: taller than wide")
        let off = try composed(view: "repair_fn", legend: .off)
        #expect(!off.nodes.contains { $0.classes.contains("legend") } && !off.clusters.contains { $0.id == "legend" })
        // The legend lists only kinds present: this view has no ads, pages or touchpoints.
        let auto = try composed(view: "repair_fn", direction: .down)
        let entries = auto.nodes.filter { $0.cluster == "legend" }.map(\.id)
        #expect(entries.contains("legend-stage") && entries.contains("legend-auto") && !entries.contains("legend-ad") && !entries.contains("legend-page"))
    }

    @Test func theSameJourneyReadDownComposesTheSameTwice() throws {
        #expect(try composed(view: "flow", direction: .down) == composed(view: "flow", direction: .down))
    }
}
