import CJMModel
import CJMViewGraph

/// Site pages, one column per site so the ads to their right can point into them.
enum SiteBlock {
    static let defaultLabel = "Сайт"

    static func build(_ sites: [Site], context: inout FlowMapContext) -> MapFragment {
        var fragment = MapFragment()
        for site in sites where !site.pages.isEmpty {
            let cluster = context.ids.make("site", site.path)
            let label = site.label.isEmpty ? defaultLabel : site.label
            fragment.clusters.append(context.blockCluster(id: cluster, kind: .site, label: label))
            var column: [String] = []
            for page in site.pages {
                let id = context.ids.make("page", page.path)
                context.placed.place(page.path, node: id, count: page.count)
                let extra = (page.url.map { [FlowMapContext.urlLine($0)] } ?? []) + FlowMapContext.countLine(page.count)
                fragment.nodes.append(Node(
                    id: id, classes: ["page"], label: context.lines(page.label, extra), style: context.theme.style(for: .page),
                    tooltip: context.tooltip("Страница", page.label, page.path, page.url.map { [$0] } ?? []),
                    url: page.url, cluster: cluster))
                column.append(id)
            }
            context.placed.anchor(site.path, source: column[0], target: column[0])
            if column.count > 1 { fragment.sameRank.append(column) }
            fragment.entries.append(column[0])
            fragment.exits.append(column[0])
        }
        return fragment
    }
}
