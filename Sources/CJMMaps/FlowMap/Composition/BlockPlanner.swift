import CJMModel
import CJMViewGraph

/// Cuts the flow map's graph into the `BlockPlan`'s units, section by section in reading
/// order. A unit holds a cluster with everything inside it and the edges between its nodes;
/// a stack's measuring unit holds its frame and its nodes, one above the other, without edges.
struct BlockPlanner {
    private let graph: ViewGraph
    private var plan = BlockPlan()
    /// Cluster indices by parent id (nil: top level), in the graph's order.
    private var children: [String?: [Int]] = [:]
    /// Node indices by cluster id, in the graph's order.
    private var members: [String: [Int]] = [:]
    private var clusterIndex: [String: Int] = [:]
    /// The unit each node's clusters went into (block units only).
    private var unitOfCluster: [String: Int] = [:]
    /// Where a reordered node stands in its unit (`orderByLanding`); others keep the graph's order.
    private var nodeRank: [Int: Int] = [:]
    /// Each landing page's place in the order the ads give the pages (`orderByLanding`).
    private var landingRank: [String: Double] = [:]
    /// The frame `liftFarReaching` lifted nodes in, and what each lifted node's far flows reach.
    private var lifted: (frame: String, reach: [String: [String]])?

    /// The way blocks rank their insides: left to right, or top to bottom for a map read down.
    private let direction: Layout.Direction
    private var legendRequest: (root: String, key: Legend.Key, placement: LegendPlacement)?

    init(graph: ViewGraph, direction: MapDirection = .right) {
        self.graph = graph
        self.direction = direction == .down ? .topToBottom : .leftToRight
        plan.transposed = direction == .down
        for (index, cluster) in graph.clusters.enumerated() {
            children[cluster.parent, default: []].append(index)
            clusterIndex[cluster.id] = index
        }
        for (index, node) in graph.nodes.enumerated() {
            if let cluster = node.cluster { members[cluster, default: []].append(index) }
        }
    }

    /// A section of one framed stack: the frame's own nodes, each a piece. With
    /// `alignsWithPrevious`, its pieces move level with what they reach in the section before.
    mutating func addStack(frame: String?, ordersByNeighbours: Bool, alignsWithPrevious: Bool = false) {
        guard let frame, var group = stackGroup(frame: frame, ordersByNeighbours: ordersByNeighbours) else { return }
        if alignsWithPrevious, !plan.sections.isEmpty { group.alignsWithSection = plan.sections.count - 1 }
        plan.sections.append(BlockPlan.Section(groups: [group]))
    }

    /// Moves the nodes of `frame` whose flows reach past the clusters `near` (a channel
    /// linking to a page, beyond the CRM and the leads) to the top of the frame, keeping the
    /// written order otherwise. Their lines then leave above the fan of flows from the frame
    /// to the next block instead of crossing it. Call it before the frame's section is added.
    mutating func liftFarReaching(frame: String?, near: [String?]) {
        guard let frame, let nodes = members[frame] else { return }
        var close = Set<String>()
        for cluster in [frame] + near.compactMap({ $0 }) { for node in members[cluster] ?? [] { close.insert(graph.nodes[node].id) } }
        let own = Set(nodes.map { graph.nodes[$0].id })
        var reach: [String: [String]] = [:]
        for edge in graph.edges where edge.style.line != .invisible {
            if own.contains(edge.from), !close.contains(edge.to) { reach[edge.from, default: []].append(edge.to) }
            if own.contains(edge.to), !close.contains(edge.from) { reach[edge.to, default: []].append(edge.from) }
        }
        members[frame] = nodes.filter { reach[graph.nodes[$0].id] != nil } + nodes.filter { reach[graph.nodes[$0].id] == nil }
        lifted = (frame, reach)
    }

