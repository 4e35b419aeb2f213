import CJMModel
import CJMViewGraph

/// Site pages right of the deals, where the ads on their right point into them.
///
/// Pages nothing on the same site links to stand in one column; pages reached by links
/// between pages (home → product → cart) follow to the right of the page linking to them, so
/// a site funnel reads left to right instead of folding into the column.
enum SiteBlock {
    static func build(_ sites: [Site], flows: [Flow], context: inout FlowMapContext) -> MapFragment {
        var fragment = MapFragment()
        for site in sites where !site.pages.isEmpty {
            let cluster = context.ids.make("site", site.path)
            let label = site.label.isEmpty ? context.words.site : site.label
            fragment.clusters.append(context.blockCluster(id: cluster, kind: .site, label: label))
            var ids: [String] = []
            for page in site.pages {
                let id = context.ids.make("page", page.path)
                context.placed.place(page.path, node: id, count: page.count)
                let extra = (page.url.map { [FlowMapContext.urlLine($0)] } ?? []) + FlowMapContext.countLine(page.count)
                fragment.nodes.append(Node(
                    id: id, classes: ["page"], label: context.lines(page.label, extra), style: context.theme.style(for: .page),
                    tooltip: context.tooltip(context.words.pageKind, page.label, page.path, page.url.map { [$0] } ?? []),
                    url: page.url, cluster: cluster))
                ids.append(id)
            }
            context.placed.anchor(site.path, source: ids[0], target: ids[0])
            let column = self.column(site.pages.map(\.path), flows: flows).map { ids[$0] }
            if column.count > 1 { fragment.sameRank.append(column) }
        }
        return fragment
    }

    /// Seed 001 draws ads into pages so pages nobody promotes stand out: when the map shows
    /// ads, a page no ad lands on gets a dashed frame, the class `unpromoted` and a note.
    static func markUnpromoted(_ nodes: inout [Node], edges: [Edge], words: MapWords) {
        guard nodes.contains(where: { $0.classes.contains("ad") }) else { return }
        let landed = Set(edges.filter { $0.classes.contains("landing") }.map(\.to))
        for index in nodes.indices where nodes[index].classes.contains("page") && !landed.contains(nodes[index].id) {
            nodes[index].classes.append("unpromoted")
            nodes[index].style.dashed = true
            nodes[index].tooltip = (nodes[index].tooltip.map { $0 + "\n" } ?? "") + words.unpromotedNote
        }
    }

    /// Which pages (by index) stand in the column: those no other page of the site links to
    /// (the first page when every page is linked to).
    static func column(_ pages: [ElementPath], flows: [Flow]) -> [Int] {
        var index: [ElementPath: Int] = [:]
        for (position, path) in pages.enumerated() { index[path] = position }
        var linkedTo = Array(repeating: false, count: pages.count)
        for flow in flows {
            guard let from = index[flow.from], let to = index[flow.to], from != to else { continue }
            linkedTo[to] = true
        }
        let column = pages.indices.filter { !linkedTo[$0] }
        return column.isEmpty ? [0] : column
    }
}
