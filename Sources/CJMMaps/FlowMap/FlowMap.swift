import CJMModel
import CJMViewGraph

/// The core map of seed 001, read left to right: channels → CRM → lead stages → deal
/// pipelines (one row each) → site pages ← ads, with touchpoints beside their channels and a
/// legend of what the map uses.
///
/// Each block is built on its own (`ChannelsBlock`, `CRMBlock`, `LeadsBlock`, `PipelinesBlock`,
/// `SiteBlock`, `AdsBlock`, `TouchpointsBlock`); this type composes them, draws the journey's
/// flows between the nodes present, and adds invisible ranking edges that keep the blocks in
/// reading order. The same journey always gives the same graph.
public enum FlowMap {
    /// The id of the graph (SVG root id).
    public static let graphID = "flow"

    /// The flow map of `journey` in `theme` (whose `style` rules are already applied), its
    /// block titles in `language` (by default the journey's: a view passes its whole journey's).
    public static func build(_ journey: Journey, theme: Theme, language: MapLanguage? = nil) -> ViewGraph {
        var context = FlowMapContext(theme: theme, language: language ?? MapLanguage.of(journey))
        let readingOrder = [
            ChannelsBlock.build(journey.channels, context: &context),
            CRMBlock.build(journey.crm, context: &context),
            LeadsBlock.build(journey.leads, context: &context),
            PipelinesBlock.build(journey.pipelines, context: &context),
            SiteBlock.build(journey.sites, flows: journey.flows, context: &context),
            AdsBlock.build(journey.adNetworks, context: &context),
        ]
        var map = MapFragment()
        for block in readingOrder { map.append(block) }
        map.append(TouchpointsBlock.build(journey.touchpoints, context: &context))
        map.edges += FlowEdges.build(journey, context: &context)
        SiteBlock.markUnpromoted(&map.nodes, edges: map.edges)
        map.edges += BlockOrder.edges(readingOrder, existing: map.edges, ids: &context.ids)
        map.append(Legend.build(nodes: map.nodes, edges: map.edges, context: &context))
        return ViewGraph(
            id: graphID, title: journey.title, layout: .ranked(direction: .leftToRight), style: theme.graph,
            clusters: map.clusters, nodes: map.nodes, edges: map.edges, sameRank: map.sameRank)
    }
}
