import CJMModel
import CJMViewGraph

/// The core map of seed 001, read left to right: channels → CRM → lead stages → deal
/// pipelines (one row each) → site pages ← ads, with touchpoints before their channels and a
/// legend of what the map uses.
///
/// Each block is built on its own (`ChannelsBlock`, `CRMBlock`, `LeadsBlock`, `PipelinesBlock`,
/// `SiteBlock`, `AdsBlock`, `TouchpointsBlock`); this type joins them, draws the journey's
/// flows between the nodes present and cuts the map into the pieces `dot` lays out alone
/// (`BlockPlan`): each pipeline, the leads, the CRM, each campaign of ads, a site whose pages
/// link to each other, the legend; channels, touchpoints and the pages of a site without
/// such links are measured by `dot` and stacked by the composition. `FlowComposer` then
/// arranges the pieces in reading order into the shape of a sheet and routes the flows
/// between them. The same journey always gives the same graph.
public enum FlowMap {
    /// The id of the graph (SVG root id).
    public static let graphID = "flow"

    /// What the flow map of `journey` shows in `theme` (whose `style` rules are already
    /// applied), its block titles in `language` (by default the journey's: a view passes its
    /// whole journey's): `draft(_:theme:language:).graph`.
    public static func build(_ journey: Journey, theme: Theme, language: MapLanguage? = nil, shape: MapShape = MapShape()) -> ViewGraph {
        draft(journey, theme: theme, language: language, shape: shape).graph
    }

    /// The flow map of `journey`, to be composed from the geometry of its blocks, read the
    /// way `shape` says (its gaps filled from the journey: `MapShape.resolved`).
    public static func draft(_ journey: Journey, theme: Theme, language: MapLanguage? = nil, shape: MapShape = MapShape()) -> MapDraft {
        let shape = shape.resolved(view: nil, journey: journey)
        var context = FlowMapContext(theme: theme, language: language ?? MapLanguage.of(journey))
        context.minConversion = journey.lint.minConversion
        let channels = ChannelsBlock.build(journey.channels, context: &context)
        let crm = CRMBlock.build(journey.crm, context: &context)
        let leads = LeadsBlock.build(journey.leads, context: &context)
        let pipelines = PipelinesBlock.build(journey.pipelines, context: &context)
        let sites = SiteBlock.build(journey.sites, flows: journey.flows, context: &context)
        let ads = AdsBlock.build(journey.adNetworks, context: &context)
        let touchpoints = TouchpointsBlock.build(journey.touchpoints, phases: journey.phases, context: &context)
        var map = MapFragment()
        for block in [channels, crm, leads, pipelines, sites, ads, touchpoints] { map.append(block) }
        map.edges += FlowEdges.build(journey, context: &context)
        SiteBlock.markUnpromoted(&map.nodes, edges: map.edges, words: context.words)
        let (legend, key) = Legend.build(nodes: map.nodes, edges: map.edges, placement: shape.legend ?? .auto, context: &context)
        map.append(legend)
        let graph = ViewGraph(
            id: graphID, title: journey.title, layout: .pinned, style: theme.graph,
            clusters: map.clusters, nodes: map.nodes, edges: map.edges, sameRank: map.sameRank)

        var planner = BlockPlanner(graph: graph, direction: shape.direction ?? .right)
        planner.liftFarReaching(frame: channels.clusters.first?.id,
                                near: [touchpoints.clusters.first?.id, crm.clusters.first?.id, leads.clusters.first?.id])
        if shape.direction == .down {
            // Read down, the channels wrap into a grid across a narrow column, so rows level
            // with them cannot be kept: the touchpoints stay one list in phase order.
            planner.addStack(frame: touchpoints.clusters.first?.id, ordersByNeighbours: false)
        } else {
            // Touchpoints in rows, one per channel, each row in phase order (TouchpointsBlock):
            // every touchpoint's line runs along its channel's row, crossing no other.
            planner.addRows(frame: touchpoints.clusters.first?.id, anchors: channels.clusters.first?.id)
        }
        planner.addStack(frame: channels.clusters.first?.id, ordersByNeighbours: false, alignsWithPrevious: !touchpoints.isEmpty)
        planner.addUnit(root: crm.clusters.first?.id)
        planner.addUnit(root: leads.clusters.first?.id)
        planner.addFramedUnits(frame: pipelines.clusters.first?.id)
        planner.addSites(sites.clusters.map(\.id))
        planner.addAdNetworks(ads.clusters.filter { $0.parent == nil }.map(\.id))
        planner.setLegend(root: legend.clusters.first?.id, key: key, placement: shape.legend ?? .auto)
        return MapDraft(graph: graph, composition: FlowComposition(graph: graph, plan: planner.finish(), sheetAspects: shape.sheetAspects),
                        shownWidth: shape.shownWidth)
    }
}