    /// Sorts the nodes `liftFarReaching` lifted by the order the ads give the pages they link
    /// to (`landingRank`; those reaching no such page after the rest), so the higher node's
    /// line ends at the higher page and the two do not cross on the way; the rows standing
    /// level with the frame (`addRows`) follow.
    private mutating func orderLifted() {
        guard let lifted else { return }
        for s in plan.sections.indices {
            for g in plan.sections[s].groups.indices where plan.sections[s].groups[g].frame == lifted.frame {
                let pieces = plan.sections[s].groups[g].pieces
                let key = pieces.map { piece -> Double? in
                    guard case .node(let node) = piece, let targets = lifted.reach[graph.nodes[node].id] else { return nil }
                    let ranks = targets.compactMap { landingRank[$0] }
                    return ranks.isEmpty ? .infinity : ranks.reduce(0, +) / Double(ranks.count)
                }
                let count = key.prefix { $0 != nil }.count
                let order = (0..<count).sorted { key[$0]! != key[$1]! ? key[$0]! < key[$1]! : $0 < $1 } + Array(count..<pieces.count)
                guard order != Array(pieces.indices) else { return }
                plan.sections[s].groups[g].pieces = order.map { pieces[$0] }
                let newOrder = order.compactMap { index -> Int? in
                    guard case .node(let node) = pieces[index] else { return nil }
                    return node
                }
                for t in plan.sections.indices {
                    for h in plan.sections[t].groups.indices where !plan.sections[t].groups[h].rowAnchors.isEmpty {
                        var group = plan.sections[t].groups[h]
                        guard group.rowAnchors.compactMap({ $0 }).sorted() == newOrder.sorted() else { continue }
                        var newRow: [Int: Int] = [:]
                        for (row, node) in newOrder.enumerated() { newRow[node] = row }
                        let moved = group.rows.map { row in row < group.rowAnchors.count ? group.rowAnchors[row].flatMap { newRow[$0] } ?? row : row }
                        let sorted = moved.indices.sorted { moved[$0] != moved[$1] ? moved[$0] < moved[$1] : $0 < $1 }
                        group.pieces = sorted.map { group.pieces[$0] }
                        group.rows = sorted.map { moved[$0] }
                        group.rowAnchors = newOrder.map { Optional($0) }
                        plan.sections[t].groups[h] = group
                    }
                }
                return
            }
        }
    }

    /// A section of one framed stack laid out in rows, one per node of `anchors` (a frame of
    /// the next section, in its order): each piece in the row of the first of those nodes its
    /// flows reach, the pieces reaching none in a last row, each row in the frame's order.
    /// So each line to the next section runs along its own row and crosses no other.
    mutating func addRows(frame: String?, anchors: String?) {
        guard let frame, var group = stackGroup(frame: frame, ordersByNeighbours: false) else { return }
        let anchorNodes = anchors.flatMap { members[$0] } ?? []
        var rowOfAnchor: [String: Int] = [:]
        for (row, node) in anchorNodes.enumerated() where rowOfAnchor[graph.nodes[node].id] == nil { rowOfAnchor[graph.nodes[node].id] = row }
        var firstRow: [String: Int] = [:]
        for edge in graph.edges where edge.style.line != .invisible {
            for (mine, theirs) in [(edge.from, edge.to), (edge.to, edge.from)] where firstRow[mine] == nil {
                if let row = rowOfAnchor[theirs] { firstRow[mine] = row }
            }
        }
        let rows = group.pieces.map { piece -> Int in
            guard case .node(let node) = piece else { return anchorNodes.count }
            return firstRow[graph.nodes[node].id] ?? anchorNodes.count
        }
        let order = rows.indices.sorted { rows[$0] != rows[$1] ? rows[$0] < rows[$1] : $0 < $1 }
        group.pieces = order.map { group.pieces[$0] }
        group.rows = order.map { rows[$0] }
        group.rowAnchors = anchorNodes.map { Optional($0) }
        plan.sections.append(BlockPlan.Section(groups: [group]))
    }

    /// A section of one unit: the cluster `root` and everything inside it.
    mutating func addUnit(root: String?) {
        guard let root, let unit = makeUnit(root: root) else { return }
        plan.sections.append(BlockPlan.Section(groups: [BlockPlan.Group(frame: nil, pieces: [.unit(unit)])]))
    }

    /// A section of one frame whose child clusters are units (the deals: one per pipeline).
    mutating func addFramedUnits(frame: String?) {
        guard let frame, let group = framedUnits(frame: frame) else { return }
        plan.sections.append(BlockPlan.Section(groups: [group]))
    }

