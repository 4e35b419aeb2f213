import CJMModel
import CJMViewGraph

/// The hub every integrated channel feeds (e.g. Bitrix24).
enum CRMBlock {
    static let clusterLabel = "CRM"

    static func build(_ crm: CRM?, context: inout FlowMapContext) -> MapFragment {
        guard let crm else { return MapFragment() }
        var fragment = MapFragment()
        let cluster = context.ids.make("crm")
        fragment.clusters.append(context.blockCluster(id: cluster, kind: .crm, label: clusterLabel))
        let id = context.ids.make("crm", crm.path)
        context.placed.place(crm.path, node: id)
        fragment.nodes.append(Node(
            id: id, classes: ["crm"], label: context.lines(crm.label), style: context.theme.style(for: .crm),
            tooltip: context.tooltip("CRM", crm.label, crm.path), cluster: cluster))
        return fragment
    }
}
