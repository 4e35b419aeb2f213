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
            let label = site.label.isEmpty ? context.titles.site : site.label
            fragment.clusters.append(context.blockCluster(id: cluster, kind: .site, label: label))
            var ids: [String] = []
            for page in site.pages {
                let id = context.ids.make("page", page.path)
                context.placed.place(page.path, node: id, count: page.count)
                let extra = (page.url.map { [FlowMapContext.urlLine($0)] } ?? []) + FlowMapContext.countLine(page.count)
                fragment.nodes.append(Node(
                    id: id, classes: ["page"], label: context.lines(page.label, extra), style: context.theme.style(for: .page),
                    tooltip: context.tooltip("Страница", page.label, page.path, page.url.map { [$0] } ?? []),
                    url: page.url, cluster: cluster))
                ids.append(id)
            }
            context.placed.anchor(site.path, source: ids[0], target: ids[0])
            let placement = placement(site.pages.map(\.path), flows: flows)
            let column = placement.column.map { ids[$0] }
            if column.count > 1 { fragment.sameRank.append(column) }
            // The column's first page ranks the whole column; pages no link from the column
            // reaches (a loop of pages linking each other) are ranked on their own.
            fragment.entries += [column[0]] + placement.unreached.map { ids[$0] }
            fragment.exits.append(column[0])
        }
        return fragment
    }

    static let unpromotedNote = "ни одно объявление не ведёт сюда"

    /// Seed 001 draws ads into pages so pages nobody promotes stand out: when the map shows
    /// ads, a page no ad lands on gets a dashed frame, the class `unpromoted` and a note.
    static func markUnpromoted(_ nodes: inout [Node], edges: [Edge]) {
        guard nodes.contains(where: { $0.classes.contains("ad") }) else { return }
        let landed = Set(edges.filter { $0.classes.contains("landing") }.map(\.to))
        for index in nodes.indices where nodes[index].classes.contains("page") && !landed.contains(nodes[index].id) {
            nodes[index].classes.append("unpromoted")
            nodes[index].style.dashed = true
            nodes[index].tooltip = (nodes[index].tooltip.map { $0 + "\n" } ?? "") + unpromotedNote
        }
    }

    /// Which pages (by index) stand in the column, and which pages no link from it reaches.
    static func placement(_ pages: [ElementPath], flows: [Flow]) -> (column: [Int], unreached: [Int]) {
        var index: [ElementPath: Int] = [:]
        for (position, path) in pages.enumerated() { index[path] = position }
        var links: [[Int]] = Array(repeating: [], count: pages.count)
        var linkedTo = Array(repeating: false, count: pages.count)
        for flow in flows {
            guard let from = index[flow.from], let to = index[flow.to], from != to else { continue }
            links[from].append(to)
            linkedTo[to] = true
        }
        var column = pages.indices.filter { !linkedTo[$0] }
        if column.isEmpty { column = [0] }
        var reached = Array(repeating: false, count: pages.count)
        var queue = column
        for position in column { reached[position] = true }
        while let position = queue.popLast() {
            for next in links[position] where !reached[next] {
                reached[next] = true
                queue.append(next)
            }
        }
        return (column, pages.indices.filter { !reached[$0] })
    }
}