    /// One section for all sites: a site whose pages link to each other is a unit (`dot`
    /// draws the links), any other a stack of its pages.
    mutating func addSites(_ sites: [String]) {
        var groups: [BlockPlan.Group] = []
        for site in sites {
            let pages = Set((members[site] ?? []).map { graph.nodes[$0].id })
            let linked = graph.edges.contains { edge in
                edge.style.line != .invisible && pages.contains(edge.from) && pages.contains(edge.to)
            }
            if linked {
                // Left to right whichever way the map reads: `dot` would put a site's unlinked
                // pages side by side on its first rank, a row far wider than a docs column.
                if let unit = makeUnit(root: site, direction: .leftToRight) { groups.append(BlockPlan.Group(frame: nil, pieces: [.unit(unit)])) }
            } else if let group = stackGroup(frame: site, ordersByNeighbours: true) {
                groups.append(group)
            }
        }
        if !groups.isEmpty { plan.sections.append(BlockPlan.Section(groups: groups)) }
    }

    /// One section for all ad networks: each a frame of its campaigns, each campaign a unit.
    /// Within a network, campaigns, their groups and the groups' ads follow the pages they
    /// land on (`orderByLanding`), so the landing lines run side by side instead of crossing.
    mutating func addAdNetworks(_ networks: [String]) {
        orderByLanding(networks)
        let groups = networks.compactMap { framedUnits(frame: $0) }
        if !groups.isEmpty { plan.sections.append(BlockPlan.Section(groups: groups)) }
    }

    /// Sorts the ads under `networks` by the pages they land on, keeping each group's,
    /// campaign's and network's ads together: pages by the mean position of the ads landing
    /// on them, then each ad by the mean rank of its pages (its own position when it lands
    /// nowhere) and every cluster's children by the mean of the ads inside, and again from
    /// the new order (two-sided barycentres). The order whose landing lines cross least
    /// (pairs of lines in opposite orders at their two ends) is kept; ties keep the earlier.
    private mutating func orderByLanding(_ networks: [String]) {
        var clustersBelow: [String] = []
        var pending = networks
        while !pending.isEmpty {
            let cluster = pending.removeFirst()
            clustersBelow.append(cluster)
            pending += (children[cluster] ?? []).map { graph.clusters[$0].id }
        }
        var isAd: [String: Int] = [:]
        for cluster in clustersBelow { for node in members[cluster] ?? [] { isAd[graph.nodes[node].id] = node } }
        guard isAd.count > 1 else { return }
        var pageOf: [String: Int] = [:]
        var landings: [(ad: Int, page: Int)] = []
        for edge in graph.edges where edge.classes.contains("landing") {
            guard let ad = isAd[edge.from] else { continue }
            let page = pageOf[edge.to] ?? pageOf.count
            pageOf[edge.to] = page
            landings.append((ad, page))
        }
        guard !landings.isEmpty else { return }

        func adOrder() -> [Int] {
            var result: [Int] = []
            func walk(_ cluster: String) {
                result += members[cluster] ?? []
                for child in children[cluster] ?? [] { walk(graph.clusters[child].id) }
            }
            for network in networks { walk(network) }
            return result
        }
        func pageRanks(_ position: [Int: Double]) -> [Double] {
            var sum = Array(repeating: 0.0, count: pageOf.count), count = Array(repeating: 0.0, count: pageOf.count)
            for landing in landings { sum[landing.page] += position[landing.ad]!; count[landing.page] += 1 }
            let key = sum.indices.map { sum[$0] / count[$0] }
            let order = key.indices.sorted { key[$0] != key[$1] ? key[$0] < key[$1] : $0 < $1 }
            var rank = Array(repeating: 0.0, count: pageOf.count)
            for (position, page) in order.enumerated() { rank[page] = Double(position) }
            return rank
        }
        func crossings(_ position: [Int: Double], _ rank: [Double]) -> Int {
            let ends = landings.map { (position[$0.ad]!, rank[$0.page]) }.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            // Pairs in opposite orders, by a merge count of the page ranks in ad order.
            var values = ends.map(\.1)
            var buffer = values
            var total = 0
            var width = 1
            while width < values.count {
                var start = 0
                while start < values.count {
                    let middle = min(start + width, values.count), stop = min(start + 2 * width, values.count)
                    var (i, j, k) = (start, middle, start)
                    while i < middle || j < stop {
                        if j >= stop || (i < middle && values[i] <= values[j]) { buffer[k] = values[i]; i += 1 }
                        else { total += middle - i; buffer[k] = values[j]; j += 1 }
                        k += 1
                    }
                    start = stop
                }
                swap(&values, &buffer)
                width *= 2
            }
            return total
        }
        func positions() -> [Int: Double] {
            var result: [Int: Double] = [:]
            for (position, node) in adOrder().enumerated() { result[node] = Double(position) }
            return result
        }
        func sortTree(_ key: [Int: Double]) {
            // Deepest clusters first, so each cluster's key is the mean over all its ads.
            var clusterKey: [String: (sum: Double, count: Double)] = [:]
            for cluster in clustersBelow.reversed() {
                var total = (sum: 0.0, count: 0.0)
                if let nodes = members[cluster] {
                    for node in nodes { total.sum += key[node]!; total.count += 1 }
                    members[cluster] = nodes.indices.sorted { key[nodes[$0]]! != key[nodes[$1]]! ? key[nodes[$0]]! < key[nodes[$1]]! : $0 < $1 }.map { nodes[$0] }
                }
                if let list = children[cluster] {
                    let mean = list.map { child -> Double in
                        let inner = clusterKey[graph.clusters[child].id] ?? (0, 0)
                        return inner.count > 0 ? inner.sum / inner.count : .infinity
                    }
                    for child in list {
                        if let inner = clusterKey[graph.clusters[child].id] { total.sum += inner.sum; total.count += inner.count }
                    }
                    children[cluster] = list.indices.sorted { mean[$0] != mean[$1] ? mean[$0] < mean[$1] : $0 < $1 }.map { list[$0] }
                }
                clusterKey[cluster] = total
            }
        }
        var position = positions()
        var best = (crossings: crossings(position, pageRanks(position)), members: members, children: children)
        for _ in 0..<8 {
            let rank = pageRanks(position)
            var sum: [Int: Double] = [:], count: [Int: Double] = [:]
            for landing in landings { sum[landing.ad, default: 0] += rank[landing.page]; count[landing.ad, default: 0] += 1 }
            // An ad landing nowhere keeps its place among the others, on the pages' scale.
            let scale = Double(max(pageOf.count - 1, 1)) / Double(max(position.count - 1, 1))
            var key: [Int: Double] = [:]
            for (node, place) in position { key[node] = count[node].map { sum[node]! / $0 } ?? place * scale }
            sortTree(key)
            position = positions()
            let now = crossings(position, pageRanks(position))
            if now < best.crossings { best = (now, members, children) }
        }
        members = best.members
        children = best.children
        let rank = pageRanks(positions())
        for (page, index) in pageOf { landingRank[page] = rank[index] }
        // Nodes numbered in the order the sorted tree lists them, for `makeUnit`.
        for (rank, node) in adOrder().enumerated() { nodeRank[node] = rank }
    }

