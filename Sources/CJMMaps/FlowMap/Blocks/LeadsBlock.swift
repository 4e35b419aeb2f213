import CJMModel
import CJMViewGraph

/// The lead funnel: a row of lead stages with its junk exit.
enum LeadsBlock {
    static func build(_ leads: Leads?, context: inout FlowMapContext) -> MapFragment {
        guard let leads, !leads.stages.isEmpty else { return MapFragment() }
        let cluster = context.ids.make("leads", leads.path)
        let label = leads.label.isEmpty ? context.words.leads : leads.label
        var (fragment, anchors) = StageRow.build(leads.stages, kindName: context.words.leadStageKind, cluster: cluster, context: &context)
        fragment.clusters.insert(context.blockCluster(id: cluster, kind: .leads, label: label), at: 0)
        if let first = anchors.first {
            context.placed.anchor(leads.path, source: anchors.lastOpen ?? first, target: first)
        }
        return fragment
    }
}