    /// The legend in `root`, laid out as the strips `placement` may use (`Legend.Key.rowCounts`).
    mutating func setLegend(root: String?, key: Legend.Key, placement: LegendPlacement) {
        guard let root, placement != .off else { return }
        legendRequest = (root, key, placement)
    }

    /// The plan, with each unit's inner edges and same-rank sets.
    mutating func finish() -> BlockPlan {
        orderLifted()
        // The legend's strips share its nodes, so each is a copy of one unit, ranked left to
        // right whichever way the map reads (a strip is a grid of entries, not a flow).
        let legendBase = legendRequest.flatMap { makeUnit(root: $0.root) }
        var unitOfNode: [String: Int] = [:]
        for node in graph.nodes {
            if let cluster = node.cluster, let unit = unitOfCluster[cluster] { unitOfNode[node.id] = unit }
        }
        for edge in graph.edges {
            guard let unit = unitOfNode[edge.from], unitOfNode[edge.to] == unit else { continue }
            plan.units[unit].graph.edges.append(edge)
        }
        for set in graph.sameRank where set.count > 1 {
            guard let unit = set.first.flatMap({ unitOfNode[$0] }), set.allSatisfy({ unitOfNode[$0] == unit }) else { continue }
            plan.units[unit].graph.sameRank.append(set)
        }
        if let legendBase, let request = legendRequest {
            var base = plan.units[legendBase].graph
            base.layout = .ranked(direction: .leftToRight)
            // Tight: a strip is read entry by entry, and every point of it is taken from the map.
            base.style.rankSeparation = Legend.rankSeparation
            base.style.nodeSeparation = Legend.nodeSeparation
            var variants: [(rows: Int, side: LegendPlacement)] = []
            let sides: [LegendPlacement] = request.placement == .auto ? [.bottom, .right] : [request.placement]
            for side in sides {
                for rows in request.key.rowCounts(for: side) {
                    variants.append((rows, side))
                }
            }
            for (index, variant) in variants.enumerated() {
                let grid = request.key.grid(rows: variant.rows)
                var graph = base
                graph.sameRank += grid.sameRank
                graph.edges += grid.edges
                let unit: Int
                if index == 0 {
                    unit = legendBase
                    plan.units[unit].graph = graph
                } else {
                    unit = plan.units.count
                    plan.units.append(BlockPlan.Unit(graph: graph, measuresOnly: false))
                }
                plan.legends.append((unit, variant.side))
            }
        }
        return plan
    }

    // MARK: Pieces

    private mutating func stackGroup(frame: String, ordersByNeighbours: Bool) -> BlockPlan.Group? {
        guard let index = clusterIndex[frame], let nodes = members[frame], !nodes.isEmpty else { return nil }
        var cluster = graph.clusters[index]
        cluster.parent = nil
        // Only the sizes count, so the nodes are pinned anywhere and Graphviz just measures them.
        let pinned = nodes.map { index -> Node in
            var node = graph.nodes[index]
            node.position = Point(x: 0, y: 0)
            return node
        }
        var measured = unitGraph(id: frame, clusters: [cluster], nodes: pinned, sameRank: [])
        measured.layout = .pinned
        plan.units.append(BlockPlan.Unit(graph: measured, measuresOnly: true))
        return BlockPlan.Group(frame: frame, pieces: nodes.map { .node($0) }, ordersByNeighbours: ordersByNeighbours)
    }

    private mutating func framedUnits(frame: String) -> BlockPlan.Group? {
        let units = (children[frame] ?? []).compactMap { makeUnit(root: graph.clusters[$0].id) }
        guard !units.isEmpty else { return nil }
        return BlockPlan.Group(frame: frame, pieces: units.map { .unit($0) })
    }

    /// A unit of `root` and its descendants with their nodes; edges are added by `finish`.
    private mutating func makeUnit(root: String, direction: Layout.Direction? = nil) -> Int? {
        guard let index = clusterIndex[root] else { return nil }
        var clusters: [Cluster] = []
        let nodes: [Node]
        var pending = [index]
        while !pending.isEmpty {
            // Parents before children, siblings in the graph's order.
            let current = pending.removeFirst()
            var cluster = graph.clusters[current]
            if current == index { cluster.parent = nil }
            clusters.append(cluster)
            pending += children[cluster.id] ?? []
        }
        nodes = clusters.flatMap { members[$0.id] ?? [] }
            .sorted { (nodeRank[$0] ?? $0, $0) < (nodeRank[$1] ?? $1, $1) }.map { graph.nodes[$0] }
        guard !nodes.isEmpty else { return nil }
        let unit = plan.units.count
        for cluster in clusters { unitOfCluster[cluster.id] = unit }
        var unitGraph = unitGraph(id: root, clusters: clusters, nodes: nodes, sameRank: [])
        if let direction { unitGraph.layout = .ranked(direction: direction) }
        plan.units.append(BlockPlan.Unit(graph: unitGraph, measuresOnly: false))
        return unit
    }

    private func unitGraph(id: String, clusters: [Cluster], nodes: [Node], sameRank: [[String]]) -> ViewGraph {
        var style = graph.style
        // A block is read up close: its boxes need less air between them than a whole map
        // laid out by one `dot`, whose gaps also carried the flows between blocks (those run
        // in the arrangement's gutters and passages now).
        style.rankSeparation = min(style.rankSeparation, Self.blockRankSeparation)
        style.nodeSeparation = min(style.nodeSeparation, Self.blockNodeSeparation)
        // Ranked down, a rank's nodes (a stage and its automations) stand side by side and set
        // the block's width, which a docs column is short of.
        if direction == .topToBottom { style.nodeSeparation = Self.downNodeSeparation }
        return ViewGraph(id: id, layout: .ranked(direction: direction), style: style, clusters: clusters, nodes: nodes, sameRank: sameRank)
    }

    /// Inches between the nodes of one rank in a block ranked top to bottom.
    static let downNodeSeparation = 0.25
    /// Inches between ranks, and between the nodes of one rank, inside a block.
    static let blockRankSeparation = 0.3
    static let blockNodeSeparation = 0.12

}
